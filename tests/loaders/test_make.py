"""The loader's direct record construction agrees with pydantic on every row it accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from guanxi.graph.records import TABLES, Posting, Relation, record_fields
from guanxi.loaders import load_dataset
from guanxi.loaders.errors import DataError
from guanxi.loaders.make import maker
from guanxi.synth.generate import generate

INDEPENDENT = Path(__file__).resolve().parent.parent / "data" / "independent"


def _agree(ds) -> int:  # type: ignore[no-untyped-def]
    checked = 0
    for table, model in TABLES.items():
        validate = model.__pydantic_validator__.validate_python
        for rec in getattr(ds, table):
            assert validate(record_fields(rec)) == rec, (table, rec)
            checked += 1
    return checked


def test_every_row_of_the_hand_written_dataset_equals_its_pydantic_validation() -> None:
    assert _agree(load_dataset(INDEPENDENT)) > 50


def test_every_row_of_a_generated_dataset_equals_its_pydantic_validation(tmp_path: Path) -> None:
    generate(tmp_path, persons=1000, seed=5)
    assert _agree(load_dataset(tmp_path)) > 1000


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
    with pytest.raises(Exception) as err:
        maker(model)(data)
    assert type(err.value).__name__ == "ValidationError"
