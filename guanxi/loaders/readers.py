"""Readers: find the tables in a folder, an XLSX workbook or a JSON document, and stream their rows."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guanxi.graph.records import Source
from guanxi.loaders.errors import DataError
from guanxi.loaders.schema import norm, table_for

Rows = Iterator[tuple[int, Sequence[Any]]]
#: spreadsheet files read as workbooks (Excel 2007+, Excel 97–2003, binary Excel, OpenDocument)
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
#: the guide sheet of the blank workbook ``guanxi template`` writes: no table, passed over quietly
GUIDE = "填表说明"
JUDGEMENT_NAMES = {"judgements", "judgments", "研判", "人工研判", "研判记录", "研判结果"}


@dataclass
class Sheet:
    """One table as found: which contract table, where it is, and its rows (row number, cells)."""

    table: str | None
    file: str
    sheet: str | None
    rows: Rows
    #: the header when it is not the first row of ``rows`` (JSON)
    header: list[str] | None = None
    #: every cell is a str (CSV), so the bulk reader need not look at their types
    text: bool = False

    @property
    def where(self) -> str:
        """``persons.csv`` / ``data.xlsx[人员]``, as messages name the sheet."""
        return Source(file=self.file, sheet=self.sheet).place()


@dataclass
class Found:
    """Every sheet of the input, the warnings met while looking, and a judgements file if any."""

    sheets: list[Sheet] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    judgements: Path | None = None
    #: 干部任免审批表 files (.lrmx), read after the tables (guanxi.loaders.lrmx)
    forms: list[Path] = field(default_factory=list)


def discover(path: Path, skip: Path | None = None) -> Found:
    """The tables under ``path``: a folder of CSV/XLSX files, one workbook, one JSON or one CSV.

    ``skip`` is a file in the folder that is not a table (the judgements file given explicitly).
    """
    found = Found()
    if path.is_dir():
        skipped = skip.resolve() if skip is not None else None
        for f in sorted(path.iterdir()):
            suffix = f.suffix.lower()
            if f.name.startswith(("~$", ".")) or f.resolve() == skipped:
                continue  # Excel lock files, hidden files
            if suffix == ".csv" and norm(f.stem) in JUDGEMENT_NAMES:
                found.judgements = f
            elif suffix in (".csv", ".tsv"):
                _add(found, table_for(f.stem), f.name, None, lambda f=f: csv_rows(f), text=True)
            elif suffix in WORKBOOKS:
                workbook(found, f, folder=True)
            elif suffix == ".lrmx":
                found.forms.append(f)
        return found
    if not path.exists():
        raise DataError(str(path), None, None, None, "路径不存在，应为数据文件夹、XLSX 工作簿或 JSON 文件")
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        workbook(found, path, folder=False)
    elif suffix == ".json":
        json_document(found, path)
    elif suffix in (".csv", ".tsv"):
        _add(found, table_for(path.stem), path.name, None, lambda: csv_rows(path), text=True)
    elif suffix == ".lrmx":
        found.forms.append(path)
    else:
        raise DataError(path.name, None, None, None,
                        "不支持的文件类型，应为数据文件夹、.xlsx/.xls 工作簿、.json、.csv 或 .lrmx 文件")
    return found


def _add(found: Found, table: str | None, file: str, sheet: str | None, rows: Any,
         text: bool = False) -> None:
    if table is None:
        where = Source(file=file, sheet=sheet).place()
        found.warnings.append(f"{where}：无法从名称识别是哪张表，已忽略（表名见数据规范，如 人员、任职经历）")
        return
    found.sheets.append(Sheet(table, file, sheet, _Lazy(rows), text=text))


class _Lazy:
    """Open the file only when its rows are first asked for, so discovery stays cheap."""

    def __init__(self, opener: Any) -> None:
        self._opener = opener
        self._it: Iterator[tuple[int, Sequence[Any]]] | None = None

    def __iter__(self) -> Iterator[tuple[int, Sequence[Any]]]:
        # the rows themselves: a loop over them makes no Python call per row through this wrapper
        if self._it is None:
            self._it = iter(self._opener())
        return self._it

    def __next__(self) -> tuple[int, Sequence[Any]]:
        return next(iter(self))


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the head decodes as UTF-8, else GB18030."""
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig"


