"""Indexes the queries keep with the store: people by place, and named recommendations."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import Any

from guanxi.graph.nxstore import NxStore
from guanxi.queries.places import county_codes, county_name


def person_places(rec: Any) -> list[str]:
    """The distinct growth and native places of a person record, one name per county.

    A cell that names exactly one county (a division code, ``浙江瑞安``, ``瑞安市塘下镇``)
    reads as that county's name, so a code and a name of one place are one hometown;
    any other cell is kept as written.

    Examples
    --------
    >>> from guanxi.graph.records import Person
    >>> person_places(Person(id="P1", name="张三", growth_place="瑞安", native_place="330381"))
    ['瑞安市']
    >>> person_places(Person(id="P2", name="李四", growth_place="某村", native_place="瑞安 "))
    ['某村', '瑞安市']
    """
    got = [_county(str(x).strip()) for x in (getattr(rec, "growth_place", None),
                                             getattr(rec, "native_place", None)) if x]
    return list(dict.fromkeys(p for p in got if p))


@lru_cache(maxsize=1 << 16)
def _county(text: str) -> str:
    # registers repeat a few thousand place cells; each is parsed once
    codes = county_codes(text)
    return county_name(next(iter(codes))) if len(codes) == 1 else text


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
