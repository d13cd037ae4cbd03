"""The loader's direct record construction agrees with pydantic on every row it accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from guanxi.graph.records import TABLES, Posting, Relation
from guanxi.loaders import convert, load_dataset
from guanxi.loaders.errors import DataError
from guanxi.loaders.make import maker
from guanxi.synth.generate import generate

INDEPENDENT = Path(__file__).resolve().parent.parent / "data" / "independent"


def _agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Load ``path`` with every row built both ways from the same parsed values; count them."""
    built = [0]

    def both(model):  # type: ignore[no-untyped-def]
        fast, validate = maker(model), model.__pydantic_validator__.validate_python

        def make(data):  # type: ignore[no-untyped-def]
            got = fast(dict(data))
            assert got == validate(dict(data)), (model.__name__, data)
            built[0] += 1
            return got
        return make

    monkeypatch.setattr(convert, "maker", both)
    ds = load_dataset(path)
    assert sum(len(getattr(ds, t)) for t in TABLES) <= built[0]
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
