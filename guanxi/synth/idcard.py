"""Resident ID numbers (GB 11643-1999): region code, birth date, sequence, check digit."""

from __future__ import annotations

from datetime import date
from operator import mul

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ZERO = 48 * sum(_WEIGHTS)  # the weighted sum of seventeen ASCII "0"s


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits.

    >>> check_digit("11010519491231002")
    'X'
    """
    total = sum(map(mul, first17.encode("ascii"), _WEIGHTS)) - _ZERO
    return _CHECK[total % 11]


def is_valid(number: str) -> bool:
    """True when the 18-character number has the right check digit.

    >>> is_valid("11010519491231002X"), is_valid("110105194912310021")
    (True, False)
    """
    return (
        len(number) == 18 and number[:17].isdigit() and check_digit(number[:17]) == number[17]
    )


def make(region: str, birth: date, seq: int, gender: str) -> str:
    """Build a valid number; the sequence's last digit is odd for men, even for women."""
    seq = seq % 100 * 10 + (seq // 100) % 5 * 2 + (1 if gender == "男" else 0)
    first17 = f"{region}{birth:%Y%m%d}{seq % 1000:03d}"
    return first17 + check_digit(first17)
