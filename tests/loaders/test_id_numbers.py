"""valid_normalized_many: the numpy test of many ID numbers agrees with parse_id_number cell by cell."""

from __future__ import annotations

import random
from typing import Any

import pytest

from guanxi.graph.idnumber import (
    birth_from_id,
    check_digit,
    valid_id_number,
    valid_normalized,
    valid_normalized_many,
)
from guanxi.loaders.cells import CellError, parse_id_number, parse_own_id_number


def _number(rnd: random.Random, born: str) -> str:
    first17 = f"{rnd.randrange(10 ** 6):06d}{born}{rnd.randrange(1000):03d}"
    return first17 + check_digit(first17)


def _cells(seed: int, n: int) -> list[str]:
    """Valid numbers and every kind of near miss: dates, check characters, case, width, length."""
    rnd = random.Random(seed)
    births = ["19491231", "20000229", "19000229", "19040229", "17991231", "18000101", "19801301",
              "19800015", "19800431", "19800132", "00000101", "99991231", "19800230", "20240229"]
    out = []
    for _ in range(n):
        born = rnd.choice(births) if rnd.random() < 0.3 else (
            f"{rnd.randrange(1700, 2100)}{rnd.randrange(0, 14):02d}{rnd.randrange(0, 33):02d}")
        s = _number(rnd, born)
        r = rnd.random()
        if r < 0.1:
            s = s[:17] + rnd.choice("0123456789Xx")  # a check character, right or wrong
        elif r < 0.15:
            s = s.lower()
        elif r < 0.2:
            s = " " + s if rnd.random() < 0.5 else s + "\u3000"
        elif r < 0.25:
            i = rnd.randrange(18)
            s = s[:i] + rnd.choice("A/:\u00bd\uff11\u0661\U0001f600") + s[i + 1:]
        elif r < 0.3:
            s = s[:rnd.choice([17, 19, 0])]
        elif r < 0.35:
            s = "".join(chr(ord(c) + 0xFEE0) for c in s)  # full-width digits
        out.append(s)
    return out


def test_ready_numbers_are_what_parse_id_number_returns() -> None:
    cells = _cells(11, 20000)
    ready = valid_normalized_many(cells)
    assert 0 < sum(ready) < len(cells)
    for cell, ok in zip(cells, ready):
        try:
            parsed = parse_id_number(cell)
        except (CellError, UnicodeEncodeError):  # "١" (Arabic-Indic one) is a digit but not ASCII
            parsed = None
        if ok:
            assert parsed == cell
        else:  # not ready: invalid, or written otherwise than parsed (case, width, spaces)
            assert parsed != cell
        if cell.isascii() and cell == cell.strip().upper():
            assert ok == valid_normalized(cell)


def test_no_cells() -> None:
    assert valid_normalized_many([]) == [] and valid_normalized_many(["", "1"]) == [False, False]


def test_digits_of_other_scripts_are_a_cell_error_not_a_crash() -> None:
    """``str.isdigit`` accepts Arabic-Indic digits; the check digit needs ASCII ones."""
    arabic = "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"
    with pytest.raises(CellError, match="身份证号"):
        parse_id_number(arabic)
    assert not valid_id_number(arabic) and birth_from_id(arabic) is None


@pytest.mark.parametrize("cell", [110105194912310016, 1.10105194912310e17, "1.10105E+17", "1.1010519491231E+17"])
@pytest.mark.parametrize("parse", [parse_id_number, parse_own_id_number])
def test_a_number_a_spreadsheet_kept_as_a_number_says_why(cell: object, parse: Any) -> None:
    """Excel keeps 15 digits: the last ones are gone, and the message says how to fix the sheet."""
    with pytest.raises(CellError, match=r"以数字格式保存：Excel 只保留 15 位有效数字.*设为文本格式"):
        parse(cell)
