"""Described relatives resolved to roster people: ID number, name + birth month + work, judgements."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_kit import UNITS, make_id, write_csv

from guanxi.loaders import DataError, load_dataset

LI_MEI = make_id("19720315", "002")
PERSONS = [["id", "name", "gender", "birth_date", "id_number"],
           ["P1", "张三", "男", "1970-01-02", ""],
           ["P2", "李梅", "女", "1972.03", LI_MEI],
           ["P3", "王五", "男", "1980年5月", ""],
           ["P4", "王五", "男", "1985年5月", ""],   # a homonym of P3 born five years later
           ["P5", "赵敏", "女", "", ""]]
POSTINGS = [["person_id", "unit_id", "title", "start_date"],
            ["P1", "U1", "局长", "2015-01-01"], ["P2", "U2", "科长", "2016.08"],
            ["P3", "U3", "医生", "2018-03-01"], ["P5", "U3", "护士长", "2010-01-01"]]
HEAD = ["person_id", "term", "relative_name", "relative_birth_date", "relative_id_number", "relative_work"]


def _data(folder: Path, relations: list[list[str]]) -> Path:
    write_csv(folder, "persons.csv", PERSONS)
    write_csv(folder, "units.csv", UNITS)
    write_csv(folder, "postings.csv", POSTINGS)
    write_csv(folder, "relations.csv", [HEAD, *relations])
    return folder


def test_by_id_number_first(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "妻子", "李梅梅", "", LI_MEI.lower(), ""]]))
    assert ds.relations[0].relative_id == "P2"
    c = ds.candidates[0]
    assert (c.decision, c.candidate_id, c.score, c.reasons) == ("auto", "P2", 1.0, ["身份证号一致"])


def test_invalid_relative_id_number_is_an_error(tmp_path: Path) -> None:
    bad = LI_MEI[:-1] + ("1" if LI_MEI[-1] != "1" else "2")
    with pytest.raises(DataError, match=r"relations.csv 第 2 行，列“relative_id_number”：身份证号"):
        load_dataset(_data(tmp_path, [["P1", "妻子", "李梅", "", bad, ""]]))


def test_a_roster_id_number_kept_invalid_does_not_exclude_the_person(tmp_path: Path) -> None:
    """A relative's valid number that differs from the roster's excludes the person, unless the
    roster's number is itself invalid (kept as written for AR01): then name and birth month decide."""
    typo = LI_MEI[:-1] + ("1" if LI_MEI[-1] != "1" else "2")
    other = make_id("19720315", "004")
    for roster, want in ((typo, "P2"), (other, None)):
        folder = tmp_path / roster
        folder.mkdir()
        _data(folder, [["P1", "妻子", "李梅", "1972.03", LI_MEI, ""]])
        write_csv(folder, "persons.csv", [r[:4] + [roster if r[0] == "P2" else r[4]] for r in PERSONS])
        ds = load_dataset(folder)
        assert ds.relations[0].relative_id == want, roster


def test_by_name_and_birth_month(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "妻子", "李 梅", "1972-03-20", "", ""],
                                       ["P1", "表弟", "王五", "1980.05", "", ""]]))
    assert [r.relative_id for r in ds.relations] == ["P2", "P3"]
    assert ds.candidates[1].reasons == ["姓名相同", "出生年月相同（1980.05）"]
    assert ds.candidates[1].score == 0.8 and ds.candidates[1].decision == "auto"


def test_homonym_with_other_birth_month_never_merged(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "表弟", "王五", "1990.05", "", "市第一人民医院"]]))
    assert ds.relations[0].relative_id is None
    assert ds.candidates == []


def test_same_name_no_birth_date_is_only_a_candidate(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "嫂子", "赵敏", "", "", "市第一人民医院 护士长"]]))
    assert ds.relations[0].relative_id is None
    c = ds.candidates[0]
    assert (c.decision, c.candidate_id, c.score) == ("candidate", "P5", 0.6)
    assert c.reasons == ["姓名相同", "工作单位含其任职机构“市第一人民医院”"]
    assert c.relation.row == 2 and c.reference == "P1|嫂子|赵敏"
    assert ds.warnings == [
        "relations.csv 第 2 行：P1 的嫂子 赵敏 可能是人员 P5（姓名相同、工作单位含其任职机构“市第一人民医院”，"
        "得分 0.60），未合并；如确认，请在研判文件中写入 引用“P1|嫂子|赵敏”、人员编号“P5”、结论“确认”"]


