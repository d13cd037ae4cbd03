"""Turn a validated dataset into the graph: nodes, typed edges and derived kin links."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from guanxi.graph.dates import fmt_dot
from guanxi.graph.kinship.derive import derive_links
from guanxi.graph.kinship.terms import normalize
from guanxi.graph.records import Dataset, Relation
from guanxi.graph.store import (
    KIN,
    RELATIVE,
    TIE,
    UNIT_PARENT,
    NxStore,
    pnode,
    unode,
)

Progress = Callable[[str], None]


def relative_key(rel: Relation) -> str:
    """Node id for a relative not on the roster.

    The same ID number, or the same name with the same birth month, is taken
    as the same person; a relative with neither is kept apart (one node per row).
    """
    if rel.relative_id_number:
        basis = "id:" + rel.relative_id_number.strip().upper()
    elif rel.relative_name and rel.relative_birth_date:
        d = rel.relative_birth_date
        basis = f"nb:{rel.relative_name.strip()}|{d.year:04d}-{d.month:02d}"
    else:
        where = rel.src.label() if rel.src else ""
        basis = f"row:{rel.person_id}|{rel.term}|{rel.relative_name}|{where}"
    return f"{RELATIVE}/" + hashlib.sha1(basis.encode()).hexdigest()[:12]


def build(dataset: Dataset, progress: Progress | None = None) -> NxStore:
    """Build the in-memory graph of one dataset.

    Persons and units become nodes; postings, supervision, the unit tree and
    every relation row become typed edges carrying their interval and source
    row; kin links between roster people are then derived
    (:func:`guanxi.graph.kinship.derive.derive_links`).

    Complexity: linear in the number of records, plus the derivation.

    Examples
    --------
    >>> from guanxi.graph.records import Dataset, Person
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三")], columns={"persons": set()}))
    >>> store.person("P1").name
    '张三'
    """
    say = progress or (lambda _msg: None)
    store = NxStore(dataset)
    say("构建图：机构与人员")
    for u in dataset.units:
        store.add_unit(u)
    for i, u in enumerate(dataset.units):
        if u.parent_id:
            store.add_edge(unode(u.parent_id), unode(u.id), f"{UNIT_PARENT}/{i}", UNIT_PARENT,
                           src=u.src)
    for p in dataset.persons:
        store.add_person(p)
    say("构建图：任职与分管")
    for i, post in enumerate(dataset.postings):
        store.add_posting(f"posting/{i}", post)
    for i, sup in enumerate(dataset.supervision):
        store.add_supervision(f"supervision/{i}", sup)
    say("构建图：家庭成员及社会关系")
    for i, rel in enumerate(dataset.relations):
        _add_relation(store, dataset, i, rel)
    say("推导亲属关系")
    for link in derive_links(store):
        store.add_link(link)
    return store


def _add_relation(store: NxStore, dataset: Dataset, i: int, rel: Relation) -> None:
    owner = store.person(rel.person_id)
    gender = owner.gender if owner else None
    match = normalize(rel.term, gender)
    if rel.relative_id:
        target = pnode(rel.relative_id)
    else:
        target = relative_key(rel)
        if target not in store.g:
            store.add_node(target, RELATIVE, name=rel.relative_name or f"（{rel.term}）",
                           roster=False, birth_date=rel.relative_birth_date,
                           id_number=rel.relative_id_number, work=rel.relative_work,
                           rec=rel)
    eid = f"relation/{i}"
    if match is None or match.tie:
        if match is None:
            where = rel.src.label() if rel.src else "relations"
            dataset.warnings.append(
                f"{where}：称谓“{rel.term}”无法识别为亲属关系，按其他社会关系保留"
            )
        store.add_edge(pnode(rel.person_id), target, eid, TIE, term=rel.term,
                       start=rel.start_date, end=rel.end_date, rec=rel, src=rel.src)
        return
    store.add_edge(pnode(rel.person_id), target, eid, KIN, term=rel.term, chains=match.chains,
                   note=match.note, start=rel.start_date, end=rel.end_date, rec=rel, src=rel.src)


def describe_relative(store: NxStore, node_id: str) -> str:
    """``李某（1945.03）`` for a relative node, the name for a roster person."""
    data = store.g.nodes[node_id]
    name = str(data.get("name", node_id))
    born = data.get("birth_date")
    if data.get("kind") == RELATIVE and born is not None:
        return f"{name}（{fmt_dot(born)}）"
    return name
