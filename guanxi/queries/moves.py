"""Promotion moves, read once per store from ``appointments`` and ``postings`` and merged.

A promotion is an ``appointments`` row whose 任用方式 is 提拔 / 破格 / 越级 or whose
rank rises (dated ``decided_on``, else ``appointed_on``), or a posting whose
变动类型 is 提拔 or whose rank is a higher rung than the person's previous post
(dated ``start_date``). A posting that starts from 31 days before to 180 days after an
appointment of the same person to the same rank or unit is the same move: the
appointment's date and approval are used, the posting supplies the post.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore, Held
from guanxi.queries.careers import careers, sorted_posts
from guanxi.queries.positions import entities, post_text
from guanxi.queries.ranks import canonical, is_promotion, ladder

PROMOTION_KINDS = ("提拔", "破格", "越级", "破格提拔", "越级提拔")
#: where a promotion can be read from; a rule that reads promotions needs one of them
#: (:attr:`~guanxi.queries.rule.Rule.needs_one_of`)
PROMOTION_SOURCES = ("postings.rank", "postings.change", "appointments")
_SAME_MOVE = timedelta(days=180)
#: a post recorded as starting a little before the decision (a month-only date, a clerk's slip)
_EARLY = timedelta(days=31)


@dataclass(frozen=True)
class Promotion:
    """One promotion of one person."""

    person: str
    day: date
    rank_from: str | None
    rank_to: str | None
    unit_id: str
    post: str  # readable post: ``市人民医院 财务科 科长``
    edges: tuple[str, ...]  # posting edge ids and ``appointment/<纪实编号>``
    held: Held | None = None  # the new post
    prev: Held | None = None  # the post held before
    appointment: Appointment | None = None

    @property
    def approval(self) -> str | None:
        a = self.appointment
        return a.approval_ref.strip() if a and a.approval_ref and a.approval_ref.strip() else None

    @property
    def kind(self) -> str:
        a = self.appointment
        return (a.kind or "").strip() if a else ""

    def is_leadership(self) -> bool:
        """A post at 副科 or above, or a 中层 post."""
        lad = ladder(self.rank_to)
        return lad is not None and lad[1] >= 1


def _from_postings(store: GraphStore, person: str, posts: list[Held]) -> list[Promotion]:
    """The promotions one person's full-time ``posts`` (by start) show."""
    out = []
    prev: Held | None = None
    for h in posts:
        r = h.rec
        before = prev.rec.rank if prev else None
        if (r.change and r.change.strip() == "提拔") or is_promotion(before, r.rank):
            out.append(Promotion(person, r.start_date, canonical(before) or before,
                                 canonical(r.rank) or r.rank, r.unit_id, post_text(store, h),
                                 (h.eid,), h, prev))
        if prev is None or canonical(r.rank) is not None or canonical(prev.rec.rank) is None:
            prev = h
    return out


def promotions(store: GraphStore) -> dict[str, list[Promotion]]:
    """Every person's promotions in date order; one pass over each table, kept in ``store.memo``.

    Examples
    --------
    >>> from datetime import date
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="U", name="财务科")], postings=[
    ...     Posting(person_id="P", unit_id="U", title="科员", rank="一般", start_date=date(2015, 1, 1),
    ...             end_date=date(2019, 1, 1)),
    ...     Posting(person_id="P", unit_id="U", title="副科长", rank="中层副职", start_date=date(2019, 1, 1))]))
    >>> [(p.rank_from, p.rank_to, p.day.isoformat()) for p in promotions(s)["P"]]
    [('一般', '中层副职', '2019-01-01')]
    """
    return store.memo("promotions", lambda: _build(store))  # type: ignore[no-any-return]


def _build(store: GraphStore) -> dict[str, list[Promotion]]:
    out: dict[str, list[Promotion]] = {}
    persons = {h.rec.person_id for e in entities(store) for h in store.postings_in(e)}
    apps: dict[str, list[tuple[int, Appointment]]] = {}
    if store.has("appointments"):
        for i, a in enumerate(store.records("appointments")):
            apps.setdefault(a.person_id, []).append((i, a))
    no_apps: list[tuple[int, Appointment]] = []
    by_person = careers(store)
    for person in persons | set(apps):
        moves = _from_postings(store, person, by_person[person])
        for i, a in apps.get(person, no_apps):
            day = a.decided_on or a.appointed_on
            kind = (a.kind or "").strip()
            if day is None or not (kind in PROMOTION_KINDS or is_promotion(a.rank_from, a.rank_to)):
                continue
            moves = _merge(store, moves, i, a, day)
        if moves:
            out[person] = sorted(moves, key=lambda m: (m.day, m.edges))
    return out


def _merge(store: GraphStore, moves: list[Promotion], i: int, a: Appointment,
           day: date) -> list[Promotion]:
    to = canonical(a.rank_to) or a.rank_to
    near = [k for k, m in enumerate(moves)
            if m.appointment is None and day - _EARLY <= m.day <= day + _SAME_MOVE]
    # the same unit or rank first; else, when the case names neither, the nearest post in time
    same = [k for k in near
            if moves[k].unit_id == a.unit_id or (to is not None and moves[k].rank_to == to)]
    loose = [k for k in near if to is None or moves[k].rank_to is None]
    for k in (same or sorted(loose, key=lambda k: abs((moves[k].day - day).days)))[:1]:
        m = moves[k]
        moves[k] = Promotion(m.person, day, canonical(a.rank_from) or a.rank_from or m.rank_from,
                             to or m.rank_to, m.unit_id, m.post,
                             (f"appointment/{a.id}",) + m.edges, m.held, m.prev, a)
        return moves
    unit = store.unit(a.unit_id)
    post = f"{unit.name if unit else a.unit_id} {a.title or ''}".strip()
    prev = None
    for h in sorted_posts(store, a.person_id):
        if h.rec.start_date < day:
            prev = h
    moves.append(Promotion(a.person_id, day, canonical(a.rank_from) or a.rank_from, to, a.unit_id,
                           post, (f"appointment/{a.id}",) + ((prev.eid,) if prev else ()),
                           None, prev, a))
    return moves


def rank_since(store: GraphStore, person: str, rank: str | None, before: date) -> date | None:
    """When the person first reached ``rank`` in the unbroken run of posts at it ending before ``before``.

    The run is the posts at that rank (or higher on the same ladder) held back to back; a gap
    or a lower rung ends it. None when no post at the rank precedes ``before``.
    """
    want = ladder(rank)
    if want is None:
        return None
    since: date | None = None
    for h in sorted_posts(store, person):
        if h.rec.start_date >= before:
            break
        got = ladder(h.rec.rank)
        if got is not None and got[0] == want[0] and got[1] >= want[1]:
            since = since or h.rec.start_date
        elif got is not None:
            since = None
    return since
