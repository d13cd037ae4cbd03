"""``generate``: write a demo dataset and its ground truth (truth.json) into a folder."""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guanxi.synth import groups
from guanxi.synth.plant import plant_all
from guanxi.synth.world import World
from guanxi.synth.writer import Writer

MIN_PERSONS = 1000


def repetitions(persons: int) -> int:
    """How many times each planted scenario is run: 1 up to 9,999 persons, +1 per decade.

    >>> [repetitions(n) for n in (1000, 3000, 100_000, 1_000_000)]
    [1, 1, 3, 4]
    """
    return 1 + int(math.log10(max(persons, MIN_PERSONS) / MIN_PERSONS) + 1e-9) if persons >= 10_000 \
        else 1


def generate(out_dir: Path, persons: int, seed: int = 0,
             progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Write a fictional city health system of about ``persons`` people into ``out_dir``.

    Files: persons/units/postings/supervision/relations/appointments.csv with the
    contract's Chinese headers, and ``truth.json`` listing the planted cases.
    ``payroll.csv`` and ``parttime_jobs.csv`` hold only the planted pay cases' people
    and months (a sample: a million people × months of pay would be gigabytes).
    Same ``seed`` and ``persons`` give byte-identical files. Returns a summary:
    rows per table and planted cases per rule.
    """
    if persons < MIN_PERSONS:
        raise ValueError(f"人数至少为 {MIN_PERSONS}（收到 {persons}）")
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    out_dir = Path(out_dir)
    writer = Writer(out_dir)
    w = World(writer, seed, persons)
    reps = repetitions(persons)
    scale = max(1.0, (persons / 20_000) ** 0.5)
    try:
        bureau = groups.bureau_of(w, 0, scale)
        cases = plant_all(w, bureau.uid, reps)
        say(f"植入案例 {len(cases)} 个（每类场景 {reps} 轮，{w.person_count} 人）")
        gi, last = 0, 0
        while w.person_count < persons:
            left = persons - w.person_count
            planned = groups.planned_size(gi, scale)
            groups.build(w, gi, left if left < planned + 150 else planned, scale,
                         bureau if gi == 0 else None)
            gi += 1
            if w.person_count - last >= 50_000 or w.person_count >= persons:
                last = w.person_count
                say(f"已生成 {w.person_count}/{persons} 人")
        w.boards.flush(w)
    finally:
        writer.close()
    truth = {"seed": seed, "persons": w.person_count, "cases": cases}
    (out_dir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    planted: dict[str, dict[str, int]] = {}
    for (rule, expect), n in sorted(Counter((c["rule"], c["expect"]) for c in cases).items()):
        planted.setdefault(rule, {"found": 0, "absent": 0})[expect] = n
    return {
        "out_dir": str(out_dir), "seed": seed, "persons": w.person_count,
        "rows": dict(writer.counts), "planted": planted,
        "seconds": round(time.perf_counter() - started, 2),
    }
