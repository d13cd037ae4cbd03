"""The networkx graph behind the store, and its writing side (what the builder calls).

:class:`NxGraph` holds the ``MultiDiGraph``, the records and the indexes, and draws
nodes and edges; :class:`~guanxi.graph.nxstore.NxStore` adds the reading side that
rules and queries use. Relatives named on one relation row only are kept as their
row (see :mod:`guanxi.graph.nxstore`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import networkx as nx

from guanxi.graph.dataset import Dataset
from guanxi.graph.kinlink import KinLink
from guanxi.graph.kinship.terms import TermMatch
from guanxi.graph.records import Person, Posting, Supervision, Unit
from guanxi.graph.store import (
    DERIVED_KIN,
    PERSON,
    POSTING,
    SUPERVISION,
    UNIT,
    Held,
    node_key,
    pnode,
    unode,
)

if TYPE_CHECKING:
    class _Graph(nx.MultiDiGraph[str]):
        """The store's graph as the type checker sees it: with the private adjacency dicts the
        store and the queries read directly (a public view costs a wrapper object per lookup),
        which networkx's stubs leave out."""

        _node: dict[str, dict[str, Any]]
        _succ: dict[str, dict[str, dict[str, dict[str, Any]]]]
        _pred: dict[str, dict[str, dict[str, dict[str, Any]]]]
else:
    _Graph = nx.MultiDiGraph


