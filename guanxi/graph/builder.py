"""Turn a validated dataset into the graph: nodes, typed edges and derived kin links."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from itertools import compress, count
from operator import attrgetter, not_

from guanxi.graph.dataset import Dataset
from guanxi.graph.dates import fmt_dot
from guanxi.graph.kinship.checks import check_kinship
from guanxi.graph.kinship.derive import derive_links
from guanxi.graph.kinship.relatives import Resolution, resolve_relatives
from guanxi.graph.kinship.terms import TermMatch, normalize
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import Relation
from guanxi.graph.store import (
    RELATIVE,
    UNIT_PARENT,
    pnode,
    relation_edge,
    relative_attrs,
    unode,
)

Progress = Callable[[str], None]
_PERSON_ID, _RELATIVE_ID = attrgetter("person_id"), attrgetter("relative_id")


def build(dataset: Dataset, progress: Progress | None = None) -> NxStore:
    """Build the in-memory graph of one dataset.

    Persons and units become nodes; postings, supervision, the unit tree and
    every relation row become typed edges carrying their interval and source
    row; kin links between roster people are then derived
    (:func:`guanxi.graph.kinship.derive.derive_links`).

    Complexity: linear in the number of records, plus the derivation.

    Examples
    --------
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三")], columns={"persons": set()}))
    >>> store.person("P1").name
    '张三'
    """
    # Hundreds of thousands of new nodes and edges make the cyclic collector rescan the whole
    # heap again and again; pause it as the loader does (100k persons: 44 s -> 25 s).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(dataset, progress)
    finally:
        if was_enabled:
            # The records and the graph live as long as the command: move them out of the
            # collector's generations, or its next passes walk all of them again (the first
            # rule scanned paid 10 s of a 0.4 s rule at 100k persons). Reference counting still
            # frees them; only cyclic garbage among them would outlive its use.
            gc.freeze()
            gc.enable()


def _build(dataset: Dataset, progress: Progress | None) -> NxStore:
    say = progress or (lambda _msg: None)
    store = NxStore(dataset)
    say("构建图：机构与人员")
    _add_units_and_persons(store, dataset)
    say("构建图：任职与分管")
    _add_posts(store, dataset)
    say("构建图：家庭成员及社会关系")
    _add_relations(store, dataset)
    say("推导亲属关系")
    _add_links(store)
    return store


# The steps of the build, in order (benchmarks/parts.py times them one by one).

def _add_units_and_persons(store: NxStore, dataset: Dataset) -> None:
    """Unit and person nodes, and the unit tree's edges."""
    for u in dataset.units:
        store.add_unit(u)
    for i, u in enumerate(dataset.units):
        if u.parent_id:
            store.add_edge(unode(u.parent_id), unode(u.id), f"{UNIT_PARENT}/{i}", UNIT_PARENT,
                           src=u.src)
    store.add_persons(dataset.persons)


def _add_posts(store: NxStore, dataset: Dataset) -> None:
    """Posting and supervision edges."""
    store.add_postings(dataset.postings)
    store.add_supervisions(dataset.supervision)


def _add_links(store: NxStore) -> None:
    """Kin links between roster people, declared and derived."""
    for link in derive_links(store):
        store.add_link(link)


def _add_relations(store: NxStore, dataset: Dataset) -> None:
    """Relation rows -> kin and tie edges; the same relative on two forms -> one node.

    A relative no other row names stays its row (:meth:`NxStore.add_leaves`).
    """
    matches = _term_readings(store, dataset)
    res = resolve_relatives(dataset.relations, matches)
    dataset.warnings.extend(res.notes)
    store.set_relatives(res.nodes, matches, res.gender)
    _add_relation_rows(store, dataset, matches, res)
    dataset.warnings.extend(check_kinship(store))


def _term_readings(store: NxStore, dataset: Dataset) -> list[TermMatch | None]:
    """Each relation row's term read against its owner's gender (None: not a kin term)."""
    matches: list[TermMatch | None] = []
    # a register repeats a few hundred (term, gender) pairs over millions of rows: read each once
    # (a TermMatch is only read after this, so rows may share one)
    seen: dict[tuple[str, str | None], TermMatch | None] = {}
    for rel in dataset.relations:
        owner = store.person(rel.person_id)
        k = (rel.term, owner.gender if owner else None)
        if k not in seen:
            seen[k] = normalize(*k)
        matches.append(seen[k])
    return matches


def _add_relation_rows(store: NxStore, dataset: Dataset, matches: list[TermMatch | None],
                      res: Resolution) -> None:
    """Every relation row into the store, once its relative's node is known (``res``).

    Most rows of a province name a relative no other row names: those are found in C-level
    passes over the rows and kept as rows in one call (:meth:`NxStore.add_leaves`); the
    others draw their edge one by one, in row order.
    """
    rels, nodes = dataset.relations, res.nodes
    for rel, match in zip(rels, matches):
        if match is None:
            where = rel.src.label() if rel.src else "relations"
            dataset.warnings.append(f"{where}：称谓“{rel.term}”无法识别为亲属关系，按其他社会关系保留")
    named = Counter(nodes)
    owners = list(map(pnode("").__add__, map(_PERSON_ID, rels)))  # pnode of each, in C
    leaf = list(map(_is_leaf, map(_RELATIVE_ID, rels), nodes, map(named.__getitem__, nodes),
                    map(store.g._node.__contains__, owners)))
    store.add_leaves(list(compress(count(), leaf)), list(compress(owners, leaf)))
    for i in compress(count(), map(not_, leaf)):
        _add_relation(store, i, rels[i], matches[i], nodes[i], owners[i], res.gender)



def _is_leaf(relative_id: str | None, node: str | None, named: int, owner_known: bool) -> bool:
    """Whether a relation row is kept as a row: its relative is not a roster person, no other
    row names him, and the form owner's node is in the graph (a roster person, or someone a
    posting names) before any relation row is drawn."""
    return not relative_id and node is not None and named == 1 and owner_known


def _add_relation(store: NxStore, i: int, rel: Relation, match: TermMatch | None,
                  node: str | None, owner: str, gender: dict[str, str | None]) -> None:
    """The edge of relation row ``i`` (not kept as a row), and its relative's node if new."""
    if rel.relative_id or node is None:
        target = pnode(rel.relative_id or "")
    else:
        target = node
        if target not in store.g:
            store.add_node(target, **relative_attrs(rel, gender.get(target)))
        data = store.g.nodes[target]
        for attr, value in (("birth_date", rel.relative_birth_date),
                            ("id_number", rel.relative_id_number), ("work", rel.relative_work)):
            if data.get(attr) is None and value:
                data[attr] = value
    store.add_edge(owner, target, f"relation/{i}", **relation_edge(rel, match))


def describe_relative(store: NxStore, node_id: str) -> str:
    """``李某（1945.03）`` for a relative node, the name for a roster person."""
    data = store.node(node_id)
    name = str(data.get("name", node_id))
    born = data.get("birth_date")
    if data.get("kind") == RELATIVE and born is not None:
        return f"{name}（{fmt_dot(born)}）"
    return name