def test_two_homonyms_without_birth_month_are_both_candidates(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "表弟", "王五", "", "", "市第一人民医院"]]))
    assert ds.relations[0].relative_id is None
    assert [(c.candidate_id, c.decision) for c in ds.candidates] == [("P3", "candidate")]


def test_threshold_is_configurable(tmp_path: Path) -> None:
    folder = _data(tmp_path, [["P1", "嫂子", "赵敏", "", "", "市第一人民医院 护士长"]])
    assert load_dataset(folder, match_threshold=0.6).relations[0].relative_id == "P5"


def test_judgements_confirm_and_reject(tmp_path: Path) -> None:
    folder = _data(tmp_path, [["P1", "嫂子", "赵敏", "", "", ""],
                              ["P1", "妻子", "李梅", "1972-03", "", ""]])
    judge = write_csv(tmp_path, "my_judgements.csv", [
        ["亲属引用", "人员编号", "研判结论", "研判人", "研判时间", "理由"],
        ["P1|嫂子|赵敏", "P5", "确认", "刘组长", "2024-05-01", "核对档案"],
        ["relations.csv:3", "P2", "否定", "刘组长", "2024-05-01", "同名同月，非同一人"]])
    ds = load_dataset(folder, judgements=judge)
    assert [r.relative_id for r in ds.relations] == ["P5", None]
    assert [(c.candidate_id, c.decision) for c in ds.candidates] == [("P5", "confirmed"), ("P2", "rejected")]
    assert "核对档案" in ds.candidates[0].reasons[0]


def test_judgements_file_in_dataset_folder_is_honoured(tmp_path: Path) -> None:
    folder = _data(tmp_path, [["P1", "妻子", "李梅", "1972-03", "", ""]])
    write_csv(folder, "研判.csv", [["relation", "person_id", "decision"], ["P1|妻子|李梅", "P2", "reject"]])
    ds = load_dataset(folder)
    assert ds.relations[0].relative_id is None


def test_bad_judgement_decision(tmp_path: Path) -> None:
    folder = _data(tmp_path, [["P1", "妻子", "李梅", "1972-03", "", ""]])
    judge = write_csv(tmp_path, "j.csv", [["relation", "person_id", "decision"], ["P1|妻子|李梅", "P2", "也许"]])
    with pytest.raises(DataError, match=r"j.csv 第 2 行，列“decision”：无法识别的研判结论“也许”"):
        load_dataset(folder, judgements=judge)


def test_judgement_for_unknown_relation_is_warned(tmp_path: Path) -> None:
    folder = _data(tmp_path, [["P1", "妻子", "李梅", "1972-03", "", ""]])
    judge = write_csv(tmp_path, "j.csv", [["relation", "person_id", "decision"], ["P9|妻子|某", "P2", "确认"]])
    ds = load_dataset(folder, judgements=judge)
    assert ds.relations[0].relative_id == "P2"
    assert ds.warnings == ["j.csv 第 2 行：研判引用“P9|妻子|某”找不到对应的家庭成员及社会关系行，已忽略"]


def test_explicit_relative_id_is_kept(tmp_path: Path) -> None:
    folder = _data(tmp_path, [])
    write_csv(folder, "relations.csv", [["person_id", "term", "relative_id", "relative_name"],
                                        ["P1", "表弟", "P4", "王五"]])
    ds = load_dataset(folder)
    assert ds.relations[0].relative_id == "P4" and ds.candidates == []


def test_a_deceased_relative_is_kept_with_no_birth_date(tmp_path: Path) -> None:
    """家庭成员 registers write 已故 or 不详 in the birth cell: the row (and the kinship it
    carries, e.g. a father two people share) stays, with no birth date."""
    ds = load_dataset(_data(tmp_path, [["P1", "父亲", "张老", "已故", "", "已故"],
                                       ["P3", "母亲", "王氏", "不详", "", "退休"]]))
    assert [(r.relative_name, r.relative_birth_date, r.relative_work) for r in ds.relations] == [
        ("张老", None, "已故"), ("王氏", None, "退休")]
    assert not ds.rejected


def test_a_relative_id_number_written_as_none_is_no_number(tmp_path: Path) -> None:
    ds = load_dataset(_data(tmp_path, [["P1", "妻子", "李梅", "1972.03", "无", ""]]))
    assert ds.relations[0].relative_id_number is None and ds.relations[0].relative_id == "P2"