class NxGraph:
    """The graph, the records and the indexes of one dataset, and the calls that fill them.

    Indexes (postings per person and per legal entity, supervision per leader
    and per unit, kin links per person) make every rule a pass over records
    rather than a search over pairs.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.g: _Graph = _Graph()
        self._edge_ends: dict[str, tuple[str, str]] = {}
        self._persons: dict[str, Person] = {}
        self._units: dict[str, Unit] = {}
        self._entity: dict[str, str] = {}
        self._post_by_person: dict[str, list[Held]] = defaultdict(list)
        self._post_by_entity: dict[str, list[Held]] = defaultdict(list)
        self._sup_by_leader: dict[str, list[tuple[str, Supervision]]] = defaultdict(list)
        self._sup_by_unit: dict[str, list[tuple[str, Supervision]]] = defaultdict(list)
        self._kin: dict[str, list[KinLink]] = defaultdict(list)
        self._links: list[KinLink] = []
        # relatives kept as their relation row (see the module note): per row its relative's
        # node id and term reading, per node id its gender, the leaf rows by node and by owner
        self._rel_node: list[str | None] = []
        self._rel_match: list[TermMatch | None] = []
        self._rel_gender: dict[str, str | None] = {}
        self._leaf: dict[str, int] = {}
        self._leaf_of: dict[str, list[int]] = {}

    def add_node(self, node_id: str, kind: str, **attrs: Any) -> None:
        self.g.add_node(node_id, kind=kind, **attrs)

    def add_edge(self, u: str, v: str, eid: str, kind: str, **attrs: Any) -> None:
        # the edge id is the key (no ``id`` attribute: a posting's data stays at five entries,
        # one dict size class smaller, 88 bytes less per edge)
        self.g.add_edge(u, v, key=eid, kind=kind, **attrs)
        self._edge_ends[eid] = (u, v)

    def add_persons(self, persons: Iterable[Person]) -> None:
        """Roster people's nodes, written into the graph as ``add_node`` writes them."""
        g, known = self.g, self._persons
        for p in persons:
            known[p.id] = p
            n, data = pnode(p.id), {"kind": PERSON, "name": p.name, "roster": True, "rec": p}
            if n in g._node:
                g._node[n].update(data)
            else:
                g._succ[n], g._pred[n], g._node[n] = {}, {}, data
        self._edited()

    def add_unit(self, u: Unit) -> None:
        self._units[u.id] = u
        self.add_node(unode(u.id), UNIT, name=u.name, rec=u)

    # Postings and supervision, the bulk of the edges, are written straight into the graph's
    # adjacency, as ``MultiDiGraph.add_edge`` writes them (its call and keyword dict cost more
    # than the edge), and do not note their ends in ``_edge_ends`` (~150 B each): ``edge``
    # reads them off the record the id numbers (``_record_ends``).
    def add_postings(self, posts: Iterable[Posting]) -> None:
        """Edges ``posting/0`` … in order, and the postings by person and by legal entity."""
        by_person, by_entity, entity = self._post_by_person, self._post_by_entity, self._entity
        for i, rec in enumerate(posts):
            eid = f"posting/{i}"
            self._draw(pnode(rec.person_id), unode(rec.unit_id), eid, POSTING, rec)
            held = Held(eid, rec, entity.get(rec.unit_id) or self.entity_of(rec.unit_id))
            by_person[rec.person_id].append(held)
            by_entity[held.entity].append(held)
        self._edited()

    def add_supervisions(self, sups: Iterable[Supervision]) -> None:
        """Edges ``supervision/0`` … in order, and the supervision by leader and by unit."""
        for i, rec in enumerate(sups):
            eid = f"supervision/{i}"
            self._draw(pnode(rec.leader_id), unode(rec.unit_id), eid, SUPERVISION, rec)
            self._sup_by_leader[rec.leader_id].append((eid, rec))
            self._sup_by_unit[rec.unit_id].append((eid, rec))
        self._edited()

    def _draw(self, u: str, v: str, eid: str, kind: str, rec: Posting | Supervision) -> None:
        g = self.g
        if u not in g._succ:
            g.add_node(u)
        if v not in g._succ:
            g.add_node(v)
        keys = g._succ[u].get(v)
        if keys is None:
            keys = g._succ[u][v] = g._pred[v][u] = {}
        keys[eid] = {"kind": kind, "start": rec.start_date, "end": rec.end_date, "rec": rec,
                     "src": rec.src}

    def _edited(self) -> None:
        """What ``add_edge`` does after an edit: drop the graph's cache of converted graphs
        (networkx's ``_clear_cache``, read here without importing a private function)."""
        cache = getattr(self.g, "__networkx_cache__", None)
        if cache:
            cache.clear()

    def set_relatives(self, nodes: list[str | None], matches: list[TermMatch | None],
                      gender: dict[str, str | None]) -> None:
        """The relative node and the term reading of every relation row, before rows are added."""
        self._rel_node, self._rel_match, self._rel_gender = nodes, matches, gender

    def add_leaves(self, rows: list[int], owners: list[str]) -> None:
        """Relation rows ``rows`` (ascending; ``owners`` their form owners' nodes) name relatives
        no other row names: keep each row as its relative's node and edge."""
        nodes = cast(list[str], self._rel_node)  # a row kept as a row has its node
        self._leaf.update(zip(map(nodes.__getitem__, rows), rows))
        leaf_of = self._leaf_of
        for owner, i in zip(owners, rows):
            got = leaf_of.get(owner)
            if got is None:
                leaf_of[owner] = [i]
            else:
                got.append(i)

    def add_link(self, link: KinLink) -> None:
        """Record a kin link between two roster people (and draw it as a derived edge)."""
        self._kin[node_key(link.a)].append(link)
        self._kin[node_key(link.b)].append(link)
        self._links.append(link)
        if link.via is not None:
            eid = f"{DERIVED_KIN}/{len(self._links) - 1}"
            self.add_edge(link.a, link.b, eid, DERIVED_KIN, chains=link.chains,
                          via=link.via, evidence=link.edges, text=link.text)

    def entity_of(self, unit_id: str) -> str:
        got = self._entity.get(unit_id)
        if got is not None:
            return got
        seen: list[str] = []
        cur = unit_id
        while True:
            seen.append(cur)
            u = self._units.get(cur)
            if u is None or u.kind != "内设机构" or not u.parent_id or u.parent_id in seen:
                break
            cur = u.parent_id
        for s in seen:
            self._entity[s] = cur
        return cur
