"""处分种类 as decisions word them (给予…处分, 政务…), and kinds the influence table does not know."""

from __future__ import annotations

from datetime import date

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Discipline, Person, Posting, Unit
from guanxi.queries.scan import scan


def _scan(kinds: list[str]):
    tables = dict(
        persons=[Person(id=f"P{i}", name=n) for i, n in enumerate(("张三", "李四", "王五"))],
        units=[Unit(id="U", name="市财政局")],
        postings=[p for i in range(3) for p in (
            Posting(person_id=f"P{i}", unit_id="U", title="科员", rank="一般", start_date=date(2015, 1, 1),
                    end_date=date(2022, 6, 1)),
            Posting(person_id=f"P{i}", unit_id="U", title="副科长", rank="副科", start_date=date(2022, 6, 1),
                    change="提拔"))],
        disciplines=[Discipline(person_id=f"P{i}", kind=k, decided_on=date(2022, 1, 10))
                     for i, k in enumerate(kinds)])
    columns = {"persons": {"id", "name"}, "units": {"id", "name"}, "disciplines": {"person_id", "kind", "decided_on"},
               "postings": {"person_id", "unit_id", "title", "rank", "start_date", "end_date", "change"}}
    return scan(build(Dataset(columns=columns, **tables)), rules=["DS01"])


def test_a_kind_worded_as_the_decision_words_it_counts() -> None:
    """给予记过处分 and 政务记过处分 were not 记过: DS01 passed by a promotion five months later."""
    result = _scan(["给予记过处分", "政务记过处分", "记过"])
    assert sorted(f.persons[0] for f in result.findings) == ["P0", "P1", "P2"]
    assert not result.not_checked


def test_a_kind_without_an_influence_period_is_said_not_checked() -> None:
    result = _scan(["通报批评", "通报批评", "立案审查"])
    assert not result.findings
    assert [(n.reason, n.persons) for n in result.not_checked] == [
        ("处分种类“通报批评”不在影响期表中，其 2 条记录未用于判断（本地规定可在配置文件 [influence] 中写明月数）",
         ["P0", "P1"])]
