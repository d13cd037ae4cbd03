"""A hand-written county health dataset (not from the generator): the headline rules, end to end.

``tests/data/independent/`` was written to the data contract by hand, with
Chinese file and column names, mixed date forms and relatives described only by
name and birth month. It holds, once each: kin linked only through a shared
岳父 (连襟), a shared 父亲 (siblings, NP01) and a shared grandparent (表兄弟); a
relation declared only on the junior's form (表哥, 舅舅, resolved by name, birth
month and work unit); a 分管 superior; and a 主要负责人 who brings people from
his former unit and hometown. Near-misses: two 王建华 with different birth
months (not merged), spouses whose posts in one unit never overlap.

The same data is then rewritten as an English-headed XLSX workbook and as one
JSON document; every form must give the same findings.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from guanxi.cli import main

DATA = Path(__file__).parent / "data" / "independent"
HEADLINE = {"AV01", "AV02", "NP01", "NP03"}

#: what an inspector checking by hand finds (rule, persons)
EXPECTED = {
    ("AV01", ("P03", "P04")),  # 连襟 through one 岳父 郑德福（1948.03）; 科主任 and his 医师
    ("AV01", ("P13", "P14")),  # 表兄妹; 副院长 分管 外科, whose 主任 she is
    ("AV01", ("P16", "P17")),  # 表兄弟 through one grandfather 何长生; 科主任 and 医师
    ("AV02", ("P01", "P05")),  # the 院长's 外甥 (declared 舅舅 on his own form) in 财务科
    ("NP01", ("P06", "P07", "P08")),  # three siblings through one father 孙国庆（1958.03）
    ("NP03", ("P20", "P21", "P22", "P23", "P24")),  # 3 from his former unit, 1 from his hometown
}

#: file stem -> (English table name, {Chinese header: English column})
ENGLISH = {
    "人员": ("persons", {"人员编号": "id", "姓名": "name", "性别": "gender", "出生年月": "birth_date",
                       "成长地": "growth_place", "籍贯": "native_place"}),
    "机构": ("units", {"机构编号": "id", "机构名称": "name", "上级机构": "parent_id",
                     "机构类型": "kind", "职能": "function"}),
    "任职经历": ("postings", {"人员编号": "person_id", "机构编号": "unit_id", "职务": "title",
                          "职级": "rank", "岗位类别": "role", "任职时间": "start_date",
                          "免职时间": "end_date", "变动类型": "change"}),
    "分管": ("supervision", {"分管领导": "leader_id", "分管机构": "unit_id",
                           "开始时间": "start_date", "结束时间": "end_date"}),
    "家庭成员及社会关系": ("relations", {"人员编号": "person_id", "称谓": "term",
                                  "亲属人员编号": "relative_id", "亲属姓名": "relative_name",
                                  "亲属出生日期": "relative_birth_date",
                                  "工作单位及职务": "relative_work"}),
}


def tables() -> dict[str, tuple[str, list[str], list[list[str]]]]:
    out = {}
    for stem, (table, names) in ENGLISH.items():
        with open(DATA / f"{stem}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        out[table] = (stem, [names[h] for h in rows[0]], rows[1:])
    return out


def as_xlsx(path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for table, (_stem, header, rows) in tables().items():
        ws = wb.create_sheet(table)
        ws.append(header)
        for row in rows:
            ws.append([c or None for c in row])
    wb.save(path)
    return path


def as_json(path: Path) -> Path:
    doc = {table: [{k: v for k, v in zip(header, row) if v} for row in rows]
           for table, (_stem, header, rows) in tables().items()}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def findings(data: Path) -> tuple[set[tuple[str, tuple[str, ...]]], dict]:
    r = CliRunner().invoke(main, ["scan", str(data), "-f", "json", "--as-of", "2024-06-30"])
    assert r.exit_code == 1, r.output  # findings present
    doc = json.loads(r.stdout)
    got = {(f["rule"], tuple(f["persons"])) for f in doc["findings"] if f["rule"] in HEADLINE}
    return got, doc


def test_folder_of_chinese_csvs_gives_what_an_inspector_finds() -> None:
    got, doc = findings(DATA)
    assert got == EXPECTED, f"多出 {got - EXPECTED}，缺少 {EXPECTED - got}"
    assert doc["rejected"] == []
    by_pair = {tuple(f["persons"]): f for f in doc["findings"]}
    assert "郑德福（1948.03）" in by_pair[("P03", "P04")]["explanation"]
    assert "第 2 行" in by_pair[("P03", "P04")]["explanation"]  # the form row it rests on
    assert "分管" in by_pair[("P13", "P14")]["explanation"]


@pytest.mark.parametrize("form", ["xlsx", "json"])
def test_other_file_forms_give_the_same_findings(form: str, tmp_path: Path) -> None:
    data = as_xlsx(tmp_path / "登记表.xlsx") if form == "xlsx" else as_json(tmp_path / "d.json")
    got, _ = findings(data)
    assert got == EXPECTED


def test_homonyms_with_other_birth_months_are_not_related() -> None:
    r = CliRunner().invoke(main, ["kin", str(DATA), "P09", "P10"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("未发现 王磊 与 王强 之间的亲属关系"), r.stdout
    r = CliRunner().invoke(main, ["kin", str(DATA), "P06", "P08"])
    assert "孙国庆（1958.03）" in r.stdout and "三代以内旁系血亲" in r.stdout, r.stdout
