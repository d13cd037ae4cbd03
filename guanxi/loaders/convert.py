"""Turn the rows of one sheet into validated records: header mapping, cell parsing, pydantic."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import Any

from pydantic import ValidationError

from guanxi.graph.dataset import Rejected
from guanxi.graph.dates import MonthDate, fmt
from guanxi.graph.idnumber import birth_from_id, mask_id, valid_normalized_many
from guanxi.graph.records import TABLES, Record, Source
from guanxi.loaders.bulk import CHUNK, Bulk
from guanxi.loaders.cells import PARSERS, CellError, key
from guanxi.loaders.errors import DataError
from guanxi.loaders.hints import roster_hint
from guanxi.loaders.make import maker
from guanxi.loaders.periods import PERIOD_HEADERS, split_period_columns
from guanxi.loaders.readers import Sheet
from guanxi.loaders.schema import Column, column_lookup, columns, norm

HEADER_SCAN = 10  # title rows above the header are common in exported registers
POOL_LIMIT = 1 << 16  # distinct values shared per text column (see pooled)
#: a register's own row numbering: read past, neither kept nor warned of (every exported sheet has one)
ROW_NUMBER = frozenset({"序号", "顺序号", "no", "no."})
#: the column whose value identifies a row for dependents (postings of a rejected person …)
KEY_COLUMN = {"persons": "id", "units": "id", "appointments": "id", "meetings": "id"}


@dataclass
class Table:
    """What one sheet gave: records, contract columns present, rejected rows and their keys."""

    records: list[Record] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    rejected: list[Rejected] = field(default_factory=list)
    #: key of a rejected row (e.g. a person id) -> where it was, so dependents can say why
    rejected_keys: dict[str, str] = field(default_factory=dict)
    #: contract column -> header as the user wrote it
    headers: dict[str, str] = field(default_factory=dict)


def pooled(parse: Callable[[Any], Any], limit: int = POOL_LIMIT) -> Callable[[Any], Any]:
    """``parse`` whose equal results are one shared string object.

    Registers repeat the same text down a column (职务, 职级, 称谓, 学历, 籍贯, 来源 …);
    a string per cell costs 60–120 bytes, millions of times over at province scale.
    The pool stops growing at ``limit`` distinct values, so a column of unique text
    (names) costs no more than before.

    >>> p = pooled(str.strip)
    >>> p(" 科长 ") is p("科长 ")
    True
    """
    pool: dict[Any, Any] = {}

    def parse_pooled(v: Any) -> Any:
        got = parse(v)
        shared = pool.get(got)
        if shared is not None:
            return shared
        if len(pool) < limit:
            pool[got] = got
        return got

    return parse_pooled


def _find_header(sheet: Sheet, lookup: dict[str, str]) -> tuple[list[Any], Iterator[tuple[int, Sequence[Any]]]]:
    if sheet.header is not None:
        return list(sheet.header), iter(sheet.rows)
    head: list[tuple[int, Sequence[Any]]] = []
    for item in sheet.rows:
        head.append(item)
        if len(head) >= HEADER_SCAN:
            break
    pick = None
    for pos, (_, cells) in enumerate(head):
        if sum(1 for c in cells if norm(c) in lookup) >= 2:
            pick = pos
            break
    if pick is None:
        pick = next((p for p, (_, cells) in enumerate(head) if any(norm(c) for c in cells)), None)
    if pick is None:
        return [], iter(())
    header = list(head[pick][1])
    if pick + 1 < len(head) and _sub_header(header, head[pick + 1][1], lookup):
        # a two-level header (基本情况 over 性别 | 出生年月): the lower row names those columns
        for i, c in enumerate(head[pick + 1][1]):
            if norm(c) in lookup:
                header.extend([None] * (i + 1 - len(header)))
                header[i] = c
        pick += 1
    return header, chain(head[pick + 1:], sheet.rows)


def _sub_header(header: list[Any], below: Sequence[Any], lookup: dict[str, str]) -> bool:
    """Whether ``below`` is the lower row of a two-level header: it names contract columns, only
    under cells of ``header`` that name none (a group title, or blank under a merged one), and is
    blank under the columns ``header`` names itself, or repeats them (merged down: the reader
    copies a merged cell's value down), as no data row is."""
    named = [i for i, c in enumerate(below)  # a name merged down from the row above is not new
             if norm(c) in lookup and not (i < len(header) and norm(header[i]) == norm(c))]
    own = [i for i, c in enumerate(header) if norm(c) in lookup]
    return (bool(named) and all(i >= len(header) or norm(header[i]) not in lookup for i in named)
            and all(i >= len(below) or norm(below[i]) in ("", norm(header[i])) for i in own))


def read_sheet(sheet: Sheet, *, lenient: bool, warned: set[tuple[str, str]],
               warnings: list[str]) -> Table:
    """Validate every row of ``sheet``; strict raises the first :class:`DataError`.

    Complexity: one pass, O(rows × columns). Cells are typed by their column's parser; a
    row is checked as a whole by :func:`~guanxi.loaders.make.maker`, and only a failing row
    goes through pydantic, which words its error.
    """
    table = sheet.table
    assert table is not None
    model = TABLES[table]
    cols = columns(table)
    lookup = column_lookup(table)
    header, rows = _find_header(sheet, lookup)
    where = sheet.where
    out = Table()
    plan: list[tuple[int, str, Callable[[Any], Any], str]] = []
    extras: list[tuple[int, str]] = []
    spans = "start_date" in cols and "end_date" in cols
    period: tuple[int, str] | None = None  # a one-cell 起止时间 column (loaders.periods)
    for idx, raw in enumerate(header):
        h = "" if raw is None else str(raw).strip()
        name = lookup.get(norm(h))
        if not h or (name is None and norm(h) in ROW_NUMBER):
            continue
        if name is None and spans and period is None and norm(h) in PERIOD_HEADERS:
            period = (idx, h)
            continue
        if name is None or name in out.headers:
            extras.append((idx, h))
            if name is not None:
                warnings.append(f"{where}：列“{h}”与“{out.headers[name]}”都对应 {name}，"
                                f"使用“{out.headers[name]}”，本列作为附加属性保留")
            elif (table, norm(h)) not in warned:
                warned.add((table, norm(h)))
                warnings.append(f"{where}：未知列“{h}”，已作为附加属性保留"
                                + (roster_hint(h) if table == "persons" else ""))
            continue
        out.headers[name] = h
        kind = cols[name].kind
        plan.append((idx, name, pooled(PARSERS[kind]) if kind == "str" else PARSERS[kind], h))
    if spans and "end_date" not in out.headers:
        rows = split_period_columns(len(header), rows, plan, out.headers, period)
    if period is not None and out.headers.get("end_date") != period[1]:  # start and end given too
        extras.append(period)
        warnings.append(f"{where}：列“{period[1]}”与{cols['start_date'].label}、{cols['end_date'].label}列重复，"
                        "已作为附加属性保留")
    out.present = set(out.headers)
    id_from_number = table == "persons" and "id" not in out.headers and "id_number" in out.headers
    if id_from_number:
        out.headers["id"] = out.headers["id_number"]
    for c in cols.values():
        if c.required and c.name not in out.headers:
            raise DataError(sheet.file, sheet.sheet, None, None,
                            f"缺少必填列“{c.label}”({c.name})，请添加该列（列名可用 {c.name} 或 {c.label}）")
    key_col = KEY_COLUMN.get(table)
    key_idx = next((i for i, n, _, _ in plan if n == ("id_number" if id_from_number else key_col)), None)
    validate = maker(model)  # pydantic only for a row that fails (the error's wording)
    file, sheet_name = sheet.file, sheet.sheet

    def one_row(rownum: int, cells: Sequence[Any]) -> Record | None:
        """The record of one row; None for an empty or (lenient) rejected row."""
        n = len(cells)
        data: dict[str, Any] = {}
        try:
            for idx, name, parse, h in plan:
                if idx >= n:
                    continue
                v = cells[idx]
                if v is None or (type(v) is str and (not v or v.isspace())):
                    continue
                try:
                    got = parse(v)
                except CellError as exc:
                    raise DataError(file, sheet_name, rownum, h, str(exc), field=name) from None
                if got is not None:
                    data[name] = got
            if extras:
                extra = {h: cells[i] for i, h in extras
                         if i < n and cells[i] is not None and str(cells[i]).strip()}
                if extra:
                    data["extra"] = extra
            if not data:
                return None  # an empty row
            if id_from_number and "id_number" in data:
                data["id"] = data["id_number"]
            data["src"] = Source(file=file, sheet=sheet_name, row=rownum)
            try:
                return validate(data)
            except ValidationError as exc:
                raise _from_pydantic(exc, sheet, rownum, out.headers, cols) from None
        except DataError as err:
            if not lenient:
                raise
            out.rejected.append(Rejected(table=table, source=Source(file=file, sheet=sheet_name,
                                         row=rownum), column=err.column, message=str(err)))
            if key_idx is not None and key_idx < n and cells[key_idx] not in (None, ""):
                out.rejected_keys[key(cells[key_idx]).upper() if id_from_number
                                  else key(cells[key_idx])] = f"{where} 第 {rownum} 行"
            return None

    if not Bulk.usable(model):
        for rownum, cells in rows:
            rec = one_row(rownum, cells)
            if rec is not None:
                out.records.append(rec)
        return out
    bulk = Bulk(model, [(i, n, p, cols[n].kind) for i, n, p, _ in plan], extras, id_from_number,
                file, sheet_name, text=sheet.text)
    while chunk := list(islice(rows, CHUNK)):
        nums, cells = zip(*chunk)
        bulk.run(nums, cells, one_row, out.records)
    return out


def _from_pydantic(exc: ValidationError, sheet: Sheet, row: int, headers: dict[str, str],
                   cols: dict[str, Column]) -> DataError:
    e = exc.errors()[0]
    name = str(e["loc"][0]) if e["loc"] else None
    msg = e["msg"]
    if e["type"] == "value_error":
        msg = str(e.get("ctx", {}).get("error", msg))
        head, sep, rest = msg.partition(": ")
        if sep and head in cols:
            name, msg = head, rest
    elif e["type"] == "missing" or e.get("input") is None:
        label = cols[name].label if name in cols else name
        msg = f"缺少必填值，应填写{label}"
    else:
        msg = f"值“{e.get('input')}”不符合要求（{e['msg']}）"
    return DataError(sheet.file, sheet.sheet, row, headers.get(name or "", name), msg, field=name)


def birth_mismatches(persons: list[Record]) -> list[str]:
    """Warnings where the ID number's birth date differs from ``birth_date`` (rule AR01 reports it).

    A month-only birth date is compared to the month.
    """
    out = []
    # the digits an agreeing ID number carries, per birth date (a province shares ~20k dates):
    # most numbers agree, and a slice comparison settles them without reading the number
    days: dict[date, str] = {}
    months: dict[date, str] = {}
    for p in persons:
        num, born = getattr(p, "id_number", None), getattr(p, "birth_date", None)
        if not num or born is None:
            continue
        if type(born) is date:
            digits = days.get(born)
            if digits is None:
                digits = days[born] = f"{born.year:04d}{born.month:02d}{born.day:02d}"
            if num[6:14] == digits and num.isascii():  # what birth_from_id reads, or no date at all
                continue
        elif isinstance(born, MonthDate):
            digits = months.get(born)
            if digits is None:
                digits = months[born] = f"{born.year:04d}{born.month:02d}"
            if num[6:12] == digits and num.isascii():
                continue
        embedded = birth_from_id(num)
        if embedded is None:
            continue
        same = ((embedded.year, embedded.month) == (born.year, born.month)
                if isinstance(born, MonthDate) else embedded == born)
        if not same:
            where = p.src.label() if p.src else "persons"
            out.append(f"{where}：身份证号中的出生日期 {embedded.isoformat()} 与出生日期 {fmt(born)} 不一致")
    return out


def invalid_id_numbers(persons: list[Record]) -> list[str]:
    """Warnings for the persons whose own ID number is invalid: kept as written, rule AR01 reports it."""
    numbers = [getattr(p, "id_number", None) or "" for p in persons]
    out = []
    for p, num, ok in zip(persons, numbers, valid_normalized_many(numbers)):
        if num and not ok:
            where = p.src.label() if p.src else "persons"
            out.append(f"{where}：身份证号“{mask_id(num)}”无效（长度、出生日期或校验位不符 GB 11643），"
                       "已按所填保留，由规则 AR01 报告")
    return out
