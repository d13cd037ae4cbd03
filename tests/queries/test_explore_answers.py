"""The path answer object (endpoints, options, JSON) and the lookups the query commands use."""

from datetime import date

import pytest
from query_family import family

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Unit
from guanxi.queries.explore import path_between
from guanxi.queries.resolve import describe_units, find_unit
from guanxi.queries.timeline import person_timeline, unit_timeline

STORE = family()


def test_path_answer_carries_endpoints_options_and_ids():
    ans = path_between(STORE, "P3", "P4", as_of=date(2020, 6, 1))
    assert (ans.source.name, ans.target.name) == ("李五", "王五")
    # the posts are those held on the as-of day
    assert ans.target.post == "财务科科长 2019.03–2021.06"
    assert ans.all_types and "former_colleague" not in ans.via
    assert ans.options_text() == "关系：全部；最多 6 跳；截至 2020-06-01"
    doc = ans.to_json()
    assert doc["as_of"] == "2020-06-01"
    assert [(p["text"], p["edges"]) for p in doc["paths"]] == [
        ("李五 —同事（财务科 2019.03–2021.06）→ 王五（财务科科长 2019.03–2021.06）",
         ["posting/1", "posting/2"])]


def test_path_answer_names_the_types_it_walked_and_flags_truncation():
    ans = path_between(STORE, "P1", "P3", via=["secretary", "kin"], time_flow=True, max_paths=1)
    assert ans.via == ["kin", "spouse", "secretary"] and not ans.all_types
    assert ans.options_text() == "关系：亲属、夫妻、身边工作人员；最多 6 跳；按时间先后"
    assert len(ans.paths) == 1 and not ans.truncated
    many = path_between(STORE, "P1", "P3", max_paths=1, today=date(2024, 1, 1))
    assert many.truncated and many.notes == ["最短路径多于 1 条，仅列出前 1 条"]
    with pytest.raises(ValueError, match="未知的关系类型"):
        path_between(STORE, "P1", "P3", via=["aide"])


def test_find_unit_by_id_or_name():
    store = build(Dataset(units=[
        Unit(id="E1", name="市财政局"), Unit(id="E2", name="市审计局"),
        Unit(id="B", name="办公室", kind="内设机构", parent_id="E2"),
        Unit(id="A", name="办公室", kind="内设机构", parent_id="E1")]))
    assert find_unit(store, " 办公室 ") == ["A", "B"]
    assert describe_units(store, find_unit(store, "办公室")) == [
        "A 办公室（市财政局）", "B 办公室（市审计局）"]
    assert find_unit(store, "E2") == ["E2"] and find_unit(store, "财政局") == []


def test_timeline_rows_carry_names_and_part_time():
    rows = person_timeline(STORE, "P3").postings
    assert [(r.name, r.post, r.parttime) for r in rows] == [
        ("李五", "市财政局 财务科 科员", False), ("李五", "市财政局 办公室 文秘", True)]
    assert [x.name for x in unit_timeline(STORE, "U3").leaders] == ["郑一"]


def test_neighbourhood_lists_the_units_it_did_not_expand():
    from guanxi.queries.neighbors import neighbors

    hood = neighbors(STORE, "P3", via=["colleague"], unit_cap=2)
    assert hood.groups == [] and hood.skipped == {"unit/U2": 3, "unit/U3": 4}
    assert hood.notes == ["未展开人数过多的机构 U2（3 人）", "未展开人数过多的机构 U3（4 人）"]


def _brothers_in_one_unit():
    from guanxi.graph.records import Person, Posting, Relation

    father = dict(term="父亲", relative_name="何明德", relative_birth_date=date(1947, 7, 1))
    return build(Dataset(
        persons=[Person(id="A", name="何平强", gender="男"), Person(id="B", name="何浩健", gender="男")],
        units=[Unit(id="U", name="外科")],
        postings=[Posting(person_id=p, unit_id="U", title="医生", start_date=date(2018, 9, 1)) for p in "AB"],
        relations=[Relation(person_id=p, **father) for p in "AB"]))


def test_a_kinship_off_the_shortest_path_is_noted():
    store = _brothers_in_one_unit()
    ans = path_between(store, "B", "A")
    assert [p.text() for p in ans.paths] == ["何浩健 —同事（外科 2018.09–）→ 何平强（外科医生 2018.09–）"]
    assert ans.notes == ["二人另有亲属关系，不在最短路径上：何平强 是 何浩健 的兄弟（父亲的儿子；三代以内旁系血亲；"
                         "何平强 的父亲 何明德（1947.07） 与 何浩健 的父亲 为同一人）"]
    # not when the kinship is the path, nor when kin are not asked for
    assert path_between(store, "B", "A", via=["colleague"]).notes == []
    assert path_between(store, "B", "A", via=["kin"]).notes == []
