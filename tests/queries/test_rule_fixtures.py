"""Rule cases as data: every ``fixtures/<CODE>.yaml`` case is scanned and its findings compared.

A case holds a tiny dataset (tables as lists of dicts with the contract's
English column names, dates as strings), an optional ``config`` mapping (rule
params or ``[kinship]`` switches), and ``expect``: the findings as person sets,
each optionally with a substring its explanation must contain; ``not_checked``
lists the cases the rule must leave undecided (persons, optional ``reason``
substring), ``config.calendar`` fills the ``[calendar]`` section and ``config.as_of``
the check date (``[scan] as_of``). Run one rule with ``pytest -k AV01``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.dates import MonthDate
from guanxi.graph.kinship.category import KinScope
from guanxi.graph.records import TABLES, Source
from guanxi.queries import load_config, scan
from guanxi.queries.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def to_date(value: Any) -> Any:
    """'2019-08-07' -> date, '2019-08' -> MonthDate; other values unchanged."""
    if isinstance(value, str) and _DAY.match(value):
        return date.fromisoformat(value)
    if isinstance(value, str) and _MONTH.match(value):
        return MonthDate(int(value[:4]), int(value[5:]))
    return value


def flatten(rows: list[Any] | None) -> list[dict[str, Any]]:
    """Rows may come in nested lists, so YAML anchors can share groups of rows between cases."""
    out: list[dict[str, Any]] = []
    for row in rows or []:
        out.extend(flatten(row) if isinstance(row, list) else [row])
    return out


def make_dataset(data: dict[str, list[Any]]) -> Dataset:
    """Validated records from plain rows; a table's columns are the union of its rows' keys."""
    tables: dict[str, list[Any]] = {}
    columns: dict[str, set[str]] = {}
    for table, grouped in data.items():
        rows = flatten(grouped)
        model = TABLES[table]
        columns[table] = {k for row in rows or [] for k in row}
        tables[table] = [
            model(**{k: to_date(v) for k, v in row.items()},
                  src=Source(file=f"{table}.csv", row=i + 2))
            for i, row in enumerate(rows or [])
        ]
    return Dataset(columns=columns, **tables)


def write_config(tmp_path: Path, code: str, overrides: dict[str, Any]) -> Path:
    """A TOML file setting the case's overrides (kinship switches or the rule's params)."""
    kin = {k: v for k, v in overrides.items() if k in KinScope.model_fields}
    cal = overrides.get("calendar") or {}
    params = {k: v for k, v in overrides.items() if k not in kin and k not in ("calendar", "as_of")}
    lines = [f"[scan]\nas_of = {overrides['as_of']}"] if "as_of" in overrides else []
    lines += ["[kinship]"] + [f"{k} = {json.dumps(v)}" for k, v in kin.items()]
    lines += ["[calendar]"] + [f"{k} = [{', '.join(str(d) for d in v)}]" for k, v in cal.items()]
    lines += [f"[rules.{code}]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}"
                                    for k, v in params.items()]
    path = tmp_path / "guanxi.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_cases() -> list[Any]:
    out = []
    for rule in RULES:
        path = FIXTURES / f"{rule.code}.yaml"
        if not path.exists():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert doc["rule"] == rule.code, path
        for case_id, case in doc["cases"].items():
            out.append(pytest.param(rule.code, case_id, case, id=f"{rule.code}-{case_id}"))
    return out


def run_case(code: str, case: dict[str, Any], tmp_path: Path) -> Any:
    store = build(make_dataset(case["data"]))
    cfg = load_config(write_config(tmp_path, code, case["config"])) if case.get("config") else None
    return scan(store, cfg, rules=[code])


@pytest.mark.parametrize(("code", "case_id", "case"), load_cases())
def test_rule_case(code: str, case_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    result = run_case(code, case, tmp_path)
    want_nc = case.get("not_checked") or []
    got_nc = sorted(sorted(n.persons) for n in result.not_checked)
    assert got_nc == sorted(sorted(n["persons"]) for n in want_nc), result.not_checked
    for n in want_nc:
        reasons = [x.reason for x in result.not_checked if sorted(x.persons) == sorted(n["persons"])]
        assert any(n.get("reason", "") in r for r in reasons), reasons
    got = sorted(sorted(f.persons) for f in result.findings)
    want = sorted(sorted(e["persons"]) for e in case.get("expect") or [])
    explained = "\n".join(f.explanation for f in result.findings)
    assert got == want, f"{case.get('description', case_id)}\n{explained}"
    for e in case.get("expect") or []:
        if "explanation" in e:
            f = next(f for f in result.findings if sorted(f.persons) == sorted(e["persons"]))
            assert e["explanation"] in f.explanation, f.explanation
    for f in result.findings:
        assert f.rule == code and f.basis and f.evidence.nodes and f.evidence.edges
