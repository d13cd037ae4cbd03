"""Helpers to write tiny datasets for the loader tests (imported as ``loader_kit``)."""

from __future__ import annotations

import csv
from pathlib import Path

from guanxi.graph.idnumber import check_digit


def make_id(birth: str, seq: str = "001", region: str = "330381") -> str:
    """A valid ID number for ``birth`` (``19750307``)."""
    first = region + birth + seq
    return first + check_digit(first)


def write_csv(folder: Path, name: str, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


PERSONS = [["id", "name", "gender", "birth_date"],
           ["P1", "张三", "男", "1970-01-02"],
           ["P2", "李梅", "女", "1972.03"],
           ["P3", "王五", "男", "1980年5月"]]
UNITS = [["id", "name", "parent_id", "kind", "function"],
         ["U1", "市卫健局", "", "机关", ""],
         ["U2", "财务科", "U1", "内设机构", "财务"],
         ["U3", "市第一人民医院", "U1", "事业单位", ""]]
POSTINGS = [["person_id", "unit_id", "title", "start_date", "end_date"],
            ["P1", "U1", "局长", "2015-01-01", ""],
            ["P2", "U2", "科长", "2016.08", "至今"],
            ["P3", "U3", "护士长", "20180301", ""]]


