"""The persons table's check of birth dates against ID numbers (``birth_mismatches``)."""

from __future__ import annotations

from datetime import date

from guanxi.graph.dates import MonthDate
from guanxi.graph.idnumber import check_digit
from guanxi.graph.records import Person, Source
from guanxi.loaders.convert import birth_mismatches


def _id(born: str) -> str:
    first = "110105" + born + "002"
    return first + check_digit(first)


def _person(row: int, number: str, born: date) -> Person:
    # the values set as they are (a record made by hand or by another loader need not be
    # normalised as the CSV reader's are)
    p = Person(id=f"P{row}", name="某", src=Source(file="persons.csv", row=row))
    p.id_number, p.birth_date = number, born
    return p


def test_each_form_of_number_and_date() -> None:
    wide = _id("19800509").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    persons = [
        _person(2, _id("19800509"), date(1980, 5, 9)),  # agrees
        _person(3, _id("19800509"), date(1980, 5, 10)),  # another day
        _person(4, _id("19800509"), MonthDate(1980, 5)),  # month only: the month agrees
        _person(5, _id("19800509"), MonthDate(1980, 6)),
        _person(6, wide, date(1980, 5, 9)),  # full-width digits: read as the same number
        _person(7, wide, date(1981, 5, 9)),
        _person(8, " " + _id("19800509")[:17], date(1980, 5, 9)),  # 17 characters: no date in it
        _person(9, _id("19800509")[:17] + "x", date(1980, 5, 9)),
        _person(10, _id("19801332"), date(1980, 5, 9)),  # no such day: no date in it
        _person(11, _id("17990509"), date(1799, 5, 9)),  # before 1800: not read as a date
    ]
    assert birth_mismatches(persons) == [
        "persons.csv 第 3 行：身份证号中的出生日期 1980-05-09 与出生日期 1980-05-10 不一致",
        "persons.csv 第 5 行：身份证号中的出生日期 1980-05-09 与出生日期 1980-06 不一致",
        "persons.csv 第 7 行：身份证号中的出生日期 1980-05-09 与出生日期 1981-05-09 不一致",
    ]
