"""Coded columns written in a register's own words: read as the contract's word, or warned of."""

from __future__ import annotations

from pathlib import Path

from loader_kit import write_csv

from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.queries.scan import scan

UNITS = [["机构编号", "机构名称", "上级机构", "机构类型"], ["U1", "县人民医院", "", "公益二类事业单位"],
         ["U2", "内科", "U1", "临床科室"]]


def test_other_spellings_are_read_as_the_contract_words(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员.csv", [["人员编号", "姓名", "编制类型", "用工审批"],
                                    ["P1", "张三", "事业编制", ""], ["P2", "李四", "编外 聘用", "否"]])
    write_csv(tmp_path, "机构.csv", UNITS)
    write_csv(tmp_path, "任职经历.csv", [["人员编号", "机构编号", "职务", "任职时间", "变动类型", "岗位类别"],
                                      ["P1", "U1", "院长", "2018.01", "提拔任用", "班子正职"],
                                      ["P2", "U2", "护士", "2020.03", "公开招聘", "一般人员"]])
    ds = load_dataset(tmp_path)
    assert [p.establishment for p in ds.persons] == ["事业", "编外"]
    assert [(h.change, h.role) for h in ds.postings] == [("提拔", "主要负责人"), ("新录用", "一般")]
    assert [u.kind for u in ds.units] == ["事业单位", "内设机构"]
    assert ds.warnings == []
    # ST03 looks for 编外 / 劳务派遣: a 编外聘用 hire without approval was passed by before
    found = scan(build(ds), rules=["ST03"]).findings
    assert [f.persons for f in found] == [["P2"]]


def test_a_value_that_is_no_known_word_is_kept_and_warned_of_once(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员.csv", [["人员编号", "姓名"], ["P1", "张三"], ["P2", "李四"], ["P3", "王五"]])
    write_csv(tmp_path, "机构.csv", UNITS)
    write_csv(tmp_path, "任职经历.csv", [["人员编号", "机构编号", "职务", "任职时间", "变动类型"],
                                      ["P1", "U2", "医师", "2018.01", "借调"],
                                      ["P2", "U2", "医师", "2019.01", "借调"],
                                      ["P3", "U2", "医师", "2019.01", "提拔"]])
    ds = load_dataset(tmp_path)
    assert [h.change for h in ds.postings] == ["借调", "借调", "提拔"]
    assert ds.warnings == [
        "变动类型：1 种取值不是规范取值，规则不识别，已按所填保留：借调（2 行，如 任职经历.csv 第 2 行）；"
        "规范取值为 新录用、提拔、平级交流、转任、调入、降职、免职、退出中层、退休"]


def test_a_case_written_as_ti_ba_ren_yong_is_a_promotion(tmp_path: Path) -> None:
    """任用方式 提拔任用 with no ranks: DS01 did not count it a promotion inside the 影响期."""
    write_csv(tmp_path, "人员.csv", [["人员编号", "姓名", "状态"], ["P1", "张三", "在岗"],
                                    ["P2", "李四", "已退休"]])
    write_csv(tmp_path, "机构.csv", UNITS)
    write_csv(tmp_path, "处分.csv", [["人员编号", "处分种类", "处分时间"], ["P1", "党内警告", "2023-01-10"]])
    write_csv(tmp_path, "选拔任用纪实.csv",
              [["纪实编号", "人员编号", "机构编号", "拟任职务", "任用方式", "讨论决定时间"],
               ["A1", "P1", "U2", "内科副主任", "提拔任用", "2023-06-01"]])
    ds = load_dataset(tmp_path)
    assert [p.status for p in ds.persons] == ["在职", "退休"]
    assert ds.appointments[0].kind == "提拔"
    found = scan(build(ds), rules=["DS01"]).findings
    assert [(f.rule, f.persons) for f in found] == [("DS01", ["P1"])]


def test_review_results_written_with_deng_ci(tmp_path: Path) -> None:
    """DS03 looks for 基本称职 and below: 基本称职等次 is that; 良好 is no grade of the regulation."""
    write_csv(tmp_path, "人员.csv", [["人员编号", "姓名"], ["P1", "张三"], ["P2", "李四"]])
    write_csv(tmp_path, "年度考核.csv", [["人员编号", "年度", "考核结果"], ["P1", "2022", "基本称职等次"],
                                      ["P2", "2022", "良好"]])
    ds = load_dataset(tmp_path)
    assert [r.result for r in ds.reviews] == ["基本称职", "良好"]
    assert ds.warnings == [
        "考核结果：1 种取值不是规范取值，规则不识别，已按所填保留：良好（1 行，如 年度考核.csv 第 3 行）；"
        "规范取值为 优秀、称职、合格、基本称职、基本合格、不称职、不合格、不定等次"]
