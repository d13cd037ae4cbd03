"""Relative matches for the inspector: a one-line summary and a CSV to judge them in."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from guanxi.visualizations import mask_id_numbers

DECISIONS_ZH = {"auto": "自动认定", "candidate": "候选（未合并）", "confirmed": "人工确认",
                "rejected": "人工否定"}
#: the judgements file's own headers first (guanxi.loaders.judgements reads them back);
#: the rest only help the inspector decide and are ignored on reading
HEADER = ("亲属引用", "人员编号", "研判结论", "研判人", "研判时间", "理由",
          "填报人", "称谓", "亲属姓名", "匹配得分", "匹配依据", "当前状态", "所在行")


def matches_summary(candidates: list[Any]) -> str:
    """``亲属匹配：自动认定 3 条，候选（未合并） 1 条`` in a fixed order."""
    n = Counter(c.decision for c in candidates)
    parts = [f"{zh} {n[k]} 条" for k, zh in DECISIONS_ZH.items() if n[k]]
    hint = "；用 --candidates FILE 导出研判表" if n["candidate"] else ""
    return f"亲属匹配：{'，'.join(parts)}{hint}"


def write_candidates(candidates: list[Any], path: Path, *, show_id: bool = False) -> None:
    """One row per match, candidates first; 研判结论 left empty (= 待定) for the inspector.

    Written with a BOM so Excel on Chinese Windows opens it without garbling.
    """
    order = {"candidate": 0, "auto": 1, "confirmed": 2, "rejected": 3}
    rows = sorted(candidates, key=lambda c: (order[c.decision], c.reference, -c.score))
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for c in rows:
            decided = {"confirmed": "确认", "rejected": "否定"}.get(c.decision, "")
            why = "、".join(c.reasons)
            w.writerow([c.reference, c.candidate_id, decided, "", "", "",
                        c.person_id, c.term, c.relative_name or "", f"{c.score:.2f}",
                        why if show_id else mask_id_numbers(why), DECISIONS_ZH[c.decision],
                        c.relation.label()])
