"""Influence periods: the table, the config's [influence] section, and its use by DS01/DS03."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.dates import MonthDate
from guanxi.graph.records import Discipline, Person, Posting, Unit
from guanxi.queries import ConfigError, load_config, scan
from guanxi.queries.influence import DEFAULT_KINDS, covering, kinds_from_config, period_of


def _period(kind: str, on: date, **kw: object):
    return period_of(Discipline(person_id="P", kind=kind, decided_on=on, **kw), DEFAULT_KINDS)


@pytest.mark.parametrize(("kind", "on", "last"), [
    ("记过", date(2022, 3, 1), date(2023, 2, 28)),
    ("政务警告", date(2022, 8, 31), date(2023, 2, 27)),  # 2023-02-28 is the clipped anniversary
    ("严重警告", date(2022, 1, 15), date(2023, 7, 14)),
    ("留党察看", date(2020, 5, 1), date(2023, 4, 30)),
    ("留党察看二年", date(2020, 5, 1), date(2024, 4, 30)),
    ("降职", date(2020, 2, 29), date(2022, 2, 27)),
])
def test_period_ends_the_day_before_the_anniversary(kind: str, on: date, last: date) -> None:
    assert _period(kind, on).last == last


def test_restored_rights_count_from_closed_on_and_override_wins() -> None:
    p = _period("留党察看", date(2020, 5, 1), closed_on=date(2021, 11, 1))
    assert p.last == date(2023, 10, 31)
    assert _period("记大过", date(2022, 3, 1), influence_months=3).last == date(2022, 5, 31)
    assert _period("开除党籍", date(2022, 3, 1)).last is None
    assert _period("立案审查", date(2022, 3, 1)) is None


def test_month_only_decision_gives_a_range_and_an_undecided_middle() -> None:
    p = _period("记过", MonthDate(2022, 3))
    assert (p.last, p.last_hi) == (date(2023, 2, 28), date(2023, 3, 30))
    assert p.inside(date(2023, 2, 28)) is True
    assert p.inside(date(2023, 3, 15)) is None
    assert p.inside(date(2023, 3, 31)) is False
    assert p.inside(date(2022, 3, 15)) is None  # maybe before the decision


def test_overlapping_periods_the_later_end_wins() -> None:
    a, b = _period("记过", date(2022, 3, 1)), _period("记大过", date(2022, 3, 1))
    best, unsure = covering([a, b], date(2022, 6, 1), "提拔")
    assert best is b and not unsure
    assert covering([a, b], date(2023, 6, 1), "提拔")[0] is b
    assert covering([a, b], date(2023, 9, 1), "提拔")[0] is None


def _data() -> Dataset:
    return Dataset(
        persons=[Person(id="P1", name="张三")],
        units=[Unit(id="E", name="市人民医院")],
        postings=[Posting(person_id="P1", unit_id="E", title="副院长", rank="副科",
                          start_date=date(2022, 9, 1), change="提拔")],
        disciplines=[Discipline(person_id="P1", kind="通报批评", decided_on=date(2022, 3, 1))],
        columns={"persons": {"id", "name"}, "units": {"id", "name"},
                 "postings": {"person_id", "unit_id", "title", "rank", "start_date", "change"},
                 "disciplines": {"person_id", "kind", "decided_on"}})


def test_config_section_adds_a_local_kind(tmp_path: Path) -> None:
    store = build(_data())
    assert not scan(store, rules=["DS01"]).findings  # 通报批评 is not in the built-in table
    cfg = tmp_path / "local.toml"
    cfg.write_text('[influence]\n"通报批评" = 12\n', encoding="utf-8")
    found = scan(build(_data()), load_config(cfg), rules=["DS01"]).findings
    assert [f.persons for f in found] == [["P1"]]
    assert "2022-03-01 受通报批评，影响期 12 个月至 2023-02-28" in found[0].explanation
    cfg.write_text('[influence]\n"通报批评" = {months = 12, blocks = ["考察"]}\n', encoding="utf-8")
    assert not scan(build(_data()), load_config(cfg), rules=["DS01"]).findings


@pytest.mark.parametrize("text", ['[influence]\n"通报批评" = "六"\n',
                                  '[influence]\n"通报批评" = {months = 6, blocks = ["任职"]}\n'])
def test_bad_influence_entries_name_the_key(tmp_path: Path, text: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="通报批评"):
        load_config(cfg)


def test_kinds_from_config_keeps_the_defaults() -> None:
    table = kinds_from_config({"记过": 6})
    assert table["记过"].months == 6 and table["记大过"].months == 18
