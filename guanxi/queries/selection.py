"""Selection cases (选拔任用纪实 rows) as AV03/NP05/NP06 read them: promotion, dates, readable text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore, Held
from guanxi.queries.careers import careers
from guanxi.queries.positions import post_text
from guanxi.queries.ranks import is_promotion

#: 任用方式 that count as a promotion whatever the ranks say
CASE_PROMOTION_KINDS = ("提拔", "破格", "越级", "竞争上岗")
#: a posting within this many days of a person's promotion case is the same move
_SAME_MOVE = 180


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


@dataclass(frozen=True)
class Move:
    """A promotion: a selection case, or a posting that raised someone where no case was recorded."""

    day: date
    person: str
    unit_id: str
    case: Appointment | None = None
    held: Held | None = None
    prev_rank: str | None = None

    @property
    def edge(self) -> str:
        """The evidence edge: ``appointment/<id>`` or the posting's edge id."""
        if self.case is not None:
            return f"appointment/{self.case.id}"
        assert self.held is not None
        return self.held.eid

    @property
    def recommenders(self) -> list[str]:
        return list(self.case.recommenders) if self.case is not None else []

    @property
    def approved(self) -> bool:
        return self.case is not None and has_approval(self.case)


def effective_ends(posts: list[Held]) -> dict[str, tuple[date | None, Held | None]]:
    """Each post's end: as recorded, else the start of the person's next full-time post in another
    legal entity (registers often leave the end blank after a transfer), with that post.

    ``posts`` are one person's full-time posts sorted by start.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院"), Unit(id="F", name="局")], postings=[
    ...     Posting(person_id="P", unit_id="E", title="院长", start_date=date(2015, 1, 1)),
    ...     Posting(person_id="P", unit_id="F", title="副局长", start_date=date(2019, 6, 1))]))
    >>> {k: (v[0].isoformat() if v[0] else None, v[1].eid if v[1] else None)
    ...  for k, v in effective_ends(s.postings_of("P")).items()}
    {'posting/0': ('2019-06-01', 'posting/1'), 'posting/1': (None, None)}
    """
    out: dict[str, tuple[date | None, Held | None]] = {}
    for h in posts:
        if h.rec.end_date is not None:
            out[h.eid] = (h.rec.end_date, None)
            continue
        nxt = next((g for g in posts if g.entity != h.entity
                    and latest(h.rec.start_date) < earliest(g.rec.start_date)), None)
        out[h.eid] = (nxt.rec.start_date, nxt) if nxt is not None else (None, None)
    return out


@lru_cache(maxsize=4096)
def _rises(before: str | None, after: str | None) -> bool:
    """:func:`is_promotion`, cached: registers use a handful of rank spellings."""
    return before != after and is_promotion(before, after)


def _posting_moves(person: str, posts: list[Held], days: list[date]) -> list[Move]:
    """Of one person's full-time ``posts`` (by start), those recorded as 提拔 (or a higher rung than
    the post before) with no case within 180 days."""
    out = []
    prev: Held | None = None
    for h in posts:
        rec = h.rec
        before = prev.rec.rank if prev is not None else None
        if (rec.change or "").strip() == "提拔" or _rises(before, rec.rank):
            day = rec.start_date  # a month-only date is its month's first day: plain arithmetic holds
            if not any(abs((day - d).days) <= _SAME_MOVE for d in days):
                out.append(Move(rec.start_date, person, rec.unit_id, held=h, prev_rank=before))
        prev = h
    return out


def promotion_moves(store: GraphStore, kinds: Iterable[str],
                    postings: bool = True) -> dict[str, list[Move]]:
    """Legal entity -> its promotions by day: dated promotion cases, plus (``postings``) promotions
    the postings show where no case of that person was recorded within 180 days.

    One pass over each table: O(cases + postings).

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院"), Unit(id="U", name="科", kind="内设机构",
    ...     parent_id="E")], appointments=[Appointment(id="A1", person_id="P", unit_id="U",
    ...     kind="提拔", decided_on=date(2021, 3, 1))], postings=[Posting(person_id="P", unit_id="U",
    ...     title="科长", change="提拔", start_date=date(2021, 3, 1)), Posting(person_id="Q",
    ...     unit_id="U", title="副科长", change="提拔", start_date=date(2022, 5, 1))]))
    >>> [(m.day.isoformat(), m.person, m.edge) for m in promotion_moves(s, CASE_PROMOTION_KINDS)["E"]]
    [('2021-03-01', 'P', 'appointment/A1'), ('2022-05-01', 'Q', 'posting/1')]
    """
    kinds = tuple(kinds)
    return store.memo(f"selection.moves|{'、'.join(kinds)}|{postings}",  # type: ignore[no-any-return]
                      lambda: _moves(store, kinds, postings))


def _moves(store: GraphStore, kinds: tuple[str, ...], postings: bool) -> dict[str, list[Move]]:
    out: dict[str, list[Move]] = defaultdict(list)
    days: dict[str, list[date]] = defaultdict(list)
    for a in store.records("appointments"):
        d = decided(a)
        if d is not None and is_promotion_case(a, kinds):
            out[store.entity_of(a.unit_id)].append(Move(d, a.person_id, a.unit_id, case=a))
            days[a.person_id].append(d)
    if postings:
        by_person = careers(store)
        for pid in dict.fromkeys(p.person_id for p in store.records("postings")):
            for mv in _posting_moves(pid, by_person[pid], days.get(pid, [])):
                out[store.entity_of(mv.unit_id)].append(mv)
    for v in out.values():
        v.sort(key=lambda m: (m.day, m.edge))
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


def move_text(store: GraphStore, mv: Move) -> str:
    """:func:`case_text` for a case; ``2022-05 起 张三 任 市人民医院 财务科 副科长（任职经历记为提拔…）``."""
    if mv.case is not None:
        return case_text(store, mv.case)
    held = mv.held
    assert held is not None
    p = store.person(mv.person)
    who = p.name if p else mv.person
    ranks = f"{mv.prev_rank or '?'}→{held.rec.rank}，" if held.rec.rank else ""
    return (f"{fmt(mv.day)} 起 {who} 任 {post_text(store, held)}（{ranks}任职经历记为提拔，"
            f"无对应的选拔任用纪实）")
