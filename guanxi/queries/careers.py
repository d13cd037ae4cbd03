"""One person's career as the record rules read it: management posts, service status, month indexes."""

from __future__ import annotations

from datetime import date

from guanxi.graph.dates import earliest, fmt
from guanxi.graph.records import Person
from guanxi.graph.store import GraphStore, Held
from guanxi.queries.positions import CHIEF, DEPUTY, UNIT_DEPUTY, UNIT_HEAD, entities, roles
from guanxi.queries.ranks import ladder

#: roles that make a post a leadership or 中层 post
MANAGERS = (CHIEF, DEPUTY, UNIT_HEAD, UNIT_DEPUTY)
#: statuses that end service (``调出`` leaves this system, not the civil service)
GONE = ("退休", "离职", "死亡", "调出")


def is_manager(store: GraphStore, held: Held) -> bool:
    """True for a leadership or 中层 post: by role, or by a rank of 副科 / 中层副职 and above.

    Loops over many posts read :func:`manager_posts` once instead.

    Examples
    --------
    >>> from datetime import date
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院")], postings=[
    ...     Posting(person_id="P", unit_id="E", title="副院长", start_date=date(2020, 1, 1)),
    ...     Posting(person_id="Q", unit_id="E", title="干事", start_date=date(2020, 1, 1))]))
    >>> [is_manager(s, h) for h in s.postings_of("P") + s.postings_of("Q")]
    [True, False]
    """
    return held.eid in manager_posts(store)


def manager_posts(store: GraphStore) -> set[str]:
    """Edge ids of every post :func:`is_manager` accepts, read in one pass and kept in ``store.memo``.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院")], postings=[
    ...     Posting(person_id="P", unit_id="E", title="干事", rank="副科", start_date=date(2020, 1, 1)),
    ...     Posting(person_id="Q", unit_id="E", title="干事", start_date=date(2020, 1, 1))]))
    >>> manager_posts(s)
    {'posting/0'}
    """
    return store.memo("careers.managers", lambda: _managers(store))  # type: ignore[no-any-return]


def _managers(store: GraphStore) -> set[str]:
    role = roles(store)
    return {h.eid for entity in entities(store) for h in store.postings_in(entity)
            if role[h.eid] in MANAGERS or ((lad := ladder(h.rec.rank)) is not None and lad[1] >= 1)}


def sorted_posts(store: GraphStore, person_id: str, parttime: bool = False) -> list[Held]:
    """A person's posts by start date (concurrent 兼任 posts left out unless asked for).

    The full-time list comes from :func:`careers`: read it, do not change it.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting
    >>> s = build(Dataset(postings=[
    ...     Posting(person_id="P", unit_id="U", title="科长", start_date=date(2020, 1, 1)),
    ...     Posting(person_id="P", unit_id="U", title="干事", start_date=date(2015, 1, 1)),
    ...     Posting(person_id="P", unit_id="V", title="理事", start_date=date(2016, 1, 1),
    ...             is_parttime=True)]))
    >>> [h.rec.title for h in sorted_posts(s, "P")]
    ['干事', '科长']
    """
    if parttime:
        return sorted(store.postings_of(person_id), key=_start_order)
    return careers(store)[person_id]


class _Careers(dict[str, list[Held]]):
    """Person id -> full-time posts by start, each list sorted on first ask."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, person_id: str) -> list[Held]:
        got = self[person_id] = [h for h in self.store.postings_of(person_id) if not h.rec.is_parttime]
        if len(got) > 1:
            got.sort(key=_start_order)
        return got


def careers(store: GraphStore) -> dict[str, list[Held]]:
    """Person id -> :func:`sorted_posts` (full-time), shared by the rules that walk every career.

    Kept in ``store.memo``; loops over people fetch it once and index it. The lists are
    shared: read them, do not change them.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting
    >>> s = build(Dataset(postings=[Posting(person_id="P", unit_id="U", title="科长",
    ...                                     start_date=date(2020, 1, 1))]))
    >>> careers(s)["P"] is sorted_posts(s, "P"), careers(s)["nobody"]
    (True, [])
    """
    return store.memo("careers.posts", lambda: _Careers(store))  # type: ignore[no-any-return]


def _start_order(h: Held) -> tuple[date, str]:
    return h.rec.start_date, h.eid


def left_service(p: Person | None) -> tuple[str, date | None] | None:
    """``(status, date)`` when the person's status says he left service, else None.

    Examples
    --------
    >>> left_service(Person(id="P", name="张三", status="退休", status_date=date(2024, 7, 15)))
    ('退休', datetime.date(2024, 7, 15))
    >>> left_service(Person(id="P", name="张三", status="在职")) is None
    True
    """
    if p is None or not p.status:
        return None
    st = p.status.strip()
    return (st, p.status_date) if st in GONE else None


def in_service_until(p: Person | None, day: date) -> bool:
    """True when the person was certainly still in service on ``day``.

    In service means status 在职 / empty, or a leaving status dated (even at
    month precision) after ``day``.

    Examples
    --------
    >>> from guanxi.graph.dates import MonthDate
    >>> p = Person(id="P", name="张三", status="退休", status_date=MonthDate(2024, 7))
    >>> in_service_until(p, date(2024, 6, 30)), in_service_until(p, date(2024, 7, 1))
    (True, False)
    """
    gone = left_service(p)
    if gone is None:
        return True
    return gone[1] is not None and earliest(gone[1]) > day


def month_index(d: date) -> int:
    """Months since year 0: consecutive months differ by one.

    Examples
    --------
    >>> month_index(date(2021, 1, 15)) - month_index(date(2020, 12, 1))
    1
    """
    return d.year * 12 + d.month - 1


def month_text(index: int) -> str:
    """``2021-03`` for a month index.

    >>> month_text(month_index(date(2021, 3, 9)))
    '2021-03'
    """
    y, m = divmod(index, 12)
    return f"{y:04d}-{m + 1:02d}"


def spans(indexes: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive months as ``(first, last)`` pairs.

    Examples
    --------
    >>> spans([5, 1, 2, 3, 7, 6])
    [(1, 3), (5, 7)]
    """
    out: list[tuple[int, int]] = []
    for i in sorted(set(indexes)):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def months_between(a: date, b: date) -> str:
    """``8 年 3 个月`` between two days (whole months, rounded down).

    >>> months_between(date(2016, 3, 1), date(2026, 2, 28))
    '9 年 11 个月'
    >>> months_between(date(2020, 1, 5), date(2020, 3, 5))
    '2 个月'
    """
    n = (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day)
    y, m = divmod(max(n, 0), 12)
    return f"{y} 年 {m} 个月" if y else f"{m} 个月"


def person_name(store: GraphStore, person_id: str) -> str:
    """The roster name of a person, or the id when he is not on the roster."""
    p = store.person(person_id)
    return p.name if p else person_id


__all__ = ["GONE", "MANAGERS", "careers", "fmt", "in_service_until", "is_manager",
           "left_service", "manager_posts", "month_index", "month_text", "months_between", "person_name",
           "sorted_posts", "spans"]
