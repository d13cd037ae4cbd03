"""Findings, skipped rules and rejected rows flattened into rows with Chinese column names."""

from __future__ import annotations

from typing import Any

from guanxi.graph.dataset import Rejected
from guanxi.graph.dates import fmt
from guanxi.queries.finding import CATEGORY_NAMES, Finding, NotChecked
from guanxi.queries.scan import ScanResult
from guanxi.visualizations.names import Names, defang, mask_id_numbers
from guanxi.visualizations.triage import Decision

SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}

#: columns of the full listing (CSV and the 全部线索 sheet)
FINDING_COLUMNS = (
    "序号", "编号", "规则", "规则名称", "严重程度", "问题类别", "人员", "人员编号", "单位", "单位编号",
    "开始", "结束", "说明", "依据", "证据节点", "证据边", "核查结论", "核查说明", "问责情况",
)
NOT_CHECKED_COLUMNS = ("规则", "原因", "人员")
REJECTED_COLUMNS = ("表", "文件", "工作表", "行", "列", "原因")

#: the columns of 附件1 自查阶段发现的重点问题线索 (seed 000)
ANNEX1_COLUMNS = ("序号", "地区/单位", "问题类别", "问题概况", "问题来源", "是否列入重点查核")
ANNEX1_SOURCE = "guanxi 数据比对"
#: the seed's three problem categories; 附件1 allows only these. Daily-supervision findings
#: (吃空饷, 工资关系应转未转, 兼职取酬, 长期同岗, 退出中层未安排工作 …) are listed by the seed
#: under the first one.
SEED_CATEGORIES = (CATEGORY_NAMES["A"], CATEGORY_NAMES["B"], CATEGORY_NAMES["C"])


def period_text(f: Finding) -> str:
    """``2021-03-01 至今`` / ``2019-01 至 2021-05``; month-precision dates stay months.

    A finding about facts, not a span of time (AR01's archive contradictions), has neither
    date and reads ``—``: "不详 至今" would claim it is still going on.
    """
    if f.period.from_ is None and f.period.to is None:
        return "—"
    start = fmt(f.period.from_) or "不详"
    return f"{start} 至 {fmt(f.period.to)}" if f.period.to else f"{start} 至今"


def finding_row(i: int, f: Finding, names: Names, decision: Decision | None = None) -> dict[str, Any]:
    """One finding in full, as the CSV and the 全部线索 sheet show it, with its decision if any."""
    return {
        "序号": i,
        "编号": f.id,
        "规则": f.rule,
        "规则名称": f.title,
        "严重程度": SEVERITY_ZH.get(f.severity, f.severity),
        "问题类别": f.category,
        "人员": names.people(f.persons),
        "人员编号": "、".join(f.persons),
        "单位": names.units(f.units),
        "单位编号": "、".join(f.units),
        "开始": fmt(f.period.from_),
        "结束": fmt(f.period.to),
        "说明": f.explanation,
        "依据": "；".join(f.basis),
        "证据节点": "、".join(f.evidence.nodes),
        "证据边": "、".join(f.evidence.edges),
        "核查结论": decision.status_zh if decision else "",
        "核查说明": decision.text() if decision else "",
        "问责情况": decision.action if decision else "",
    }


def annex1_row(i: int, f: Finding, names: Names, decision: Decision | None = None) -> dict[str, Any]:
    """One finding as a line of 附件1; high severity or a confirmed one is proposed for 重点查核."""
    return {
        "序号": i,
        "地区/单位": names.unit_name(f.units[0]) if f.units else "",
        "问题类别": f.category if f.category in SEED_CATEGORIES else SEED_CATEGORIES[0],
        "问题概况": f"{f.title}：{f.explanation}（线索编号 {f.id}）",
        "问题来源": ANNEX1_SOURCE,
        "是否列入重点查核": "是" if f.severity == "high" or (decision and decision.status == "confirmed")
        else "否",
    }


def not_checked_row(n: NotChecked, names: Names) -> dict[str, Any]:
    return {"规则": n.rule, "原因": n.reason, "人员": names.people(n.persons)}


def rejected_row(r: Rejected) -> dict[str, Any]:
    return {
        "表": r.table, "文件": r.source.file, "工作表": r.source.sheet or "",
        "行": r.source.row if r.source.row is not None else "", "列": r.column or "",
        "原因": r.message,
    }


def rejected_text(r: Rejected) -> str:
    """One line for a rejected row; the loader's message usually names the place already."""
    if r.source.file and r.message.startswith(r.source.file):
        return r.message
    col = f" {r.column} 列" if r.column else ""
    return f"{r.source.label()}{col}：{r.message}"


def prepare(result: ScanResult, names: Names | None) -> Names:
    """The name map to use, told which people will be shown together."""
    names = names or Names()
    names.note_people(p for f in result.findings for p in f.persons)
    return names


def masked(row: dict[str, Any], show_id: bool) -> dict[str, Any]:
    """The row with resident ID numbers hidden unless ``show_id``, and addresses defanged."""
    return {k: defang(v if show_id else mask_id_numbers(v)) if isinstance(v, str) else v
            for k, v in row.items()}


def summary_by_rule(result: ScanResult) -> list[tuple[str, str, int]]:
    """(code, title, findings) for every rule that ran, in catalog order."""
    from guanxi.queries.rules import RULES

    titles = {r.code: r.title for r in RULES}
    counts: dict[str, int] = dict.fromkeys(result.rules, 0)
    for f in result.findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
        titles.setdefault(f.rule, f.title)
    return [(code, titles.get(code, ""), n) for code, n in counts.items()]
