"""NP05 干预原任职单位选人用人: a leader who left names or is kin of people promoted there soon after."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.store import GraphStore, Held, KinLink, pnode, unode
from guanxi.queries.careers import sorted_posts
from guanxi.queries.finding import Finding
from guanxi.queries.kin import kin_sentence, link_nodes, other
from guanxi.queries.positions import LEADERS, leader_posts, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.selection import CASE_PROMOTION_KINDS, Move, effective_ends, move_text, promotion_moves, unit_text

#: posts at one entity less than this apart are one stint there
_GAP = timedelta(days=31)


@dataclass(frozen=True)
class Departure:
    """A leader's stint at a legal entity that ended: his leading post, the day he left, his return.

    ``by`` is the post elsewhere whose start is taken as the day he left when his
    posts there have no end date (registers often leave it blank after a transfer).
    """

    leader: str
    entity: str
    post: Held
    left: date
    back: date | None  # start of his next stint there, if any
    by: Held | None = None


def departures(store: GraphStore, person_id: str) -> Iterator[Departure]:
    """Every ended stint of a person at a legal entity in which he held a 主要负责人 or 副职 post."""
    posts = sorted_posts(store, person_id)
    ends = effective_ends(posts)
    by_entity: dict[str, list[Held]] = {}
    for h in posts:
        by_entity.setdefault(h.entity, []).append(h)
    for entity, held in by_entity.items():
        stints: list[list[Held]] = []
        end: date | None = None
        for h in held:
            e = ends[h.eid][0]
            if stints and end is not None and h.rec.start_date <= end + _GAP:
                stints[-1].append(h)
                end = None if e is None else max(end, e)
            else:
                stints.append([h])
                end = e
            if end is None:
                break  # still there: later rows belong to the current stint
        for i, stint in enumerate(stints):
            got = [ends[h.eid] for h in stint]
            lead = [h for h in stint if role_of(store, h) in LEADERS]
            if not lead or any(e is None for e, _ in got):
                continue
            left, by = max(((e, b) for e, b in got if e is not None), key=lambda x: x[0])
            back = stints[i + 1][0].rec.start_date if i + 1 < len(stints) else None
            yield Departure(person_id, entity, max(lead, key=lambda h: h.rec.start_date), left,
                            back, by)


@dataclass(frozen=True)
class Hit:
    """A promotion after the leader left, and how he is tied to it."""

    move: Move
    recommended: bool
    link: KinLink | None


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per departure followed by promotions there of people he named or of his kin.

    Promotions are indexed per entity and cut by bisection: O(cases + departures ×
    window size × kin links per candidate).
    """
    months = int(params["window_months"])
    index = promotion_moves(store, [str(k) for k in params["kinds"]], bool(params["use_postings"]))
    dates = {e: [earliest(mv.day) for mv in v] for e, v in index.items()}
    leaders = {pid for pid, posts in leader_posts(store).items()
               if any(h.entity in index for h in posts)}
    for lid in sorted(leaders):
        for dep in departures(store, lid):
            moves = index.get(dep.entity)
            if not moves:
                continue
            hi = add_months(earliest(dep.left), months)
            lo = bisect_right(dates[dep.entity], latest(dep.left) - timedelta(days=1))
            hits = []
            for mv in moves[lo:]:
                if latest(mv.day) > hi:
                    break
                if earliest(mv.day) < latest(dep.left) or mv.person == lid:
                    continue
                if dep.back is not None and latest(dep.back) <= earliest(mv.day):
                    break  # he is back there: no longer a former leader
                hit = _tie(store, dep, mv, params)
                if hit is not None:
                    hits.append(hit)
            if hits:
                yield _finding(store, dep, hits, params)


def _tie(store: GraphStore, dep: Departure, mv: Move, params: Params) -> Hit | None:
    a = mv.case
    named = a is not None and dep.leader in a.recommenders and (
        a.recommended_on is None or earliest(a.recommended_on) >= latest(dep.left))
    link = next((k for k in store.kin_links(mv.person)
                 if other(k, mv.person) == dep.leader and k.in_scope(params.scope)), None)
    if not named and link is None:
        return None
    return Hit(mv, named, link)


def _finding(store: GraphStore, dep: Departure, hits: list[Hit], params: Params) -> Finding:
    lid = dep.leader
    lname = getattr(store.person(lid), "name", lid)
    months = int(params["window_months"])
    post = dep.post
    parts = []
    for h in hits:
        ties = []
        case = h.move.case
        if h.recommended and case is not None:
            rec_on = f"（{fmt(case.recommended_on)} 推荐）" if case.recommended_on else ""
            ties.append(f"{lname} 为署名推荐人{rec_on}")
        if h.link is not None:
            ties.append(kin_sentence(store, h.link, lid, params.scope))
        parts.append(f"{move_text(store, h.move)}，{'，'.join(ties)}")
    inferred = ""
    if dep.by is not None:
        inferred = (f"（任职经历未记免职时间，按其 {fmt(dep.by.rec.start_date)} 起任 "
                    f"{post_text(store, dep.by)} 认定离开）")
    explanation = (f"{lname} 曾任 {post_text(store, post)}（{role_of(store, post)}，"
                   f"{fmt(post.rec.start_date)} 起），{fmt(dep.left)} 离开 "
                   f"{unit_text(store, dep.entity)}{inferred}；离开后 {months} 个月内该单位提拔的人员中："
                   + "；".join(parts))
    nodes = [pnode(lid), unode(dep.entity)]
    edges = [post.eid] + ([dep.by.eid] if dep.by is not None else [])
    units = [dep.entity]
    for h in hits:
        nodes += [pnode(h.move.person), unode(h.move.unit_id)]
        edges.append(h.move.edge)
        units.append(h.move.unit_id)
        if h.link is not None:
            nodes += link_nodes(h.link)
            edges += h.link.edges
    persons = sorted({lid, *(h.move.person for h in hits)})
    return RULE.finding(
        persons=persons, units=units, start=dep.left, end=add_months(dep.left, months),
        explanation=explanation, nodes=nodes, edges=edges,
        key=(persons, dep.entity, dep.left.isoformat()),
        facts={"leader": lid, "left": dep.left.isoformat(),
               "cases": [{"evidence": h.move.edge, "person": h.move.person,
                          "decided": h.move.day.isoformat(), "recommended": h.recommended,
                          "kin": h.link.category(params.scope) if h.link else None}
                         for h in hits]},
    )


RULE = Rule(
    code="NP05",
    title="干预原任职单位选人用人",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（领导干部私自干预原任职单位选人用人）",),
    needs=("persons", "postings", "appointments"),
    optional=("relations",),
    detect=detect,
    params=(
        Param("window_months", 24, "观察期（月）：领导干部离开原单位后多少个月内的提拔纳入检查"),
        Param("kinds", CASE_PROMOTION_KINDS, "视为提拔的任用方式（拟任职级高于原职级的也视为提拔）"),
        Param("use_postings", True, "任职经历记为提拔（或职级高于前一职务）而无对应选拔任用纪实的，也作为提拔检查亲属关系"),  # noqa: E501
    ),
    severity="medium",
    condition="领导干部（主要负责人或副职）离开原任职单位后 24 个月内，该单位提拔的人员中有其署名推荐的人员"
              "或其回避范围内的亲属（亲属的提拔含任职经历记为提拔而无纪实的）",
)
