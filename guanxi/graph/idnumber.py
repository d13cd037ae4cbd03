"""Resident ID numbers (GB 11643-1999): check digit, embedded birth date and region, masking."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import compress
from operator import mul

import numpy as np

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_DIGIT_ZERO = ord("0") * sum(_WEIGHTS)


def normalize_id(s: str) -> str:
    """Trim, fold full-width characters and upper-case a trailing ``x``.

    Examples
    --------
    >>> normalize_id(" １１０１０５１９４９１２３１００２ｘ ")
    '11010519491231002X'
    """
    if s.isascii():
        return s.strip().upper()
    return unicodedata.normalize("NFKC", s).strip().upper()


def is_digits(s: str) -> bool:
    """True when every character is an ASCII digit 0-9 (``str.isdigit`` also takes ``١`` or ``²``).

    >>> is_digits("0123"), is_digits("١٢"), is_digits("")
    (True, False, False)
    """
    return s.isascii() and s.isdigit()


def check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits.

    Examples
    --------
    >>> check_digit("11010519491231002")
    'X'
    """
    # the bytes of ASCII digits are 48 + digit: one C-level map instead of 17 int() calls
    total = sum(map(mul, first17.encode("ascii"), _WEIGHTS)) - _DIGIT_ZERO
    return _CHECK[total % 11]


def valid_id_number(s: str) -> bool:
    """True when ``s`` is an 18-character ID number with a correct check digit and birth date.

    Examples
    --------
    >>> valid_id_number("11010519491231002X")
    True
    >>> valid_id_number("110105194912310021")
    False
    >>> valid_id_number("11010519491331002X")  # month 13
    False
    """
    return isinstance(s, str) and valid_normalized(normalize_id(s))


def valid_normalized(s: str) -> bool:
    """:func:`valid_id_number` for a string already passed through :func:`normalize_id`.

    Examples
    --------
    >>> valid_normalized("11010519491231002X"), valid_normalized("11010519491231002x")
    (True, False)
    """
    if len(s) != 18 or not is_digits(s[:17]) or not (is_digits(s[17]) or s[17] == "X"):
        return False
    if check_digit(s[:17]) != s[17]:
        return False
    return _birth(s[6:14]) is not None


def birth_from_id(s: str) -> date | None:
    """The birth date embedded in an 18-digit ID number (characters 7–14), or None.

    Examples
    --------
    >>> birth_from_id("11010519491231002X")
    datetime.date(1949, 12, 31)
    >>> birth_from_id("1101051949") is None
    True
    """
    s = normalize_id(s) if isinstance(s, str) else ""
    if len(s) != 18 or not is_digits(s[6:14]):
        return None
    return _birth(s[6:14])


def birth_of_valid(s: str) -> date | None:
    """:func:`birth_from_id` of a number :func:`valid_normalized` accepts: no checks left to make.

    >>> birth_of_valid("11010519491231002X")
    datetime.date(1949, 12, 31)
    """
    return _birth(s[6:14])


@lru_cache(maxsize=1 << 16)
def _birth(yyyymmdd: str) -> date | None:
    # cached: a province's cadres share about 20,000 birth dates, and one date object serves all
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None
    return born if born.year >= 1800 else None


def region_from_id(s: str) -> str | None:
    """The 6-digit administrative division code an ID number starts with, or None.

    Examples
    --------
    >>> region_from_id("11010519491231002X")
    '110105'
    >>> region_from_id("abc") is None
    True
    """
    s = normalize_id(s) if isinstance(s, str) else ""
    if len(s) < 6 or not is_digits(s[:6]):
        return None
    return s[:6]


def mask_id(s: str) -> str:
    """Hide the middle of an ID number for reports: first 6 and last 4 characters kept.

    Examples
    --------
    >>> mask_id("11010519491231002X")
    '110105********002X'
    >>> mask_id("12345")
    '*****'
    """
    s = normalize_id(s) if isinstance(s, str) else ""
    if len(s) <= 10:
        return "*" * len(s)
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


#: GB 11643 weights of the first 17 digits (2^(17-i) mod 11) and the check character of a sum mod 11
_ID_WEIGHTS = np.array([pow(2, 17 - i, 11) for i in range(17)])
_ID_CHECK = np.frombuffer(b"10X98765432", np.uint8)
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def valid_normalized_many(cells: Sequence[str]) -> list[bool]:
    """:func:`valid_normalized` of many strings at once, with numpy.

    18 ASCII characters, 17 digits and a digit or ``X``, the check character, a birth date from
    1800 on. A string that :func:`normalize_id` would change (padded, full-width, ``x``) is False.

    >>> valid_normalized_many(["11010519491231002X", "11010519491231002x", "110105194912310021", "12"])
    [True, False, False, False]
    """
    ready = np.fromiter(map(len, cells), np.intp, len(cells)) == 18
    if not ready.any():
        out: list[bool] = ready.tolist()
        return out
    # one byte per character: a non-ASCII character becomes "?", which is no digit
    raw = "".join(compress(cells, ready.tolist())).encode("ascii", "replace")
    chars = np.frombuffer(raw, np.uint8).reshape(-1, 18)
    digits = chars[:, :17].astype(np.intp) - ord("0")
    last = chars[:, 17]
    ok = ((digits >= 0) & (digits <= 9)).all(axis=1) & (((last >= ord("0")) & (last <= ord("9"))) | (last == ord("X")))
    ok &= _ID_CHECK[(digits @ _ID_WEIGHTS) % 11] == last
    year = digits[:, 6:10] @ np.array([1000, 100, 10, 1])
    month = digits[:, 10] * 10 + digits[:, 11]
    day = digits[:, 12] * 10 + digits[:, 13]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    days = _MONTH_DAYS[np.clip(month, 0, 12)] + ((month == 2) & leap)
    ok &= (month >= 1) & (month <= 12) & (day >= 1) & (day <= days) & (year >= 1800)
    ready[ready] = ok
    out = ready.tolist()
    return out
