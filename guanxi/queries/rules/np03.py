"""NP03 从主要领导原任职地、成长地调动人员过多: an inflow cohort from the new chief's past."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from guanxi.graph.dates import add_months, fmt
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.places import home_of, same_place
from guanxi.queries.positions import CHIEF, leader_posts, post_text, roles
from guanxi.queries.rule import Param, Params, Rule

PROMOTION = "提拔"


def binom_sf(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p), summed in log space.

    Examples
    --------
    >>> round(binom_sf(3, 4, 0.5), 4)
    0.3125
    >>> binom_sf(0, 5, 0.2)
    1.0
    """
    if k <= 0:
        return 1.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    lp, lq = math.log(p), math.log1p(-p)
    total = 0.0
    for i in range(k, n + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                          + i * lp + (n - i) * lq)
    return min(1.0, total)


def previous_post(store: GraphStore, h: Held) -> Held | None:
    """The person's last full-time post that started before ``h`` (None for a new hire)."""
    best: Held | None = None
    for g in store.postings_of(h.rec.person_id):
        if g.eid == h.eid or g.rec.is_parttime or g.rec.start_date >= h.rec.start_date:
            continue
        if best is None or g.rec.start_date > best.rec.start_date:
            best = g
    return best


@dataclass(frozen=True)
class Inflow:
    """A post in the entity that brought its holder in: a hire, a transfer in, or a promotion."""

    held: Held
    prev: Held | None


def as_inflow(store: GraphStore, h: Held) -> Inflow | None:
    """The post as an inflow into its entity (a hire, a transfer in, or a promotion), or None."""
    prev = previous_post(store, h)
    if prev is None or prev.entity != h.entity or (h.rec.change or "").strip() == PROMOTION:
        return Inflow(h, prev)
    return None


@dataclass
class _Entity:
    """One entity's full-time posts by start, with the inflow of each post read so far."""

    posts: list[Held]
    starts: list[date]
    flows: dict[str, Inflow | None]


def _entity(store: GraphStore, entity: str) -> _Entity:
    posts = sorted((h for h in store.postings_in(entity) if not h.rec.is_parttime),
                   key=lambda h: (h.rec.start_date, h.eid))
    return _Entity(posts, [h.rec.start_date for h in posts], {})


@dataclass(frozen=True)
class Leader:
    """The arriving chief: his post, former legal entities and home place."""

    post: Held
    former: frozenset[str]
    home: str | None
    home_word: str


def _leader(store: GraphStore, post: Held) -> Leader:
    pid, s = post.rec.person_id, post.rec.start_date
    former = frozenset(g.entity for g in store.postings_of(pid)
                       if g.rec.start_date < s and g.entity != post.entity)
    p = store.person(pid)
    home, word = home_of(getattr(p, "growth_place", None), getattr(p, "native_place", None))
    return Leader(post, former, home, word)


def link_reason(store: GraphStore, leader: Leader, inflow: Inflow) -> str | None:
    """Why an inflow person is tied to the leader, or None."""
    if inflow.prev is not None and inflow.prev.entity in leader.former:
        return f"原任 {post_text(store, inflow.prev)}（该主要负责人原任职单位）"
    if leader.home is not None:
        p = store.person(inflow.held.rec.person_id)
        home, word = home_of(getattr(p, "growth_place", None), getattr(p, "native_place", None))
        if home is not None and same_place(home, leader.home):
            return f"{word} {home}，与其{leader.home_word}（{leader.home}）相同"
    return None


def _window(store: GraphStore, ent: _Entity, lo: date, hi: date, leader_id: str) -> list[Inflow]:
    """Inflows starting in [lo, hi), the leader excluded, each person once (first inflow).

    Only the posts inside the window are read as inflows (each once per entity).
    """
    seen: set[str] = set()
    out = []
    for h in ent.posts[bisect_left(ent.starts, lo):bisect_left(ent.starts, hi)]:
        pid = h.rec.person_id
        if pid == leader_id or pid in seen:
            continue
        if h.eid not in ent.flows:
            ent.flows[h.eid] = as_inflow(store, h)
        f = ent.flows[h.eid]
        if f is not None:
            seen.add(pid)
            out.append(f)
    return out


