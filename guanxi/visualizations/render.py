"""The one function that turns a scan result into any output format."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from guanxi.graph.store import GraphStore
from guanxi.queries.scan import ScanResult
from guanxi.visualizations.names import Names, mask_all
from guanxi.visualizations.rows import FINDING_COLUMNS, finding_row, masked, prepare
from guanxi.visualizations.table import print_table
from guanxi.visualizations.workbook import write_workbook

FORMATS = ("table", "json", "ndjson", "csv", "xlsx")
#: width of the table when written to a file, where no terminal says how wide
FILE_WIDTH = 160


class RenderError(ValueError):
    """A format that cannot be written where it was asked to go."""


def to_names(names: Names | GraphStore | Mapping[str, str] | None) -> Names:
    """Accept a ready name map, a store, or a plain ``{person_id: name}`` mapping."""
    if isinstance(names, Names):
        return names
    if isinstance(names, GraphStore):
        return Names(store=names)
    if isinstance(names, Mapping):
        return Names(persons=names)
    return Names()


def json_document(result: ScanResult, *, show_id: bool = False) -> dict[str, Any]:
    """The contract's findings document, ID numbers masked unless ``show_id``."""
    doc = result.to_json()
    return doc if show_id else mask_all(doc)


def render_text(result: ScanResult, fmt: str, names: Names, *, show_id: bool = False) -> str:
    """JSON, NDJSON or CSV as one string."""
    if fmt == "json":
        return json.dumps(json_document(result, show_id=show_id), ensure_ascii=False, indent=2) + "\n"
    if fmt == "ndjson":
        lines = [f.to_json() for f in result.findings]
        if not show_id:
            lines = mask_all(lines)
        return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FINDING_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for i, f in enumerate(result.findings, start=1):
            writer.writerow(masked(finding_row(i, f, names), show_id))
        # the BOM tells Chinese Excel the CSV is UTF-8, also when stdout is redirected to a file
        return "\ufeff" + buf.getvalue()
    raise RenderError(f"未知输出格式 {fmt}（可用：{'、'.join(FORMATS)}）")


def render(
    result: ScanResult,
    fmt: str,
    out: Path | None = None,
    *,
    names: Names | GraphStore | Mapping[str, str] | None = None,
    show_id: bool = False,
    console: Console | None = None,
    max_rows: int | None = None,
    stream: TextIO | None = None,
) -> None:
    """Write ``result`` as ``fmt`` to the file ``out``, or to ``stream`` (stdout) when None.

    ``table`` is for people (names instead of ids, a summary by rule); ``json``
    is the data contract's document; ``ndjson`` one finding per line; ``csv``
    one row per finding with a BOM so Excel opens it as UTF-8; ``xlsx`` the
    附件1 report plus the full listing. Resident ID numbers are masked unless
    ``show_id``. ``max_rows`` limits the findings the table shows.
    """
    nm = prepare(result, to_names(names))
    if fmt == "table":
        if out is None:
            print_table(result, console or Console(file=stream), nm, show_id=show_id,
                        max_rows=max_rows)
            return
        with out.open("w", encoding="utf-8") as fh:
            print_table(result, Console(file=fh, width=FILE_WIDTH, color_system=None), nm,
                        show_id=show_id, max_rows=max_rows)
        return
    if fmt == "xlsx":
        if out is None:
            raise RenderError("xlsx 格式需要用 -o 指定输出文件，例如 -o 线索.xlsx")
        write_workbook(result, out, nm, show_id=show_id)
        return
    text = render_text(result, fmt, nm, show_id=show_id)
    if out is None:
        target = stream or sys.stdout
        target.write(text)
        target.flush()
        return
    out.write_text(text, encoding="utf-8", newline="")
