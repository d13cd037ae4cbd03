"""Every error names file, row and column and says what was expected; strict stops at the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_kit import PERSONS, POSTINGS, UNITS, make_id, write_csv

from guanxi.graph import build
from guanxi.loaders import DataError, load_dataset
from guanxi.queries.scan import scan


def _fails(folder: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_dataset(folder)
    return info.value


def test_bad_date(base: Path) -> None:
    write_csv(base, "postings.csv", POSTINGS[:3] + [["P3", "U3", "护士长", "2019-13-01", ""]])
    err = _fails(base)
    assert str(err) == ("postings.csv 第 4 行，列“start_date”：无法识别的日期“2019-13-01”，"
                        "应为 2019-08-07、2019.08、2019年8月 等格式")
    assert (err.file, err.sheet, err.row, err.column, err.field) == \
        ("postings.csv", None, 4, "start_date", "start_date")


def test_bad_date_names_the_chinese_header_and_the_field(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员.csv", [["编号", "姓名"], ["P1", "张三"]])
    write_csv(tmp_path, "机构.csv", [["机构编号", "机构名称"], ["U1", "财务科"]])
    write_csv(tmp_path, "任职经历.csv", [["人员编号", "机构编号", "职务", "任职时间"],
                                     *[["P1", "U1", "科长", "2019.08"]] * 5,
                                     ["P1", "U1", "科长", "2019-13-01"]])
    assert str(_fails(tmp_path)) == ("任职经历.csv 第 7 行，列“任职时间”(start_date)：无法识别的日期"
                                     "“2019-13-01”，应为 2019-08-07、2019.08、2019年8月 等格式")


def test_bad_bool(base: Path) -> None:
    write_csv(base, "postings.csv", [POSTINGS[0] + ["is_parttime"], POSTINGS[1] + ["可能"]])
    err = _fails(base)
    assert str(err).startswith("postings.csv 第 2 行，列“is_parttime”：无法识别的是否值“可能”，应为 是/否")


def test_missing_required_column(base: Path) -> None:
    write_csv(base, "units.csv", [["id", "parent_id"], ["U1", ""]])
    err = _fails(base)
    assert str(err) == "units.csv：缺少必填列“机构名称”(name)，请添加该列（列名可用 name 或 机构名称）"
    assert err.row is None


def test_missing_required_value(base: Path) -> None:
    write_csv(base, "persons.csv", PERSONS + [["P4", "", "男", ""]])
    assert str(_fails(base)) == "persons.csv 第 5 行，列“name”：缺少必填值，应填写姓名"


def test_dangling_reference(base: Path) -> None:
    write_csv(base, "postings.csv", POSTINGS + [["P9", "U1", "科员", "2020-01-01", ""]])
    err = _fails(base)
    assert str(err) == "postings.csv 第 5 行，列“person_id”：人员编号“P9”在人员表（persons）中不存在"


def test_dangling_parent_unit(base: Path) -> None:
    write_csv(base, "units.csv", UNITS + [["U4", "护理部", "U8", ""]])
    assert str(_fails(base)) == "units.csv 第 5 行，列“parent_id”：上级机构“U8”在机构表（units）中不存在"


def test_unit_cycle_names_the_units(base: Path) -> None:
    write_csv(base, "units.csv", UNITS + [["U4", "护理部", "U5", ""], ["U5", "医务科", "U4", ""]])
    err = _fails(base)
    assert str(err).startswith("units.csv 第 5 行，列“parent_id”：机构上下级关系成环：")
    assert "护理部(U4) → 医务科(U5) → 护理部(U4)" in str(err)


def test_end_before_start(base: Path) -> None:
    write_csv(base, "postings.csv", POSTINGS + [["P3", "U2", "科员", "2020-05-01", "2019.01"]])
    assert str(_fails(base)) == ("postings.csv 第 5 行，列“end_date”：结束时间 2019-01 "
                                 "早于开始时间 2020-05-01")


def test_an_invalid_own_id_number_is_kept_warned_and_reported_by_ar01(base: Path) -> None:
    """A wrong check character in the roster is an archive fact (AR01), not a row to refuse:
    the person stays, with every posting and relation, and the number as written."""
    good = make_id("19700102")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    short = good[:17]
    write_csv(base, "persons.csv", [PERSONS[0] + ["身份证号"], PERSONS[1] + [good],
                                    PERSONS[2] + [bad.lower() + " "], PERSONS[3] + [short]])
    ds = load_dataset(base)
    assert [p.id_number for p in ds.persons] == [good, bad, short]
    assert not ds.rejected and len(ds.postings) == len(POSTINGS) - 1
    assert ds.warnings[:2] == [
        f"persons.csv 第 3 行：身份证号“{bad[:6]}********{bad[-4:]}”无效（长度、出生日期或校验位不符 "
        "GB 11643），已按所填保留，由规则 AR01 报告",
        f"persons.csv 第 4 行：身份证号“{short[:6]}*******{short[-4:]}”无效（长度、出生日期或校验位不符 "
        "GB 11643），已按所填保留，由规则 AR01 报告"]
    store = build(ds)
    found = {f.persons[0]: f.explanation for f in scan(store, rules=["AR01"]).findings}
    assert set(found) == {PERSONS[2][0], PERSONS[3][0]}
    assert f"校验位应为 {good[-1]}，实为 {bad[-1]}" in found[PERSONS[2][0]]
    assert "不是 18 位有效号码" in found[PERSONS[3][0]]


def test_duplicate_key(base: Path) -> None:
    write_csv(base, "persons.csv", PERSONS + [["P1", "张三", "男", ""]])
    assert str(_fails(base)) == "persons.csv 第 5 行，列“id”：人员编号“P1”重复，已在 persons.csv 第 2 行 出现"


def test_id_number_birth_mismatch_is_a_warning(base: Path) -> None:
    write_csv(base, "persons.csv", [PERSONS[0] + ["id_number"],
                                    PERSONS[1] + [make_id("19700102")],
                                    PERSONS[2] + [make_id("19720401")],
                                    PERSONS[3] + [make_id("19800509")]])
    ds = load_dataset(base)
    assert len(ds.persons) == 3
    assert ds.warnings == ["persons.csv 第 3 行：身份证号中的出生日期 1972-04-01 与出生日期 1972-03 不一致"]


def test_unknown_column_warned_once_and_kept(base: Path) -> None:
    write_csv(base, "persons.csv", [PERSONS[0] + ["备注"]] + [r + ["无"] for r in PERSONS[1:]])
    write_csv(base, "persons2.csv", [["编号", "姓名", "备注"], ["P4", "赵六", "新"]])
    (base / "persons2.csv").rename(base / "人员名册.csv")
    ds = load_dataset(base)
    assert [p.extra for p in ds.persons] == [{"备注": "无"}] * 3 + [{"备注": "新"}]
    assert ds.warnings == ["persons.csv：未知列“备注”，已作为附加属性保留"]


def test_a_roster_column_holding_the_post_says_where_posts_belong(base: Path) -> None:
    """A 中层干部名册 carries 工作单位及职务 and 任职时间; rules read posts only from 任职经历."""
    write_csv(base, "persons.csv", [PERSONS[0] + ["工作单位及职务", "任现职时间", "政治面貌", "年龄"]]
              + [r + ["市卫健局 科长", "2019.05", "中共党员", "45"] for r in PERSONS[1:]])
    ds = load_dataset(base)
    assert ds.warnings == [
        "persons.csv：未知列“工作单位及职务”，已作为附加属性保留；任职信息须列入任职经历表"
        "（人员编号、机构编号、职务、任职时间）才用于检查",
        "persons.csv：未知列“任现职时间”，已作为附加属性保留；任职信息须列入任职经历表"
        "（人员编号、机构编号、职务、任职时间）才用于检查",
        "persons.csv：未知列“政治面貌”，已作为附加属性保留",
        "persons.csv：未知列“年龄”，已作为附加属性保留；年龄随填表时间而变，不能代替出生年月："
        "年龄条件（QL04）等规则读出生年月或身份证号"]


def test_unrecognised_file_is_a_warning(base: Path) -> None:
    write_csv(base, "说明.csv", [["a"], ["b"]])
    ds = load_dataset(base)
    assert any(w.startswith("说明.csv：无法从名称识别是哪张表") for w in ds.warnings)


def test_missing_path() -> None:
    with pytest.raises(DataError, match="路径不存在"):
        load_dataset("/nonexistent/guanxi-data")


def test_a_folder_with_no_table_is_an_error_not_an_empty_scan(tmp_path: Path) -> None:
    """A wrong folder must not come back as "未发现问题线索" with exit code 0."""
    write_csv(tmp_path, "名单.csv", [["a", "b"], ["1", "2"]])
    err = _fails(tmp_path)
    assert str(err).startswith(f"{tmp_path.name}：没有找到可识别的表：文件名或工作表名应为表名，如 人员.csv")
    assert "名单.csv：无法从名称识别是哪张表" in str(err)


def test_an_id_number_written_as_none_is_no_number(base: Path) -> None:
    write_csv(base, "persons.csv", [PERSONS[0] + ["身份证号"], PERSONS[1] + ["无"], PERSONS[2] + ["－"],
                                    PERSONS[3] + [""]])
    ds = load_dataset(base)
    assert [p.id_number for p in ds.persons] == [None, None, None]
    assert not ds.warnings
