"""The in-memory graph store: a networkx ``MultiDiGraph`` behind :class:`GraphStore`.

A relative named on one relation row only (most relatives of a province: a
parent or a child on one form) cannot lie inside a path or a derived link, so
the networkx store keeps that row as the node and its edge instead of drawing
them (about 1.7 kB per relative); :meth:`NxStore.node`, :meth:`NxStore.edge`,
:meth:`NxStore.out_edges` and :meth:`NxStore.adjacent` read both alike.

The graph, the indexes and the calls the builder makes live in
:mod:`guanxi.graph.nxgraph`; this module is the reading side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from guanxi.graph.kinlink import KinLink
from guanxi.graph.kinship.terms import TermMatch
from guanxi.graph.nxgraph import NxGraph
from guanxi.graph.records import Person, Posting, Relation, Supervision, Unit
from guanxi.graph.store import (
    DERIVED_KIN,
    POSTING,
    SUPERVISION,
    GraphStore,
    Held,
    pnode,
    relation_edge,
    relative_attrs,
    unode,
)


def _phase(eid: str) -> float:
    """Where an edge was drawn in the build: the unit tree, postings and supervision first, the
    relation rows in row order, derived kin last (the order :meth:`NxStore.out_edges` keeps)."""
    if eid.startswith("relation/"):
        return int(eid[9:])
    return float("inf") if eid.startswith(DERIVED_KIN) else -1


class NxStore(NxGraph, GraphStore):
    """The in-memory store: the networkx graph and indexes of :class:`NxGraph`, read as
    :class:`GraphStore` asks."""

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.g or node_id in self._leaf

    def node(self, node_id: str) -> dict[str, Any]:
        got = self.g._node.get(node_id)
        if got is not None:
            return dict(got)
        i = self._leaf.get(node_id)
        if i is None:
            raise KeyError(node_id)
        rel = self.dataset.relations[i]
        return relative_attrs(rel, self._rel_gender.get(node_id))

    def edge(self, edge_id: str) -> dict[str, Any]:
        ends = self._edge_ends.get(edge_id) or self._record_ends(edge_id)
        if ends is None:
            u, v, _, data = self._leaf_edge(self._leaf_row(edge_id))
        else:
            u, v = ends
            data = dict(self.g._succ[u][v][edge_id])
        data.update(id=edge_id, u=u, v=v)
        return data

    def _record_ends(self, edge_id: str) -> tuple[str, str] | None:
        """The ends of ``posting/<i>`` or ``supervision/<i>``: the i-th record's person and unit,
        when that edge was drawn."""
        kind, _, n = edge_id.partition("/")
        if kind not in (POSTING, SUPERVISION) or not n.isdigit():
            return None
        rows = self.dataset.postings if kind == POSTING else self.dataset.supervision
        if int(n) >= len(rows):
            return None
        rec = rows[int(n)]
        u = pnode(rec.person_id if isinstance(rec, Posting) else rec.leader_id)
        v = unode(rec.unit_id)
        return (u, v) if edge_id in self.g._succ.get(u, {}).get(v, ()) else None

    def _leaf_row(self, edge_id: str) -> int:
        """The row of a relation edge kept as its row; KeyError for any other id."""
        i = int(edge_id[9:]) if edge_id.startswith("relation/") and edge_id[9:].isdigit() else -1
        node = self._rel_node[i] if 0 <= i < len(self._rel_node) else None
        if node is None or self._leaf.get(node) != i:
            raise KeyError(edge_id)
        return i

    def _leaf_edge(self, i: int) -> tuple[str, str, str, dict[str, Any]]:
        rel = self.dataset.relations[i]
        return (pnode(rel.person_id), str(self._rel_node[i]), f"relation/{i}",
                relation_edge(rel, self._rel_match[i]))

    def leaf_edges(self, node_id: str) -> list[tuple[str, str, dict[str, Any]]]:
        """(relative, edge id, data) of the relation rows a person's forms name that are kept as rows."""
        rows = self._leaf_of.get(node_id)
        if not rows:
            return []
        rels, nodes, match = self.dataset.relations, self._rel_node, self._rel_match
        return [(nodes[i], f"relation/{i}", relation_edge(rels[i], match[i]))  # type: ignore[misc]
                for i in rows]

    def out_edges(self, node_id: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(other end, edge id, data) of every edge leaving a node, in the order they were drawn.

        The rows kept as rows come where their edges would have been, so a person's relatives
        read in the order of the forms.
        """
        return self._out(node_id, self.leaf_edges)

    def out_rows(self, node_id: str) -> Iterator[tuple[str, str | int, dict[str, Any] | None]]:
        """:meth:`out_edges`, in the same order, but a relative kept as his row comes as
        (relative, row index, None): for a pass over every row that reads the record and its
        term reading itself, without making each row's edge data (:func:`check_kinship`)."""
        return self._out(node_id, self._leaf_rows)

    def relation_readings(self) -> tuple[list[Relation], list[TermMatch | None]]:
        """The relation rows and, row by row, the reading of each row's term (None: unread)."""
        return self.dataset.relations, self._rel_match

    def kept_rows(self) -> Iterable[tuple[str, list[int]]]:
        """(form owner, his relation rows kept as rows) for every owner that has such rows."""
        return self._leaf_of.items()

    def relation_row(self, i: int) -> tuple[Relation, TermMatch | None]:
        """Relation row ``i`` and the reading of its term (None: not a kin term)."""
        return self.dataset.relations[i], self._rel_match[i]

    def _leaf_rows(self, node_id: str) -> list[tuple[str, int, None]]:
        nodes = self._rel_node
        return [(nodes[i], i, None) for i in self._leaf_of[node_id]]  # type: ignore[misc]

    def _out(self, node_id: str, leaves_of: Callable[[str], list[Any]]) -> Iterator[Any]:
        rows = self._leaf_of.get(node_id)
        nbrs = self.g._succ.get(node_id, {})
        if not rows:
            for v, keyed in nbrs.items():
                for eid, data in keyed.items():
                    yield v, eid, data
            return
        leaves = leaves_of(node_id)
        k = 0
        for v, keyed in nbrs.items():
            first = _phase(next(iter(keyed)))
            while k < len(rows) and rows[k] < first:
                yield leaves[k]
                k += 1
            for eid, data in keyed.items():
                yield v, eid, data
        yield from leaves[k:]

    def adjacent(self, node_id: str) -> list[tuple[str, str, str, dict[str, Any]]]:
        """(u, v, edge id, data) of every edge touching a node: those leaving it, then entering."""
        i = self._leaf.get(node_id)
        if i is not None:
            return [self._leaf_edge(i)]
        out = [(node_id, v, eid, data) for v, eid, data in self.out_edges(node_id)]
        for u, keyed in self.g._pred.get(node_id, {}).items():
            out += [(u, node_id, eid, data) for eid, data in keyed.items()]
        return out

    def edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(u, v, edge id, data) of every edge, the rows kept as rows included."""
        for u in self.g._succ:
            for v, eid, data in self.out_edges(u):
                yield u, v, eid, data

    def size(self) -> tuple[int, int, int]:
        """(nodes, edges, relatives kept as rows): the graph's size as if every row were drawn."""
        leaves = len(self._leaf)
        return self.g.number_of_nodes() + leaves, self.g.number_of_edges() + leaves, leaves

    def person(self, person_id: str) -> Person | None:
        return self._persons.get(person_id)

    def persons(self) -> Iterator[Person]:
        return iter(self._persons.values())

    def unit(self, unit_id: str) -> Unit | None:
        return self._units.get(unit_id)

    def units(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def postings_of(self, person_id: str) -> list[Held]:
        return self._post_by_person.get(person_id, [])

    def postings_in(self, entity_id: str) -> list[Held]:
        return self._post_by_entity.get(entity_id, [])

    def entities(self) -> list[str]:
        """Every legal entity that has postings."""
        return list(self._post_by_entity)

    def supervisions_of(self, leader_id: str) -> list[tuple[str, Supervision]]:
        return self._sup_by_leader.get(leader_id, [])

    def supervisors_of(self, unit_id: str) -> list[tuple[str, Supervision]]:
        return self._sup_by_unit.get(unit_id, [])

    def kin_links(self, person_id: str | None = None) -> Iterable[KinLink]:
        if person_id is None:
            return iter(self._links)
        return self._kin.get(person_id, [])

    def name(self, node_or_person: str) -> str:
        """A display name for a node id or a roster person id."""
        if "/" in node_or_person and node_or_person in self:
            return str(self.node(node_or_person).get("name", node_or_person))
        p = self._persons.get(node_or_person)
        if p is not None:
            return p.name
        u = self._units.get(node_or_person)
        return u.name if u is not None else node_or_person