def csv_rows(path: Path) -> Rows:
    """Rows of a CSV file numbered from 1 (the header), in UTF-8 or GB18030; tab-separated too."""
    enc = _encoding(path)
    try:
        with path.open(encoding=enc, newline="") as fh:
            first = fh.readline()
            delim = "\t" if path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",") else ","
            fh.seek(0)
            yield from enumerate(csv.reader(fh, delimiter=delim), 1)
    except UnicodeDecodeError as exc:
        raise DataError(path.name, None, None, None,
                        f"文件编码无法识别（{exc.reason}），应为 UTF-8 或 GB18030（GBK）编码的 CSV") from None


def workbook(found: Found, path: Path, *, folder: bool) -> None:
    """Sheets of one workbook: by sheet name, or the first sheet when the file name names a table.

    Read with calamine (Rust): a 100,000-person register workbook took 280 s to load through
    openpyxl's read-only mode and takes 38 s here (the same registers as CSV: about 13 s).
    The same reader opens Excel 97–2003 ``.xls``, ``.xlsb`` and OpenDocument ``.ods`` files.
    """
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = [m.name for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    except Exception as exc:  # calamine raises its own kinds for a damaged or encrypted file
        raise DataError(path.name, None, None, None,
                        f"无法打开工作簿（{type(exc).__name__}：{exc}），应为 Excel 或 WPS 另存的 "
                        f"{path.suffix.lower()} 文件") from None
    by_file = table_for(path.stem)
    names = [n for n in names if n.strip() != GUIDE]
    by_sheet = [(name, table_for(name)) for name in names]
    if by_file is not None and names and (folder or not any(t for _, t in by_sheet)):
        by_sheet = [(names[0], by_file)]
    for name, table in by_sheet:
        _add(found, table, path.name, name, lambda name=name: _sheet_rows(wb, path, name))


def _sheet_rows(wb: Any, path: Path, name: str) -> Rows:
    """A sheet's rows numbered as Excel shows them, a vertically merged cell's value in every row
    it spans.

    Registers merge a cadre's 人员编号 or 姓名 down over all his relatives' rows, and a unit
    over its people; only the merge's first cell holds the value, so the rows below it would
    have none. A merge across columns (a title) is left as it is. calamine yields every row from
    the first (blank ones above the data too), so the count is the row number, and the columns
    from the first one used; a formula's cell gives the value Excel saved with it, and a formula
    error (#N/A, #REF!) reads as an empty cell.
    """
    try:
        sheet = wb.get_sheet_by_name(name)
    except Exception as exc:
        raise DataError(path.name, name, None, None, f"无法读取工作表（{type(exc).__name__}：{exc}）") from None
    first_col = sheet.start[1] if sheet.start else 0
    downs: dict[int, list[tuple[int, int]]] = {}  # first row -> (column, last row) of each merge
    for (r1, c1), (r2, _c2) in sheet.merged_cell_ranges or ():
        if r2 > r1 and c1 >= first_col:
            downs.setdefault(r1, []).append((c1 - first_col, r2))
    if not downs:
        yield from enumerate(sheet.iter_rows(), 1)
        return
    fills: dict[int, tuple[Any, int]] = {}  # column -> (value, last row) of the merge under way
    for r, row in enumerate(sheet.iter_rows()):
        for c, last in downs.get(r, ()):
            if c < len(row):
                fills[c] = (row[c], last)
        if fills:
            row = list(row)
            for c, (value, last) in list(fills.items()):
                if r > last:
                    del fills[c]
                elif row[c] in ("", None):
                    row[c] = value
        yield r + 1, row


def json_document(found: Found, path: Path) -> None:
    """Tables of a JSON document ``{"persons": [{...}, ...], "人员": ...}``; item n is row n."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            doc = json.load(fh)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(path.name, None, None, None, f"不是有效的 JSON（{exc}）") from None
    if not isinstance(doc, dict):
        raise DataError(path.name, None, None, None, "JSON 顶层应为对象，如 {\"persons\": [...]}")
    for key, items in doc.items():
        table = table_for(key)
        if table is None:
            found.warnings.append(f"{path.name}[{key}]：无法从名称识别是哪张表，已忽略")
            continue
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise DataError(path.name, key, None, None, "应为对象数组，如 [{\"id\": \"P1\", ...}]")
        header: dict[str, None] = {}
        for item in items:
            header.update(dict.fromkeys(item))
        cols = list(header)
        found.sheets.append(Sheet(table, path.name, key, _json_rows(items, cols), header=cols))


def _json_rows(items: list[dict[str, Any]], cols: list[str]) -> Rows:
    for i, item in enumerate(items, 1):
        yield i, [item.get(c) for c in cols]
