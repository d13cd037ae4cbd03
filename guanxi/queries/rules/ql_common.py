"""Helpers the QL rules share: names, promotion wording, and month-precision comparisons."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.store import GraphStore
from guanxi.queries.moves import Promotion

#: 学历 values below 大学专科 (any cell containing one of these, and none of the higher ones)
BELOW_COLLEGE = ("中专", "中等专业", "中技", "技校", "职高", "高中", "初中", "小学", "中师", "中职")
COLLEGE_OR_ABOVE = ("专科", "大专", "本科", "大学", "研究生", "硕士", "博士", "学士")


def name(store: GraphStore, pid: str) -> str:
    """A person's display name (the id when unknown)."""
    return getattr(store.person(pid), "name", pid)


def promo_text(store: GraphStore, m: Promotion) -> str:
    """``2022-12-01 张三 被提拔为 市人民医院 财务科 科长（中层副职→中层正职）``."""
    ranks = f"（{m.rank_from}→{m.rank_to}）" if m.rank_from and m.rank_to else ""
    return f"{fmt(m.day)} {name(store, m.person)} 被提拔为 {m.post}{ranks}"


@lru_cache(maxsize=4096)  # a register writes 学历 a few dozen ways
def below_college(education: str | None) -> bool:
    """True when a 学历 cell names a level below 大学专科.

    >>> below_college("中专"), below_college("大学专科"), below_college("本科"), below_college(None)
    (True, False, False, False)
    """
    e = (education or "").strip()
    return bool(e) and any(b in e for b in BELOW_COLLEGE) and not any(c in e for c in COLLEGE_OR_ABOVE)


def short_of(since: date, day: date, months: int) -> bool | None:
    """Is ``day`` before ``since`` + ``months``: True / False / None when month precision cannot tell.

    >>> short_of(date(2021, 3, 1), date(2022, 2, 28), 12), short_of(date(2021, 3, 1), date(2022, 3, 1), 12)
    (True, False)
    >>> from guanxi.graph.dates import MonthDate
    >>> short_of(MonthDate(2021, 3), date(2022, 3, 10), 12) is None
    True
    """
    if latest(day) < add_months(earliest(since), months):
        return True
    if earliest(day) >= add_months(latest(since), months):
        return False
    return None


def span(since: date, day: date) -> str:
    """``1 年 3 个月`` / ``9 个月`` between two dates (whole months).

    >>> span(date(2021, 3, 1), date(2022, 6, 15)), span(date(2021, 3, 1), date(2021, 12, 1))
    ('1 年 3 个月', '9 个月')
    """
    months = (day.year - since.year) * 12 + day.month - since.month - (day.day < since.day)
    months = max(months, 0)
    y, m = divmod(months, 12)
    if y and m:
        return f"{y} 年 {m} 个月"
    return f"{y} 年" if y else f"{m} 个月"


def age_range(birth: date, day: date) -> tuple[int, int]:
    """The lowest and highest age on ``day`` whatever day a month-only date means.

    >>> from guanxi.graph.dates import MonthDate
    >>> age_range(date(1980, 5, 2), date(2021, 5, 1)), age_range(MonthDate(1980, 5), date(2021, 5, 10))
    ((40, 40), (40, 41))
    """
    def age(b: date, d: date) -> int:
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    return age(latest(birth), earliest(day)), age(earliest(birth), latest(day))
