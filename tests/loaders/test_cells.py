"""Cell parsers: every date form of the contract, booleans, lists, numbers, gender."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from guanxi.graph.dates import MonthDate, is_month_only
from guanxi.loaders import cells
from guanxi.loaders.cells import CellError, parse_bool, parse_date, parse_gender, parse_int, parse_list, text


@pytest.mark.parametrize("raw,expected", [
    ("2019-08-07", date(2019, 8, 7)), ("2019/8/7", date(2019, 8, 7)),
    ("2019.08.07", date(2019, 8, 7)), ("2019年8月7日", date(2019, 8, 7)),
    ("20190807", date(2019, 8, 7)), ("2019-08-07 00:00:00", date(2019, 8, 7)),
    (datetime(2019, 8, 7), date(2019, 8, 7)), (date(2019, 8, 7), date(2019, 8, 7)),
    (" 2019年08月07日 ", date(2019, 8, 7)), ("２０１９年８月７日", date(2019, 8, 7)),
])
def test_day_dates(raw: object, expected: date) -> None:
    got = parse_date(raw)
    assert got == expected and not is_month_only(got)


@pytest.mark.parametrize("raw", ["2019.08", "2019年8月", "201908", "2019-08", "2019.8", "2019/08",
                                 2019.08])
def test_month_dates_keep_month_precision(raw: object) -> None:
    got = parse_date(raw)
    assert got == date(2019, 8, 1)
    assert isinstance(got, MonthDate)


def test_excel_number_2019_1_means_october() -> None:
    # Excel turns a typed 2019.10 into the number 2019.1
    assert parse_date(2019.1) == MonthDate(2019, 10)
    assert parse_date("2019.1") == MonthDate(2019, 1)


@pytest.mark.parametrize("raw", ["至今", " 至今 ", "今"])
def test_open_end(raw: str) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize("raw", ["已故", "不详", " 无 ", "—", "-", "－", "/", "已去世"])
def test_words_for_no_date_are_an_empty_cell(raw: str) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize("raw", ["2019-13-01", "2019-02-30", "明年", "19-08-07", "2019-087"])
def test_bad_dates_say_what_was_expected(raw: str) -> None:
    with pytest.raises(CellError, match=r"无法识别的日期.*应为 2019-08-07、2019.08、2019年8月"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["1950", "1950年", 1950.0, 1950])
def test_a_year_alone_says_to_complete_it_or_write_unknown(raw: object) -> None:
    """A relative's 出生年月 of 1950 (an Excel number too: it read as the month 1950.00)."""
    with pytest.raises(CellError, match=r"^日期“1950年?”只有年份，应为 .*月份不详的请补全或填“不详”$"):
        parse_date(raw)


@pytest.mark.parametrize("raw,expected", [
    ("是", True), ("否", False), ("有", True), ("无", False), ("Y", True), ("n", False),
    ("TRUE", True), ("false", False), ("1", True), ("0", False), (1, True), (0.0, False),
    (True, True),
])
def test_booleans(raw: object, expected: bool) -> None:
    assert parse_bool(raw) is expected


def test_bad_boolean() -> None:
    with pytest.raises(CellError, match="无法识别的是否值“可能”，应为 是/否、有/无、Y/N、true/false、1/0"):
        parse_bool("可能")


def test_lists_split_on_every_separator() -> None:
    assert parse_list("P1、P2,P3，P4;P5；P6") == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert parse_list(" P1 、 ") == ["P1"]


def test_integers() -> None:
    assert [parse_int(v) for v in ("3", "3.0", 3.0, 7, "三", "十二", "二十")] == [3, 3, 3, 7, 3, 12, 20]
    with pytest.raises(CellError, match=r"无法识别的整数“3\.5”"):
        parse_int("3.5")


def test_gender_forms() -> None:
    assert [parse_gender(v) for v in ("男", "女", "M", "f", "Male", "FEMALE", "男性")] == \
        ["男", "女", "男", "女", "男", "女", "男"]
    with pytest.raises(CellError, match="应为 男/女"):
        parse_gender("未知")


def test_integral_numbers_become_plain_text() -> None:
    assert text(1001.0) == "1001" and text(" a ") == "a"


@pytest.mark.parametrize("raw", ["2019-08-07", "1900-01-01", "2019-02-30", "2019-13-01", "0000-01-01",
                                 "2019-08-1 ", "2019- 8-07", "2019-+8-07", "2019-W1-01", "2019-08-0７"])
def test_iso_days_read_in_c_agree_with_the_pattern(raw: str) -> None:
    def by_pattern(s: str) -> object:
        s = s.strip()
        m = cells._FULL.match(s)
        try:
            return cells._make(s, m.group(1), m.group(2), m.group(3)) if m else "无法识别"
        except CellError as exc:
            return str(exc)

    cells._date_text.cache_clear()
    try:
        got: object = parse_date(raw)
    except CellError as exc:
        got = str(exc)
    expected = by_pattern(unicodedata.normalize("NFKC", raw).replace(" ", "")
                          if not raw.isascii() else raw)
    assert got == expected or (expected == "无法识别" and "无法识别的日期" in str(got))
    assert type(got) is type(expected) or expected == "无法识别"
