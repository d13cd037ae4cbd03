"""One-step relations between people, expanded lazily from the store for path and neighbour queries.

A hop joins two people (or a person and a relative not on the roster) by one
relation. Colleague, supervision and hometown hops go *through* a unit or a place
without making it a node of the path: a person's postings lead to the unit, the
unit's postings lead to the people who served there at an overlapping time. No
pair list is ever materialised, so a hop costs what the two ends touch.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Iterator
from datetime import date
from typing import Any

from guanxi.graph.dates import contains
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import DERIVED_KIN, KIN, POSTING, SUPERVISION, TIE, node_key, pnode
from guanxi.queries.hop import RELATIONS, SECRETARY_WORDS, UNIT_CAP, Hop, is_spouse, resolve_types
from guanxi.queries.hoptables import (
    PostRow,
    cell_places,
    certain_overlap,
    latest_start,
    member_table,
    unit_members,
)
from guanxi.queries.indexes import places, recommendations


class Reach:
    """A search layer as ``into`` for :meth:`Expander.hops`, with the units its people served in.

    A unit none of them served in has no member to reach, so its member list is not read.
    """

    __slots__ = ("nodes", "units")

    def __init__(self, exp: Expander, nodes: Collection[str]) -> None:
        self.nodes = nodes
        succ = exp.succ
        self.units = {unit for v in nodes for unit, kd in succ.get(v, {}).items()
                      if any(d["kind"] == POSTING for d in kd.values())} if exp.posts else set()

    def __contains__(self, node: object) -> bool:
        return node in self.nodes


class Expander:
    """Lazy neighbourhood of a node under a type filter, a date and a unit-size cap.

    ``skipped`` collects units and places left out for their size (id -> members).
    ``derived=False`` leaves out kin links derived through a shared relative: the
    two declared edges through that relative say the same, and name him.
    ``leaves=False`` leaves out the relatives the store keeps as their relation row
    (named by one form only): a path between two people never passes through one.
    Complexity of :meth:`hops`: the node's own edges plus the members of the
    units it served in and of its places (each at most ``unit_cap``), and for a 分管
    leader the members of the units he supervises (whatever their number: each member
    reaches him, so he reaches each member, and a path is the same from either end).

    It reads networkx's adjacency dicts (``g._succ``/``g._pred``) directly: the
    edge views build an object per neighbour and cost four times as much.
    """

    def __init__(self, store: NxStore, via: Iterable[str] | None = None, *,
                 as_of: date | None = None, unit_cap: int | None = UNIT_CAP,
                 today: date | None = None, derived: bool = True, leaves: bool = True) -> None:
        self.store, self.g = store, store.g
        self.succ, self.pred = store.g._succ, store.g._pred
        self.derived, self.leaves = derived, leaves
        self.types = t = resolve_types(via, as_of)
        self.as_of, self.unit_cap = as_of, unit_cap
        self.ref = as_of or today or date.today()
        self.skipped: dict[str, int] = {}
        self.colleague = t & {"colleague", "former_colleague"}
        self.supervision = "supervision" in t
        self.posts = bool(self.colleague) or self.supervision
        self.home = "hometown" in t
        self.recommend = "recommendation" in t and store.has("appointments")
        self._places = places(store) if self.home else {}
        self._recs = recommendations(store) if self.recommend else {}
        self._leaders: dict[str, list[tuple[str, str, date | None, date | None]]] = {}
        self._sizes: dict[str, int] = {}
        self._tables = unit_members(store)
        self._layer: dict[str, list[PostRow]] | None = None

    def new_layer(self) -> None:
        """Start a breadth-first layer: until the next call, ``skip`` and ``into`` stay the same
        objects and ``skip`` only grows, so each unit's members outside ``skip`` are listed once."""
        self._layer = {}

    def hops(self, node: str, places_seen: set[str] | None = None,
             skip: Container[str] = (), into: Container[str] | None = None) -> list[Hop]:
        """Every hop leaving ``node`` that the filter allows.

        With ``places_seen``, a place already expanded (by anyone) is not expanded
        again: a breadth-first search has then reached all its people, and only
        equivalent 同乡 ties through another member of the same place are lost.
        Hops to people in ``skip`` (already reached by a breadth-first search) are
        not generated, which saves their interval checks. With ``into``, only the
        hops to its nodes are generated (units and places too big are still noted):
        that costs the node's units' and places' member lists, not an interval
        check and a hop for each member.

        Examples
        --------
        >>> from guanxi.graph import build
        >>> from guanxi.graph.dataset import Dataset
        >>> from guanxi.graph.records import Person, Posting, Unit
        >>> store = build(Dataset(persons=[Person(id="A", name="甲"), Person(id="B", name="乙")],
        ...     units=[Unit(id="U", name="财务科")], postings=[
        ...     Posting(person_id="A", unit_id="U", title="科员", start_date=date(2019, 1, 1)),
        ...     Posting(person_id="B", unit_id="U", title="科长", start_date=date(2020, 1, 1))]))
        >>> [(h.dst, h.type, h.start) for h in Expander(store, ["colleague"]).hops("person/A")]
        [('person/B', 'colleague', datetime.date(2020, 1, 1))]
        """
        out: list[Hop] = []
        if node not in self.succ:  # a relative kept as his row: the one way back to the form
            for u, _v, eid, d in self.store.adjacent(node):
                if u not in skip and (into is None or u in into):
                    self._relation(out, node, u, eid, d, False)
            return out
        for v, kd in self.succ[node].items():
            for eid, d in kd.items():
                k = d["kind"]
                if k in RELATIONS:
                    if v not in skip and (into is None or v in into):
                        self._relation(out, node, v, eid, d, True)
                elif k == POSTING:
                    if self.posts:
                        self._posting(out, node, v, eid, d, skip, into)
                elif k == SUPERVISION and self.supervision:
                    self._supervising(out, node, v, eid, d, skip, into)
        if self.leaves:
            for v, eid, d in self.store.leaf_edges(node):
                if v not in skip and (into is None or v in into):
                    self._relation(out, node, v, eid, d, True)
        for u, kd in self.pred[node].items():
            if u in skip or (into is not None and u not in into):
                continue
            for eid, d in kd.items():
                if d["kind"] in RELATIONS:
                    self._relation(out, node, u, eid, d, False)
        if node.startswith("person/"):
            if self.home:
                self._hometown(out, node, places_seen, skip, into)
            if self.recommend:
                self._recommended(out, node, skip, into)
        return out

    # -- declared and derived relations ---------------------------------------
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
    def _open(self, unit_node: str) -> bool:
        """False (and the unit noted in ``skipped``) when it has more members than the cap."""
        if unit_node in self.skipped:
            return False
        # the predecessor count is O(1) and bounds the members; count exactly only when big
        if self.unit_cap is None or len(self.pred[unit_node]) <= self.unit_cap:
            return True
        size = self._sizes.get(unit_node)
        if size is None:
            size = self._sizes[unit_node] = sum(
                1 for kd in self.pred[unit_node].values()
                if any(d["kind"] == POSTING for d in kd.values()))
        if size > self.unit_cap:
            self.skipped[unit_node] = size
            return False
        return True

    def _members(self, unit: str, skip: Container[str], into: Container[str] | None
                 ) -> list[PostRow]:
        """(person, posting edge, start, end, latest start) of the unit's members not in ``skip``.

        Every unit's member table is made once per store (:func:`unit_members`); within a
        layer (:meth:`new_layer`) the filtered list is made once per unit, and a member
        reached since is dropped by :meth:`_overlaps`.
        """
        cache = self._layer
        got = None if cache is None else cache.get(unit)
        if got is None:
            table = self._tables.get(unit)
            if table is None:
                table = self._tables[unit] = member_table(self.pred[unit])
            got = [m for m in table if m[0] not in skip] if into is None else \
                [m for m in table if m[0] in into and m[0] not in skip]
            if cache is not None:
                cache[unit] = got
        return got

    def _overlaps(self, node: str, s1: date | None, e1: date | None, unit: str,
                  skip: Container[str], into: Container[str] | None
                  ) -> Iterator[tuple[str, str, date, date | None]]:
        """(member, posting edge, start, end) of the unit's members whose posts overlap
        ``[s1, e1)`` for certain (:func:`~guanxi.queries.hoptables.certain_overlap`) and began by the reference date."""
        ref = self.ref
        late1 = date.min if s1 is None else latest_start(s1)
        for p, eid2, s2, e2, late2 in self._members(unit, skip, into):
            if p == node or p in skip:  # ``skip`` may have grown since the layer's list was made
                continue
            end = e2 if e1 is None else e1 if e2 is None or e1 <= e2 else e2
            if end is not None and (late2 if late2 > late1 else late1) >= end:
                continue
            start = (s1 if s2 is None else s2 if s1 is None or s2 > s1 else s1)
            if start is None:
                start = date.min
            if start <= ref:
                yield p, eid2, start, end

    def _posting(self, out: list[Hop], node: str, unit: str, eid: str, d: dict[str, Any],
                 skip: Container[str], into: Container[str] | None) -> None:
        s1, e1 = d["start"], d["end"]
        ref = self.ref
        want = self.colleague
        if want and self._open(unit) and (not isinstance(into, Reach) or unit in into.units):
            both = len(want) == 2
            for p, eid2, start, end in self._overlaps(node, s1, e1, unit, skip, into):
                typ = "colleague" if end is None or end > ref else "former_colleague"
                if both or typ in want:
                    out.append(Hop(node, p, typ, (eid, eid2), start, end, unit))
        if self.supervision:
            leaders = self._leaders.get(unit)
            if leaders is None:
                leaders = self._leaders[unit] = [
                    (pnode(sup.leader_id), sid, sup.start_date, sup.end_date)
                    for sid, sup in self.store.supervisors_of(node_key(unit))]
            for leader, sid, s2, e2 in leaders:
                if leader == node or leader in skip or (into is not None and leader not in into):
                    continue
                w = certain_overlap(s1, e1, s2, e2)
                if w is not None and w[0] <= ref and (
                        self.as_of is None or w[1] is None or w[1] > ref):
                    out.append(Hop(node, leader, "supervision", (eid, sid), w[0], w[1], unit,
                                   False))

    def _supervising(self, out: list[Hop], node: str, unit: str, sid: str, d: dict[str, Any],
                     skip: Container[str], into: Container[str] | None) -> None:
        # whatever the unit's size: every member reaches his 分管 leader (``_posting``), so the
        # leader reaches every member, else a path would depend on the end it is searched from
        if isinstance(into, Reach) and unit not in into.units:
            return
        ref, anytime = self.ref, self.as_of is None
        for p, eid2, start, end in self._overlaps(node, d["start"], d["end"], unit, skip, into):
            if anytime or end is None or end > ref:
                out.append(Hop(node, p, "supervision", (sid, eid2), start, end, unit, True))

    # -- places and appointments ----------------------------------------------
    def places_of(self, node: str) -> tuple[str, ...]:
        """The hometown places of a roster person's node."""
        rec = self.store.person(node_key(node))
        return cell_places(getattr(rec, "growth_place", None), getattr(rec, "native_place", None))

    def _hometown(self, out: list[Hop], node: str, seen: set[str] | None,
                  skip: Container[str], into: Container[str] | None) -> None:
        index = self._places
        for place in self.places_of(node):
            if seen is not None:
                if place in seen:
                    continue
                seen.add(place)
            people = index.get(place, [])
            if self.unit_cap is not None and len(people) > self.unit_cap:
                self.skipped[f"place/{place}"] = len(people)
                continue
            via = f"place/{place}"
            for p in people:
                other = pnode(p)
                if other != node and other not in skip and (into is None or other in into):
                    out.append(Hop(node, other, "hometown", (), via=via))

    def _recommended(self, out: list[Hop], node: str, skip: Container[str],
                     into: Container[str] | None) -> None:
        index = self._recs
        for other, app_id, when, fwd in index.get(node_key(node), []):
            if self.as_of is not None and (when is None or when > self.as_of):
                continue
            dst = pnode(other)
            if dst in skip or (into is not None and dst not in into):
                continue
            out.append(Hop(node, dst, "recommendation", (f"appointment/{app_id}",), when,
                           None, f"appointment/{app_id}", fwd))
