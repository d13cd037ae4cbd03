"""``guanxi template``: the blank workbook reads back as the contract, filled or not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from guanxi.cli import main
from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.queries.scan import scan


def _template(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "模板.xlsx"
    r = CliRunner().invoke(main, ["template", "-o", str(out), *args])
    assert r.exit_code == 0, r.output
    assert r.output == f"已写入 {out}\n"
    return out


def test_a_filled_template_reads_back_without_unknown_columns(tmp_path: Path) -> None:
    path = _template(tmp_path, "--tables", "人员, units,任职经历，分管,家庭成员及社会关系")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["填表说明", "人员", "机构", "任职经历", "分管", "家庭成员及社会关系"]
    person, post = wb["人员"], wb["任职经历"]
    assert [c.value for c in person[1]][:3] == ["人员编号*", "姓名*", "性别"]
    assert person.column_dimensions["A"].number_format == "@"  # ids keep 001
    assert "分管领导的人员编号" in wb["分管"]["A1"].comment.text
    change = next(i for i, c in enumerate(post[1], 1) if c.value == "变动类型")
    lists = [dv.formula1 for dv in post.data_validations.dataValidation]
    assert '"新录用,提拔,平级交流,转任,调入,降职,免职,退出中层,退休"' in lists
    assert post.cell(row=1, column=change).comment.text.startswith("取值：新录用 / 提拔")
    rows = {"人员": [{"人员编号*": "001", "姓名*": "王强", "性别": "男"},
                     {"人员编号*": "002", "姓名*": "李芳", "性别": "女"}],
            "机构": [{"机构编号*": "U1", "机构名称*": "县卫健局", "机构类型": "机关"},
                     {"机构编号*": "U2", "机构名称*": "办公室", "上级机构": "U1", "机构类型": "内设机构"}],
            "任职经历": [{"人员编号*": "001", "机构编号*": "U1", "职务*": "副局长", "任职时间*": "2017-01-01"},
                       {"人员编号*": "002", "机构编号*": "U2", "职务*": "主任", "任职时间*": "2019-06"}],
            "分管": [{"分管领导*": "001", "分管机构*": "U2", "开始时间": "2019-01"}],
            "家庭成员及社会关系": [{"人员编号*": "002", "称谓*": "丈夫", "亲属人员编号": "001"}]}
    for sheet, data in rows.items():
        ws = wb[sheet]
        heads = [c.value for c in ws[1]]
        for row in data:
            ws.append([row.get(h) for h in heads])
    wb.save(path)
    ds = load_dataset(path)
    assert [p.id for p in ds.persons] == ["001", "002"]
    assert ds.warnings == []  # neither the guide sheet nor a header is unknown
    found = scan(build(ds), rules=["AV01"]).findings
    assert [sorted(f.persons) for f in found] == [["001", "002"]]


def test_a_table_left_empty_is_said_to_count_as_none(tmp_path: Path) -> None:
    path = _template(tmp_path, "--tables", "人员,处分处理")
    wb = openpyxl.load_workbook(path)
    wb["人员"].append(["P1", "张三"])
    wb.save(path)
    ds = load_dataset(path)
    assert ds.warnings == ["模板.xlsx[处分处理]：只有表头，没有数据行；"
                           "检查时按“无此类记录”对待，如尚未填写，请删除该表"]


def test_an_unknown_table_name_is_a_usage_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["template", "-o", str(tmp_path / "x.xlsx"), "--tables", "人员,职称"])
    assert r.exit_code == 2 and "不认识的表名“职称”" in r.output
    assert not (tmp_path / "x.xlsx").exists()
