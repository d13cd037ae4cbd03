"""The graph store: one interface the rules use, a networkx implementation behind it.

Node ids are ``person/<id>``, ``unit/<id>`` and ``relative/<key>`` (people named on
forms but not on the roster). Edge ids are stable for the same input
(``posting/17`` is the 18th posting row), so evidence and finding ids survive a
re-run.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from guanxi.graph.kinship.category import CATEGORIES, EXCLUDED, IN_SCOPE, KinScope, classify
from guanxi.graph.kinship.steps import Chain
from guanxi.graph.records import Dataset, Person, Posting, Supervision, Unit

PERSON, UNIT, RELATIVE = "person", "unit", "relative"

#: edge kinds
POSTING = "posting"
SUPERVISION = "supervision"
UNIT_PARENT = "unit_parent"
KIN = "kin"
TIE = "tie"
DERIVED_KIN = "derived_kin"


def pnode(person_id: str) -> str:
    """Node id of a roster person."""
    return f"{PERSON}/{person_id}"


def unode(unit_id: str) -> str:
    """Node id of a unit."""
    return f"{UNIT}/{unit_id}"


def node_key(node_id: str) -> str:
    """The user's own id inside a node id: ``person/P001`` -> ``P001``."""
    return node_id.split("/", 1)[1]


@dataclass(frozen=True, slots=True)
class Held:
    """One post held: the posting record, its edge id and the legal entity it sits in."""

    eid: str
    rec: Posting
    entity: str


@dataclass
class KinLink:
    """Two roster people related by kinship, declared or derived through others.

    ``chains`` read from ``a`` to ``b``; ``edges`` are the declared kin edges the
    link rests on, ``via`` the shared relative's node id when derived.
    """

    a: str
    b: str
    chains: list[Chain]
    edges: list[str]
    via: str | None = None
    text: str = ""
    reverse_chains: list[Chain] = field(default_factory=list)
    #: the chains a form of ``a`` or ``b`` states about the other, read from the declarer
    declared: list[Chain] = field(default_factory=list)

    def category(self, scope: KinScope | None = None) -> str | None:
        """The most serious category over the pair's readings.

        A declared reading counts as the form states it: a 内侄 on A's form is
        out of scope by default while a 姑父 on B's form is 三代以内旁系血亲的配偶
        (rules.md names both, and they are the two ends of one relation). Any
        other reading and its reverse are one relation: when a scope switch keeps
        one side out, the other side does not bring the pair back in.
        """
        declared = set(self.declared_chains())
        cats = [classify(c, scope) for c in declared]
        back = self.reverse_chains
        for i, c in enumerate(self.chains):
            if c not in declared and (i >= len(back) or back[i] not in declared):
                cats.append(self._reading(i, scope))
        cats += [classify(c, scope) for c in back[len(self.chains):] if c not in declared]
        ranked = [c for c in CATEGORIES if c in cats]
        return ranked[0] if ranked else None

    def declared_chains(self) -> list[Chain]:
        """Chains as written on a form by one of the pair about the other (declarer first)."""
        return self.declared

    def _reading(self, i: int, scope: KinScope | None) -> str | None:
        fwd = classify(self.chains[i], scope)
        if i >= len(self.reverse_chains):
            return fwd
        back = classify(self.reverse_chains[i], scope)
        if EXCLUDED in (fwd, back):
            return EXCLUDED
        ranked = [c for c in CATEGORIES if c in (fwd, back)]
        return ranked[0] if ranked else None

    def in_scope(self, scope: KinScope | None = None) -> bool:
        return self.category(scope) in IN_SCOPE

    def best_chain(self, scope: KinScope | None = None) -> Chain:
        """The chain (from ``a``) that gives :meth:`category`."""
        want = self.category(scope)
        back = self.reverse_chains
        for i, c in enumerate(self.chains):
            if classify(c, scope) == want or (i < len(back) and classify(back[i], scope) == want):
                return c
        return self.chains[0]


