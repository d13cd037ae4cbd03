"""Inspectors' decisions on findings (属实 / 排除 / 待核实), kept in a file keyed by the stable finding id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: status code -> how outputs show it
STATUS_ZH = {"confirmed": "属实", "dismissed": "排除", "pending": "待核实"}
#: what a person may type, in either language
STATUS_ALIASES = {
    "confirmed": "confirmed", "confirm": "confirmed", "属实": "confirmed", "确认": "confirmed",
    "已确认": "confirmed", "dismissed": "dismissed", "dismiss": "dismissed", "排除": "dismissed",
    "不属实": "dismissed", "已排除": "dismissed", "pending": "pending", "待核实": "pending",
    "待核": "pending",
}
#: file columns: English key -> Chinese header (a CSV may use either)
FIELDS = {"id": "线索编号", "status": "状态", "reason": "理由", "who": "核查人", "when": "时间",
          "action": "问责情况", "rule": "规则", "summary": "线索概要"}
DEFAULT_NAME = "guanxi-decisions.json"


class DecisionError(ValueError):
    """A decisions file or value that cannot be read; the message names what to fix."""


def parse_status(text: str) -> str:
    """``属实`` / ``confirmed`` -> ``confirmed``; anything else is an error."""
    code = STATUS_ALIASES.get(text.strip().lower()) or STATUS_ALIASES.get(text.strip())
    if code is None:
        raise DecisionError(f"状态应为 属实(confirmed)、排除(dismissed) 或 待核实(pending)，实际为 {text!r}")
    return code


@dataclass
class Decision:
    """One inspector's decision on one finding; ``rule`` and ``summary`` keep it readable
    after the finding has disappeared."""

    id: str
    status: str
    reason: str = ""
    who: str = ""
    when: str = ""
    action: str = ""
    rule: str = ""
    summary: str = ""

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    def text(self) -> str:
        """``属实：理由（核查人，2024-06-30）`` for a table cell."""
        extra = "，".join(x for x in (self.who, self.when) if x)
        return self.status_zh + (f"：{self.reason}" if self.reason else "") + (f"（{extra}）" if extra else "")


@dataclass
class Decisions:
    """All decisions of a dataset, by finding id; ``path`` is where they are kept."""

    path: Path | None = None
    items: dict[str, Decision] = field(default_factory=dict)

    def get(self, finding_id: str) -> Decision | None:
        return self.items.get(finding_id)

    def orphans(self, finding_ids: Iterable[str]) -> list[Decision]:
        """Decisions whose finding the latest scan no longer reports."""
        present = set(finding_ids)
        return [d for fid, d in sorted(self.items.items()) if fid not in present]

    def to_json(self) -> list[dict[str, Any]]:
        return [asdict(d) for _fid, d in sorted(self.items.items())]


def default_path(data: Path) -> Path:
    """``DATA/guanxi-decisions.json`` for a folder, ``材料.decisions.json`` beside a file.

    JSON, so the loaders never mistake it for a register table in the folder.
    """
    if data.is_dir():
        return data / DEFAULT_NAME
    return data.with_name(f"{data.stem}.decisions.json")


def _row(raw: dict[str, Any], where: str) -> Decision:
    by_key = {}
    for key, zh in FIELDS.items():
        value = raw.get(key, raw.get(zh, ""))
        by_key[key] = "" if value is None else str(value).strip()
    if not by_key["id"]:
        raise DecisionError(f"{where}：缺少线索编号（id）")
    try:
        by_key["status"] = parse_status(by_key["status"])
    except DecisionError as exc:
        raise DecisionError(f"{where}：{exc}") from None
    return Decision(**by_key)


def load_decisions(path: Path) -> Decisions:
    """Read a decisions file (JSON list or CSV with English or Chinese headers); absent = empty."""
    out = Decisions(path=path)
    if not path.exists():
        return out
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionError(f"{path}：无法读取核查结论文件（{exc}）") from None
    if path.suffix.lower() == ".csv":
        rows: list[Any] = list(csv.DictReader(io.StringIO(text)))
    else:
        try:
            doc = json.loads(text) if text.strip() else []
        except json.JSONDecodeError as exc:
            raise DecisionError(f"{path} 第 {exc.lineno} 行：不是有效的 JSON（{exc.msg}）") from None
        rows = doc.get("decisions", []) if isinstance(doc, dict) else doc
    if not isinstance(rows, list):
        raise DecisionError(f"{path}：应为核查结论的列表")
    for i, raw in enumerate(rows, start=1):
        if not isinstance(raw, dict):
            raise DecisionError(f"{path} 第 {i} 条：应为一个对象")
        d = _row(raw, f"{path} 第 {i} 条")
        out.items[d.id] = d
    return out


def save_decisions(decisions: Decisions, path: Path | None = None) -> Path:
    """Write the decisions as UTF-8 JSON (or CSV with a BOM when the path ends in .csv)."""
    target = path or decisions.path
    if target is None:
        raise DecisionError("未指定核查结论文件")
    rows = decisions.to_json()
    if target.suffix.lower() == ".csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(FIELDS.values()), lineterminator="\r\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({FIELDS[k]: v for k, v in r.items()})
        text = "\ufeff" + buf.getvalue()
    else:
        text = json.dumps({"decisions": rows}, ensure_ascii=False, indent=2) + "\n"
    target.write_text(text, encoding="utf-8", newline="")
    return target
