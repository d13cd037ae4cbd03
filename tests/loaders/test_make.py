"""The loader's direct record construction agrees with pydantic on every row it accepts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pydantic import ValidationError

from guanxi.graph.records import TABLES, Posting, Relation, record_fields
from guanxi.loaders import convert, load_dataset
from guanxi.loaders.bulk import Bulk
from guanxi.loaders.errors import DataError
from guanxi.loaders.make import maker
from guanxi.synth.generate import generate

INDEPENDENT = Path(__file__).resolve().parent.parent / "data" / "independent"


def _agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Load ``path`` with rows built both ways (bulk and row by row) and by pydantic; count them."""
    built = [0]

    def both(model):  # type: ignore[no-untyped-def]
        fast, validate = maker(model), model.__pydantic_validator__.validate_python

        def make(data):  # type: ignore[no-untyped-def]
            got = fast(dict(data))
            assert got == validate(dict(data)), (model.__name__, data)
            built[0] += 1
            return got
        return make

    bulk = load_dataset(path)
    for t in TABLES:  # every record built in bulk is what pydantic makes of its fields
        validate = TABLES[t].__pydantic_validator__.validate_python
        for rec in getattr(bulk, t):
            assert rec == validate(record_fields(rec)), rec
    monkeypatch.setattr(convert, "maker", both)
    monkeypatch.setattr(Bulk, "usable", staticmethod(lambda model: False))
    rows = load_dataset(path)
    assert sum(len(getattr(rows, t)) for t in TABLES) <= built[0]
    assert bulk == rows
    return built[0]


def test_every_row_of_the_hand_written_dataset_equals_its_pydantic_validation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert _agree(INDEPENDENT, monkeypatch) > 50


def test_every_row_of_a_generated_dataset_equals_its_pydantic_validation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(tmp_path, persons=1000, seed=5)
    assert _agree(tmp_path, monkeypatch) > 1000


def test_a_row_that_fails_is_worded_by_pydantic_as_before(tmp_path: Path) -> None:
    (tmp_path / "任职经历.csv").write_text(
        "人员编号,机构编号,职务,任职时间,免职时间\nP1,U1,科长,2020-05,2019-01\n", encoding="utf-8")
    (tmp_path / "人员.csv").write_text("编号,姓名\nP1,张三\n", encoding="utf-8")
    (tmp_path / "机构.csv").write_text("编号,名称\nU1,某局\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(tmp_path)
    assert "第 2 行" in str(err.value) and "结束时间 2019-01 早于开始时间 2020-05" in str(err.value)


@pytest.mark.parametrize("data", [
    {"person_id": "P1", "unit_id": "U1", "title": "科长"},  # start_date missing
    {"person_id": "P1", "term": "  ", "relative_name": "李四"},
])
def test_missing_values_and_blank_terms_go_to_pydantic(data: dict) -> None:  # type: ignore[type-arg]
    model = Posting if "unit_id" in data else Relation
    with pytest.raises(ValidationError):
        maker(model)(data)


def _mangle(folder: Path) -> None:
    """Errors of every kind the bulk reader hands back to the row-by-row reader."""
    def edit(name: str, row: int, col: int, value: str) -> None:
        path = folder / name
        rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
        rows[row][col] = value
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
    edit("persons.csv", 3, 3, "1975-13-40")  # a date that does not parse
    edit("persons.csv", 5, 1, "  ")  # a required value blank
    edit("persons.csv", 7, 0, "Ｐ0000001")  # full-width: the same id twice
    edit("postings.csv", 4, 5, "2030-01-01")  # ends before it starts
    edit("postings.csv", 9, 1, "U999")  # a unit that does not exist
    edit("relations.csv", 2, 1, "")  # no 称谓
    edit("relations.csv", 6, 5, "12345")  # a bad ID number
    edit("units.csv", 3, 7, "很多")  # not a number


@pytest.mark.parametrize("chunk", [3, 1 << 15])
def test_bulk_rows_equal_row_by_row_rows_in_lenient_mode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    generate(tmp_path, persons=1000, seed=3)
    _mangle(tmp_path)
    monkeypatch.setattr(convert, "CHUNK", chunk)  # also rows split over many small chunks
    bulk = load_dataset(tmp_path, lenient=True)
    assert len(bulk.rejected) >= 8
    monkeypatch.setattr(Bulk, "usable", staticmethod(lambda model: False))
    assert load_dataset(tmp_path, lenient=True) == bulk


def test_bulk_reader_raises_the_first_error_in_row_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(tmp_path, persons=1000, seed=3)
    _mangle(tmp_path)
    with pytest.raises(DataError) as bulk:
        load_dataset(tmp_path)
    assert "第 4 行" in str(bulk.value)
    monkeypatch.setattr(Bulk, "usable", staticmethod(lambda model: False))
    with pytest.raises(DataError) as rows:
        load_dataset(tmp_path)
    assert str(bulk.value) == str(rows.value)
