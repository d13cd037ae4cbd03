"""Person and unit timelines: postings in order, records of other tables, relatives, flows."""

from datetime import date

import pytest
from query_family import family

from guanxi.queries.timeline import person_timeline, unit_timeline

STORE = family()


def test_person_timeline():
    t = person_timeline(STORE, "P3")
    assert [(p.post, p.start, p.end) for p in t.postings] == [
        ("市财政局 财务科 科员", date(2018, 3, 1), None),
        ("市财政局 办公室 文秘", date(2020, 1, 1), None),
    ]
    assert [(d.kind, d.date) for d in t.disciplines] == [("诫勉", date(2022, 5, 6))]
    assert t.appointments == []
    # the brother-in-law heads the entity 李五 works in
    assert [(r.name, r.relation, r.post.post, r.overlap_start, r.overlap_end)
            for r in t.relatives] == [
        ("张三", "妹夫", "市财政局 局长", date(2018, 3, 1), None)]
    apps = person_timeline(STORE, "P13").appointments
    assert [(a.id, a.date, a.kind, a.text) for a in apps] == [
        ("A1", date(2018, 3, 20), "提拔", "办公室 副主任")]


def test_unit_timeline_for_an_entity_and_an_internal_unit():
    e = unit_timeline(STORE, "E")
    assert [(x.person, x.title, x.role) for x in e.leaders] == [("P1", "局长", "主要负责人")]
    assert [(f.year, f.inflow, f.outflow) for f in e.flows] == [
        (2010, 1, 0), (2015, 0, 1), (2016, 1, 0), (2018, 2, 0), (2019, 1, 0), (2020, 2, 0),
        (2021, 0, 1)]
    u = unit_timeline(STORE, "U2")
    assert [(x.person, x.role, x.start, x.end) for x in u.leaders] == [
        ("P4", "内设机构负责人", date(2019, 3, 1), date(2021, 6, 1))]
    assert [(f.year, f.inflow, f.outflow) for f in u.flows] == [
        (2010, 1, 0), (2015, 0, 1), (2018, 1, 0), (2019, 1, 0), (2021, 0, 1)]
    with pytest.raises(ValueError, match="未找到机构"):
        unit_timeline(STORE, "X")
