"""Input formats: XLSX workbook with sheets, folder of XLSX files, JSON document, GB18030 CSV."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from loader_kit import PERSONS, POSTINGS, UNITS, write_csv

from guanxi.graph.dates import MonthDate, fmt
from guanxi.graph.records import NO_EXTRA
from guanxi.loaders import DataError, load_dataset


def _sheet(wb: openpyxl.Workbook, title: str, rows: list[list[object]]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        _sheet(wb, title, rows)
    wb.save(path)
    return path


def test_workbook_one_sheet_per_table(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "data.xlsx", {
        "人员": [["编号", "姓名", "出生年月"], ["P1", "张三", datetime(1970, 1, 2)], [2, "李梅", 1972.03]],
        "机构": UNITS,
        "任职经历": [POSTINGS[0], ["P1", "U1", "局长", datetime(2015, 1, 1), None],
                 [2, "U2", "科长", "2016.08", "至今"]],
        "说明": [["本工作簿由某单位填报"]],
    })
    progress: list[str] = []
    ds = load_dataset(path, progress=progress.append)
    assert [p.id for p in ds.persons] == ["P1", "2"]   # an Excel number id loses its .0
    assert ds.persons[0].birth_date == datetime(1970, 1, 2).date()
    assert ds.persons[1].birth_date == MonthDate(1972, 3)
    assert ds.postings[1].person_id == "2" and ds.postings[1].end_date is None
    assert ds.persons[0].src.file == "data.xlsx" and ds.persons[0].src.sheet == "人员"
    assert progress[:3] == ["读取 data.xlsx[人员]", "读取 data.xlsx[机构]", "读取 data.xlsx[任职经历]"]
    assert any(w.startswith("data.xlsx[说明]：无法从名称识别") for w in ds.warnings)


def test_workbook_error_names_sheet_and_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "data.xlsx", {
        "persons": [["标题：人员名册"], [], ["id", "name", "birth_date"], ["P1", "张三", "1970-13-01"]],
    })
    with pytest.raises(DataError) as info:
        load_dataset(path)
    assert str(info.value).startswith("data.xlsx[persons] 第 4 行，列“birth_date”：无法识别的日期")
    assert info.value.sheet == "persons" and info.value.row == 4


def test_a_table_placed_off_the_corner_keeps_excel_row_numbers(tmp_path: Path) -> None:
    """Blank rows above and blank columns left of the table: the error names the row Excel shows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "人员"
    ws["C3"], ws["D3"], ws["E3"] = "人员编号", "姓名", "出生年月"
    ws["C4"], ws["D4"], ws["E4"] = "P1", "张三", "1970.01"
    ws["C6"], ws["D6"], ws["E6"] = "P2", "李四", "1970.13"
    wb.save(tmp_path / "名册.xlsx")
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path / "名册.xlsx")
    assert str(info.value).startswith("名册.xlsx[人员] 第 6 行，列“出生年月”(birth_date)：无法识别的日期“1970.13”")


def test_a_cell_merged_down_gives_its_value_to_every_row(tmp_path: Path) -> None:
    """A cadre's 人员编号 merged over his relatives' rows: the rows below it had none (an error)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "家庭成员"
    ws["B1"] = "干部家庭成员登记表"
    ws.merge_cells("B1:F1")  # across: a title, left alone
    rows = [["人员编号", "称谓", "亲属姓名", "出生年月", "工作单位及职务"],
            ["P1", "妻子", "李梅", "1972.03", "市第一人民医院 护士"], [None, "儿子", "张小", "1995.01", "学生"],
            [None, "父亲", "张老", "1945.02", "退休"], ["P2", "妻子", "王芳", "1980.01", None]]
    for r, row in enumerate(rows, start=3):  # from B3: the column offset counts
        for c, value in enumerate(row, start=2):
            ws.cell(row=r, column=c, value=value)
    ws.merge_cells("B4:B6")
    ws.merge_cells("F6:F7")  # the last row's 工作单位 merged down from the row above
    wb.save(tmp_path / "家庭成员.xlsx")
    ds = load_dataset(tmp_path / "家庭成员.xlsx")
    assert [(r.person_id, r.term, r.relative_work, r.src.row) for r in ds.relations] == [
        ("P1", "妻子", "市第一人民医院 护士", 4), ("P1", "儿子", "学生", 5), ("P1", "父亲", "退休", 6),
        ("P2", "妻子", "退休", 7)]


def test_a_formula_error_cell_reads_as_empty(tmp_path: Path) -> None:
    """#N/A where a VLOOKUP found nothing: an empty cell, so a required column says it is missing."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["人员编号", "姓名"])
    ws.append(["P1", "#N/A"])
    assert ws["B2"].data_type == "e"  # stored as an error cell, as Excel stores it
    wb.save(tmp_path / "名册.xlsx")
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path / "名册.xlsx")
    assert str(info.value) == "名册.xlsx[人员] 第 2 行，列“姓名”(name)：缺少必填值，应填写姓名"


def test_an_excel_97_xls_workbook_is_read(tmp_path: Path) -> None:
    """Many offices still save .xls; it used to be refused with "请另存为 .xlsx"."""
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("人员")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate([["人员编号", "姓名", "出生年月"], ["P1", "张三", datetime(1970, 1, 2)],
                             [1002, "李梅", "1972.03"]]):
        for c, v in enumerate(row):
            ws.write(r, c, v, day) if isinstance(v, datetime) else ws.write(r, c, v)
    wb.save(str(tmp_path / "名册.xls"))
    ds = load_dataset(tmp_path)
    assert [(p.id, p.name, fmt(p.birth_date), p.src.label()) for p in ds.persons] == [
        ("P1", "张三", "1970-01-02", "名册.xls[人员] 第 2 行"), ("1002", "李梅", "1972-03", "名册.xls[人员] 第 3 行")]


