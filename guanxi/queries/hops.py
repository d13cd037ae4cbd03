"""One-step relations between people, expanded lazily from the store for path and neighbour queries.

A hop joins two people (or a person and a relative not on the roster) by one
relation. Colleague, supervision and hometown hops go *through* a unit or a place
without making it a node of the path: a person's postings lead to the unit, the
unit's postings lead to the people who served there at an overlapping time. No
pair list is ever materialised, so a hop costs what the two ends touch.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from guanxi.graph.dates import certain_overlap, contains
from guanxi.graph.store import DERIVED_KIN, KIN, POSTING, SUPERVISION, TIE, NxStore, pnode
from guanxi.queries.indexes import person_places, places, recommendations

#: relation types a query may ask for, with their Chinese names, in display order
TYPES: dict[str, str] = {
    "kin": "亲属", "spouse": "夫妻", "colleague": "同事", "former_colleague": "原同事",
    "supervision": "分管", "recommendation": "推荐", "hometown": "同乡",
    "secretary": "身边工作人员", "tie": "其他社会关系",
}
ORDER = {t: i for i, t in enumerate(TYPES)}
#: tie terms that make someone part of a leader's personal staff
SECRETARY_WORDS = ("秘书", "司机", "办公室")
#: units (and places) with more members than this are not expanded unless asked
UNIT_CAP = 500


@dataclass(frozen=True, slots=True)
class Hop:
    """One relation from ``src`` to ``dst``.

    ``edges`` are in travel order; ``via`` is the unit, place or appointment the
    hop goes through; ``forward`` is True when ``src`` is the side the record
    speaks for (the form owner, the leader, the recommender). ``start``/``end``
    bound the time the relation held (None: timeless or unknown).
    """

    src: str
    dst: str
    type: str
    edges: tuple[str, ...]
    start: date | None = None
    end: date | None = None
    via: str | None = None
    forward: bool = True

    def reversed(self) -> "Hop":
        """The same relation walked the other way."""
        return Hop(self.dst, self.src, self.type, self.edges[::-1], self.start, self.end,
                   self.via, not self.forward)


def resolve_types(via: Iterable[str] | None, as_of: date | None = None) -> frozenset[str]:
    """The relation types a query walks; unknown names raise ``ValueError``.

    ``kin`` includes ``spouse``. By default every type is walked, except that with
    ``as_of`` former colleagues are left out (they do not hold on that date)
    unless named.

    Examples
    --------
    >>> sorted(resolve_types(["kin"]))
    ['kin', 'spouse']
    >>> "former_colleague" in resolve_types(None, date(2020, 1, 1))
    False
    """
    if via is None:
        got = set(TYPES)
        if as_of is not None:
            got.discard("former_colleague")
        return frozenset(got)
    got = set(via)
    bad = got - set(TYPES)
    if bad:
        raise ValueError(f"未知的关系类型：{'、'.join(sorted(bad))}（可选：{'、'.join(TYPES)}）")
    if "kin" in got:
        got.add("spouse")
    return frozenset(got)


def is_spouse(chains: list[tuple[str, ...]]) -> bool:
    """True when a kin edge means husband or wife (a single spouse step).

    Examples
    --------
    >>> is_spouse([("wife",)]), is_spouse([("wife", "father")])
    (True, False)
    """
    return any(len(c) == 1 and c[0] in ("wife", "husband", "spouse") for c in chains)


class Expander:
    """Lazy neighbourhood of a node under a type filter, a date and a unit-size cap.

    ``skipped`` collects units and places left out for their size (id -> members).
    ``derived=False`` leaves out kin links derived through a shared relative: the
    two declared edges through that relative say the same, and name him.
    Complexity of :meth:`hops`: the node's own edges plus the members of the
    units it served in and of its places (each at most ``unit_cap``).
    """

    def __init__(self, store: NxStore, via: Iterable[str] | None = None, *,
                 as_of: date | None = None, unit_cap: int | None = UNIT_CAP,
                 today: date | None = None, derived: bool = True) -> None:
        self.store, self.g = store, store.g
        self.derived = derived
        self.types = resolve_types(via, as_of)
        self.as_of, self.unit_cap = as_of, unit_cap
        self.ref = as_of or today or date.today()
        self.skipped: dict[str, int] = {}

    def hops(self, node: str, places_seen: set[str] | None = None,
             skip: Container[str] = ()) -> list[Hop]:
        """Every hop leaving ``node`` that the filter allows.

        With ``places_seen``, a place already expanded (by anyone) is not expanded
        again: a breadth-first search has then reached all its people, and only
        equivalent 同乡 ties through another member of the same place are lost.
        Colleague and supervision hops to people in ``skip`` (already reached by a
        breadth-first search) are not generated, which saves their interval checks.

        Examples
        --------
        >>> from guanxi.graph import build
        >>> from guanxi.graph.records import Dataset, Person, Posting, Unit
        >>> store = build(Dataset(persons=[Person(id="A", name="甲"), Person(id="B", name="乙")],
        ...     units=[Unit(id="U", name="财务科")], postings=[
        ...     Posting(person_id="A", unit_id="U", title="科员", start_date=date(2019, 1, 1)),
        ...     Posting(person_id="B", unit_id="U", title="科长", start_date=date(2020, 1, 1))]))
        >>> [(h.dst, h.type, h.start) for h in Expander(store, ["colleague"]).hops("person/A")]
        [('person/B', 'colleague', datetime.date(2020, 1, 1))]
        """
        self._skip = skip
        out: list[Hop] = []
        t = self.types
        for u, v, eid, d in self.g.out_edges(node, keys=True, data=True):
            k = d["kind"]
            if k in (KIN, TIE, DERIVED_KIN):
                self._relation(out, node, v, eid, d, True)
            elif k == POSTING and t & {"colleague", "former_colleague", "supervision"}:
                self._posting(out, node, v, eid, d)
            elif k == SUPERVISION and "supervision" in t:
                self._supervising(out, node, v, eid, d)
        for u, _v, eid, d in self.g.in_edges(node, keys=True, data=True):
            if d["kind"] in (KIN, TIE, DERIVED_KIN):
                self._relation(out, node, u, eid, d, False)
        if node.startswith("person/"):
            if "hometown" in t:
                self._hometown(out, node, places_seen)
            if "recommendation" in t and self.store.has("appointments"):
                out.extend(self._recommended(node))
        return out

    # -- declared and derived relations ---------------------------------------
    _skip: Container[str] = ()

    def _valid(self, start: date | None, end: date | None) -> bool:
        return self.as_of is None or contains(start, end, self.as_of)

    def _relation(self, out: list[Hop], node: str, other: str, eid: str, d: dict[str, Any],
                  fwd: bool) -> None:
        k = d["kind"]
        if k == TIE:
            term = str(d.get("term", ""))
            typ = "secretary" if any(w in term for w in SECRETARY_WORDS) else "tie"
        elif k == KIN:
            typ = "spouse" if is_spouse(d["chains"]) else "kin"
        elif not self.derived:
            return
        else:
            typ = "kin"
        if typ not in self.types or not self._valid(d.get("start"), d.get("end")):
            return
        if k == DERIVED_KIN and self.as_of is not None:
            for ev in d.get("evidence", ()):
                e = self.store.edge(ev)
                if not self._valid(e.get("start"), e.get("end")):
                    return
        out.append(Hop(node, other, typ, (eid,), d.get("start"), d.get("end"),
                       d.get("via"), fwd))

    # -- postings: colleagues and supervision ---------------------------------
    def _members(self, unit_node: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(person node, posting edge id, data) of a unit, or nothing when it is too big."""
        if unit_node in self.skipped:
            return
        # the predecessor count is O(1) and bounds the members; count exactly only when big
        if self.unit_cap is not None and len(self.g.pred[unit_node]) > self.unit_cap:
            size = len({p for p, _u, d in self.g.in_edges(unit_node, data="kind")
                        if d == POSTING})
            if size > self.unit_cap:
                self.skipped[unit_node] = size
                return
        for p, _u, eid, d in self.g.in_edges(unit_node, keys=True, data=True):
            if d["kind"] == POSTING:
                yield p, eid, d

    def _when(self, s1: date | None, e1: date | None, s2: date | None,
              e2: date | None) -> tuple[date, date | None, bool] | None:
        """The overlap of two intervals and whether it still holds at the reference date."""
        got = _overlap(s1, e1, s2, e2)
        if got is None:
            return None
        start, end = got
        if start > self.ref:
            return None
        return start, end, end is None or end > self.ref

    def _posting(self, out: list[Hop], node: str, unit: str, eid: str, d: dict[str, Any]) -> None:
        want = self.types & {"colleague", "former_colleague"}
        if want:
            for p, eid2, d2 in self._members(unit):
                if p == node or p in self._skip:
                    continue
                w = self._when(d["start"], d["end"], d2["start"], d2["end"])
                if w is None:
                    continue
                typ = "colleague" if w[2] else "former_colleague"
                if typ in want:
                    out.append(Hop(node, p, typ, (eid, eid2), w[0], w[1], unit))
        if "supervision" in self.types:
            for sid, sup in self.store.supervisors_of(unit.split("/", 1)[1]):
                leader = pnode(sup.leader_id)
                w = self._when(d["start"], d["end"], sup.start_date, sup.end_date)
                if leader != node and w is not None and (w[2] or self.as_of is None):
                    out.append(Hop(node, leader, "supervision", (eid, sid), w[0], w[1], unit,
                                   False))

    def _supervising(self, out: list[Hop], node: str, unit: str, sid: str,
                     d: dict[str, Any]) -> None:
        for p, eid2, d2 in self._members(unit):
            if p == node or p in self._skip:
                continue
            w = self._when(d["start"], d["end"], d2["start"], d2["end"])
            if w is not None and (w[2] or self.as_of is None):
                out.append(Hop(node, p, "supervision", (sid, eid2), w[0], w[1], unit, True))

    # -- places and appointments ----------------------------------------------
    def _hometown(self, out: list[Hop], node: str, seen: set[str] | None) -> None:
        index = places(self.store)
        rec = self.store.person(node.split("/", 1)[1])
        for place in person_places(rec):
            if seen is not None:
                if place in seen:
                    continue
                seen.add(place)
            people = index.get(place, [])
            if self.unit_cap is not None and len(people) > self.unit_cap:
                self.skipped[f"place/{place}"] = len(people)
                continue
            out.extend(Hop(node, pnode(p), "hometown", (), via=f"place/{place}")
                       for p in people if pnode(p) != node)

    def _recommended(self, node: str) -> Iterator[Hop]:
        index = recommendations(self.store)
        for other, app_id, when, fwd in index.get(node.split("/", 1)[1], []):
            if self.as_of is not None and (when is None or when > self.as_of):
                continue
            yield Hop(node, pnode(other), "recommendation", (f"appointment/{app_id}",), when,
                      None, f"appointment/{app_id}", fwd)


def _overlap(s1: date | None, e1: date | None, s2: date | None,
             e2: date | None) -> tuple[date, date | None] | None:
    """:func:`certain_overlap`, with a fast path when every bound is a plain day."""
    if (type(s1) is date and type(s2) is date and (e1 is None or type(e1) is date)
            and (e2 is None or type(e2) is date)):
        start = s1 if s1 > s2 else s2
        end = e2 if e1 is None else e1 if e2 is None or e1 < e2 else e2
        return None if end is not None and start >= end else (start, end)
    return certain_overlap(s1, e1, s2, e2)
