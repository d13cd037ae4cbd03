"""Month precision and interval arithmetic."""

from datetime import date

from guanxi.graph.dates import (
    MonthDate,
    add_months,
    certain_overlap,
    contains,
    fmt,
    is_month_only,
    month_end,
    overlap,
)


def test_month_date_keeps_precision_and_sorts_as_first_day():
    d = MonthDate(2019, 8)
    assert is_month_only(d) and not is_month_only(date(2019, 8, 1))
    assert d == date(2019, 8, 1) and d < date(2019, 8, 2)
    assert fmt(d) == "2019-08" and fmt(date(2019, 8, 7)) == "2019-08-07"


def test_half_open_overlap():
    assert overlap(date(2020, 1, 1), date(2021, 1, 1), date(2021, 1, 1), None) is None
    assert overlap(date(2020, 1, 1), None, None, date(2020, 6, 1)) == (date(2020, 1, 1), date(2020, 6, 1))
    assert overlap(None, None, date(2020, 1, 1), None) == (date(2020, 1, 1), None)


def test_certain_overlap_never_depends_on_an_unknown_day():
    # A ends "2021-03" (some day in March), B starts 2021-03-15: they may or may not overlap.
    assert overlap(date(2020, 1, 1), MonthDate(2021, 3), date(2021, 3, 15), None) is None
    assert certain_overlap(date(2020, 1, 1), MonthDate(2021, 4), date(2021, 3, 15), None) is not None
    # B starts "2021-03": A ending 2021-03-20 might end before B starts.
    assert certain_overlap(date(2020, 1, 1), date(2021, 3, 20), MonthDate(2021, 3), None) is None
    assert certain_overlap(date(2020, 1, 1), date(2021, 4, 2), MonthDate(2021, 3), None) == (
        MonthDate(2021, 3), date(2021, 4, 2))


def test_month_arithmetic():
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert add_months(date(2021, 11, 15), 14) == date(2023, 1, 15)
    assert month_end(date(2024, 2, 3)) == date(2024, 2, 29)
    assert contains(date(2020, 1, 1), date(2020, 2, 1), date(2020, 1, 31))
    assert not contains(date(2020, 1, 1), date(2020, 2, 1), date(2020, 2, 1))
