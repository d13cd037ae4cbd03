"""Date arithmetic and the mixed date forms written into the registers."""

from __future__ import annotations

import random
from datetime import date
from functools import cache

import chinese_calendar

#: the day the registers were exported; postings without an end are current on it
TODAY = date(2026, 3, 1)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, day clamped to 28.

    >>> add_months(date(2019, 11, 30), 3)
    datetime.date(2020, 2, 28)
    """
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, min(d.day, 28))


def month(y: int, m: int) -> date:
    """The first day of a month (planted facts sit on month boundaries)."""
    return date(y, m, 1)


def workday(d: date, n: int = 1) -> date:
    """The ``n``-th working day on or after ``d`` (statutory calendar; weekends outside its years).

    >>> workday(date(2025, 9, 29), 5)  # 国庆 off, Saturday 10-11 worked
    datetime.date(2025, 10, 11)
    """
    seen = 0
    while True:
        if _on_duty(d):
            seen += 1
            if seen >= n:
                return d
        d = date.fromordinal(d.toordinal() + 1)


@cache
def _on_duty(d: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return d.weekday() < 5


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    """A uniform day in ``[lo, hi)``, day of month at most 28."""
    n = max(1, hi.toordinal() - lo.toordinal())
    d = date.fromordinal(lo.toordinal() + int(rng.random() * n))
    return d if d.day <= 28 else d.replace(day=28)


def _full(d: date, form: int) -> str:
    if form == 0:
        return d.isoformat()
    if form == 1:
        return f"{d.year}/{d.month}/{d.day}"
    if form == 2:
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if form == 3:
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d:%Y%m%d}"


def _month_only(d: date, form: int) -> str:
    if form == 0:
        return f"{d.year}.{d.month:02d}"
    if form == 1:
        return f"{d.year}年{d.month}月"
    return f"{d:%Y%m}"


def fmt(rng: random.Random | None, d: date | None, month_share: float = 0.25) -> str:
    """Write ``d`` the way one of many clerks would; month-only forms when ``d`` is the 1st.

    A date that is not on the 1st is never shortened to its month, so no fact moves.

    >>> fmt(None, date(2019, 8, 7))
    '2019-08-07'
    """
    if d is None:
        return ""
    if rng is None:
        return d.isoformat()
    r = rng.random()
    if d.day == 1 and r < month_share:
        return _month_only(d, int(r / month_share * 3))
    if r < 0.6:
        return d.isoformat()
    return _full(d, 1 + int((r - 0.6) / 0.4 * 4))


def fmt_birth(rng: random.Random, d: date, month_share: float = 0.35) -> str:
    """Birth dates: often only the month (出生年月), as on the 干部任免审批表."""
    r = rng.random()
    if r < month_share:
        return _month_only(d, int(r / month_share * 3))
    return fmt(rng, d, 0.0)
