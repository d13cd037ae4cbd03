"""Generated selection records: background cases follow the procedure, planted ones are caught."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.queries import scan
from guanxi.queries.workdays import UncoveredYear, WorkCalendar
from guanxi.synth import generate

#: rules whose background must stay silent: any finding names a planted person
CLEAN = ["PR01", "PR02", "PR03", "PR04", "PR05", "PR06", "PR07", "PR08", "PR09", "ST02", "ST03"]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("procedure")
    generate(out, 2000, seed=11)
    return out


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_case_has_its_meeting_with_a_quorum(data: Path) -> None:
    meetings = {m["会议编号"]: m for m in rows(data, "meetings")}
    cases = rows(data, "appointments")
    assert cases and all(c["会议编号"] in meetings for c in cases)
    full = [m for m in meetings.values() if m["应到"] and m["实到人员"]]
    assert len(full) > 0.8 * len(meetings)
    low = [m for m in full if 3 * len(m["实到人员"].split("、")) < 2 * int(m["应到"])]
    assert len(low) <= 2  # only the planted PR06 case


def test_background_publicity_lasts_five_working_days(data: Path) -> None:
    cal = WorkCalendar()
    short = []
    for c in rows(data, "appointments"):
        start, end = (c["公示开始"], c["公示结束"])
        if not start or not end or "-" not in start or "-" not in end:
            continue
        try:
            n = cal.count(date.fromisoformat(start), date.fromisoformat(end))
        except (UncoveredYear, ValueError):
            continue
        if n < 5:
            short.append(c["纪实编号"])
    assert len(short) <= 4, short  # the planted PR08 cases only


def test_procedure_findings_are_planted_cases_only(data: Path) -> None:
    truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
    planted = {p for c in truth["cases"] for p in c["persons"]}
    result = scan(build(load_dataset(data)), rules=CLEAN)
    stray = [f.explanation for f in result.findings if not set(f.persons) <= planted]
    assert not stray, stray[:3]
    found = {(c["rule"], tuple(c["persons"])) for c in truth["cases"]
             if c["expect"] == "found" and c["rule"] in CLEAN}
    got = {(f.rule, tuple(f.persons)) for f in result.findings}
    assert found and found <= got
