"""Dates with month precision, and interval arithmetic over them."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


class MonthDate(date):
    """A date known only to the month; it stands for the first day of that month.

    It compares and sorts like the plain date, but rules can ask
    :func:`is_month_only` before claiming a day-level fact.

    Examples
    --------
    >>> d = MonthDate(2021, 3, 1)
    >>> is_month_only(d), fmt(d)
    (True, '2021-03')
    """

    def __new__(cls, year: int, month: int, day: int = 1) -> MonthDate:
        return super().__new__(cls, year, month, 1)

    def __repr__(self) -> str:
        return f"MonthDate({self.year}, {self.month})"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (MonthDate, (self.year, self.month))


def is_month_only(d: date | None) -> bool:
    """True when ``d`` carries month precision only."""
    return isinstance(d, MonthDate)


def fmt(d: date | None, open_text: str = "") -> str:
    """Format a date for people: ``2021-03-05``, ``2021-03`` for month precision."""
    if d is None:
        return open_text
    if isinstance(d, MonthDate):
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def fmt_dot(d: date | None) -> str:
    """Format as on Chinese forms: ``2021.03`` (the day is dropped)."""
    if d is None:
        return ""
    return f"{d.year:04d}.{d.month:02d}"


def month_end(d: date) -> date:
    """The last day of ``d``'s month."""
    return _last_day(d.year, d.month)


@lru_cache(maxsize=1 << 14)
def _last_day(year: int, month: int) -> date:
    # cached: rules ask for month ends hundreds of thousands of times over a few thousand months
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


@lru_cache(maxsize=1 << 16)
def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clipped to the target month's length.

    Cached: rules move the same few thousand days by the same windows hundreds of
    thousands of times. A month-only date and its first day share an entry, and
    both give the same plain date.

    >>> add_months(date(2020, 1, 31), 1), add_months(MonthDate(2020, 3), -14)
    (datetime.date(2020, 2, 29), datetime.date(2019, 1, 1))
    """
    y, m = divmod(d.month - 1 + months, 12)
    last = _last_day(d.year + y, m + 1)
    return last if d.day >= last.day else date(last.year, last.month, d.day)


def latest(d: date) -> date:
    """The latest day a (possibly month-only) date may stand for."""
    return _last_day(d.year, d.month) if type(d) is MonthDate else d


def earliest(d: date) -> date:
    """The earliest day a (possibly month-only) date may stand for (a plain date)."""
    return d if type(d) is date else date(d.year, d.month, d.day)


def overlap(
    s1: date | None, e1: date | None, s2: date | None, e2: date | None
) -> tuple[date, date | None] | None:
    """The common part of two half-open intervals ``[start, end)``, or None.

    A missing start means "since always", a missing end "still current". The
    end day itself is not inside: a post ended on 2021-03-01 and one started
    that day do not overlap.

    Examples
    --------
    >>> overlap(date(2020, 1, 1), None, date(2021, 1, 1), date(2022, 1, 1))
    (datetime.date(2021, 1, 1), datetime.date(2022, 1, 1))
    >>> overlap(date(2020, 1, 1), date(2021, 1, 1), date(2021, 1, 1), None) is None
    True
    """
    starts = [d for d in (s1, s2) if d is not None]
    ends = [d for d in (e1, e2) if d is not None]
    start = max(starts) if starts else date.min
    end = min(ends) if ends else None
    if end is not None and start >= end:
        return None
    return start, end


def certain_overlap(
    s1: date | None, e1: date | None, s2: date | None, e2: date | None
) -> tuple[date, date | None] | None:
    """Like :func:`overlap`, but only what holds whatever day a month-only date means.

    A month-only start may be as late as the month's last day and a month-only
    end as early as its first, so an overlap that depends on the unknown day is
    not claimed.
    """
    def late(d: date | None) -> date | None:
        return latest(d) if d is not None else None

    def early(d: date | None) -> date | None:
        return earliest(d) if d is not None else None

    got = overlap(late(s1), early(e1), late(s2), early(e2))
    if got is None:
        return None
    # report the period with the original (possibly month-only) objects where they bound it
    start = max((d for d in (s1, s2) if d is not None), default=got[0])
    ends = [d for d in (e1, e2) if d is not None]
    return start, (min(ends) if ends else None)


def contains(start: date | None, end: date | None, day: date) -> bool:
    """True when ``day`` lies in ``[start, end)``."""
    return (start is None or start <= day) and (end is None or day < end)
