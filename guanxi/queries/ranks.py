"""Ranks as ordered ladders: 一般 < 副科 < 正科 < 副处 < … and 一般 < 中层副职 < 中层正职.

Two ladders share the bottom rung 一般. The 职务层次 ladder of civil servants and
参公 staff (《公务员法》, 《干部任用条例》) runs from 办事员 to 正部; the 中层 ladder
of a public institution's internal units (seed 003: 中层正职 needs a year as
中层副职) is local to one unit and is not compared with the 职务层次 ladder.
Spellings found on registers (正科级, 乡科级正职, 副县级, 县处级副职 …) are folded
to the canonical rung.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: the 职务层次 ladder, lowest first
LEVELS: tuple[str, ...] = ("一般", "副科", "正科", "副处", "正处", "副厅", "正厅", "副部", "正部")
#: the internal (中层) ladder of a public institution, lowest first
MIDDLE: tuple[str, ...] = ("一般", "中层副职", "中层正职")

_ALIASES = {
    "办事员": "一般", "科员": "一般", "普通干部": "一般", "无": "一般", "工作人员": "一般",
    "职员": "一般", "股级": "一般",
    "副科级": "副科", "乡科级副职": "副科", "科级副职": "副科", "副乡级": "副科", "副镇级": "副科",
    "正科级": "正科", "乡科级正职": "正科", "科级正职": "正科", "正乡级": "正科", "科级": "正科",
    "副处级": "副处", "县处级副职": "副处", "副县级": "副处", "处级副职": "副处",
    "正处级": "正处", "县处级正职": "正处", "正县级": "正处", "处级正职": "正处", "处级": "正处",
    "副厅级": "副厅", "厅局级副职": "副厅", "副局级": "副厅", "副地级": "副厅",
    "正厅级": "正厅", "厅局级正职": "正厅", "正局级": "正厅", "正地级": "正厅",
    "副部级": "副部", "省部级副职": "副部", "正部级": "正部", "省部级正职": "正部",
    "中层副": "中层副职", "中层正": "中层正职", "中层干部": "中层正职",
}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def canonical(rank: str | None) -> str | None:
    """The canonical rung of a rank as written, or None when it names no known rung.

    Examples
    --------
    >>> canonical("乡科级正职"), canonical(" 副县级 "), canonical("中层副职"), canonical("主任医师")
    ('正科', '副处', '中层副职', None)
    """
    if rank is None:
        return None
    r = _SPACES.sub("", rank)
    if r in LEVELS or r in MIDDLE:
        return r
    return _ALIASES.get(r)


@lru_cache(maxsize=4096)
def ladder(rank: str | None) -> tuple[str, int] | None:
    """``(ladder name, position)``; 一般 is position 0 of both ladders (reported as ``levels``).

    Examples
    --------
    >>> ladder("正科"), ladder("中层正职"), ladder("一般"), ladder("?")
    (('levels', 2), ('middle', 2), ('levels', 0), None)
    """
    r = canonical(rank)
    if r is None:
        return None
    if r in LEVELS:
        return "levels", LEVELS.index(r)
    return "middle", MIDDLE.index(r)


@lru_cache(maxsize=4096)
def steps(rank_from: str | None, rank_to: str | None) -> int | None:
    """Rungs climbed from ``rank_from`` to ``rank_to`` (negative = down), None if not comparable.

    一般 compares with both ladders; 正科 and 中层正职 do not compare.

    Examples
    --------
    >>> steps("一般", "正科"), steps("副科", "副处"), steps("中层副职", "中层正职"), steps("正科", "中层正职")
    (2, 2, 1, None)
    """
    a, b = ladder(rank_from), ladder(rank_to)
    if a is None or b is None:
        return None
    if a[0] != b[0] and a[1] and b[1]:
        return None
    return b[1] - a[1]


@lru_cache(maxsize=4096)
def is_promotion(rank_from: str | None, rank_to: str | None) -> bool:
    """True when ``rank_to`` is a higher rung of the same ladder.

    >>> is_promotion("副科", "正科"), is_promotion("正科", "正科"), is_promotion(None, "正科")
    (True, False, False)
    """
    s = steps(rank_from, rank_to)
    return s is not None and s > 0
