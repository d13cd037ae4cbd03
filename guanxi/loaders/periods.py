"""A period written in one cell (起止时间 2015.03—2019.05), read as its start and end columns.

履历 and 任职经历 registers often give a post's time as one 起止时间 column, or write the whole
period into 任职时间 when there is no 免职时间 column. Such a sheet is read as if it had the
contract's two columns: the cell is split at its separator (—, --, ~, 至, 到, or a hyphen
between two dates) and each half goes through the same date parsing and error wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from guanxi.loaders.cells import PARSERS, CellError, parse_date
from guanxi.loaders.schema import norm

#: headers of a one-cell period (folded as the loader folds headers)
PERIOD_HEADERS = frozenset(norm(h) for h in (
    "起止时间", "起止年月", "起止日期", "起讫时间", "任职起止时间", "任职起止", "任职期间", "任职时间段",
    "起止时间段", "period"))
_SEPARATOR = re.compile(r"\s*(?:--+|—+|–|~|至|到)\s*")

Rows = Iterator[tuple[int, Sequence[Any]]]


def _date_or_open(text: str) -> bool:
    try:
        parse_date(text)
    except CellError:
        return False
    return True


def split_period(value: Any) -> tuple[Any, Any]:
    """(start, end) of a period cell; a cell with one date is its start.

    >>> split_period("2015.03—2019.05"), split_period("2019.05--至今"), split_period("2015.03-2019.05")
    (('2015.03', '2019.05'), ('2019.05', '至今'), ('2015.03', '2019.05'))
    >>> split_period("2015-03-01-2019-05-31"), split_period("2019-08-07"), split_period("2020年1月至")
    (('2015-03-01', '2019-05-31'), ('2019-08-07', None), ('2020年1月', ''))
    """
    if not isinstance(value, str):
        return value, None  # an Excel date: one date
    text = unicodedata.normalize("NFKC", value).strip()
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    if _date_or_open(text):
        return value, None
    for i, ch in enumerate(text):  # a hyphen between two dates: 2015.03-2019.05
        if ch == "-" and _date_or_open(text[:i]) and _date_or_open(text[i + 1:]):
            return text[:i], text[i + 1:]
    return value, None  # not a period: the start column's parsing words the error


def split_rows(rows: Rows, idx: int, width: int) -> Rows:
    """``rows`` with the halves of column ``idx`` written at ``width`` and ``width + 1``."""
    for num, cells in rows:
        row = list(cells) + [None] * max(0, width - len(cells))
        start, end = split_period(cells[idx]) if idx < len(cells) else (None, None)
        yield num, [*row[:width], start, end]


def split_period_columns(width: int, rows: Rows, plan: list[tuple[int, str, Callable[[Any], Any], str]],
                         headers: dict[str, str], period: tuple[int, str] | None) -> Rows:
    """Read a 起止时间 column, or a start column without an end column, as start and end.

    ``plan`` (column index, contract name, parser, header as written) and ``headers`` are the
    sheet reader's; the two halves are read from columns ``width`` and ``width + 1``.
    """
    if "start_date" in headers:  # 任职时间 may hold the whole period: 2015.03—2019.05
        idx, _, _, h = next(p for p in plan if p[1] == "start_date")
        plan[:] = [p for p in plan if p[1] != "start_date"]
        start, end = h, f"{h}（止）"
    elif period is not None:
        idx, h = period
        start, end = f"{h}（起）", f"{h}（止）"
        headers["start_date"] = h
    else:
        return rows
    plan += [(width, "start_date", PARSERS["date"], start), (width + 1, "end_date", PARSERS["date"], end)]
    headers["end_date"] = h
    return split_rows(rows, idx, width)
