"""Registers that leave 机构类型 empty, or write it in their own words; a 序号 column."""

from __future__ import annotations

from pathlib import Path

from loader_kit import make_id, write_csv

from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.queries.scan import scan

PERSONS = [["人员编号", "姓名", "性别", "出生年月", "身份证号"],
           ["A1", "王强", "男", "1980.01", make_id("19800101", "015")],
           ["A2", "李芳", "女", "1975.08", make_id("19750815", "026")]]
POSTINGS = [["人员编号", "机构编号", "职务", "任职时间"],
            ["A1", "U1", "副局长", "2017.01"],
            ["A2", "U2", "主任", "2019.06"]]
SUPERVISION = [["分管领导", "分管机构", "开始时间"], ["A1", "U2", "2019.01"]]
RELATIONS = [["人员编号", "称谓", "亲属人员编号"], ["A2", "丈夫", "A1"]]


def _registers(folder: Path, units: list[list[object]]) -> Path:
    write_csv(folder, "人员.csv", PERSONS)
    write_csv(folder, "机构.csv", units)
    write_csv(folder, "任职经历.csv", POSTINGS)
    write_csv(folder, "分管.csv", SUPERVISION)
    write_csv(folder, "家庭成员.csv", RELATIONS)
    return folder


def test_a_unit_named_like_a_ke_shi_without_kind_is_internal(tmp_path: Path) -> None:
    """Without 机构类型 the 办公室 was a legal entity of its own, and AV01 missed the couple."""
    ds = load_dataset(_registers(tmp_path, [["机构编号", "机构名称", "上级机构"],
                                            ["U1", "县卫健局", ""], ["U2", "办公室", "U1"],
                                            ["U3", "县人民医院", "U1"]]))
    assert {u.id: u.kind for u in ds.units} == {"U1": None, "U2": "内设机构", "U3": None}
    said = [w for w in ds.warnings if "未填机构类型" in w]
    assert len(said) == 1
    assert said[0].startswith("机构.csv：2 个有上级机构的机构未填机构类型")
    assert "视为内设机构（办公室）" in said[0] and "视为独立的法人单位（县人民医院）" in said[0]
    store = build(ds)
    assert store.entity_of("U2") == "U1" and store.entity_of("U3") == "U3"
    found = scan(store, rules=["AV01"]).findings
    assert [sorted(f.persons) for f in found] == [["A1", "A2"]]
    assert "分管该机构" in found[0].explanation


def test_kind_written_as_a_synonym_is_internal_without_warning(tmp_path: Path) -> None:
    ds = load_dataset(_registers(tmp_path, [["机构编号", "机构名称", "上级机构", "机构类型"],
                                            ["U1", "县卫健局", "", "机关"],
                                            ["U2", "综合保障中心", "U1", "内设科室"]]))
    assert {u.id: u.kind for u in ds.units} == {"U1": "机关", "U2": "内设机构"}
    assert not [w for w in ds.warnings if "机构类型" in w]


def test_a_written_kind_is_never_overridden_by_the_name(tmp_path: Path) -> None:
    ds = load_dataset(_registers(tmp_path, [["机构编号", "机构名称", "上级机构", "机构类型"],
                                            ["U1", "县卫健局", "", "机关"],
                                            ["U2", "县卫生监督所", "U1", "事业单位"],
                                            ["U3", "办公室", "U1", "事业单位"]]))
    assert {u.id: u.kind for u in ds.units} == {"U1": "机关", "U2": "事业单位", "U3": "事业单位"}
    assert not [w for w in ds.warnings if "机构类型" in w]


def test_row_number_column_is_read_past(tmp_path: Path) -> None:
    """序号 is neither an unknown column to warn of nor data: a pre-numbered blank row is empty."""
    write_csv(tmp_path, "人员.csv", [["序号", *PERSONS[0]], [1, *PERSONS[1][:2]], [2, *PERSONS[2][:2]],
                                    [3, "", ""]])
    ds = load_dataset(tmp_path)
    assert [(p.id, p.extra) for p in ds.persons] == [("A1", {}), ("A2", {})]
    assert not [w for w in ds.warnings if "序号" in w]


def test_no_unit_named_like_a_ke_shi_says_all_stay_legal_entities(tmp_path: Path) -> None:
    ds = load_dataset(_registers(tmp_path, [["机构编号", "机构名称", "上级机构"],
                                            ["U1", "县卫健局", ""], ["U2", "县人民医院", "U1"]]))
    assert [w for w in ds.warnings if "机构类型" in w] == [
        "机构.csv：1 个有上级机构的机构未填机构类型，名称不以“科”“室”“股”结尾的 1 个视为独立的法人单位"
        "（县人民医院）。亲属任职回避等规则按法人单位判断，如有误请在“机构类型”列填写 内设机构、机关 或 事业单位"]
