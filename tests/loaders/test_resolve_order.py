"""Relative matching cites the unit of the earliest posting that the work text names, on every run."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_kit import UNITS, write_csv

from guanxi.loaders import load_dataset


@pytest.mark.parametrize(("first", "then", "cited"), [
    ("U3", "U2", "市第一人民医院"), ("U2", "U3", "财务科")])
def test_the_first_posting_named_is_cited(tmp_path: Path, first: str, then: str, cited: str) -> None:
    write_csv(tmp_path, "persons.csv", [["id", "name", "gender", "birth_date"],
                                        ["P1", "张三", "男", "1970-01-02"],
                                        ["P2", "李梅", "女", ""]])
    write_csv(tmp_path, "units.csv", UNITS)
    write_csv(tmp_path, "postings.csv", [["person_id", "unit_id", "title", "start_date"],
                                         ["P2", first, "科员", "2010-01-01"],
                                         ["P2", then, "科员", "2016-01-01"]])
    write_csv(tmp_path, "relations.csv", [
        ["person_id", "term", "relative_name", "relative_work"],
        ["P1", "妻子", "李梅", "市第一人民医院财务科 会计"]])
    ds = load_dataset(tmp_path)
    (c,) = ds.candidates
    assert (c.decision, c.reasons) == ("candidate", ["姓名相同", f"工作单位含其任职机构“{cited}”"])
