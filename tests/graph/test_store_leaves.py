"""Relatives named on one relation row only are kept as that row, and read like drawn nodes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import Person, Relation, Source
from guanxi.graph.store import KIN, RELATIVE, pnode
from guanxi.loaders import load_dataset
from guanxi.queries.neighbors import neighbors
from guanxi.synth import generate
from guanxi.visualizations.evidence import evidence_graph


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NxStore:
    d: Path = tmp_path_factory.mktemp("leaves")
    generate(d, 1000, seed=3)
    return build(load_dataset(d))


def _relation_edges(store: NxStore) -> dict[str, tuple[str, str, dict]]:
    return {eid: (u, v, d) for u, v, eid, d in store.edges() if eid.startswith("relation/")}


def test_every_relation_row_is_one_edge_from_its_owner(store: NxStore) -> None:
    rels = store.dataset.relations
    got = _relation_edges(store)
    assert sorted(got) == sorted(f"relation/{i}" for i in range(len(rels)))
    kept = [eid for eid, (_u, v, _d) in got.items() if v not in store.g]
    drawn = [eid for eid, (_u, v, _d) in got.items() if v in store.g]
    assert kept and drawn  # the generated forms name both kinds
    for eid, (u, v, d) in got.items():
        rel = rels[int(eid.split("/")[1])]
        assert u == pnode(rel.person_id) and d["rec"] is rel and d["term"] == rel.term
        e = store.edge(eid)
        assert (e["u"], e["v"], e["id"], e["kind"]) == (u, v, eid, d["kind"])
    nodes, edges, leaves = store.size()
    assert leaves == len(kept)
    assert (nodes, edges) == (store.g.number_of_nodes() + leaves, store.g.number_of_edges() + leaves)


def test_a_relative_kept_as_a_row_reads_like_a_drawn_one(store: NxStore) -> None:
    rels = store.dataset.relations
    named: dict[str, int] = {}
    for _u, v, _d in _relation_edges(store).values():
        named[v] = named.get(v, 0) + 1
    for eid, (u, v, d) in _relation_edges(store).items():
        if v in store.g:
            # drawn: on the roster, or named by more than one row
            assert v.startswith("person/") or named[v] > 1
            continue
        rel = rels[int(eid.split("/")[1])]
        assert named[v] == 1 and v in store
        data = store.node(v)
        assert data["kind"] == RELATIVE and data["rec"] is rel
        assert data["name"] == (rel.relative_name or f"（{rel.term}）")
        assert data["birth_date"] == rel.relative_birth_date
        assert store.adjacent(v) == [(u, v, eid, d)]
    with pytest.raises(KeyError):
        store.node("relative/000000000000")
    with pytest.raises(KeyError):
        store.edge(f"relation/{len(rels)}")


def test_a_persons_edges_follow_the_rows_of_his_form(store: NxStore) -> None:
    checked = 0
    for p in store.persons():
        rows = [int(eid.split("/")[1]) for _v, eid, _d in store.out_edges(pnode(p.id))
                if eid.startswith("relation/")]
        if len(rows) > 1:
            checked += 1
            assert rows == sorted(rows), p.id
    assert checked > 100


def test_neighbours_and_evidence_show_a_relative_kept_as_a_row(store: NxStore) -> None:
    eid, (u, v, _) = next((e, x) for e, x in _relation_edges(store).items()
                          if x[1] not in store.g and x[2]["kind"] == KIN)
    name = store.node(v)["name"]
    near = neighbors(store, u, hops=2)
    assert v in {m.node for g in near.groups for m in g.members}
    g = evidence_graph(store, [], [eid])
    assert g.nodes[v].label == name and g.nodes[v].kind == RELATIVE
    assert [(e.id, e.u, e.v) for e in g.edges if not e.context] == [(eid, u, v)]


def test_kinship_checks_read_a_relative_kept_as_a_row() -> None:
    ds = Dataset(persons=[Person(id="P1", name="张三", gender="男", birth_date=date(1980, 5, 1))],
                 relations=[Relation(person_id="P1", term="父亲", relative_name="张某",
                                     relative_birth_date=date(1990, 1, 1),
                                     src=Source(file="relations.csv", row=3))])
    store = build(ds)
    assert store.size()[2] == 1
    assert any("relations.csv 第 3 行" in w and "长辈出生晚于本人" in w for w in ds.warnings)


def test_posting_and_supervision_edges_are_found_by_their_record(store: NxStore) -> None:
    for table, kind, who in (("postings", "posting", "person_id"),
                             ("supervision", "supervision", "leader_id")):
        rows = getattr(store.dataset, table)
        assert rows
        for i, rec in enumerate(rows):
            e = store.edge(f"{kind}/{i}")
            assert (e["u"], e["v"], e["kind"], e["rec"]) == (
                pnode(getattr(rec, who)), f"unit/{rec.unit_id}", kind, rec)
        for bad in (f"{kind}/{len(rows)}", f"{kind}/x", f"{kind}/-1"):
            with pytest.raises(KeyError):
                store.edge(bad)


def test_rows_of_an_owner_outside_the_roster_are_all_drawn() -> None:
    """An owner with no persons row has no node to hang a kept row on: every row of his form
    is drawn as an edge, whatever order his rows come in (6948558)."""
    rows = [Relation(person_id="X1", term="父亲", relative_name="李某",
                     relative_birth_date=date(1950, 1, 1), src=Source(file="r.csv", row=2)),
            Relation(person_id="P1", term="父亲", relative_name="李某",
                     relative_birth_date=date(1950, 1, 1), src=Source(file="r.csv", row=3)),
            Relation(person_id="X1", term="母亲", relative_name="王某",
                     relative_birth_date=date(1952, 1, 1), src=Source(file="r.csv", row=4)),
            Relation(person_id="P1", term="妻子", relative_name="赵某",
                     relative_birth_date=date(1980, 1, 1), src=Source(file="r.csv", row=5))]
    store = build(Dataset(persons=[Person(id="P1", name="张三", gender="男")], relations=rows,
                          columns={"persons": set(), "relations": set()}))
    got = _relation_edges(store)
    # X1's second row names a relative no other row names, yet is drawn: X1 is no roster person
    assert got["relation/2"][1] in store.g and store.g.has_edge(pnode("X1"), got["relation/2"][1])
    # P1's own single-named relative is kept as his row
    assert got["relation/3"][1] not in store.g and got["relation/3"][1] in store
    # the shared father is drawn for both
    assert got["relation/0"][1] == got["relation/1"][1] in store.g
