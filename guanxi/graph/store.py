"""The graph store: the interface rules and queries use, and the ids and edge data it shares.

Node ids are ``person/<id>``, ``unit/<id>`` and ``relative/<key>`` (people named on
forms but not on the roster). Edge ids are stable for the same input
(``posting/17`` is the 18th posting row), so evidence and finding ids survive a
re-run. The networkx implementation is :class:`guanxi.graph.nxstore.NxStore`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from guanxi.graph.dataset import Dataset
from guanxi.graph.kinlink import KinLink as KinLink  # re-exported: the rules import it from here
from guanxi.graph.kinship.terms import TermMatch
from guanxi.graph.records import Person, Posting, Relation, Supervision, Unit

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


def relation_edge(rel: Relation, match: TermMatch | None) -> dict[str, Any]:
    """The data of the edge a relation row draws, its kind first: kin when the term is read,
    else a tie.

    Examples
    --------
    >>> from guanxi.graph.kinship.terms import normalize
    >>> data = relation_edge(Relation(person_id="P1", term="岳父"), normalize("岳父", "男"))
    >>> data["kind"], data["term"], data["chains"]
    ('kin', '岳父', [('wife', 'father')])
    """
    if match is None or match.tie:
        return {"kind": TIE, "term": rel.term, "start": rel.start_date, "end": rel.end_date,
                "rec": rel, "src": rel.src}
    return {"kind": KIN, "term": rel.term, "chains": match.chains, "note": match.note,
            "ego": match.ego, "start": rel.start_date, "end": rel.end_date, "rec": rel,
            "src": rel.src}


def relative_attrs(rel: Relation, gender: str | None) -> dict[str, Any]:
    """The attributes of a relative not on the roster, its kind first, as the first row naming
    him gives them."""
    return {"kind": RELATIVE, "name": rel.relative_name or f"（{rel.term}）", "roster": False,
            "birth_date": rel.relative_birth_date, "id_number": rel.relative_id_number,
            "work": rel.relative_work, "gender": gender, "rec": rel}


@dataclass(frozen=True, slots=True)
class Held:
    """One post held: the posting record, its edge id and the legal entity it sits in."""

    eid: str
    rec: Posting
    entity: str


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

    @abstractmethod
    def name(self, node_or_person: str) -> str:
        """A display name for a node id, a roster person id or a unit id (the id when unknown)."""
