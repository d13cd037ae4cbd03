"""Shortest paths on a known family tree: kin labels, colleagues in time, as-of, time flow, via."""

from datetime import date

import pytest
from query_family import family

from guanxi.queries.paths import find_paths
from guanxi.queries.resolve import describe_candidates, find_person

STORE = family()


def texts(paths):
    return [p.text() for p in paths]


def test_kin_path_reads_terms_forward_and_inverse_chains_backward():
    got = find_paths(STORE, "P1", "P3", via={"kin"})
    assert texts(got) == ["张三 —妻子→ 李四 —哥哥→ 李五（财务科科员 2018.03–）"]
    assert got[0].nodes == ["person/P1", "person/P2", "person/P3"]
    assert got[0].edges == ["relation/0", "relation/1"]
    back = find_paths(STORE, "P3", "P1", via={"kin"})
    assert texts(back) == ["李五 —妹妹→ 李四 —丈夫→ 张三（市财政局局长 2016.01–）"]


def test_all_shortest_ties_are_returned_in_a_stable_order():
    got = find_paths(STORE, "P1", "P3", today=date(2024, 1, 1))
    assert texts(got) == [
        "张三 —妻子→ 李四 —哥哥→ 李五（财务科科员 2018.03–）",
        "张三 —同乡（瑞安市）→ 王五 —原同事（财务科 2019.03–2021.06）→ 李五（财务科科员 2018.03–）",
    ]
    assert len(find_paths(STORE, "P1", "P3", max_paths=1)) == 1
    assert find_paths(STORE, "P1", "P3", max_paths=1).truncated


def test_path_passes_through_a_relative_not_on_the_roster():
    (p,) = find_paths(STORE, "P1", "P6")
    assert p.text() == "张三 —父亲→ 张老（1940.05） —儿子→ 张伟"
    assert p.nodes[1].startswith("relative/") and p.edges == ["relation/2", "relation/3"]


def test_colleague_hop_needs_overlapping_time():
    both = {"colleague", "former_colleague"}
    (p,) = find_paths(STORE, "P3", "P4", via=both, today=date(2024, 1, 1))
    assert p.text() == "李五 —原同事（财务科 2019.03–2021.06）→ 王五"
    assert p.edges == ["posting/1", "posting/2"] and p.steps[0].via == "unit/U2"
    # 赵六 left 财务科 in 2015, before 李五 and 王五 came: no colleague path at all
    assert find_paths(STORE, "P3", "P5", via=both) == []


def test_as_of_keeps_only_relations_valid_that_day():
    assert texts(find_paths(STORE, "P1", "P8")) == ["张三 —秘书→ 钱七"]
    assert find_paths(STORE, "P1", "P8", as_of=date(2020, 1, 1)) == []
    assert texts(find_paths(STORE, "P1", "P2", via={"spouse"}, as_of=date(1999, 6, 1))) == []
    (p,) = find_paths(STORE, "P3", "P4", as_of=date(2020, 6, 1))
    assert p.text() == "李五 —同事（财务科 2019.03–2021.06）→ 王五（财务科科长 2019.03–2021.06）"
    # after 王五 left, the colleague hop is gone; the paths that remain hold on that day
    later = find_paths(STORE, "P3", "P4", as_of=date(2022, 1, 1))
    assert texts(later) == [
        "李五 —妹妹→ 李四 —丈夫→ 张三 —同乡（瑞安市）→ 王五",
        "李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九 —为其司机→ 王五",
    ]


def test_time_flow_rejects_a_path_that_goes_back_in_time():
    plain = find_paths(STORE, "P3", "P10", today=date(2024, 1, 1))
    assert texts(plain) == [
        "李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九",
        "李五 —原同事（财务科 2019.03–2021.06）→ 王五 —司机→ 周九",
    ]
    # 王五's 司机 tie began in 2010, before the 2019 colleague step: not a flow
    flow = find_paths(STORE, "P3", "P10", time_flow=True)
    assert texts(flow) == ["李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九"]
    assert find_paths(STORE, "P3", "P10", via={"colleague", "former_colleague", "secretary"},
                      time_flow=True) == []


def test_via_restricts_the_relation_types():
    assert texts(find_paths(STORE, "P1", "P4")) == ["张三 —同乡（瑞安市）→ 王五"]
    assert texts(find_paths(STORE, "P1", "P4", via={"kin", "colleague", "former_colleague"},
                            today=date(2024, 1, 1))) == [
        "张三 —妻子→ 李四 —哥哥→ 李五 —原同事（财务科 2019.03–2021.06）→ 王五"]
    assert find_paths(STORE, "P1", "P4", via={"kin"}) == []
    assert find_paths(STORE, "P1", "P4", via={"kin", "colleague"}, max_hops=2) == []
    with pytest.raises(ValueError, match="未知的关系类型"):
        find_paths(STORE, "P1", "P4", via={"classmate"})


def test_supervision_and_recommendation_hops():
    (p,) = find_paths(STORE, "P9", "P3", via={"supervision"})
    assert p.text() == "孙八 —分管（财务科 2018.03–）→ 李五（财务科科员 2018.03–）"
    assert p.edges == ["supervision/0", "posting/1"]
    (r,) = find_paths(STORE, "P13", "P9", via={"recommendation"})
    assert r.text() == "郑一 —推荐人（纪实 A1 2018.02）→ 孙八"
    assert r.edges == ["appointment/A1"]


def test_big_units_are_skipped_and_said_so():
    got = find_paths(STORE, "P3", "P4", via={"colleague", "former_colleague"}, unit_cap=2)
    assert got == [] and got.skipped == {"unit/U2": 3, "unit/U3": 4}
    assert "未展开人数过多的机构 U2（3 人）" in got.notes()


def test_ambiguous_name_gives_every_candidate():
    assert find_person(STORE, "张伟") == ["P6", "P7"]
    assert find_person(STORE, "person/P3") == ["P3"] and find_person(STORE, "无名") == []
    assert describe_candidates(STORE, ["P6", "P7"]) == ["P6 张伟", "P7 张伟"]
    with pytest.raises(ValueError, match="未找到人员"):
        find_paths(STORE, "P1", "P99")
