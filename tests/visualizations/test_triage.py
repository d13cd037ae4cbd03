"""Decisions on findings: reading and writing the file, statuses, carried into JSON/CSV/XLSX, 附件2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from viz_data import store_and_result

from guanxi.visualizations.render import render
from guanxi.visualizations.triage import (
    Decision,
    DecisionError,
    Decisions,
    default_path,
    load_decisions,
    parse_status,
    save_decisions,
)

#: seed 000 附件2 专项整治工作查处问责情况汇总表, its header row
ANNEX2 = ["序号", "单位", "责任人姓名", "时任职务", "现任职务", "主要违规违纪问题", "问责原因", "问责情况"]
ANNEX1 = ["序号", "地区/单位", "问题类别", "问题概况", "问题来源", "是否列入重点查核"]


@pytest.mark.parametrize(("text", "code"), [("属实", "confirmed"), ("confirmed", "confirmed"),
                                            ("排除", "dismissed"), ("待核实", "pending"),
                                            (" Pending ", "pending")])
def test_status_aliases(text: str, code: str) -> None:
    assert parse_status(text) == code


def test_unknown_status_is_an_error() -> None:
    with pytest.raises(DecisionError, match="属实"):
        parse_status("也许")


@pytest.mark.parametrize("name", ["d.json", "d.csv"])
def test_round_trip(tmp_path: Path, name: str) -> None:
    book = Decisions(path=tmp_path / name)
    book.items["AV01-1"] = Decision(id="AV01-1", status="confirmed", reason="夫妻，未回避", who="李莉",
                                    when="2024-06-30", action="诫勉谈话")
    save_decisions(book)
    again = load_decisions(tmp_path / name)
    assert again.items == book.items


def test_hand_written_csv_with_chinese_headers(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("线索编号,状态,理由\nAV01-9,排除,已调离\n", encoding="utf-8-sig")
    d = load_decisions(path).get("AV01-9")
    assert d is not None and d.status == "dismissed" and d.text() == "排除：已调离"


def test_bad_file_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps([{"id": "X-1", "status": "??"}]), encoding="utf-8")
    with pytest.raises(DecisionError, match="第 1 条"):
        load_decisions(path)


def test_default_path_keeps_out_of_the_tables(tmp_path: Path) -> None:
    assert default_path(tmp_path) == tmp_path / "guanxi-decisions.json"
    assert default_path(tmp_path / "材料.xlsx").name == "材料.decisions.json"
    assert load_decisions(tmp_path / "none.json").items == {}


@pytest.fixture
def decided():
    store, result = store_and_result(["AV01", "AV02"])
    av01, av02 = result.findings
    book = Decisions(items={
        av01.id: Decision(id=av01.id, status="confirmed", reason="夫妻同单位", who="李莉", action="调整岗位"),
        av02.id: Decision(id=av02.id, status="dismissed", reason="已回避"),
        "NP03-gone": Decision(id="NP03-gone", status="pending", rule="NP03", summary="旧线索"),
    })
    return store, result, book


def test_json_and_csv_carry_decisions_and_orphans(decided, tmp_path: Path) -> None:
    store, result, book = decided
    render(result, "json", tmp_path / "f.json", names=store, decisions=book)
    doc = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert doc["findings"][0]["decision"]["status"] == "confirmed"
    assert [d["id"] for d in doc["orphan_decisions"]] == ["NP03-gone"]
    render(result, "csv", tmp_path / "f.csv", names=store, decisions=book)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8-sig"))))
    assert [r["核查结论"] for r in rows] == ["属实", "排除"]


def test_table_shows_decisions(decided) -> None:
    store, result, book = decided
    out = io.StringIO()
    render(result, "table", None, names=store, decisions=book, stream=out)
    text = out.getvalue()
    assert "属实：夫妻同单位" in text and "NP03-gone" in text


def test_xlsx_annex1_first_annex2_from_confirmed(decided, tmp_path: Path) -> None:
    store, result, book = decided
    out = tmp_path / "f.xlsx"
    render(result, "xlsx", out, names=store, decisions=book, forms=("附件2",))
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["附件1", "附件2"]
    a1 = wb["附件1"]
    assert [c.value for c in a1[4]] == ANNEX1
    assert a1.cell(row=5, column=6).value == "是"
    assert str(a1.cell(row=6, column=1).value).startswith("注：")  # the dismissed AV02 left out
    a2 = wb["附件2"]
    assert a2["A1"].value == "附件2" and a2["A2"].value == "专项整治工作查处问责情况汇总表"
    assert [c.value for c in a2[4]] == ANNEX2
    row = {h: c.value for h, c in zip(ANNEX2, a2[5])}
    assert row["单位"] and row["责任人姓名"] == "张建国、李秀英"
    assert "局长" in row["时任职务"] and "科长" in row["现任职务"]
    assert row["问责原因"] == "夫妻同单位" and row["问责情况"] == "调整岗位"
    assert str(a2.cell(row=6, column=1).value).startswith("注：")  # only the confirmed one
    assert "已消失线索的核查结论" in wb.sheetnames


def test_annex1_category_is_one_of_the_seed_three(tmp_path: Path) -> None:
    store, result = store_and_result(["AV01"])
    daily = result.findings[0].model_copy(update={"id": "TM02-x", "rule": "TM02",
                                                   "category": "干部日常监督管理"})
    result = result.model_copy(update={"findings": [*result.findings, daily]})
    render(result, "xlsx", tmp_path / "f.xlsx", names=store)
    wb = load_workbook(tmp_path / "f.xlsx")
    cats = [wb["附件1"].cell(row=r, column=3).value for r in (5, 6)]
    assert cats == ["选人用人导向扶正纠偏不力", "选人用人导向扶正纠偏不力"]
    assert wb["全部线索"].cell(row=3, column=6).value == "干部日常监督管理"  # the full sheet keeps it
