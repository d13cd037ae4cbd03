"""The XLSX report: 附件1 in the seed's layout, then every finding, skipped rules, rejected rows
and the load's warnings."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from guanxi.graph.store import GraphStore
from guanxi.queries.scan import ScanResult
from guanxi.visualizations.forms import ANNEX2_COLUMNS, ANNEX2_NOTE, ANNEX2_TITLE, annex2_rows
from guanxi.visualizations.names import Names, defang
from guanxi.visualizations.rows import (
    ANNEX1_COLUMNS,
    FINDING_COLUMNS,
    NOT_CHECKED_COLUMNS,
    REJECTED_COLUMNS,
    annex1_row,
    finding_row,
    masked,
    not_checked_row,
    rejected_row,
)
from guanxi.visualizations.triage import Decisions

ANNEX1_TITLE = "自查阶段发现的重点问题线索"
ANNEX1_SIGN = "单位主要负责人签字（加盖单位公章）：" + " " * 24 + "填表时间：      年    月    日"
ANNEX1_NOTE = "注：问题类别主要指实施方案中的三类问题，问题来源包括自查发现、巡察发现等。"
ANNEX1_FILLER = "填表人：" + " " * 28 + "联系电话："
#: row of the column headers on the 附件1 sheet (after 附件1, the title and the signature line)
ANNEX1_HEADER_ROW = 4
WARNING_COLUMNS = ("序号", "提示")
MAX_WIDTH = 60
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def display_width(text: str) -> int:
    """Width in Excel's character units: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return defang(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _put(ws: Worksheet, row: int, values: Sequence[Any], *, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=_cell_value(value))
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # data, never a formula
        cell.border = _BORDER
        cell.alignment = _WRAP
        if bold:
            cell.font = Font(bold=True)


def _fit(ws: Worksheet, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    widths = [display_width(c) for c in columns]
    for row in rows:
        for i, c in enumerate(columns):
            widths[i] = max(widths[i], display_width(str(row.get(c, ""))))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(w + 2, MAX_WIDTH)


def _sheet(ws: Worksheet, columns: Sequence[str], rows: list[dict[str, Any]], start: int = 1) -> None:
    _put(ws, start, columns, bold=True)
    for i, row in enumerate(rows, start=start + 1):
        _put(ws, i, [row.get(c, "") for c in columns])
    top = ws.cell(row=start + 1, column=1)
    assert isinstance(top, Cell)  # not merged: the first row under the header
    ws.freeze_panes = top
    _fit(ws, columns, rows)


def _annex1(ws: Worksheet, rows: list[dict[str, Any]], *, name: str = "附件1",
            title: str = ANNEX1_TITLE, columns: Sequence[str] = ANNEX1_COLUMNS,
            note: str = ANNEX1_NOTE, wide: str = "D") -> None:
    last = get_column_letter(len(columns))
    ws["A1"] = name
    ws["A2"] = title
    ws.merge_cells(f"A2:{last}2")
    ws["A2"].font = Font(bold=True, size=16)
    ws["A2"].alignment = Alignment(horizontal="center")
    ws["A3"] = ANNEX1_SIGN
    ws.merge_cells(f"A3:{last}3")
    _sheet(ws, columns, rows, start=ANNEX1_HEADER_ROW)
    end = ANNEX1_HEADER_ROW + len(rows) + 1
    ws.cell(row=end, column=1, value=note)
    ws.cell(row=end + 1, column=1, value=ANNEX1_FILLER)
    ws.column_dimensions[wide].width = MAX_WIDTH  # 问题概况 is long text; wrap it


def write_workbook(result: ScanResult, path: Path, names: Names, *, show_id: bool = False,
                   decisions: Decisions | None = None, forms: Sequence[str] = (),
                   store: GraphStore | None = None) -> None:
    """Write the report to ``path``: 附件1 (dismissed findings left out), 附件2 when ``forms``
    names it (confirmed findings), every finding with its decision, skipped rules, rejected rows,
    the load's warnings (数据提示)."""
    decisions = decisions or Decisions()
    wb = Workbook()
    annex = wb.active
    assert isinstance(annex, Worksheet)  # a new workbook's one sheet
    annex.title = "附件1"
    kept = [f for f in result.findings
            if (d := decisions.get(f.id)) is None or d.status != "dismissed"]
    _annex1(annex, [masked(annex1_row(i, f, names, decisions.get(f.id)), show_id)
                    for i, f in enumerate(kept, start=1)])
    if "附件2" in forms:
        _annex1(wb.create_sheet("附件2"),
                [masked(r, show_id) for r in annex2_rows(result, decisions, names, store)],
                name="附件2", title=ANNEX2_TITLE, columns=ANNEX2_COLUMNS, note=ANNEX2_NOTE, wide="F")
    _sheet(wb.create_sheet("全部线索"), FINDING_COLUMNS,
           [masked(finding_row(i, f, names, decisions.get(f.id)), show_id)
            for i, f in enumerate(result.findings, start=1)])
    _sheet(wb.create_sheet("未检查"), NOT_CHECKED_COLUMNS,
           [masked(not_checked_row(n, names), show_id) for n in result.not_checked])
    _sheet(wb.create_sheet("被拒绝行"), REJECTED_COLUMNS,
           [masked(rejected_row(r), show_id) for r in result.rejected])
    # what the load said (kinds read from names, words not in the contract, invalid ID numbers …):
    # the context a finding, or a rule's silence, is read in
    _sheet(wb.create_sheet("数据提示"), WARNING_COLUMNS,
           [masked({"序号": i, "提示": w}, show_id) for i, w in enumerate(result.warnings, start=1)])
    orphans = decisions.orphans(f.id for f in result.findings)
    if orphans:
        cols = ("线索编号", "规则", "线索概要", "核查结论")
        _sheet(wb.create_sheet("已消失线索的核查结论"), cols,
               [masked(dict(zip(cols, (d.id, d.rule, d.summary, d.text()))), show_id) for d in orphans])
    wb.save(path)
