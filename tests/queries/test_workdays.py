"""The working-day calendar and its ``[calendar]`` config section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guanxi.queries import ConfigError, load_config
from guanxi.queries.workdays import UncoveredYear, WorkCalendar


def test_national_day_week_counts_the_saturday_make_up_day() -> None:
    cal = WorkCalendar()
    # 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are make-up working days
    assert cal.is_workday(date(2025, 9, 28)) and cal.is_workday(date(2025, 10, 11))
    assert not cal.is_workday(date(2025, 10, 8))
    assert cal.nth(date(2025, 9, 29), 5) == date(2025, 10, 11)
    assert cal.count(date(2025, 9, 29), date(2025, 10, 11)) == 5


def test_spring_festival_is_excluded() -> None:
    cal = WorkCalendar()
    # 2024 春节: 02-10..02-17 off; Sunday 02-04 and Sunday 02-18 worked
    assert cal.count(date(2024, 2, 8), date(2024, 2, 19)) == 4  # 8, 9, 18, 19


def test_uncovered_year_is_an_error_not_weekends() -> None:
    cal = WorkCalendar()
    with pytest.raises(UncoveredYear) as err:
        cal.count(date(2031, 3, 3), date(2031, 3, 10))
    assert err.value.year == 2031 and "2031 年" in err.value.reason()


def test_user_days_cover_a_year() -> None:
    cal = WorkCalendar(holidays=[date(2031, 1, 1)], workdays=[date(2031, 1, 4)])
    assert cal.covers(2031) and not cal.covers(2032)
    # Wed 01-01 off; Thu, Fri on; Sat 01-04 make-up on; Sun off; Mon on
    assert cal.count(date(2031, 1, 1), date(2031, 1, 6)) == 4


def test_calendar_section_reaches_the_rule_params(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[calendar]\nholidays = [2031-01-01]\nworkdays = [\"2031-01-04\"]\n",
                    encoding="utf-8")
    from guanxi.queries.rules import RULES

    params = load_config(path).params_for(RULES[0])
    assert params.calendar.covers(2031)
    assert params.calendar.is_workday(date(2031, 1, 4))


@pytest.mark.parametrize("text", [
    "[calendar]\nholidays = [\"2031-13-01\"]\n",
    "[calendar]\nholiday = [2031-01-01]\n",
    "[calendar]\nworkdays = 2031-01-04\n",
])
def test_bad_calendar_section_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value)
