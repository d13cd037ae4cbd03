"""Tables and columns recognised by English name or Chinese alias, headers folded."""

from __future__ import annotations

from pathlib import Path

from loader_kit import write_csv

from guanxi.graph.dates import MonthDate, fmt
from guanxi.graph.records import TABLES
from guanxi.loaders import load_dataset
from guanxi.loaders.schema import COLUMN_ALIASES, TABLE_ALIASES, column_lookup, columns, norm, table_for


def test_chinese_table_and_column_names(tmp_path: Path) -> None:
    write_csv(tmp_path, "人员名册.csv", [["人员编号", "姓名", "性别", "出生年月", "籍贯"],
                                      ["P1", "张三", "男", "1970.01", "浙江瑞安"]])
    write_csv(tmp_path, "机构.csv", [["机构编号", "机构名称", "上级机构", "职能"],
                                   ["U1", "市卫健局", "", ""], ["U2", "财务科", "U1", "财务"]])
    write_csv(tmp_path, "任职经历.csv", [["人员编号", "机构编号", "职务", "任职时间", "免职时间", "兼任"],
                                     ["P1", "U2", "科长", "2019年8月", "至今", "否"]])
    write_csv(tmp_path, "家庭主要成员及重要社会关系.csv",
              [["人员编号", "称谓", "姓名", "出生年月", "工作单位及职务"],
               ["P1", "妻子", "李梅", "1972.03", "市第一人民医院 护士长"]])
    ds = load_dataset(tmp_path)
    assert ds.persons[0].birth_date == MonthDate(1970, 1)
    assert ds.persons[0].native_place == "浙江瑞安"
    assert ds.units[1].parent_id == "U1" and ds.units[1].function == "财务"
    post = ds.postings[0]
    assert (post.person_id, post.unit_id, post.title, post.start_date, post.end_date,
            post.is_parttime) == ("P1", "U2", "科长", MonthDate(2019, 8), None, False)
    rel = ds.relations[0]
    assert (rel.term, rel.relative_name, rel.relative_birth_date, rel.relative_work) == \
        ("妻子", "李梅", MonthDate(1972, 3), "市第一人民医院 护士长")
    assert ds.columns["persons"] == {"id", "name", "gender", "birth_date", "native_place"}
    assert ds.columns["postings"] >= {"person_id", "unit_id", "is_parttime", "end_date"}
    assert "supervision" not in ds.columns and not ds.has("supervision")
    assert not ds.has("units.kind") and ds.has("units.function")
    assert ds.units[1].kind == "内设机构"  # by its name, said in the one warning
    assert len(ds.warnings) == 1 and "视为内设机构（财务科）" in ds.warnings[0]


def test_full_width_and_spaced_headers(tmp_path: Path) -> None:
    write_csv(tmp_path, "persons.csv", [[" 编 号 ", " 姓　名 ", "出生年月＊", "移居国（境）外", "ＩＤ_ＮＵＭＢＥＲ"],
                                     ["P1", "张三", "1970-01-02", "否", ""]])
    ds = load_dataset(tmp_path)
    p = ds.persons[0]
    assert (p.id, p.name, p.emigrated) == ("P1", "张三", False)
    assert ds.columns["persons"] == {"id", "name", "birth_date", "emigrated", "id_number"}


def test_english_names_any_case(tmp_path: Path) -> None:
    write_csv(tmp_path, "Persons.csv", [["ID", "Name", "Gender"], ["P1", "张三", "M"]])
    ds = load_dataset(tmp_path)
    assert ds.persons[0].gender == "男"


def test_title_row_above_header(tmp_path: Path) -> None:
    write_csv(tmp_path, "某医院中层干部名册.csv", [["某医院中层干部名册", "", ""], ["", "", ""],
                                            ["编号", "姓名", "性别"], ["P1", "张三", "女"]])
    ds = load_dataset(tmp_path)
    assert ds.persons[0].gender == "女" and ds.persons[0].src.row == 4


def test_id_number_is_the_key_without_id_column(tmp_path: Path) -> None:
    from loader_kit import make_id
    num = make_id("19700102")
    write_csv(tmp_path, "人员.csv", [["身份证号", "姓名"], [num.lower(), "张三"]])
    write_csv(tmp_path, "任职经历.csv", [["人员编号", "机构编号", "职务", "任职时间"], [num, "U1", "科长", "2019.08"]])
    write_csv(tmp_path, "机构.csv", [["机构编号", "机构名称"], ["U1", "财务科"]])
    ds = load_dataset(tmp_path)
    assert ds.persons[0].id == num and ds.postings[0].person_id == num


def test_table_names() -> None:
    assert table_for("人员") == table_for("persons") == table_for("干部名册") == "persons"
    assert table_for("家庭成员及社会关系") == table_for("家庭主要成员及重要社会关系") == "relations"
    assert table_for("任职经历") == "postings" and table_for("选拔任用纪实") == "appointments"
    assert table_for("03_兼职情况") == "parttime_jobs" and table_for("README") is None


def test_every_table_has_chinese_aliases_and_no_alias_is_ambiguous() -> None:
    for table in TABLES:
        assert any(not a.isascii() for a in TABLE_ALIASES[table]), table
        lookup = column_lookup(table)
        for name, aliases in COLUMN_ALIASES[table].items():
            assert name in columns(table)
            for alias in aliases:
                assert lookup[norm(alias)] == name, (table, alias)
        for c in columns(table).values():
            if c.required:
                assert c.label != c.name, f"{table}.{c.name} needs a Chinese alias"


def test_a_note_in_brackets_after_a_column_name_is_read_past(tmp_path: Path) -> None:
    """出生年月（年.月） was an unknown column, so the birth date was lost to every rule."""
    num = "330381197001020011"
    write_csv(tmp_path, "人员.csv", [["人员编号", "姓名（全称）", "出生年月（年.月）", "身份证号码（18位）"],
                                    ["P1", "张三", "1970.01", num]])
    ds = load_dataset(tmp_path)
    assert ds.columns["persons"] == {"id", "name", "birth_date", "id_number"}
    assert [(p.name, fmt(p.birth_date)) for p in ds.persons] == [("张三", "1970-01")]
