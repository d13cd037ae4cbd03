"""The builder turns records into typed nodes and edges with sources, and derives kin links."""

from datetime import date

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Person, Posting, Relation, Source, Unit
from guanxi.graph.store import DERIVED_KIN, KIN, POSTING, TIE, UNIT_PARENT


def _ds(**tables):
    return Dataset(columns={t: set() for t in tables}, **tables)


def _people():
    return [Person(id="P1", name="张三", gender="男"), Person(id="P2", name="王五", gender="男"),
            Person(id="P3", name="李四", gender="女")]


def test_typed_edges_carry_interval_and_source():
    src = Source(file="postings.csv", row=2)
    store = build(_ds(
        persons=_people(),
        units=[Unit(id="E", name="市人民医院", kind="事业单位"),
               Unit(id="U", name="财务科", kind="内设机构", parent_id="E")],
        postings=[Posting(person_id="P1", unit_id="U", title="科长", start_date=date(2020, 1, 1),
                          end_date=date(2022, 1, 1), src=src)],
    ))
    kinds = {d["kind"] for *_, d in store.edges()}
    assert kinds == {POSTING, UNIT_PARENT}
    e = store.edge("posting/0")
    assert (e["u"], e["v"]) == ("person/P1", "unit/U")
    assert e["start"] == date(2020, 1, 1) and e["end"] == date(2022, 1, 1)
    assert e["src"].label() == "postings.csv 第 2 行"
    assert store.entity_of("U") == "E" and store.entity_of("E") == "E"
    assert [h.entity for h in store.postings_of("P1")] == ["E"]
    assert [h.rec.person_id for h in store.postings_in("E")] == ["P1"]


def test_relation_declared_on_the_other_form_links_both_ways():
    store = build(_ds(persons=_people(), relations=[
        Relation(person_id="P3", term="哥哥", relative_id="P1")]))
    links = list(store.kin_links("P1"))
    assert len(links) == 1 and links[0].category() == "三代以内旁系血亲"
    assert store.edge("relation/0")["kind"] == KIN
    assert list(store.kin_links("P2")) == []


def test_shared_relative_is_one_node_and_derives_a_link():
    born = date(1945, 3, 1)
    store = build(_ds(persons=_people(), relations=[
        Relation(person_id="P1", term="岳父", relative_name="李老", relative_birth_date=born),
        Relation(person_id="P2", term="岳父", relative_name="李老", relative_birth_date=born),
    ]))
    (link,) = store.kin_links("P1")
    assert {link.a, link.b} == {"person/P1", "person/P2"}
    assert link.category() == "近姻亲"
    assert link.via is not None and store.node(link.via)["name"] == "李老"
    assert "同一人" in link.text
    assert sum(1 for *_, d in store.edges() if d["kind"] == DERIVED_KIN) == 1


def test_homonyms_with_different_birth_months_stay_apart():
    store = build(_ds(persons=_people(), relations=[
        Relation(person_id="P1", term="父亲", relative_name="王建国", relative_birth_date=date(1950, 3, 1)),
        Relation(person_id="P2", term="父亲", relative_name="王建国", relative_birth_date=date(1950, 4, 1)),
    ]))
    assert list(store.kin_links()) == []


def test_unknown_term_is_kept_as_a_tie_and_warned_with_its_row():
    ds = _ds(persons=_people(), relations=[
        Relation(person_id="P1", term="干爹的朋友", relative_id="P2",
                 src=Source(file="relations.csv", row=5)),
        Relation(person_id="P1", term="秘书", relative_id="P3")])
    store = build(ds)
    assert store.edge("relation/0")["kind"] == TIE and store.edge("relation/1")["kind"] == TIE
    assert any("relations.csv 第 5 行" in w and "干爹的朋友" in w for w in ds.warnings)
    assert not any("秘书" in w for w in ds.warnings)
    assert list(store.kin_links()) == []
