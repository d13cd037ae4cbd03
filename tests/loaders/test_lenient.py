"""Lenient mode: bad rows and the rows depending on them are rejected, listed, never dropped silently."""

from __future__ import annotations

from pathlib import Path

from loader_kit import PERSONS, POSTINGS, UNITS, write_csv

from guanxi.loaders import load_dataset


def test_bad_rows_are_listed_and_good_rows_kept(base: Path) -> None:
    write_csv(base, "persons.csv", PERSONS + [["P4", "赵六", "男", "1999-99-99"], ["", "", "", ""]])
    write_csv(base, "postings.csv", POSTINGS + [
        ["P4", "U2", "科员", "2020-01-01", ""],          # its person was rejected
        ["P1", "U9", "科员", "2020-01-01", ""],          # dangling unit
        ["P2", "U2", "科员", "2021-01-01", "2020-01-01"],  # end before start
    ])
    ds = load_dataset(base, lenient=True)
    assert [p.id for p in ds.persons] == ["P1", "P2", "P3"]
    assert len(ds.postings) == 3
    got = [(r.table, r.source.file, r.source.row, r.column) for r in ds.rejected]
    assert got == [("persons", "persons.csv", 5, "birth_date"),
                   ("postings", "postings.csv", 5, "person_id"),
                   ("postings", "postings.csv", 6, "unit_id"),
                   ("postings", "postings.csv", 7, "end_date")]
    assert "无法识别的日期“1999-99-99”" in ds.rejected[0].message
    assert ds.rejected[1].message == ("postings.csv 第 5 行，列“person_id”：人员编号“P4”所在行已被拒收"
                                      "（persons.csv 第 5 行），本行随之拒收")
    assert "机构编号“U9”在机构表（units）中不存在" in ds.rejected[2].message


def test_unit_cycle_and_descendants_rejected(base: Path) -> None:
    write_csv(base, "units.csv", UNITS + [["U4", "护理部", "U5", ""], ["U5", "医务科", "U4", ""],
                                          ["U6", "病区", "U4", ""]])
    write_csv(base, "postings.csv", POSTINGS + [["P3", "U6", "护士", "2019-01-01", ""]])
    ds = load_dataset(base, lenient=True)
    assert [u.id for u in ds.units] == ["U1", "U2", "U3"]
    rejected = {(r.table, r.source.row): r.message for r in ds.rejected}
    assert set(rejected) == {("units", 5), ("units", 6), ("units", 7), ("postings", 5)}
    assert "成环" in rejected[("units", 5)] and "成环" in rejected[("units", 6)]
    assert "上级机构“U4”无效（机构上下级关系成环" in rejected[("units", 7)]
    assert "机构编号“U6”所在行已被拒收" in rejected[("postings", 5)]


def test_duplicate_keeps_the_first(base: Path) -> None:
    write_csv(base, "persons.csv", PERSONS + [["P1", "张三丰", "男", ""]])
    ds = load_dataset(base, lenient=True)
    assert [p.name for p in ds.persons] == ["张三", "李梅", "王五"]
    assert [(r.source.row, r.column) for r in ds.rejected] == [(5, "id")]


def test_relations_of_rejected_relative(base: Path) -> None:
    write_csv(base, "persons.csv", PERSONS + [["P4", "赵六", "X", ""]])
    write_csv(base, "relations.csv", [["person_id", "term", "relative_id"], ["P1", "妻子", "P2"],
                                      ["P1", "儿子", "P4"], ["P4", "父亲", "P1"]])
    ds = load_dataset(base, lenient=True)
    assert len(ds.relations) == 1
    assert [(r.table, r.source.row, r.column) for r in ds.rejected] == [
        ("persons", 5, "gender"), ("relations", 3, "relative_id"), ("relations", 4, "person_id")]


def test_missing_required_column_still_raises_in_lenient(base: Path) -> None:
    import pytest

    from guanxi.loaders import DataError
    write_csv(base, "postings.csv", [["person_id", "unit_id", "title"], ["P1", "U1", "局长"]])
    with pytest.raises(DataError, match="缺少必填列“任职时间”"):
        load_dataset(base, lenient=True)
