"""Working days on the Chinese statutory calendar (holidays off, 调休 make-up days on).

The official arrangement comes from the ``chinesecalendar`` package, which
covers the years the State Council has published (2004 onward). A year it does
not cover is *not* treated as weekends-only: the caller is told the year is
uncovered, unless the user's config ``[calendar]`` section lists that year's
holidays and make-up working days.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import chinese_calendar
from pydantic import BaseModel, Field


class UncoveredYear(LookupError):
    """A day falls in a year with no official (or user-supplied) holiday arrangement."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    def reason(self) -> str:
        """The Chinese sentence rules put under ``not_checked``."""
        return f"无官方节假日安排：{self.year} 年（可在配置 [calendar] 中填写该年的节假日和调休工作日）"


@cache
def _library_years() -> frozenset[int]:
    days = list(chinese_calendar.holidays) + list(chinese_calendar.workdays)
    return frozenset(range(min(days).year, max(days).year + 1))


class CalendarSettings(BaseModel):
    """``[calendar]``: holidays and make-up working days the library does not know."""

    holidays: list[date] = Field(default_factory=list)
    """法定节假日（放假日期），用于补充或更正官方日历"""
    workdays: list[date] = Field(default_factory=list)
    """调休上班日（周末上班的日期）"""

    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.holidays, self.workdays)


class WorkCalendar:
    """The official calendar, overlaid with user-supplied days.

    A year is covered when the library knows it or the user listed any day in
    it; in a user-covered year a weekday is a working day unless listed as a
    holiday, a weekend day is off unless listed as a make-up working day.

    Examples
    --------
    >>> cal = WorkCalendar()
    >>> cal.is_workday(date(2025, 10, 1)), cal.is_workday(date(2025, 10, 11))  # 国庆; 调休周六
    (False, True)
    >>> cal.count(date(2025, 9, 29), date(2025, 10, 10))
    4
    >>> cal.nth(date(2025, 9, 29), 5)
    datetime.date(2025, 10, 11)
    >>> cal.covers(2099)
    False
    >>> WorkCalendar(holidays=[date(2099, 1, 1)]).count(date(2098, 12, 31), date(2099, 1, 2))
    Traceback (most recent call last):
    ...
    guanxi.queries.workdays.UncoveredYear: 2098
    >>> WorkCalendar(holidays=[date(2099, 1, 1)]).count(date(2099, 1, 1), date(2099, 1, 6))
    3
    """

    def __init__(self, holidays: list[date] | tuple[date, ...] = (),
                 workdays: list[date] | tuple[date, ...] = ()) -> None:
        self._off = frozenset(holidays)
        self._on = frozenset(workdays)
        self._user_years = frozenset(d.year for d in (*self._off, *self._on))
        self._seen: dict[date, bool] = {}

    def covers(self, year: int) -> bool:
        """True when the year's holiday arrangement is known."""
        return year in _library_years() or year in self._user_years

    def is_workday(self, d: date) -> bool:
        """True on a working day; raises :class:`UncoveredYear` for an unknown year."""
        got = self._seen.get(d)
        if got is None:
            got = self._seen[d] = self._lookup(date(d.year, d.month, d.day))
        return got

    def _lookup(self, d: date) -> bool:
        if d in self._on:
            return True
        if d in self._off:
            return False
        if d.year in _library_years():
            # the library's own is_workday re-validates the year range on every call
            if d in chinese_calendar.workdays:
                return True
            return d.weekday() < 5 and d not in chinese_calendar.holidays
        if d.year in self._user_years:
            return d.weekday() < 5
        raise UncoveredYear(d.year)

    def uncovered(self, start: date, end: date) -> list[int]:
        """Years of ``[start, end]`` with no known arrangement."""
        return [y for y in range(start.year, end.year + 1) if not self.covers(y)]

    def count(self, start: date, end: date) -> int:
        """Working days in ``[start, end]``, both ends included (0 when ``end < start``).

        O(1) after a one-time table of running totals over the covered years.
        """
        if end < start:
            return 0
        for y in self.uncovered(start, end):
            raise UncoveredYear(y)
        base, totals = self._totals()
        i, j = start.toordinal() - base, end.toordinal() - base
        return totals[j + 1] - totals[i]

    def _totals(self) -> tuple[int, list[int]]:
        """(first ordinal, running working-day totals) from the first to the last covered year."""
        got = self.__dict__.get("_running")
        if got is None:
            years = sorted(_library_years() | self._user_years)
            base = date(years[0], 1, 1).toordinal()
            last = date(years[-1], 12, 31).toordinal()
            totals = [0]
            for o in range(base, last + 1):
                d = date.fromordinal(o)
                on = self.covers(d.year) and self.is_workday(d)
                totals.append(totals[-1] + on)
            got = self.__dict__["_running"] = (base, totals)
        return got

    def nth(self, start: date, n: int) -> date:
        """The ``n``-th working day counting from ``start`` (``start`` itself counts if working)."""
        d, seen = start, 0
        while True:
            if self.is_workday(d):
                seen += 1
                if seen >= n:
                    return d
            d += timedelta(days=1)