def test_a_damaged_workbook_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "人员.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path)
    assert str(info.value).startswith("人员.xlsx：无法打开工作簿")


def test_folder_of_xlsx_files(tmp_path: Path) -> None:
    _workbook(tmp_path / "人员名册.xlsx", {"Sheet1": PERSONS})
    _workbook(tmp_path / "units.xlsx", {"Sheet1": UNITS})
    write_csv(tmp_path, "postings.csv", POSTINGS)
    ds = load_dataset(tmp_path)
    assert len(ds.persons) == 3 and len(ds.units) == 3 and len(ds.postings) == 3
    assert ds.persons[2].birth_date == MonthDate(1980, 5)
    assert ds.units[0].src.file == "units.xlsx"


def _records(rows: list[list[object]]) -> list[dict[str, object]]:
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_json_document_english_and_chinese_keys(tmp_path: Path) -> None:
    doc = {"persons": _records(PERSONS), "机构": _records(UNITS),
           "任职经历": [{"人员编号": "P1", "机构编号": "U1", "职务": "局长", "任职时间": "2015-01"}],
           "appointments": [{"id": "A1", "person_id": "P2", "unit_id": "U2",
                             "recommenders": ["P1", "P3"], "recused_ids": "P1、P3"}]}
    path = tmp_path / "data.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ds = load_dataset(path)
    assert len(ds.persons) == 3 and ds.units[1].parent_id == "U1"
    assert ds.postings[0].start_date == MonthDate(2015, 1)
    assert ds.appointments[0].recommenders == ["P1", "P3"]
    assert ds.appointments[0].recused_ids == ["P1", "P3"]


def test_json_error_names_key_and_item(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps({"persons": [{"id": "P1", "name": "张三", "gender": "?"}]}), "utf-8")
    with pytest.raises(DataError, match=r"data.json\[persons\] 第 1 行，列“gender”：无法识别的性别"):
        load_dataset(path)


def test_gb18030_csv(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员.csv", [["编号", "姓名", "籍贯"], ["P1", "张三", "浙江瑞安"]], encoding="gb18030")
    ds = load_dataset(tmp_path)
    assert (ds.persons[0].name, ds.persons[0].native_place) == ("张三", "浙江瑞安")


def test_utf8_bom_csv(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员.csv", [["编号", "姓名"], ["P1", "张三"]], encoding="utf-8-sig")
    ds = load_dataset(tmp_path)
    assert ds.persons[0].id == "P1" and ds.columns["persons"] == {"id", "name"}


def test_single_csv_and_empty_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "persons.csv", [PERSONS[0], PERSONS[1], ["", "", "", ""], [], PERSONS[2]])
    ds = load_dataset(path)
    assert [(p.id, p.src.row) for p in ds.persons] == [("P1", 2), ("P2", 5)]
    assert ds.rejected == []


def test_lists_and_numbers_in_appointments_and_meetings(base: Path) -> None:
    write_csv(base, "会议.csv", [["会议编号", "机构编号", "会议时间", "应到", "实到人员"],
                               ["M1", "U1", "2020年3月5日", "7.0", "P1，P2;P3"]])
    write_csv(base, "选拔任用纪实.csv", [["纪实编号", "人员编号", "机构编号", "会议编号", "推荐人", "应参加人数"],
                                   ["A1", "P2", "U2", "M1", "P1、P9", "30"]])
    ds = load_dataset(base)
    assert ds.meetings[0].attendee_ids == ["P1", "P2", "P3"] and ds.meetings[0].members_expected == 7
    assert ds.appointments[0].recommenders == ["P1", "P9"]
    assert ds.appointments[0].recommend_expected == 30
    assert ds.warnings == ["选拔任用纪实.csv 第 2 行：推荐人 中的 P9 不在人员表中"]


def test_judgements_file_in_folder_is_not_a_table(base: Path) -> None:
    write_csv(base, "judgements.csv", [["relation", "person_id", "decision"]])
    ds = load_dataset(base)
    assert not any("judgements" in w for w in ds.warnings)


def test_a_two_level_header_is_read(tmp_path: Path) -> None:
    """基本情况 over 性别 | 出生年月 (merged), 人员编号 and 姓名 merged down: a common register layout."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["干部名册"])
    ws.append(["人员编号", "姓名", "基本情况", None, "备注"])
    ws.append([None, None, "性别", "出生年月", None])
    for cells in ("C2:D2", "A2:A3", "B2:B3", "E2:E3"):  # as Excel lays out such a header
        ws.merge_cells(cells)
    ws.append(["P1", "张三", "男", "1975.03", "性别"])
    ws.append(["P2", "李四", "女", "1978.05", None])
    wb.save(tmp_path / "名册.xlsx")
    ds = load_dataset(tmp_path / "名册.xlsx")
    assert [(p.id, p.gender, fmt(p.birth_date), p.src.row) for p in ds.persons] == [
        ("P1", "男", "1975-03", 4), ("P2", "女", "1978-05", 5)]


def test_a_data_row_naming_a_column_is_not_a_header(tmp_path: Path) -> None:
    """A 备注 cell that happens to read 性别 under a one-level header stays data."""
    write_csv(tmp_path, "persons.csv", [["人员编号", "姓名", "备注"], ["P1", "张三", "性别"], ["P2", "李四", ""]])
    ds = load_dataset(tmp_path)
    assert [(p.id, p.gender, p.extra) for p in ds.persons] == [("P1", None, {"备注": "性别"}), ("P2", None, NO_EXTRA)]
