"""Place names and division codes, reduced to something two forms can be compared by.

Forms write the same place many ways (浙江省瑞安市, 浙江瑞安, 瑞安, 330381). We
compare without a gazetteer, so the rule is deliberately simple:

- a 6-digit administrative division code is compared with codes only, by equality;
- a name loses its spaces and the administrative words 省/市/县/区/镇/乡/自治区/
  自治州/自治县/特别行政区/地区/街道/盟/旗, then two names match when they are
  equal or one ends with the other and the shorter keeps at least two characters
  (浙江瑞安 matches 瑞安; 浙江 does not match 浙江瑞安).

A code never matches a name: without a code table we cannot tell.
"""

from __future__ import annotations

import re

_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "地区", "街道", "省", "市", "县", "区",
          "镇", "乡", "盟", "旗")
_SPACE = re.compile(r"[\s\u3000]+")
_CODE = re.compile(r"^\d{6}$")


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
