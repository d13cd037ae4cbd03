"""PR11 离任前突击提拔: a burst of promotions just before a 主要负责人 leaves (or once his move is decided)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.careers import person_name
from guanxi.queries.finding import Finding
from guanxi.queries.positions import CHIEF, leader_posts, post_text, role_of
from guanxi.queries.ranks import is_promotion
from guanxi.queries.rule import Param, Params, Rule

PROMOTION_KINDS = ("提拔", "破格", "越级")
_DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Promotion:
    """One promotion in an entity: who, when it was decided, and the record it rests on."""

    person: str
    day: date
    title: str
    edge: str


def promotions(store: GraphStore, entity: str) -> list[Promotion]:
    """Promotions into posts of one entity, from 纪实 (appointments) and from postings.

    An appointment counts when its 任用方式 says 提拔/破格/越级 or its ranks
    climb (:func:`guanxi.queries.ranks.is_promotion`), dated by its 讨论决定时间
    (else 任职发文时间); a posting counts when its 变动类型 is 提拔, dated by its
    start. A posting within 120 days of an appointment of the same person is the
    same promotion.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Posting, Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院")], postings=[Posting(person_id="A",
    ...     unit_id="E", title="副院长", start_date=date(2020, 5, 1), change="提拔")]))
    >>> [(p.person, p.day.isoformat()) for p in promotions(s, "E")]
    [('A', '2020-05-01')]
    """
    idx: dict[str, list[Promotion]] = store.memo("pr11.promotions", lambda: _index(store))
    return idx.get(entity, [])


def _index(store: GraphStore) -> dict[str, list[Promotion]]:
    out: dict[str, list[Promotion]] = {}
    for a in store.records("appointments"):
        kind = a.kind or ""
        if not (any(k in kind for k in PROMOTION_KINDS) or is_promotion(a.rank_from, a.rank_to)):
            continue
        day = a.decided_on or a.appointed_on
        if day is None:
            continue
        ent = store.entity_of(a.unit_id)
        out.setdefault(ent, []).append(Promotion(a.person_id, day, a.title or "",
                                                 f"appointment/{a.id}"))
    for got in list(out.values()):
        got.sort(key=lambda p: (p.day, p.person))
    for unit in store.records("units"):
        if unit.kind == "内设机构":
            continue
        ent = unit.id
        seen = out.get(ent, [])
        days: dict[str, list[date]] = {}  # per person, so a big entity is not scanned per posting
        for p in seen:
            days.setdefault(p.person, []).append(p.day)
        extra = []
        for h in store.postings_in(ent):
            if (h.rec.change or "").strip() != "提拔":
                continue
            pid, d = h.rec.person_id, h.rec.start_date
            if any(abs((day - d).days) <= 120 for day in days.get(pid, ())):
                continue
            extra.append(Promotion(pid, d, post_text(store, h), h.eid))
        if extra:
            out[ent] = sorted(seen + extra, key=lambda p: (p.day, p.person))
    return out


def _departures(store: GraphStore) -> Iterator[tuple[Held, date]]:
    """(first chief post of a tenure, the day the tenure ends) for every chief who left."""
    leads = leader_posts(store)
    for person in store.records("persons"):
        if person.id not in leads:
            continue
        chief = sorted((h for h in leads[person.id] if role_of(store, h) == CHIEF),
                       key=lambda h: h.rec.start_date)
        by_entity: dict[str, list[Held]] = {}
        for h in chief:
            by_entity.setdefault(h.entity, []).append(h)
        for posts in by_entity.values():
            first, end = posts[0], posts[0].rec.end_date
            for h in posts[1:]:
                if end is not None and h.rec.start_date <= end + timedelta(days=31):
                    end = None if h.rec.end_date is None else max(end, h.rec.end_date)
                    continue
                if end is not None:
                    yield first, end
                first, end = h, h.rec.end_date
            if end is not None:
                yield first, end


def _move_decided(store: GraphStore, pid: str, entity: str, leave: date) -> tuple[date, str] | None:
    """The decision on the leader's own next post, when it came before he left."""
    best: tuple[date, str] | None = None
    own: dict[str, list[Appointment]] = store.memo("pr11.own_appointments", lambda: _by_person(store))
    for a in own.get(pid, []):
        if a.decided_on is None or store.entity_of(a.unit_id) == entity:
            continue
        if add_months(leave, -12) <= a.decided_on < leave and (best is None or a.decided_on < best[0]):
            best = (a.decided_on, f"appointment/{a.id}")
    return best


def _by_person(store: GraphStore) -> dict[str, list[Appointment]]:
    out: dict[str, list[Appointment]] = {}
    for a in store.records("appointments"):
        out.setdefault(a.person_id, []).append(a)
    return out


