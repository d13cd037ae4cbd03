"""Indexes the queries keep with the store: people by place, and named recommendations."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from guanxi.graph.store import NxStore


def person_places(rec: Any) -> list[str]:
    """The distinct growth and native places of a person record, as written.

    Examples
    --------
    >>> from guanxi.graph.records import Person
    >>> person_places(Person(id="P1", name="张三", growth_place="瑞安", native_place="瑞安 "))
    ['瑞安']
    """
    got = [str(x).strip() for x in (getattr(rec, "growth_place", None),
                                    getattr(rec, "native_place", None)) if x]
    return list(dict.fromkeys(p for p in got if p))


def places(store: NxStore) -> dict[str, list[str]]:
    """Place -> roster ids who grew up or come from there (built once per store, O(N))."""
    def make() -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for p in store.persons():
            for place in person_places(p):
                index[place].append(p.id)
        return dict(index)
    return store.memo("queries.places", make)  # type: ignore[no-any-return]


def recommendations(store: NxStore) -> dict[str, list[tuple[str, str, date | None, bool]]]:
    """Person -> (other person, appointment id, date, is recommender) for 署名推荐."""
    def make() -> dict[str, list[tuple[str, str, date | None, bool]]]:
        index: dict[str, list[tuple[str, str, date | None, bool]]] = defaultdict(list)
        for a in store.dataset.appointments:
            when = a.recommended_on or a.proposed_on or a.decided_on or a.appointed_on
            for r in a.recommenders:
                if r != a.person_id:
                    index[r].append((a.person_id, a.id, when, True))
                    index[a.person_id].append((r, a.id, when, False))
        return dict(index)
    return store.memo("queries.recommendations", make)  # type: ignore[no-any-return]
