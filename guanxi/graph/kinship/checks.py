"""Consistency checks on declared kinship: both sides of a tie, genders, and birth dates.

Every warning names the rows it rests on (the relation row and the person or
relation row it contradicts), so an inspector can open both forms.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from guanxi.graph.dates import fmt_dot
from guanxi.graph.kinship.steps import Chain, agree, gender_of, inverse, kind
from guanxi.graph.records import Source

if TYPE_CHECKING:
    from guanxi.graph.nxstore import NxStore

#: fewer years than this between a parent and a child (per generation) cannot be blood
MIN_GENERATION_YEARS = 12


def _label(src: Source | None) -> str:
    return src.label() if src is not None else "relations"


def _row(data: dict[str, Any]) -> str:
    return _label(data.get("src"))


def _person_row(store: NxStore, node: str) -> str:
    """``，persons.csv 第 3 行`` for a roster person with a known row, else ''."""
    rec = store.g.nodes[node].get("rec")
    src = getattr(rec, "src", None)
    if src is None or store.g.nodes[node].get("kind") != "person":
        return ""
    return f"，{src.label()}"


def _months(d: date) -> int:
    return d.year * 12 + d.month


def _facts(data: dict[str, Any]) -> tuple[bool, str | None, date | None]:
    """(is a roster person, gender, birth date) of a node from its attributes."""
    rec = data.get("rec")
    person = data.get("kind") == "person"
    if person:
        born = getattr(rec, "birth_date", None)
    else:
        born = data.get("birth_date")
        born = born if isinstance(born, date) else None
    return person, data.get("gender") or getattr(rec, "gender", None), born


def _gender(store: NxStore, node: str) -> str | None:
    return _facts(store.g.nodes[node])[1]


#: the birth-month gaps (own − relative's, in months) a chain allows, and what is wrong outside them
DateRule = tuple[float, float, str]


def _date_rule(chain: Chain, adoptive: bool) -> DateRule | None:
    """The gaps a single chain allows between the ego's and the relative's births (None: any)."""
    kinds = {kind(s) for s in chain}
    need = 1 if adoptive else MIN_GENERATION_YEARS * 12 * len(chain)
    if kinds == {"up"}:  # the relative is older by at least ``need`` months
        return need, float("inf"), "长辈出生晚于本人或年龄差过小"
    if kinds == {"down"}:
        return float("-inf"), -need, "晚辈出生早于本人或年龄差过小"
    if len(chain) == 1 and chain[0].startswith("elder_"):
        return 0, float("inf"), "兄姐出生晚于本人"
    if len(chain) == 1 and chain[0].startswith("younger_"):
        return float("-inf"), 0, "弟妹出生早于本人"
    return None


class _Reading:
    """What the checks read off one ``chains`` list, shared by every row of that term."""

    __slots__ = ("chains", "end", "rules")

    def __init__(self, chains: list[Chain]) -> None:
        self.chains = chains
        ends = {gender_of(c[-1]) for c in chains}
        #: the relative's gender when every chain says the same one
        self.end = ends.pop() if len(ends) == 1 else None
        #: the date rule of a single chain, as written and as 拟制 (adoptive)
        self.rules = ((_date_rule(chains[0], False), _date_rule(chains[0], True))
                      if len(chains) == 1 else (None, None))


class _Readings(dict[int, _Reading]):
    """The :class:`_Reading` of each ``chains`` list, by identity: rows of one term share one."""

    def of(self, chains: list[Chain]) -> _Reading:
        got = self.get(id(chains))
        if got is None or got.chains is not chains:
            got = self[id(chains)] = _Reading(chains)
        return got


def _rule(reading: _Reading, note: Any) -> DateRule | None:
    """The date rule of a row: its term's, read as 拟制 (adoptive) when its note says so."""
    return reading.rules["拟制" in str(note or "")]


def _row_faults(ego: str | None, rule: DateRule | None, owner: tuple[Any, ...],
                rel_born: date | None) -> tuple[bool, DateRule | None]:
    """(the term needs the owner's other gender, the date rule the two births break) of one row."""
    _, owner_g, own = owner
    if own is None or rel_born is None or rule is None:
        broken = None
    else:
        gap = _months(own) - _months(rel_born)  # > 0: the relative is older
        broken = None if rule[0] <= gap <= rule[1] else rule
    return bool(ego and owner_g and ego != owner_g), broken