class GraphStore(ABC):
    """What rules and queries may ask of a graph, whatever holds it.

    The networkx store is the default; a Neo4j store implements the same
    operations with parameterised Cypher.
    """

    dataset: Dataset

    def has(self, need: str) -> bool:
        """True when a table or ``table.column`` was supplied with the data."""
        return self.dataset.has(need)

    def records(self, table: str) -> list[Any]:
        """All validated records of one table."""
        return list(getattr(self.dataset, table))

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """A derived index built by ``make`` on first use and kept with the store.

        Rules and queries keep their indexes here (promotions per entity, people by
        name or by place), so the next rule or query on the same store reuses them.
        Any store has it: it needs nothing but the store object.
        """
        cache: dict[str, Any] = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = make()
        return cache[key]

    @abstractmethod
    def node(self, node_id: str) -> dict[str, Any]: ...

    @abstractmethod
    def edge(self, edge_id: str) -> dict[str, Any]: ...

    @abstractmethod
    def person(self, person_id: str) -> Person | None: ...

    @abstractmethod
    def unit(self, unit_id: str) -> Unit | None: ...

    @abstractmethod
    def entity_of(self, unit_id: str) -> str:
        """The legal entity a unit belongs to: itself unless it is a 内设机构."""

    @abstractmethod
    def postings_of(self, person_id: str) -> list[Held]: ...

    @abstractmethod
    def postings_in(self, entity_id: str) -> list[Held]:
        """Every post held in a legal entity, its 内设机构 included."""

    @abstractmethod
    def supervisions_of(self, leader_id: str) -> list[tuple[str, Supervision]]: ...

    @abstractmethod
    def supervisors_of(self, unit_id: str) -> list[tuple[str, Supervision]]: ...

    @abstractmethod
    def kin_links(self, person_id: str | None = None) -> Iterable[KinLink]:
        """Kin links touching a roster person, or every link once."""


class NxStore(GraphStore):
    """The in-memory store: a networkx ``MultiDiGraph`` plus a few indexes.

    Indexes (postings per person and per legal entity, supervision per leader
    and per unit, kin links per person) make every rule a pass over records
    rather than a search over pairs.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
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

    # -- writing (used by the builder) --------------------------------------
    def add_node(self, node_id: str, kind: str, **attrs: Any) -> None:
        self.g.add_node(node_id, kind=kind, **attrs)

    def add_edge(self, u: str, v: str, eid: str, kind: str, **attrs: Any) -> None:
        # the edge id is the key (no ``id`` attribute: a posting's data stays at five entries,
        # one dict size class smaller, 88 bytes less per edge)
        self.g.add_edge(u, v, key=eid, kind=kind, **attrs)
        self._edge_ends[eid] = (u, v)

    def add_person(self, p: Person) -> None:
        self._persons[p.id] = p
        self.add_node(pnode(p.id), PERSON, name=p.name, roster=True, rec=p)

    def add_unit(self, u: Unit) -> None:
        self._units[u.id] = u
        self.add_node(unode(u.id), UNIT, name=u.name, rec=u)

    def add_posting(self, eid: str, rec: Posting) -> None:
        self.add_edge(pnode(rec.person_id), unode(rec.unit_id), eid, POSTING,
                      start=rec.start_date, end=rec.end_date, rec=rec, src=rec.src)
        held = Held(eid, rec, self.entity_of(rec.unit_id))
        self._post_by_person[rec.person_id].append(held)
        self._post_by_entity[held.entity].append(held)

    def add_supervision(self, eid: str, rec: Supervision) -> None:
        self.add_edge(pnode(rec.leader_id), unode(rec.unit_id), eid, SUPERVISION,
                      start=rec.start_date, end=rec.end_date, rec=rec, src=rec.src)
        self._sup_by_leader[rec.leader_id].append((eid, rec))
        self._sup_by_unit[rec.unit_id].append((eid, rec))

    def add_link(self, link: KinLink) -> None:
        """Record a kin link between two roster people (and draw it as a derived edge)."""
        self._kin[node_key(link.a)].append(link)
        self._kin[node_key(link.b)].append(link)
        self._links.append(link)
        if link.via is not None:
            eid = f"{DERIVED_KIN}/{len(self._links) - 1}"
            self.add_edge(link.a, link.b, eid, DERIVED_KIN, chains=link.chains,
                          via=link.via, evidence=link.edges, text=link.text)

    # -- reading -------------------------------------------------------------
    def node(self, node_id: str) -> dict[str, Any]:
        return dict(self.g.nodes[node_id])

    def edge(self, edge_id: str) -> dict[str, Any]:
        u, v = self._edge_ends[edge_id]
        data = dict(self.g.edges[u, v, edge_id])
        data.update(id=edge_id, u=u, v=v)
        return data

    def person(self, person_id: str) -> Person | None:
        return self._persons.get(person_id)

    def persons(self) -> Iterator[Person]:
        return iter(self._persons.values())

    def unit(self, unit_id: str) -> Unit | None:
        return self._units.get(unit_id)

    def units(self) -> Iterator[Unit]:
        return iter(self._units.values())

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
        if "/" in node_or_person and node_or_person in self.g:
            return str(self.g.nodes[node_or_person].get("name", node_or_person))
        p = self._persons.get(node_or_person)
        if p is not None:
            return p.name
        u = self._units.get(node_or_person)
        return u.name if u is not None else node_or_person

