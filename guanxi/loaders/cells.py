"""Cell parsers: one small fast function per column kind, raising CellError with what was expected."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from guanxi.graph.dates import MonthDate
from guanxi.graph.idnumber import mask_id, normalize_id, valid_normalized


class CellError(ValueError):
    """A cell that cannot be read; the message says what was found and what was expected."""


DATE_HINT = "应为 2019-08-07、2019.08、2019年8月 等格式"
BOOL_HINT = "应为 是/否、有/无、Y/N、true/false、1/0"

OPEN_END = frozenset({"至今", "今", "现在", "目前", "今日", "迄今"})
#: words registers write in a date or ID number cell for "none", read as an empty cell: a
#: relative's birth date on 家庭成员 forms is often 已故 or 不详 (NFKC-folded: ``－`` is ``-``)
NO_VALUE = frozenset({"不详", "已故", "已去世", "去世", "无", "—", "-", "--", "/"})
_FULL = re.compile(r"^(\d{4})[-/.年](\d{1,2})(?:(?:月|[-/.])(\d{1,2})日?|月)?$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")

TRUE = frozenset({"是", "有", "y", "yes", "true", "t", "1", "1.0", "√", "对", "已审批", "已"})
FALSE = frozenset({"否", "无", "n", "no", "false", "f", "0", "0.0", "×", "x", "未审批", "未", "没有"})
GENDER = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女",
          "男性": "男", "女性": "女", "1": "男", "2": "女"}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
LIST_SEP = re.compile(r"[、,，;；]")


def text(v: Any) -> str:
    """A cell as stripped text; integral floats (Excel numbers) lose their ``.0``.

    Examples
    --------
    >>> text(" 张三 "), text(1001.0), text(42)
    ('张三', '1001', '42')
    """
    if type(v) is str:
        return v.strip()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    return str(v).strip()


def key(v: Any) -> str:
    """An identifier cell: text with full-width characters folded (``Ｐ００１`` = ``P001``)."""
    s = text(v)
    # interned: the same id recurs in many tables, one string object serves them all
    return sys.intern(s if s.isascii() else unicodedata.normalize("NFKC", s).strip())


def parse_date(v: Any) -> date | None:
    """Any date form of the contract; month-only input gives a :class:`MonthDate`.

    Examples
    --------
    >>> parse_date("2019/8/7"), parse_date("2019年8月"), parse_date("201908")
    (datetime.date(2019, 8, 7), MonthDate(2019, 8), MonthDate(2019, 8))
    >>> parse_date("至今") is None, parse_date("已故") is None, parse_date("－") is None
    (True, True, True)
    """
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if type(v) is str:
        return _date_text(v)
    if isinstance(v, float):  # an Excel number typed as 2019.08 arrives as 2019.08 / 2019.1 (= 10)
        return _date_text(f"{v:.2f}" if 1000 < v < 10000 and not v.is_integer() else text(v))
    return _date_text(text(v))


@lru_cache(maxsize=1 << 18)
def _date_text(s: str) -> date | None:
    # cached: registers repeat the same dates, and shared date objects save memory
    s = s.strip()
    if len(s) == 10 and s[4] == "-" == s[7] and s.isascii() and (s[:4] + s[5:7] + s[8:]).isdigit():
        # the commonest form, 2019-08-07, read in C: the same date the pattern below reads
        try:
            return date.fromisoformat(s)
        except ValueError:
            pass  # 2019-02-30 and the like: worded below
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).replace(" ", "")
        if s in OPEN_END or s in NO_VALUE:
            return None
    elif s in NO_VALUE:
        return None
    if s.removesuffix("年").isdigit() and len(s.removesuffix("年")) == 4:  # 1950, 1950年
        raise CellError(f"日期“{s}”只有年份，{DATE_HINT}；月份不详的请补全或填“不详”")
    if s.isdigit():
        if len(s) == 8:
            return _make(s, s[:4], s[4:6], s[6:])
        if len(s) == 6:
            return _make(s, s[:4], s[4:], None)
        raise CellError(f"无法识别的日期“{s}”，{DATE_HINT}")
    m = _FULL.match(s) or _FULL.match(_TIME_TAIL.sub("", s))
    if m is None:
        raise CellError(f"无法识别的日期“{s}”，{DATE_HINT}")
    return _make(s, m.group(1), m.group(2), m.group(3))


def _make(raw: str, y: str, m: str, d: str | None) -> date:
    try:
        if d is None:
            return MonthDate(int(y), int(m))
        return date(int(y), int(m), int(d))
    except ValueError:
        raise CellError(f"无法识别的日期“{raw}”，{DATE_HINT}") from None


def parse_bool(v: Any) -> bool:
    """是/否, 有/无, Y/N, true/false, 1/0 (any case).

    Examples
    --------
    >>> parse_bool("是"), parse_bool("N"), parse_bool(1), parse_bool("TRUE")
    (True, False, True, True)
    """
    if isinstance(v, bool):
        return v
    s = text(v).lower()
    if s in TRUE:
        return True
    if s in FALSE:
        return False
    raise CellError(f"无法识别的是否值“{text(v)}”，{BOOL_HINT}")


def parse_int(v: Any) -> int:
    """A whole number: ``3``, ``3.0``, an Excel number, or a small Chinese numeral (``三``, ``十二``).

    Examples
    --------
    >>> parse_int("3"), parse_int(3.0), parse_int("12.0"), parse_int("十二")
    (3, 3, 12, 12)
    """
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    s = text(v)
    try:
        f = float(s)
    except ValueError:
        n = _chinese_int(s)
        if n is None:
            raise CellError(f"无法识别的整数“{s}”，应为整数，如 3") from None
        return n
    if not f.is_integer():
        raise CellError(f"无法识别的整数“{s}”，应为整数，如 3")
    return int(f)


def _chinese_int(s: str) -> int | None:
    if not s or len(s) > 3 or any(c not in _CN_DIGITS for c in s):
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_float(v: Any) -> float:
    """A number; thousands separators are allowed (``12,345.6``)."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    s = text(v).replace(",", "").replace("，", "")
    try:
        return float(s)
    except ValueError:
        raise CellError(f"无法识别的数值“{text(v)}”，应为数字，如 5200.5") from None


