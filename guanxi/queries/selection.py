"""Selection cases (选拔任用纪实 rows) as AV03/NP05/NP06 read them: promotion, dates, readable text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore
from guanxi.queries.ranks import is_promotion

#: 任用方式 that count as a promotion whatever the ranks say
CASE_PROMOTION_KINDS = ("提拔", "破格", "越级", "竞争上岗")


def is_promotion_case(a: Appointment, kinds: Iterable[str] = CASE_PROMOTION_KINDS) -> bool:
    """True when a case is a promotion: its 任用方式 names one of ``kinds`` or its rank goes up.

    Examples
    --------
    >>> from guanxi.graph.records import Appointment
    >>> is_promotion_case(Appointment(id="A1", person_id="P", unit_id="U", kind="破格提拔"))
    True
    >>> is_promotion_case(Appointment(id="A2", person_id="P", unit_id="U", kind="平级调整",
    ...                               rank_from="正科", rank_to="正科"))
    False
    >>> is_promotion_case(Appointment(id="A3", person_id="P", unit_id="U", rank_from="副科",
    ...                               rank_to="正科"))
    True
    """
    kind = (a.kind or "").strip()
    if kind and any(k in kind for k in kinds):
        return True
    return is_promotion(a.rank_from, a.rank_to)


def decided(a: Appointment) -> date | None:
    """The day a case was decided: 讨论决定时间, else the nearest recorded step.

    Examples
    --------
    >>> from guanxi.graph.records import Appointment
    >>> decided(Appointment(id="A", person_id="P", unit_id="U", appointed_on=date(2021, 3, 9)))
    datetime.date(2021, 3, 9)
    """
    for d in (a.decided_on, a.appointed_on, a.publicity_start, a.inspected_on,
              a.recommended_on, a.proposed_on):
        if d is not None:
            return d
    return None


def has_approval(a: Appointment) -> bool:
    """True when the case records a 请示批复 (any non-blank text).

    >>> from guanxi.graph.records import Appointment
    >>> has_approval(Appointment(id="A", person_id="P", unit_id="U", approval_ref=" "))
    False
    """
    return bool((a.approval_ref or "").strip())


def holds_on(start: date | None, end: date | None, day: date) -> bool:
    """True when ``[start, end)`` surely contains ``day``, whatever day a month-only date means.

    Examples
    --------
    >>> from guanxi.graph.dates import MonthDate
    >>> holds_on(date(2020, 1, 1), None, date(2021, 5, 6))
    True
    >>> holds_on(MonthDate(2021, 5), None, date(2021, 5, 6))
    False
    """
    if start is not None and latest(start) > earliest(day):
        return False
    return end is None or latest(day) < earliest(end)


def promotion_cases(store: GraphStore,
                    kinds: Iterable[str]) -> dict[str, list[tuple[date, Appointment]]]:
    """Legal entity -> (decision day, case) of every dated promotion case there, by day.

    One pass over the appointments table: O(cases log cases).

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院"), Unit(id="U", name="科", kind="内设机构",
    ...     parent_id="E")], appointments=[Appointment(id="A1", person_id="P", unit_id="U",
    ...     kind="提拔", decided_on=date(2021, 3, 1))]))
    >>> [(d.isoformat(), a.id) for d, a in promotion_cases(s, CASE_PROMOTION_KINDS)["E"]]
    [('2021-03-01', 'A1')]
    """
    kinds = tuple(kinds)
    out: dict[str, list[tuple[date, Appointment]]] = defaultdict(list)
    for a in store.records("appointments"):
        d = decided(a)
        if d is not None and is_promotion_case(a, kinds):
            out[store.entity_of(a.unit_id)].append((d, a))
    for v in out.values():
        v.sort(key=lambda x: (x[0], x[1].id))
    return dict(out)


def unit_text(store: GraphStore, unit_id: str) -> str:
    """``市人民医院 财务科`` for a unit (its legal entity first when it is a 内设机构)."""
    u = store.unit(unit_id)
    name = u.name if u else unit_id
    ent = store.entity_of(unit_id)
    if ent != unit_id:
        e = store.unit(ent)
        if e is not None and e.name not in name:
            name = f"{e.name} {name}"
    return name


def case_text(store: GraphStore, a: Appointment) -> str:
    """``2021-03-05 决定 张三 任 市人民医院 财务科 科长（副科→正科，提拔，纪实 A1）``."""
    p = store.person(a.person_id)
    who = p.name if p else a.person_id
    bits = []
    if a.rank_from or a.rank_to:
        bits.append(f"{a.rank_from or '?'}→{a.rank_to or '?'}")
    if a.kind:
        bits.append(a.kind)
    bits.append(f"纪实 {a.id}")
    title = f" {a.title}" if a.title else ""
    return f"{fmt(decided(a))} 决定 {who} 任 {unit_text(store, a.unit_id)}{title}（{'，'.join(bits)}）"
