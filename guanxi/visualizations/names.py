"""Display names for ids, and masking of resident ID numbers in everything we print."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from guanxi.graph.store import GraphStore

#: an 18-digit resident ID (last char may be X) or an old 15-digit one, not inside a longer token
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])")


def mask_id_numbers(text: str) -> str:
    """Hide all but the first six and last four characters of every resident ID number.

    Examples
    --------
    >>> mask_id_numbers("身份证号 33038119800101123X 已核")
    '身份证号 330381********123X 已核'
    >>> mask_id_numbers("P001 13758759228")
    'P001 13758759228'
    """
    return _ID_RE.sub(lambda m: m.group()[:6] + "*" * (len(m.group()) - 10) + m.group()[-4:], text)


def defang(text: str) -> str:
    """``https://x`` -> ``https:\u200b//x``: reads the same, but is no address a program would follow.

    Written files must not refer to anything remote; an address in the user's
    data stays readable in CSV, XLSX and text output but no longer links.

    Examples
    --------
    >>> defang("见 https://a.example/x") == "见 https:\u200b//a.example/x"
    True
    """
    return text.replace("://", ":\u200b//")


def mask_all(value: Any) -> Any:
    """``mask_id_numbers`` applied to every string inside a JSON-like value."""
    if isinstance(value, str):
        return mask_id_numbers(value)
    if isinstance(value, list):
        return [mask_all(v) for v in value]
    if isinstance(value, dict):
        return {mask_all(k) if isinstance(k, str) else k: mask_all(v) for k, v in value.items()}
    return value


class Names:
    """Person and unit names for the ids a finding carries.

    Built from a store, from plain mappings, or empty (ids are shown as they are).
    A name shared by several people in the output is shown with the id beside it.
    """

    def __init__(self, store: GraphStore | None = None,
                 persons: Mapping[str, str] | None = None,
                 units: Mapping[str, str] | None = None) -> None:
        self._store = store
        self._persons = dict(persons or {})
        self._units = dict(units or {})
        self._ambiguous: set[str] = set()

    def person_name(self, pid: str) -> str:
        if pid in self._persons:
            return self._persons[pid]
        if self._store is not None:
            p = self._store.person(pid)
            if p is not None:
                return p.name
        return pid

    def unit_name(self, uid: str) -> str:
        if uid in self._units:
            return self._units[uid]
        if self._store is not None:
            u = self._store.unit(uid)
            if u is not None:
                return u.name
        return uid

    def note_people(self, ids: Iterable[str]) -> None:
        """Remember which names are shared by different ids among those to be shown."""
        seen: dict[str, str] = {}
        for pid in ids:
            name = self.person_name(pid)
            if name == pid:
                continue
            if seen.setdefault(name, pid) != pid:
                self._ambiguous.add(name)

    def person(self, pid: str) -> str:
        """``张三``, or ``张三（P007）`` when another 张三 is in the output."""
        name = self.person_name(pid)
        return f"{name}（{pid}）" if name in self._ambiguous else name

    def people(self, ids: Iterable[str]) -> str:
        return "、".join(self.person(i) for i in ids)

    def units(self, ids: Iterable[str]) -> str:
        return "、".join(self.unit_name(i) for i in ids)