def parse_list(v: Any) -> list[str]:
    """Items of one cell separated by 、 , ， ; or ；.

    Examples
    --------
    >>> parse_list("P1、P2，P3; P4")
    ['P1', 'P2', 'P3', 'P4']
    """
    if isinstance(v, (list, tuple)):
        return [key(x) for x in v if text(x)]
    return [key(x) for x in LIST_SEP.split(text(v)) if x.strip()]


def parse_gender(v: Any) -> str:
    """男/女, also M/F, male/female, 男性/女性 and the GB code 1/2."""
    g = GENDER.get(text(v).lower())
    if g is None:
        raise CellError(f"无法识别的性别“{text(v)}”，应为 男/女")
    return g


#: how a spreadsheet writes a long number it kept as a number: 1.10105E+17
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$")


def _id_text(v: Any) -> str:
    """The normalized text of an ID number cell; a number a spreadsheet kept as a number is an error.

    Excel keeps 15 significant digits: an 18-digit number typed into a number cell has already
    lost its last digits, so no check can tell what it was.

    >>> _id_text(" 11010519491231002x ")
    '11010519491231002X'
    """
    if (isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) >= 1e15) or \
            (type(v) is str and _SCIENTIFIC.match(v.strip().upper())):
        raise CellError(f"身份证号“{mask_id(text(v))}”以数字格式保存：Excel 只保留 15 位有效数字，"
                        "末几位已经丢失；请把该列设为文本格式，重新填写后导出")
    return normalize_id(text(v))


def parse_id_number(v: Any) -> str | None:
    """An 18-character resident ID number whose check digit is right (GB 11643); 无 is none."""
    s = _id_text(v)
    if s in NO_VALUE:
        return None
    if not valid_normalized(s):
        shown = mask_id(s) if len(s) == 18 else s
        raise CellError(
            f"身份证号“{shown}”无效（长度、出生日期或校验位不符 GB 11643），应为 18 位公民身份号码"
        )
    return s


def parse_own_id_number(v: Any) -> str | None:
    """A person's own ID number as written (trimmed, full-width folded, ``x`` upper-cased).

    An invalid one is kept, not refused: a wrong check character or birth date in the roster
    is an archive fact rule AR01 reports, and the loader warns of it
    (:func:`~guanxi.loaders.convert.invalid_id_numbers`). A relative's number, used only to
    match him, must be valid (:func:`parse_id_number`).

    >>> parse_own_id_number(" 11010519491231002x "), parse_own_id_number("110105194912310021")
    ('11010519491231002X', '110105194912310021')
    >>> parse_own_id_number("无") is None
    True
    """
    s = _id_text(v)
    return None if s in NO_VALUE else s


PARSERS: dict[str, Callable[[Any], Any]] = {
    "str": text, "key": key, "date": parse_date, "bool": parse_bool, "int": parse_int,
    "float": parse_float, "list": parse_list, "gender": parse_gender,
    "id_number": parse_id_number, "own_id_number": parse_own_id_number,
}
#: a shorter parser of a kind for a cell that is a str (what the general parser calls for one)
TEXT_PARSERS: dict[str, Callable[[str], Any]] = {"date": _date_text}
