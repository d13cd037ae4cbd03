"""Evidence that cites a record rather than a graph edge (``appointment/A01``, ``discipline/3``) drawn
as a node of its own, linked to the person and unit it is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from guanxi.graph.dates import fmt_dot, is_month_only
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import record_fields
from guanxi.graph.store import pnode, unode

#: evidence id prefix -> (dataset table, Chinese name, key is the record id rather than the row)
RECORD_KINDS: dict[str, tuple[str, str, bool]] = {
    "appointment": ("appointments", "选拔任用纪实", True),
    "discipline": ("disciplines", "处分处理", False),
    "review": ("reviews", "年度考核", False),
    "petition": ("petitions", "信访举报", False),
    "meeting": ("meetings", "会议", True),
    "parttime": ("parttime_jobs", "兼职", False),
}
RECORD = "record"


def find_record(store: NxStore, eid: str) -> tuple[str, Any] | None:
    """(Chinese table name, record) for a record evidence id, or None when it names nothing."""
    kind, _, key = eid.partition("/")
    spec = RECORD_KINDS.get(kind)
    if spec is None or not key:
        return None
    table, zh, by_id = spec
    recs = getattr(store.dataset, table)
    if by_id:
        # one index per table and store: a report cites records from up to 500 graphs
        got = store.memo(f"record_nodes.{table}.by_id", lambda: _by_id(recs)).get(key)
    else:
        got = recs[int(key)] if key.isdigit() and int(key) < len(recs) else None
    return (zh, got) if got is not None else None


def _by_id(recs: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in recs:
        out.setdefault(str(getattr(r, "id", "")), r)  # the first of a repeated id, as before
    return out


def _value(v: Any) -> str:
    if isinstance(v, date):
        # a month-only date reads 2021.03; a day-precise one keeps its day, 1st included
        return fmt_dot(v) if is_month_only(v) else v.isoformat()
    if isinstance(v, (list, tuple)):
        return "、".join(str(x) for x in v)
    return str(v)


def record_view(store: NxStore, zh: str, rec: Any) -> tuple[str, str, str]:
    """(node label, plain-text tooltip, edge label) of a cited record."""
    key = getattr(rec, "id", None)
    label = f"{zh} {key}" if key else zh
    lines = [label]
    for name, value in record_fields(rec).items():
        if value not in (None, "", [], (), {}) and name not in ("id", "src"):
            lines.append(f"{name}：{_value(value)}")
    src = getattr(rec, "src", None)
    if src is not None:
        lines.append(f"来源：{src.label()}")
    if zh == "选拔任用纪实":
        edge = " ".join(x for x in (rec.kind or "任用", rec.title or "", fmt_dot(rec.decided_on)) if x)
    elif zh == "处分处理":
        edge = f"{rec.kind} {fmt_dot(rec.decided_on)}"
    elif zh == "年度考核":
        edge = f"{rec.year} {rec.result}"
    elif zh == "信访举报":
        edge = f"信访 {fmt_dot(rec.received_on)}"
    else:
        edge = zh
    return label, "\n".join(lines), edge


def record_ends(rec: Any) -> list[str]:
    """The graph nodes a record is about: its person, then its unit."""
    ends = []
    for attr, make in (("person_id", pnode), ("unit_id", unode)):
        value = getattr(rec, attr, None)
        if value:
            ends.append(make(str(value)))
    return ends