def _owners_to_walk(store: NxStore, node: Any, readings: _Readings) -> set[str]:
    """The form owners with a kin edge drawn (compared with the other side and other rows), or
    with a row kept as a row that has something to report.

    A relative kept as his row is named by no other row, so his row can only be wrong on its
    own: it is checked here, owner by owner, and its owner's edges are walked only when it is
    (most rows of a province are such rows, and right).
    """
    from guanxi.graph.store import pnode

    rels, matches = store.relation_readings()
    kin = [m is not None and not m.tie for m in matches]
    kept = bytearray(len(rels))
    out: set[str] = set()
    terms: dict[int, tuple[str | None, DateRule | None]] = {}  # id(match) -> (ego, date rule)
    for owner, rows in store.kept_rows():
        f_u = None
        for i in rows:
            kept[i] = 1
            match = matches[i]
            if match is None or match.tie or owner in out:
                continue
            if f_u is None:
                _, owner_g, own = f_u = _facts(node[owner])
                own_m = _months(own) if own is not None else None
            term = terms.get(id(match))
            if term is None:  # matches live as long as the store: an id is never reused here
                term = terms[id(match)] = (match.ego, _rule(readings.of(match.chains), match.note))
            # _row_faults, written out: it runs for millions of rows
            ego, rule = term
            if ego and owner_g and ego != owner_g:
                out.add(owner)
            elif rule is not None and own_m is not None:
                born = rels[i].relative_birth_date
                if born is not None and not rule[0] <= own_m - _months(born) <= rule[1]:
                    out.add(owner)
    for i, (k, c) in enumerate(zip(kin, kept)):
        if k and not c:
            out.add(pnode(rels[i].person_id))
    return out


def check_kinship(store: NxStore) -> list[str]:
    """Warnings about declared kin edges that contradict each other or the known facts.

    * the two sides of a tie between roster people disagree (A 称 B 为妻子, B 称 A 为哥哥);
    * a term presumes the other gender of the form owner (a woman's 岳父), or the relative's
      recorded gender contradicts the term;
    * birth dates make the tie impossible (a 父亲 younger than the child).

    Warnings come form owner by form owner (in the graph's node order), each owner's rows in
    the order :meth:`NxStore.out_edges` reads them.

    Complexity: O(R + E) over relation rows and the edges of the owners walked.
    """
    from guanxi.graph.store import KIN

    out: list[str] = []
    declared: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    # a relative not on the roster: the gender the first row implies, and the first row that
    # implies the other one
    said: dict[str, tuple[str, dict[str, Any]]] = {}
    clash: dict[str, dict[str, Any]] = {}
    # the raw node dict: the public views cost a wrapper object per lookup, and a province has
    # millions of edges; a relative kept as its relation row is read from the store
    node = getattr(store.g, "_node", None) or store.g.nodes
    readings = _Readings()
    walk = _owners_to_walk(store, node, readings)
    # a row's or an edge's term and note (an edge's data may lack them)
    note: str | None
    term: str | None
    for u in list(node):
        if u not in walk:
            continue
        f_u = _facts(node[u])
        for v, eid, data in store.out_rows(u):
            if data is None:  # a relative kept as his row (no other row names him): read the row
                rel, match = store.relation_row(eid)  # type: ignore[arg-type]
                if match is None or match.tie:
                    continue
                chains, ego, note, term, src = (match.chains, match.ego, match.note, rel.term,
                                                rel.src)
                v_person, rel_g, rel_born = False, None, rel.relative_birth_date
            elif data.get("kind") != KIN:
                continue
            else:
                chains, ego, note, term, src = (data["chains"], data.get("ego"),
                                                data.get("note"), data.get("term"),
                                                data.get("src"))
                v_person, rel_g, rel_born = _facts(node[v])
            reading = readings.of(chains)
            ego_wrong, broken = _row_faults(ego, _rule(reading, note), f_u, rel_born)
            if ego_wrong:
                out.append(f"{_label(src)}：{store.name(u)}（{f_u[1]}{_person_row(store, u)}）"
                           f"填报“{term}”，该称谓只适用于{ego}性")
            if v_person and rel_g and reading.end is not None and rel_g != reading.end:
                out.append(f"{_label(src)}：{store.name(u)} 填报 {store.name(v)} 为其"
                           f"“{term}”，但 {store.name(v)} 的性别为{rel_g}"
                           f"{_person_row(store, v)}")
            if broken is not None:
                out.append(f"{_label(src)}：{store.name(u)}（{fmt_dot(f_u[2])}"
                           f"{_person_row(store, u)}）填报的{term} "
                           f"{store.name(v)}（{fmt_dot(rel_born)}）{broken[2]}，"
                           f"关系与出生日期矛盾")
            if data is None:
                continue
            if v_person:
                declared[(u, v)].append(data)
            elif reading.end is not None:  # a relative node several rows name
                first = said.setdefault(v, (reading.end, data))
                if first[0] != reading.end and v not in clash:
                    clash[v] = data
    for v, (_, d0) in said.items():
        data = clash.get(v)
        if data is not None:
            out.append(f"{_row(d0)} 与 {_row(data)}：同一亲属 {store.name(v)} 被分别填报为"
                       f"“{d0.get('term')}”和“{data.get('term')}”，性别不一致")
    for (a, b), ab in declared.items():
        if b < a:
            continue
        for ba in declared.get((b, a), []):
            for d1 in ab:
                g_a = _gender(store, a)
                if not any(agree(inverse(c1, g_a), c2) for c1 in d1["chains"]
                           for c2 in ba["chains"]):
                    out.append(f"{_row(d1)} 与 {_row(ba)}：{store.name(a)} 填报 {store.name(b)} "
                               f"为其{d1.get('term')}，而 {store.name(b)} 填报 {store.name(a)} "
                               f"为其{ba.get('term')}，两者不一致")
    return out
