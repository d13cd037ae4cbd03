"""Small tables and helpers the hop expander reads: unit posting rows, places, certain overlaps."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from guanxi.graph.dates import latest
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import POSTING
from guanxi.queries.indexes import person_places


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for one query (also usable as a decorator).

    A search makes tens of thousands of small acyclic records; left on, the
    collector re-walks them a few hundred times a second, a quarter of the time.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


PostRow = tuple[str, str, date | None, date | None, date]


def unit_members(store: NxStore) -> dict[str, list[PostRow]]:
    """Unit node -> its postings as (person, edge, start, end, latest start), filled lazily.

    Kept with the store (:meth:`NxStore.memo`): a unit's table is read from the graph
    once, not once per query and layer. At most one small tuple per posting.
    """
    return store.memo("queries.unit_members", dict)  # type: ignore[no-any-return]


def member_table(pred: dict[str, dict[str, dict[str, Any]]]) -> list[PostRow]:
    """The posting rows of a unit from its networkx predecessor dict."""
    return [(p, eid, d["start"], d["end"],
             date.min if d["start"] is None else latest_start(d["start"]))
            for p, kd in pred.items() for eid, d in kd.items() if d["kind"] == POSTING]


@lru_cache(maxsize=1 << 16)
def cell_places(growth: Any, native: Any) -> tuple[str, ...]:
    """:func:`guanxi.queries.indexes.person_places` of a (growth place, native place) pair."""
    # registers repeat a few thousand (growth, native) pairs; each is read once
    return tuple(person_places(SimpleNamespace(growth_place=growth, native_place=native)))


def certain_overlap(s1: date | None, e1: date | None, s2: date | None,
             e2: date | None) -> tuple[date, date | None] | None:
    """:func:`guanxi.graph.dates.certain_overlap` of two periods, without its lists and copies.

    A month-only start counts from the month's last day, a month-only end from its
    first; the period is reported with the original objects (ties keep the first).

    Examples
    --------
    >>> from guanxi.graph.dates import MonthDate
    >>> certain_overlap(date(2019, 3, 1), date(2021, 6, 1), date(2020, 1, 1), None)
    (datetime.date(2020, 1, 1), datetime.date(2021, 6, 1))
    >>> certain_overlap(MonthDate(2021, 6), None, date(2019, 1, 1), date(2021, 6, 15)) is None
    True
    """
    if s1 is None:
        start, late = s2, (date.min if s2 is None else latest_start(s2))
    elif s2 is None:
        start, late = s1, latest_start(s1)
    else:
        start = s2 if s2 > s1 else s1
        late = latest_start(s1)
        l2 = latest_start(s2)
        if l2 > late:
            late = l2
    end = e2 if e1 is None else e1 if e2 is None or e1 <= e2 else e2
    if end is not None and late >= end:
        return None
    return (date.min if start is None else start), end


def latest_start(d: date) -> date:
    """:func:`guanxi.graph.dates.latest`, cached for month-only dates.

    Examples
    --------
    >>> from guanxi.graph.dates import MonthDate
    >>> latest_start(MonthDate(2021, 2)), latest_start(date(2021, 2, 3))
    (datetime.date(2021, 2, 28), datetime.date(2021, 2, 3))
    """
    if type(d) is date:
        return d
    got = _LATEST.get(d)
    if got is None:
        got = _LATEST[d] = latest(d)
    return got


_LATEST: dict[date, date] = {}