def poisson_sf(k: int, mean: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mean).

    >>> round(poisson_sf(3, 1.0), 4), poisson_sf(1, 0.0), poisson_sf(0, 2.0)
    (0.0803, 0.0, 1.0)
    """
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    term = cdf = math.exp(-mean)
    for i in range(1, k):
        term *= mean / i
        cdf += term
    return max(0.0, 1.0 - cdf)


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per departing chief whose last days saw a burst of promotions.

    Promotions are indexed per entity once; each departure looks at its window
    and its tenure, so the cost is O(appointments + postings + _departures × promotions
    of the entity).
    """
    days, k_min, ratio = int(params["window_days"]), int(params["min_count"]), float(params["ratio"])
    base_min = int(params["baseline_min_months"])
    for post, leave in _departures(store):
        entity, pid = post.entity, post.rec.person_id
        start = leave - timedelta(days=days)
        moved = _move_decided(store, pid, entity, leave)
        if moved is not None and moved[0] < start:
            start = moved[0]
        proms = [p for p in promotions(store, entity) if p.person != pid]
        burst = [p for p in proms if earliest(p.day) >= start and latest(p.day) < leave]
        if len(burst) < k_min:
            continue
        base_from = post.rec.start_date
        if (start - base_from).days < base_min * _DAYS_PER_MONTH:
            base_from = add_months(start, -24)
        before = [p for p in proms if base_from <= p.day and latest(p.day) < start]
        base_months = max(1.0, (start - base_from).days / _DAYS_PER_MONTH)
        rate = len(before) / base_months
        win_months = max(1.0, (leave - start).days / _DAYS_PER_MONTH)
        expected = rate * win_months
        if len(burst) < ratio * expected:
            continue
        p = poisson_sf(len(burst), expected)
        if p >= float(params["alpha"]):
            continue
        yield _finding(store, post, leave, start, moved, burst,
                       (len(before), base_from, base_months, rate, expected, p), params)


def _finding(store: GraphStore, post: Held, leave: date, start: date,
             moved: tuple[date, str] | None, burst: list[Promotion],
             base: tuple[int, date, float, float, float, float], params: Params) -> Finding:
    n0, base_from, months, rate, expected, p = base
    pid, entity = post.rec.person_id, post.entity
    lname = store.person(pid).name if store.person(pid) else pid  # type: ignore[union-attr]
    names = "；".join(f"{person_name(store, p.person)}（{fmt(p.day)}，{p.title}）" for p in burst)
    why = f"离任前 {int(params['window_days'])} 天内"
    if moved is not None and moved[0] <= leave - timedelta(days=int(params["window_days"])):
        why = f"其调任于 {fmt(moved[0])} 决定后至离任"
    own = "其任内" if base_from >= post.rec.start_date else "该单位"
    times = f"{len(burst) / expected:.1f} 倍" if expected > 0 else "此前无提拔"
    text = (f"{lname} 自 {fmt(post.rec.start_date)} 任 {post_text(store, post)}（主要负责人），"
            f"{fmt(leave)} 离任；{why}（{fmt(start)}–{fmt(leave)}）本单位决定提拔 {len(burst)} 人："
            f"{names}；{own} {fmt(base_from)}–{fmt(start)} 共提拔 {n0} 人（{months:.0f} 个月，月均 "
            f"{rate:.2f} 人），按此频率同期应约 {expected:.1f} 人，实际为其 {times}"
            f"（泊松检验 p={p:.2g} < {float(params['alpha'])}）")
    persons = [pid, *(p.person for p in burst)]
    edges = [post.eid] + ([moved[1]] if moved else []) + [p.edge for p in burst]
    return RULE.finding(
        persons=persons, units=[entity], start=start, end=leave, explanation=text,
        nodes=[pnode(pid), unode(entity)] + [pnode(p.person) for p in burst], edges=edges,
        key=(sorted(set(persons)), entity, leave.isoformat()),
        facts={"leader": pid, "count": len(burst), "baseline": n0,
               "baseline_months": round(months, 1), "expected": round(expected, 2), "p": p},
    )



RULE = Rule(
    code="PR11",
    title="离任前突击提拔",
    category="C",
    basis=("《党政领导干部选拔任用工作条例》（纪律和监督：不准在主要领导成员已经明确调离时突击提拔、调整干部）",
           "《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 3（主要领导干部离任前“突击提拔”干部）"),
    needs=("persons", "postings"),
    optional=("appointments",),
    # promotions are read from appointments and from postings marked 提拔 (not from ranks)
    needs_one_of=(("postings.change", "appointments"),),
    detect=detect,
    params=(
        Param("window_days", 90, "离任前观察天数；其调任已决定的，从决定之日起算（取较早者）"),
        Param("min_count", 3, "提拔人数下限：窗口内本单位决定提拔的人数至少为此数"),
        Param("ratio", 2.0, "倍数下限：窗口内提拔人数至少为按其任内常规月均提拔频率推算人数的此倍数"),
        Param("alpha", 0.01, "显著性水平：按常规频率，窗口内出现不少于实际人数提拔的泊松概率须小于此值"),
        Param("baseline_min_months", 12,
              "常规频率所需任期（月）：任内早于窗口的时间不足此数时，改用窗口前 24 个月本单位的提拔频率"),
    ),
    severity="medium",
    condition="主要负责人离任前 90 天内（或其调任决定之后），本单位决定提拔不少于 3 人，"
              "且不少于按其任内常规月均提拔频率推算人数的 2 倍，并非常规频率下的偶然波动（泊松检验 p < 0.01）",
)
