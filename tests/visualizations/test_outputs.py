"""Every output format of render(): contract keys, BOM, the 附件1 sheet, names, ID masking."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.console import Console
from viz_data import ID_NUMBER, MASKED, store_and_result

from guanxi.queries.finding import CATEGORY_NAMES
from guanxi.visualizations import RenderError, render

CONTRACT_FINDING_KEYS = {"id", "rule", "title", "severity", "category", "persons", "units", "period",
                         "explanation", "basis", "evidence"}
ANNEX1 = ["序号", "地区/单位", "问题类别", "问题概况", "问题来源", "是否列入重点查核"]


@pytest.fixture(scope="module")
def scanned():
    return store_and_result(["AV01", "AV02"])


def test_json_is_the_contract_document(scanned, tmp_path: Path) -> None:
    store, result = scanned
    out = tmp_path / "f.json"
    render(result, "json", out, names=store)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"dataset", "findings", "not_checked", "rejected"} <= set(doc)
    assert doc["dataset"]["persons"] == 4
    assert [f["rule"] for f in doc["findings"]] == ["AV01", "AV02"]
    for f in doc["findings"]:
        assert set(f) >= CONTRACT_FINDING_KEYS
        assert f["persons"] == ["P001", "P002"]
        assert set(f["period"]) == {"from", "to"} and f["period"]["from"] == "2021-03-01"
        assert set(f["evidence"]) == {"nodes", "edges"}
    assert "张建国" in out.read_text(encoding="utf-8")  # not \\u escapes
    assert doc["rejected"][0]["source"] == {"file": "人员.csv", "sheet": None, "row": 7}


def test_ndjson_one_finding_a_line(scanned) -> None:
    store, result = scanned
    buf = io.StringIO()
    render(result, "ndjson", None, names=store, stream=buf)
    lines = buf.getvalue().splitlines()
    assert [json.loads(x)["rule"] for x in lines] == ["AV01", "AV02"]


def test_csv_has_bom_names_and_one_row_per_finding(scanned, tmp_path: Path) -> None:
    store, result = scanned
    out = tmp_path / "f.csv"
    render(result, "csv", out, names=store)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[0]["编号"] == result.findings[0].id
    assert rows[0]["人员"] == "张建国、李秀英"
    assert rows[0]["人员编号"] == "P001、P002"
    assert rows[0]["单位"] == "市卫生健康局、财务科"
    assert rows[0]["严重程度"] == "高"
    assert rows[0]["开始"] == "2021-03-01" and rows[0]["结束"] == ""


def test_xlsx_sheets_and_annex1_layout(scanned, tmp_path: Path) -> None:
    store, result = scanned
    out = tmp_path / "f.xlsx"
    render(result, "xlsx", out, names=store)
    wb = load_workbook(out)
    assert wb.sheetnames == ["附件1", "全部线索", "未检查", "被拒绝行", "数据提示"]
    ws = wb["附件1"]
    assert ws["A1"].value == "附件1"
    assert ws["A2"].value == "自查阶段发现的重点问题线索"
    assert [c.value for c in ws[4]] == ANNEX1
    first = [c.value for c in ws[5]]
    assert first[0] == 1 and first[1] == "市卫生健康局"
    assert first[2] in CATEGORY_NAMES.values()
    assert first[3].startswith(result.findings[0].title) and result.findings[0].id in first[3]
    assert first[4] == "guanxi 数据比对" and first[5] == "是"
    full = wb["全部线索"]
    assert [c.value for c in full[1]][:3] == ["序号", "编号", "规则"]
    assert full.max_row == 1 + len(result.findings)
    rejected = wb["被拒绝行"]
    assert [c.value for c in rejected[2]][:4] == ["persons", "人员.csv", None, 7]
    assert ws.column_dimensions["B"].width >= 2 * len("市卫生健康局")  # CJK counts double


def test_xlsx_lists_the_loads_warnings_with_id_numbers_masked(scanned, tmp_path: Path) -> None:
    """The warnings used to reach only the terminal and JSON; a workbook reader never saw them."""
    store, result = scanned
    said = ["机构.csv：1 个有上级机构的机构未填机构类型，名称以“科”“室”“股”结尾的 1 个视为内设机构（财务科）",
            "人员.csv 第 3 行：身份证号“33038119700102001X”无效，已按所填保留，由规则 AR01 报告"]
    out = tmp_path / "f.xlsx"
    render(result.model_copy(update={"warnings": said}), "xlsx", out, names=store)
    rows = [[c.value for c in r] for r in load_workbook(out)["数据提示"].iter_rows()]
    assert rows[0] == ["序号", "提示"] and rows[1] == [1, said[0]]
    assert rows[2][1] == "人员.csv 第 3 行：身份证号“330381********001X”无效，已按所填保留，由规则 AR01 报告"


def test_xlsx_needs_a_file(scanned) -> None:
    with pytest.raises(RenderError):
        render(scanned[1], "xlsx", None)


def test_table_shows_names_summary_and_rejected(scanned) -> None:
    store, result = scanned
    buf = io.StringIO()
    render(result, "table", None, names=store, console=Console(file=buf, width=160))
    text = buf.getvalue()
    assert "张建国、李秀英" in text and "P001" not in text
    assert "按规则汇总" in text and "被拒绝行（1 行）" in text
    assert "人员.csv 第 7 行 身份证号 列" in text


def test_narrow_table_keeps_the_whole_explanation(scanned) -> None:
    store, result = scanned
    buf = io.StringIO()
    render(result, "table", None, names=store, console=Console(file=buf, width=70))
    flat = "".join(line.strip() for line in buf.getvalue().splitlines())
    assert result.findings[0].explanation.replace(" ", "") in flat.replace(" ", "")


def test_id_numbers_masked_everywhere_unless_show_id(scanned, tmp_path: Path) -> None:
    store, result = scanned
    leaky = result.model_copy(deep=True)
    leaky.findings[0].explanation += f"（身份证号 {ID_NUMBER}）"
    for fmt in ("json", "ndjson", "csv", "table", "xlsx"):
        out = tmp_path / f"m.{fmt}"
        render(leaky, fmt, out, names=store)
        text = _text_of(out)
        assert ID_NUMBER not in text and ID_NUMBER[:-1] not in text, fmt
        assert MASKED in text, fmt
        render(leaky, fmt, out, names=store, show_id=True)
        assert ID_NUMBER in _text_of(out), fmt


def test_homonyms_are_told_apart() -> None:
    _, result = store_and_result(["AV01"])
    buf = io.StringIO()
    render(result, "csv", None, names={"P001": "王伟", "P002": "王伟"}, stream=buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue().lstrip("\ufeff"))))
    assert row["人员"] == "王伟（P001）、王伟（P002）"


def test_cells_that_look_like_formulas_stay_text(scanned, tmp_path: Path) -> None:
    store, result = scanned
    tricky = result.model_copy(deep=True)
    tricky.findings[0].explanation = "=1+1"
    out = tmp_path / "t.xlsx"
    render(tricky, "xlsx", out, names=store)
    cell = load_workbook(out)["全部线索"].cell(row=2, column=13)
    assert cell.value == "=1+1" and cell.data_type == "s"


def _text_of(path: Path) -> str:
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value)
    return path.read_text(encoding="utf-8-sig")


def test_table_lists_every_rule_left_out_but_caps_single_cases(tmp_path) -> None:
    from guanxi.queries.finding import NotChecked
    from guanxi.queries.scan import ScanResult

    cases = [NotChecked(rule="PR08", reason=f"无官方节假日安排：{2000 + i} 年", persons=[f"P{i}"])
             for i in range(12)]
    whole = NotChecked(rule="PY01", reason="缺少 payroll（工资发放）表")
    out = tmp_path / "t.txt"
    render(ScanResult(not_checked=[*cases, whole]), "table", out, names={})
    text = out.read_text(encoding="utf-8")
    assert "未检查（13 项）" in text and "PY01：缺少 payroll" in text
    assert "2009 年" in text and "2010 年" not in text
    assert "另有 2 个案例未能判断" in text


def test_the_period_of_a_finding_with_and_without_dates() -> None:
    from datetime import date

    from guanxi.queries.rules.ar import AR01
    from guanxi.visualizations.rows import period_text

    def made(start: date | None, end: date | None) -> str:
        return period_text(AR01.finding(persons=["P1"], units=[], start=start, end=end,
                                        explanation="x", nodes=[], edges=[], key=("P1",)))

    assert made(None, None) == "—"
    assert made(date(2021, 3, 1), None) == "2021-03-01 至今"
    assert made(None, date(2021, 5, 1)) == "不详 至 2021-05-01"
