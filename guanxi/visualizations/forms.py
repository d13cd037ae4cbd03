"""Seed 000 附件2 (专项整治工作查处问责情况汇总表) filled from the findings inspectors confirmed."""

from __future__ import annotations

from datetime import date
from typing import Any

from guanxi.graph.store import GraphStore, Held
from guanxi.queries.finding import Finding
from guanxi.queries.scan import ScanResult
from guanxi.visualizations.names import Names
from guanxi.visualizations.triage import Decisions

#: the columns of 附件2 in the seed's order (责任人姓名 is one column printed on two lines)
ANNEX2_COLUMNS = ("序号", "单位", "责任人姓名", "时任职务", "现任职务", "主要违规违纪问题", "问责原因", "问责情况")
ANNEX2_TITLE = "专项整治工作查处问责情况汇总表"
ANNEX2_NOTE = "注：本表根据核查结论为“属实”的线索生成；问责原因、问责情况取自核查结论文件，空白处请核实后填写。"


def _posts(store: GraphStore | None, pid: str, on: date | None, names: Names) -> tuple[str, str]:
    """(post held on ``on``, current post) of a person, each ``单位 职务`` joined by 、."""
    if store is None:
        return "", ""
    held = store.postings_of(pid)
    then = [h for h in held if on is not None and h.rec.start_date <= on
            and (h.rec.end_date is None or h.rec.end_date > on)]
    now = [h for h in held if h.rec.end_date is None]

    def text(hs: list[Held]) -> str:
        return "、".join(f"{names.unit_name(h.rec.unit_id)}{h.rec.title}" for h in hs)

    return text(then), text(now)


def _who(f: Finding, store: GraphStore | None, names: Names) -> tuple[str, str, str]:
    people, then, now = [], [], []
    many = len(f.persons) > 1
    for pid in f.persons:
        name = names.person(pid)
        a, b = _posts(store, pid, f.period.from_, names)
        people.append(name)
        if a:
            then.append(f"{name}：{a}" if many else a)
        if b:
            now.append(f"{name}：{b}" if many else b)
    return "、".join(people), "；".join(then), "；".join(now)


def annex2_rows(result: ScanResult, decisions: Decisions, names: Names,
                store: GraphStore | None = None) -> list[dict[str, Any]]:
    """One 附件2 line per confirmed finding, in scan order."""
    rows: list[dict[str, Any]] = []
    for f in result.findings:
        d = decisions.get(f.id)
        if d is None or d.status != "confirmed":
            continue
        who, then, now = _who(f, store, names)
        rows.append({
            "序号": len(rows) + 1,
            "单位": names.unit_name(f.units[0]) if f.units else "",
            "责任人姓名": who,
            "时任职务": then,
            "现任职务": now,
            "主要违规违纪问题": f"{f.title}：{f.explanation}（线索编号 {f.id}）",
            "问责原因": d.reason,
            "问责情况": d.action,
        })
    return rows
