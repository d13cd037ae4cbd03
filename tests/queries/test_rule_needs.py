"""A rule is 未检查 on data that cannot show what it looks for (a promotion, a quota, a place of
origin), not "no problems"."""

from __future__ import annotations

from datetime import date

import pytest

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Discipline, Person, Posting, Unit
from guanxi.queries.scan import scan

PROMOTION_RULES = ["QL01", "QL02", "QL03", "QL04", "QL05", "QL06", "QL08", "DS01", "DS02"]
GROUP = "缺少 postings.rank 列、postings.change 列或 appointments（选拔任用纪实）表（有其一即可）"


def _store(posting_columns: set[str]):
    tables = dict(
        persons=[Person(id="P1", name="张三", birth_date=date(1980, 1, 1), education="大学")],
        units=[Unit(id="U", name="财务科")],
        postings=[Posting(person_id="P1", unit_id="U", title="科员", start_date=date(2010, 1, 1)),
                  Posting(person_id="P1", unit_id="U", title="科长", start_date=date(2012, 1, 1))],
        disciplines=[Discipline(person_id="P1", kind="记过", decided_on=date(2011, 6, 1))])
    columns = {t: set() for t in tables}
    columns["persons"] = {"id", "name", "birth_date", "education"}
    columns["postings"] = {"person_id", "unit_id", "title", "start_date"} | posting_columns
    return build(Dataset(columns=columns, **tables))


def test_without_rank_change_or_cases_the_promotion_rules_are_not_checked() -> None:
    result = scan(_store(set()), rules=[*PROMOTION_RULES, "PR11"])
    reasons = {n.rule: n.reason for n in result.not_checked}
    assert {r: reasons.get(r) for r in PROMOTION_RULES} == dict.fromkeys(PROMOTION_RULES, GROUP)
    assert reasons["PR11"] == "缺少 postings.change 列或 appointments（选拔任用纪实）表（有其一即可）"


@pytest.mark.parametrize("column", ["rank", "change"])
def test_one_source_is_enough(column: str) -> None:
    result = scan(_store({column}), rules=PROMOTION_RULES)
    assert not [n for n in result.not_checked if n.reason == GROUP]


def test_without_quota_columns_st01_is_not_checked() -> None:
    reasons = {n.rule: n.reason for n in scan(_store(set()), rules=["ST01"]).not_checked}
    assert reasons == {"ST01": "缺少 units.leader_quota 列或 units.mid_quota 列（有其一即可）"}


def test_without_any_place_of_origin_av04_is_not_checked() -> None:
    reasons = {n.rule: n.reason for n in scan(_store(set()), rules=["AV04"]).not_checked}
    assert reasons == {"AV04": "缺少 persons.growth_place 列、persons.birthplace 列或 persons.native_place 列"
                               "（有其一即可）"}


def test_ql04_reads_the_birth_date_of_the_id_number_when_the_roster_has_none() -> None:
    """A roster with 身份证号 and no 出生年月 column: QL04 used to say 未检查."""
    from guanxi.graph.idnumber import check_digit

    first = "330381" + "19700315" + "011"
    tables = dict(
        persons=[Person(id="P1", name="张三", id_number=first + check_digit(first))],
        units=[Unit(id="E", name="市人民医院"), Unit(id="U", name="内科", parent_id="E", kind="内设机构")],
        postings=[Posting(person_id="P1", unit_id="U", title="医师", rank="一般", start_date=date(2000, 1, 1),
                          end_date=date(2020, 3, 1)),
                  Posting(person_id="P1", unit_id="U", title="副主任", rank="中层副职",
                          start_date=date(2020, 3, 1), change="提拔")])
    columns = {t: set() for t in tables}
    columns["persons"] = {"id", "name", "id_number"}
    columns["postings"] = {"person_id", "unit_id", "title", "rank", "start_date", "end_date", "change"}
    found = scan(build(Dataset(columns=columns, **tables)), rules=["QL04"]).findings
    assert [f.persons for f in found] == [["P1"]]
    assert "1970-03-15 出生（据身份证号），提拔时已满 49 周岁" in found[0].explanation
    columns["persons"] = {"id", "name"}
    tables["persons"] = [Person(id="P1", name="张三")]
    result = scan(build(Dataset(columns=columns, **tables)), rules=["QL04"])
    assert [n.reason for n in result.not_checked] == ["缺少 persons.birth_date 列或 persons.id_number 列（有其一即可）"]
