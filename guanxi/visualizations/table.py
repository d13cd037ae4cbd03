"""The terminal view: findings as a rich table, then the summary by rule and what was skipped."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from guanxi.queries.finding import Finding
from guanxi.queries.scan import TABLE_ZH, ScanResult
from guanxi.visualizations.names import Names, defang, mask_id_numbers
from guanxi.visualizations.rows import (
    SEVERITY_ZH,
    not_checked_row,
    period_text,
    rejected_text,
    summary_by_rule,
)
from guanxi.visualizations.triage import Decisions

MAX_WARNINGS = 10
#: findings table columns; the explanation takes whatever width is left
COLUMNS: tuple[tuple[str, dict[str, object]], ...] = (
    ("编号", {"no_wrap": True}), ("规则", {"no_wrap": True}), ("严重程度", {"no_wrap": True}),
    ("人员", {"max_width": 14}), ("单位", {"max_width": 14}), ("期间", {"max_width": 12}),
    ("说明", {}),
)
#: below this width the table would crop the explanation; findings are printed as blocks instead
WIDE = 110


def _t(value: object, show_id: bool) -> Text:
    # Text, not markup: data may contain square brackets
    s = "" if value is None else str(value)
    return Text(defang(s if show_id else mask_id_numbers(s)), overflow="fold")


def _cells(f: Finding, names: Names, decisions: Decisions | None = None) -> tuple[str, ...]:
    d = decisions.get(f.id) if decisions else None
    expl = f.explanation + (f"\n【核查：{d.text()}】" if d else "")
    return (f.id, f.rule, SEVERITY_ZH.get(f.severity, f.severity), names.people(f.persons),
            names.units(f.units), period_text(f), expl)


def print_table(result: ScanResult, console: Console, names: Names, *, show_id: bool = False,
                max_rows: int | None = None, decisions: Decisions | None = None) -> None:
    """Print the scan for a person at a terminal (or into a text file), with decisions if given."""
    if result.dataset:
        counts = "，".join(f"{TABLE_ZH.get(t, t)} {n}" for t, n in result.dataset.items())
        console.print(Text(f"数据：{counts}"))
    findings = result.findings
    shown = findings if max_rows is None else findings[:max_rows]
    if findings and console.width >= WIDE:
        table = Table(title=f"问题线索（{len(findings)} 条）", box=box.SIMPLE_HEAVY,
                      show_lines=True, title_justify="left")
        for col, kw in COLUMNS:
            table.add_column(col, overflow="fold", **kw)  # type: ignore[arg-type]
        for f in shown:
            table.add_row(*(_t(v, show_id) for v in _cells(f, names, decisions)))
        console.print(table)
    elif findings:
        console.print(Text(f"问题线索（{len(findings)} 条）"))
        for i, f in enumerate(shown, start=1):
            fid, rule, sev, people, units, period, expl = _cells(f, names, decisions)
            console.print(_t(f"{i}. {fid}  {rule}  严重程度：{sev}  期间：{period}", show_id))
            for label, value in (("人员", people), ("单位", units), ("说明", expl)):
                console.print(Padding(_t(f"{label}：{value}", show_id), (0, 0, 0, 3)))
    if findings:
        if len(shown) < len(findings):
            console.print(Text(f"…… 另有 {len(findings) - len(shown)} 条未显示"))
    else:
        console.print(Text("未发现问题线索。"))

    summary = Table(title="按规则汇总", box=box.SIMPLE, title_justify="left")
    for col in ("规则", "名称", "线索数"):
        summary.add_column(col, justify="right" if col == "线索数" else "left")
    skipped = {n.rule for n in result.not_checked if not n.persons}
    for code, title, n in summary_by_rule(result):
        summary.add_row(code, Text(title), "未检查" if code in skipped and n == 0 else str(n))
    console.print(summary)

    orphans = decisions.orphans(f.id for f in result.findings) if decisions else []
    if orphans:
        console.print(Text(f"已不再出现的线索的核查结论（{len(orphans)} 条）："))
        for d in orphans:
            console.print(_t(f"  {d.id} {d.rule} {d.summary}：{d.text()}", show_id))
    if result.not_checked:
        console.print(Text(f"未检查（{len(result.not_checked)} 项）："))
        # every rule left out whole is listed; single undecidable cases only up to a screenful
        whole = [n for n in result.not_checked if not n.persons]
        cases = [n for n in result.not_checked if n.persons]
        for nc in whole + cases[:MAX_WARNINGS]:
            row = not_checked_row(nc, names)
            who = f"（{row['人员']}）" if row["人员"] else ""
            console.print(_t(f"  {row['规则']}{who}：{row['原因']}", show_id))
        if len(cases) > MAX_WARNINGS:
            console.print(Text(f"  …… 另有 {len(cases) - MAX_WARNINGS} 个案例未能判断，"
                               "见 JSON/XLSX 输出的“未检查”"))
    if result.rejected:
        console.print(Text(f"被拒绝行（{len(result.rejected)} 行）："))
        for r in result.rejected:
            console.print(_t(f"  {rejected_text(r)}", show_id))
    if result.warnings:
        console.print(Text(f"提示（{len(result.warnings)} 条）："))
        for w in result.warnings[:MAX_WARNINGS]:
            console.print(_t(f"  {w}", show_id))
        if len(result.warnings) > MAX_WARNINGS:
            console.print(Text(f"  …… 另有 {len(result.warnings) - MAX_WARNINGS} 条，"
                               "见 XLSX 输出的“数据提示”页或 JSON 输出的 warnings"))
