"""Fixtures for the loader tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_kit import PERSONS, POSTINGS, UNITS, write_csv


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A valid three-table dataset folder."""
    write_csv(tmp_path, "persons.csv", PERSONS)
    write_csv(tmp_path, "units.csv", UNITS)
    write_csv(tmp_path, "postings.csv", POSTINGS)
    return tmp_path
