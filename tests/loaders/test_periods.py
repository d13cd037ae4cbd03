"""A post's time written as one period cell: 起止时间 2015.03—2019.05, or the whole period in 任职时间."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_kit import PERSONS, UNITS, write_csv

from guanxi.graph.dates import fmt
from guanxi.loaders import DataError, load_dataset


def _posts(folder: Path, header: list[str], rows: list[list[str]]):
    write_csv(folder, "persons.csv", PERSONS)
    write_csv(folder, "units.csv", UNITS)
    write_csv(folder, "任职经历.csv", [["人员编号", "机构编号", "职务", *header],
                                     *(["P1", "U2", "科员", *r] for r in rows)])
    return load_dataset(folder)


def test_a_qi_zhi_column_is_read_as_start_and_end(tmp_path: Path) -> None:
    ds = _posts(tmp_path, ["起止时间"], [["2015.03—2019.05"], ["2019.05--至今"], ["2016-01-01-2016-12-31"]])
    assert [(fmt(h.start_date), fmt(h.end_date)) for h in ds.postings] == [
        ("2015-03", "2019-05"), ("2019-05", ""), ("2016-01-01", "2016-12-31")]
    assert ds.warnings == [] and {"start_date", "end_date"} <= ds.columns["postings"]


def test_the_whole_period_in_ren_zhi_shi_jian_without_an_end_column(tmp_path: Path) -> None:
    ds = _posts(tmp_path, ["任职时间"], [["2015.03-2019.05"], ["2020年1月"]])
    assert [(fmt(h.start_date), fmt(h.end_date)) for h in ds.postings] == [("2015-03", "2019-05"), ("2020-01", "")]


def test_a_bad_half_names_its_column_and_row(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        _posts(tmp_path, ["起止时间"], [["2015.03—2019.05"], ["2015.13—2019.05"]])
    assert str(info.value).startswith("任职经历.csv 第 3 行，列“起止时间（起）”(start_date)：无法识别的日期“2015.13”")


def test_an_end_column_keeps_the_start_column_a_single_date(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        _posts(tmp_path, ["任职时间", "免职时间"], [["2015.03-2019.05", ""]])
    assert "列“任职时间”(start_date)：无法识别的日期“2015.03-2019.05”" in str(info.value)


def test_a_qi_zhi_column_beside_start_and_end_columns_is_kept_as_an_extra(tmp_path: Path) -> None:
    ds = _posts(tmp_path, ["任职时间", "免职时间", "起止时间"], [["2015.03", "2019.05", "2015.03—2019.05"]])
    assert [(fmt(h.start_date), fmt(h.end_date), h.extra) for h in ds.postings] == [
        ("2015-03", "2019-05", {"起止时间": "2015.03—2019.05"})]
    assert ds.warnings == ["任职经历.csv：列“起止时间”与任职时间、免职时间列重复，已作为附加属性保留"]