def arrivals(store: GraphStore) -> Iterator[Held]:
    """Chief posts that begin a tenure (not a renewal of an ongoing or just-ended one)."""
    leads, role = leader_posts(store), roles(store)
    for person in store.records("persons"):
        chief = [h for h in leads.get(person.id, ()) if role[h.eid] == CHIEF]
        for h in chief:
            s = h.rec.start_date
            renewed = any(g.eid != h.eid and g.entity == h.entity and g.rec.start_date < s
                          and (g.rec.end_date is None or g.rec.end_date >= s - timedelta(days=31))
                          for g in chief)
            if not renewed:
                yield h


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per chief arrival followed by a cohort from his former units or home place.

    Each entity's posts are sorted once and windows are cut by bisection; only posts
    inside a window are read as inflows, so the cost is O(postings + arrivals × window size).
    """
    months = int(params["window_months"])
    cache: dict[str, _Entity] = {}
    for post in arrivals(store):
        entity, s = post.entity, post.rec.start_date
        if entity not in cache:
            cache[entity] = _entity(store, entity)
        ent = cache[entity]
        leader = _leader(store, post)
        lid = post.rec.person_id
        after = _window(store, ent, s, add_months(s, months), lid)
        before = _window(store, ent, add_months(s, -months), s, lid)
        linked = [(f, r) for f in after if (r := link_reason(store, leader, f)) is not None]
        k, n = len(linked), len(after)
        if n == 0 or k < int(params["min_count"]) or k / n < float(params["min_share"]):
            continue
        k0 = sum(1 for f in before if link_reason(store, leader, f) is not None)
        n0 = len(before)
        base = (k0 + 1) / (n0 + 2)
        p = binom_sf(k, n, base)
        if p >= float(params["alpha"]):
            continue
        yield _finding(store, leader, linked, n, (k0, n0, base, p), params)


def _finding(store: GraphStore, leader: Leader, linked: list[tuple[Inflow, str]], n: int,
             test: tuple[int, int, float, float], params: Params) -> Finding:
    k0, n0, base, p = test
    months = int(params["window_months"])
    post = leader.post
    lid, s, entity = post.rec.person_id, post.rec.start_date, post.entity
    lname = getattr(store.person(lid), "name", lid)
    k = len(linked)
    who = "；".join(f"{getattr(store.person(f.held.rec.person_id), 'name', f.held.rec.person_id)}"
                   f"（{fmt(f.held.rec.start_date)} 任 {post_text(store, f.held)}，{r}）"
                   for f, r in linked)
    explanation = (f"{lname} 于 {fmt(s)} 任 {post_text(store, post)}（主要负责人）；此后 {months} 个月内"
                   f"该单位新录用、调入及提拔共 {n} 人，其中 {k} 人（{k / n:.0%}）来自其原任职单位或与其"
                   f"同一成长地/籍贯：{who}；到任前 {months} 个月同类人员为 {k0}/{n0}"
                   f"（平滑后基线比例 {base:.0%}），单侧二项检验 p={p:.4f} < {float(params['alpha'])}")
    nodes = [pnode(lid), unode(entity)] + [pnode(f.held.rec.person_id) for f, _ in linked]
    edges = [post.eid]
    units = [entity]
    for f, _ in linked:
        edges.append(f.held.eid)
        if f.prev is not None and f.prev.entity in leader.former:
            edges.append(f.prev.eid)
            nodes.append(unode(f.prev.entity))
            units.append(f.prev.entity)
    persons = sorted({lid, *(f.held.rec.person_id for f, _ in linked)})
    return RULE.finding(
        persons=persons, units=units,
        start=s, end=add_months(s, months), explanation=explanation, nodes=nodes, edges=edges,
        key=(persons, entity, s.isoformat()),
        facts={"leader": lid, "inflow": n, "linked": k, "baseline": [k0, n0],
               "baseline_share": round(base, 4), "p": round(p, 6)},
    )


RULE = Rule(
    code="NP03",
    title="从主要领导原任职地、成长地调动人员过多",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（从主要领导原任职地、成长地调动人员过多）",),
    needs=("persons", "postings"),
    detect=detect,
    params=(
        Param("window_months", 24, "观察窗口（月）：主要负责人到任后（及到任前作为基线）的月数"),
        Param("min_count", 3, "关联人数下限：来自其原任职单位或同一成长地/籍贯的新进、提拔人数"),
        Param("min_share", 0.3, "关联比例下限：关联人数占同期新进、提拔总人数的比例"),
        Param("alpha", 0.05, "显著性水平：与到任前比例相比的单侧二项检验 p 值须小于此值"),
    ),
    severity="medium",
    condition="主要负责人到任后 24 个月内，新录用、调入及提拔人员中来自其原任职单位或与其成长地（无则籍贯）"
              "相同的不少于 3 人且占 30% 以上，并显著高于到任前 24 个月的比例（二项检验 p < 0.05）",
)
