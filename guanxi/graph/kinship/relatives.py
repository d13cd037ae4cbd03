"""Relatives named on forms -> relative nodes: the same person on two forms becomes one node.

Rules, strictest first: the same ID number is the same person; otherwise the
same name and the same birth month is the same person *unless* facts conflict
(two different ID numbers, or the chains imply different genders). A row with
neither an ID number nor a name and birth date is never merged. When a row
could join more than one person it joins none (a note says so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from hashlib import sha1

from guanxi.graph.idnumber import normalize_id, valid_id_number
from guanxi.graph.kinship.steps import gender_of
from guanxi.graph.kinship.terms import TermMatch
from guanxi.graph.records import Relation

try:  # CPython's own SHA-1: the same digest, without OpenSSL's set-up cost per call (a
    # province hashes millions of short keys, one per relative: 1.9 -> 1.0 µs each)
    from _sha1 import sha1  # type: ignore[import-not-found, no-redef]
except ImportError:  # an interpreter built without it keeps hashlib's
    pass

PREFIX = "relative/"


def node_id(basis: str) -> str:
    """A stable node id for a merge basis such as ``id:…`` or ``nb:name|1945-03|男``."""
    return PREFIX + sha1(basis.encode()).hexdigest()[:12]


def implied_gender(match: TermMatch | None) -> str | None:
    """The relative's gender when every chain of the term ends on one gender (岳父 ⇒ 男).

    Examples
    --------
    >>> from guanxi.graph.kinship.terms import normalize
    >>> implied_gender(normalize("岳父")), implied_gender(normalize("亲家"))
    ('男', None)
    """
    if match is None or not match.chains:
        return None
    got = {gender_of(c[-1]) for c in match.chains}
    return got.pop() if len(got) == 1 else None


def id_gender(idn: str) -> str | None:
    """Gender coded in a valid 18-digit ID number (17th digit odd ⇒ 男)."""
    if not valid_id_number(idn):
        return None
    return "男" if int(normalize_id(idn)[16]) % 2 else "女"


@dataclass
class Resolution:
    """Node id per relation row (None when the row names a roster person) and notes."""

    nodes: list[str | None]
    gender: dict[str, str | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _row_basis(i: int, rel: Relation) -> str:
    where = rel.src.label() if rel.src else f"#{i}"
    return f"row:{rel.person_id}|{rel.term}|{rel.relative_name}|{where}"


def resolve_relatives(relations: Sequence[Relation],
                      matches: Sequence[TermMatch | None]) -> Resolution:
    """Assign every described relative a node, merging the same person across forms.

    Complexity: O(n) in the number of rows (a grouping, no pairwise comparison).

    Examples
    --------
    >>> from datetime import date
    >>> from guanxi.graph.kinship.terms import normalize
    >>> rows = [Relation(person_id=p, term=t, relative_name="李某",
    ...                  relative_birth_date=date(1945, 3, 1))
    ...         for p, t in (("A", "岳父"), ("B", "岳父"), ("C", "岳母"))]
    >>> res = resolve_relatives(rows, [normalize(r.term, "男") for r in rows])
    >>> res.nodes[0] == res.nodes[1] != res.nodes[2]
    True
    """
    nodes: list[str | None] = [None] * len(relations)
    gender: dict[str, str | None] = {}
    notes: list[str] = []
    groups: dict[str, list[int]] = defaultdict(list)  # name|month -> rows
    row_g: list[str | None] = []
    # rows share a few hundred TermMatch objects (one per term and gender): read each once
    implied: dict[int, tuple[TermMatch | None, str | None]] = {}
    months: dict[date, str] = {}
    n: str | None  # a row's relative node, once known
    for i, (rel, m) in enumerate(zip(relations, matches)):
        got = implied.get(id(m))
        if got is None or got[0] is not m:
            got = implied[id(m)] = (m, implied_gender(m))
        g = got[1]
        idn = normalize_id(rel.relative_id_number) if rel.relative_id_number else ""
        if idn:
            g = g or id_gender(idn)
        row_g.append(g)
        if rel.relative_id:
            continue
        if idn:
            n = nodes[i] = node_id("id:" + idn)
            if gender.get(n) is None:
                gender[n] = g
        d = rel.relative_birth_date
        if rel.relative_name and d:
            ym = months.get(d)
            if ym is None:  # formatting numbers is slow and relatives share a few thousand dates
                ym = months[d] = f"{d.year:04d}-{d.month:02d}"
            groups[rel.relative_name.strip() + "|" + ym].append(i)
        elif not idn:
            nodes[i] = node_id(_row_basis(i, rel))
    for basis, rows in groups.items():
        if len(rows) == 1:  # most relatives: alone in their group, what the steps below give them
            i = rows[0]
            if nodes[i] is None:
                g = row_g[i]
                n = nodes[i] = node_id(f"nb:{basis}|{g}" if g is not None else f"nb:{basis}")
                gender[n] = g
            continue
        # persons already known in this group: one per ID number, with their gender
        known: dict[str, str | None] = {}
        loose: list[int] = []
        present: set[str] = set()  # the genders the rows without an ID number imply
        for i in rows:
            n = nodes[i]
            if n is not None:
                known[n] = known.get(n) or row_g[i]
            else:
                loose.append(i)
                g = row_g[i]
                if g is not None:
                    present.add(g)
        if not loose:  # every row has its ID-number node, whose gender is already set
            continue
        for g in sorted(present):
            # a gender nobody known here has: a new person (a gender-open ID holder
            # only absorbs rows when they all agree on one gender)
            if g not in known.values() and (len(present) > 1 or None not in known.values()):
                known[node_id(f"nb:{basis}|{g}")] = g
        for i in loose:
            if not known:
                n = nodes[i] = node_id(f"nb:{basis}")
                known[n] = None
                continue
            g = row_g[i]
            fits = [n for n, v in known.items() if g is None or v is None or v == g]
            if len(fits) == 1:
                nodes[i] = fits[0]
            else:
                nodes[i] = node_id(_row_basis(i, relations[i]))
                rel = relations[i]
                where = rel.src.label() if rel.src else "relations"
                notes.append(f"{where}：亲属“{rel.relative_name}”与多名同名同出生年月的人员"
                             f"均可对应（身份证号或性别不一致），未合并")
        for i in rows:
            n = nodes[i]
            if n is not None and gender.get(n) is None:
                gender[n] = row_g[i]
    return Resolution(nodes=nodes, gender=gender, notes=notes)
