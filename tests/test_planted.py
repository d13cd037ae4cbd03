"""End to end: generate ~3000 people, load, build, scan; every planted case is judged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.queries import scan
from guanxi.queries.config import load_config
from guanxi.synth import generate


def judge(cases: list[dict[str, Any]], findings: list[Any]) -> list[str]:
    """Messages for every planted case the findings contradict (empty when all hold)."""
    by_rule: dict[str, list[set[str]]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(set(f.persons))
    misses = []
    for c in cases:
        want = set(c["persons"])
        sets = by_rule.get(c["rule"], [])
        if c["expect"] == "found":
            ok = any(s == want if c["match"] == "exact" else want <= s for s in sets)
            if not ok:
                near = [sorted(s) for s in sets if s & want]
                misses.append(f"未发现 {c['rule']} {sorted(want)}（{c['match']}）：{c['note']}；"
                              f"相关发现 {near}")
        else:
            hit = [sorted(s) for s in sets if want <= s]
            if hit:
                misses.append(f"误报 {c['rule']} {sorted(want)}：{c['note']}；发现 {hit}")
    return misses


@pytest.mark.parametrize(("persons", "seed"), [(3000, 7), (2000, 0)])  # (2000, 0): guanxi demo's data
def test_planted_cases_are_found_and_near_misses_are_not(tmp_path: Path, persons: int,
                                                         seed: int) -> None:
    summary = generate(tmp_path, persons, seed=seed)
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert summary["persons"] == truth["persons"]
    store = build(load_dataset(tmp_path))
    result = scan(store, load_config(None))
    misses = judge(truth["cases"], result.findings)
    print("\n".join(misses))
    assert not misses, f"{len(misses)} 个植入案例未通过：\n" + "\n".join(misses)
