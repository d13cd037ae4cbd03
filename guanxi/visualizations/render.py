"""The one function that turns a scan result into any output format."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import GraphStore
from guanxi.queries.finding import Finding
from guanxi.queries.scan import ScanResult
from guanxi.visualizations.names import Names, mask_all
from guanxi.visualizations.rows import FINDING_COLUMNS, finding_row, masked, prepare
from guanxi.visualizations.table import print_table
from guanxi.visualizations.triage import Decisions
from guanxi.visualizations.workbook import write_workbook

FORMATS = ("table", "json", "ndjson", "csv", "xlsx", "html")
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


def _finding_json(f: Finding, decisions: Decisions | None) -> dict[str, Any]:
    doc = f.to_json()
    d = decisions.get(f.id) if decisions else None
    if d is not None:
        doc["decision"] = asdict(d)
    return doc


def json_document(result: ScanResult, *, show_id: bool = False,
                  decisions: Decisions | None = None) -> dict[str, Any]:
    """The contract's findings document, ID numbers masked unless ``show_id``.

    With ``decisions``, each decided finding carries its ``decision`` and the
    decisions whose finding disappeared are listed under ``orphan_decisions``.
    """
    doc = result.to_json()
    if decisions is not None and decisions.items:
        doc["findings"] = [_finding_json(f, decisions) for f in result.findings]
        doc["orphan_decisions"] = [asdict(d) for d in decisions.orphans(f.id for f in result.findings)]
    return doc if show_id else mask_all(doc)


def _dumps(value: Any, **kw: Any) -> str:
    # a slash may be escaped in JSON; an address in the data then is no link in a written file
    return json.dumps(value, ensure_ascii=False, **kw).replace("://", ":\\/\\/")


def render_text(result: ScanResult, fmt: str, names: Names, *, show_id: bool = False,
                decisions: Decisions | None = None) -> str:
    """JSON, NDJSON or CSV as one string."""
    if fmt == "json":
        return _dumps(json_document(result, show_id=show_id, decisions=decisions), indent=2) + "\n"
    if fmt == "ndjson":
        lines = [_finding_json(f, decisions) for f in result.findings]
        if not show_id:
            lines = mask_all(lines)
        return "".join(_dumps(x) + "\n" for x in lines)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FINDING_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for i, f in enumerate(result.findings, start=1):
            d = decisions.get(f.id) if decisions else None
            writer.writerow(masked(finding_row(i, f, names, d), show_id))
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
    decisions: Decisions | None = None,
    forms: Sequence[str] = (),
    max_graphs: int | None = None,
) -> None:
    """Write ``result`` as ``fmt`` to the file ``out``, or to ``stream`` (stdout) when None.

    ``table`` is for people (names instead of ids, a summary by rule); ``json``
    is the data contract's document; ``ndjson`` one finding per line; ``csv``
    one row per finding with a BOM so Excel opens it as UTF-8; ``xlsx`` the
    附件1 report (plus 附件2 when ``forms`` names it) and the full listing;
    ``html`` the report folder ``out`` (index, a graph per finding up to
    ``max_graphs``, a page per person; needs the store as ``names``). Resident
    ID numbers are masked unless ``show_id``. ``max_rows`` limits the findings
    the table shows. ``decisions`` (the inspectors' triage) show in every format.
    """
    nm = prepare(result, to_names(names))
    store = names if isinstance(names, GraphStore) else None
    if fmt == "table":
        if out is None:
            print_table(result, console or Console(file=stream), nm, show_id=show_id,
                        max_rows=max_rows, decisions=decisions)
            return
        with out.open("w", encoding="utf-8") as fh:
            print_table(result, Console(file=fh, width=FILE_WIDTH, color_system=None), nm,
                        show_id=show_id, max_rows=max_rows, decisions=decisions)
        return
    if fmt == "xlsx":
        if out is None:
            raise RenderError("xlsx 格式需要用 -o 指定输出文件，例如 -o 线索.xlsx")
        write_workbook(result, out, nm, show_id=show_id, decisions=decisions, forms=forms,
                       store=store)
        return
    if fmt == "html":
        from guanxi.visualizations.report import MAX_GRAPHS, write_report

        if out is None or not isinstance(store, NxStore):
            raise RenderError("html 格式需要用 -o 指定输出文件夹，例如 -o 报告/")
        if out.exists() and not out.is_dir():
            raise RenderError(f"html 报告写入一个文件夹，{out} 已是一个文件")
        write_report(result, store, out, nm, decisions=decisions, show_id=show_id,
                     max_graphs=MAX_GRAPHS if max_graphs is None else max_graphs)
        return
    text = render_text(result, fmt, nm, show_id=show_id, decisions=decisions)
    if out is None:
        target = stream or sys.stdout
        target.write(text)
        target.flush()
        return
    out.write_text(text, encoding="utf-8", newline="")
