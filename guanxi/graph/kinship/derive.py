"""Kin links between roster people: declared, through one shared node, or through a roster go-between.

Every kin edge says "N calls R by this 称谓". Grouping edges by R is a join:
two roster people A and B who both name R are related by
``chain(A→R) + chain(R→B)``; when R is on the roster, A and R are related
directly. A second join over roster people composes a declared link with any
other link through the roster person they share (A's 哥哥 is B, B's 妻子 is
C ⇒ A–C). Nothing is all-pairs: the cost is the sum over nodes of the squared
number of people naming them.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from guanxi.graph.kinship.category import FULL_SCOPE, IN_SCOPE, classify
from guanxi.graph.kinship.links import Entry, LazyLink, Route, Side
from guanxi.graph.kinship.steps import Chain, inverse
from guanxi.graph.store import KinLink

if TYPE_CHECKING:
    from guanxi.graph.nxstore import NxStore

#: chains longer than this are never in the law's scope, so they are not composed
MAX_CHAIN = 5


class _Sides:
    """Interns (chains, reverse chains) pairs as ints and caches flips, merges and compositions.

    Real data has a few hundred distinct sides, so after warm-up every
    operation on a pair of people is a dict lookup on two ints.
    """

    def __init__(self) -> None:
        self.index: dict[Side, int] = {}
        self.sides: list[Side] = []
        self.inv: dict[tuple[Chain, str | None], Chain] = {}
        self.flips: dict[int, int] = {}
        self.merges: dict[tuple[int, int], int] = {}
        self.comp: dict[tuple[int, int], int] = {}
        self.by_edge: dict[tuple[int, str | None], int] = {}

    def add(self, chains: list[Chain], gender: str | None) -> int:
        """Side of an edge declared by a person of ``gender``."""
        key = (id(chains), gender)
        got = self.by_edge.get(key)
        if got is not None and self.sides[got][0] == tuple(chains):
            return got
        back = []
        for c in chains:
            inv = self.inv.get((c, gender))
            if inv is None:
                inv = self.inv[(c, gender)] = inverse(c, gender)
            back.append(inv)
        got = self.by_edge[key] = self.intern((tuple(chains), tuple(back)))
        return got

    def intern(self, side: Side) -> int:
        i = self.index.get(side)
        if i is None:
            i = self.index[side] = len(self.sides)
            self.sides.append(side)
        return i

    def flip(self, i: int) -> int:
        got = self.flips.get(i)
        if got is None:
            fwd, back = self.sides[i]
            got = self.flips[i] = self.intern((back, fwd))
        return got

    def merge(self, i: int, j: int) -> int:
        """Both readings of a pair found along two routes."""
        key = (i, j)
        got = self.merges.get(key)
        if got is None:
            (f1, b1), (f2, b2) = self.sides[i], self.sides[j]
            fs, bs = list(f1), list(b1)
            for c, r in zip(f2, b2):
                if c not in fs:
                    fs.append(c)
                    bs.append(r)
            got = self.merges[key] = self.intern((tuple(fs), tuple(bs)))
        return got

    def compose(self, i1: int, i2: int) -> int:
        """Side N1→N2 through R from sides N1→R and N2→R (in-scope readings only), or -1."""
        key = (i1, i2)
        got = self.comp.get(key)
        if got is not None:
            return got
        (f1, b1), (f2, b2) = self.sides[i1], self.sides[i2]
        chains: list[Chain] = []
        revs: list[Chain] = []
        for c1, r1 in zip(f1, b1):
            for c2, r2 in zip(f2, b2):
                c, r = c1 + r2, c2 + r1
                if len(c) > MAX_CHAIN or c in chains:
                    continue
                if classify(c, FULL_SCOPE) in IN_SCOPE or classify(r, FULL_SCOPE) in IN_SCOPE:
                    chains.append(c)
                    revs.append(r)
        got = self.intern((tuple(chains), tuple(revs))) if chains else -1
        self.comp[key] = got
        return got


def _genders(store: NxStore) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for n, data in store.g.nodes(data=True):
        if data.get("kind") == "person":
            rec = data.get("rec")
            out[n] = data.get("gender") or getattr(rec, "gender", None)
    return out


def derive_links(store: NxStore) -> Iterator[KinLink]:
    """Yield one :class:`KinLink` per related pair of roster people (``a`` before ``b``).

    Declared links are always kept; derived ones only when some reading is in
    the widest scope (:data:`~guanxi.graph.kinship.category.FULL_SCOPE`). The
    link's ``text`` is written when first read.

    Complexity: O(E + Σ_R k_R² + Σ_P d_P·l_P) for E kin edges, k_R people naming
    node R, and d_P declared / l_P total links of roster person P.

    Examples
    --------
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> from guanxi.graph.builder import build
    >>> from guanxi.graph.kinship.steps import to_chinese
    >>> from datetime import date
    >>> ds = Dataset(persons=[Person(id="A", name="张三", gender="男"),
    ...                       Person(id="B", name="王五", gender="男")],
    ...              relations=[Relation(person_id=p, term="岳父", relative_name="李某",
    ...                                  relative_birth_date=date(1945, 3, 1)) for p in "AB"])
    >>> [(to_chinese(k.chains[0]), k.category()) for k in build(ds).kin_links()]
    [('妻子的父亲的女儿的丈夫', '近姻亲')]
    """
    # millions of small tuples and lists: the cyclic collector would rescan the
    # whole graph again and again while they are made, for nothing (no cycles here)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return iter(_derive(store))
    finally:
        if was_enabled:
            gc.enable()


def _derive(store: NxStore) -> list[KinLink]:
    from guanxi.graph.store import KIN

    gender = _genders(store)
    sides = _Sides()
    reach: dict[str, list[Entry]] = defaultdict(list)
    # the raw adjacency dicts: the public views cost a wrapper object per person
    succ = getattr(store.g, "_succ", None) or store.g.succ
    for u, g_u in gender.items():
        for v, keyed in succ[u].items():
            for eid, data in keyed.items():
                if data.get("kind") != KIN:
                    continue
                side = sides.add(data["chains"], g_u)
                reach[v].append((u, side, eid, True, data))
                if v in gender:  # the relative is on the roster: the tie read from his side
                    reach[u].append((v, sides.flip(side), eid, False, data))

    pairs: dict[tuple[str, str], list[Any]] = {}
    flip, merge = sides.flip, sides.merge

    def add(n1: str, n2: str, side: int, edges: list[str], route: Route, direct: bool) -> None:
        if n2 < n1:
            n1, n2, side = n2, n1, flip(side)
        got = pairs.get((n1, n2))
        if got is None:
            pairs[(n1, n2)] = [side, edges, route, direct]
            return
        if got[0] != side:
            got[0] = merge(got[0], side)
        got[1] = got[1] + [e for e in edges if e not in got[1]]
        if direct and not got[3]:
            got[2], got[3] = route, True

    compose = sides.compose
    for r, entries in reach.items():
        if r in gender:
            for e in entries:
                add(e[0], r, e[1], [e[2]], (r, e, None), True)
        if len(entries) < 2:
            continue
        for i, e1 in enumerate(entries):
            n1, s1 = e1[0], e1[1]
            for e2 in entries[i + 1:]:
                if n1 == e2[0]:
                    continue
                side = compose(s1, e2[1])
                if side < 0:
                    continue
                n2 = e2[0]
                key = (n1, n2) if n1 < n2 else (n2, n1)
                if key in pairs:
                    add(n1, n2, side, [e1[2], e2[2]], (r, e1, e2), False)
                else:  # the common case, inlined: a pair seen for the first time
                    pairs[key] = [side if n1 < n2 else flip(side), [e1[2], e2[2]], (r, e1, e2),
                                  False]

    _through_roster(pairs, sides, add)
    sides_list = sides.sides
    return [LazyLink(store, k, v, sides_list[v[0]]) for k, v in pairs.items()]


def _through_roster(pairs: dict[tuple[str, str], list[Any]], sides: _Sides, add: Any) -> None:
    """Compose a declared link with any other link through the roster person they share."""
    # only people with a declared link to another roster person can be go-betweens
    mids = {n for (a, b), val in pairs.items() if val[3] for n in (a, b)}
    adj: dict[str, list[tuple[str, int, list[str], bool]]] = defaultdict(list)
    for (a, b), (side, edges, _route, direct) in pairs.items():
        if b in mids:
            adj[b].append((a, side, edges, direct))  # side: "a names b"
        if a in mids:
            adj[a].append((b, sides.flip(side), edges, direct))
    before = set(pairs) if adj else set()
    for mid, links in adj.items():
        declared = [x for x in links if x[3]]
        for x1 in declared:
            for x2 in links:
                if x2[0] == x1[0] or (x2[3] and x2[0] < x1[0]):
                    continue
                key = (x1[0], x2[0]) if x1[0] < x2[0] else (x2[0], x1[0])
                if key in before:
                    continue
                side = sides.compose(x1[1], x2[1])
                if side >= 0:
                    edges = x1[2] + [e for e in x2[2] if e not in x1[2]]
                    add(x1[0], x2[0], side, edges, (mid, None, None), False)


__all__ = ["MAX_CHAIN", "derive_links"]
