"""ST01 超职数配备, ST02 超机构规格提拔, ST03 未经审批招聘临时人员."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.positions import CHIEF, DEPUTY, LEADERS, UNIT_DEPUTY, UNIT_HEAD, post_text, roles
from guanxi.queries.ranks import LEVELS, canonical
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.basis import RULE_BOOK, SEED000

MIDDLE_ROLES = (UNIT_HEAD, UNIT_DEPUTY)


@dataclass(frozen=True)
class Span:
    """Days ``[start, end)`` on which a unit's holders of one kind of post exceeded the quota."""

    unit: str
    kind: str  # 领导 or 中层
    quota: int
    start: date
    end: date | None
    peak: int
    holders: tuple[Held, ...]


def _runs(posts: list[tuple[str, date, date | None]], quota: int) -> list[tuple[date, date | None, int]]:
    """Maximal runs of days with more than ``quota`` distinct holders: a sweep over start/end events.

    ``posts`` are (person, start, end) with half-open ``[start, end)``. O(n log n).

    >>> d = date
    >>> _runs([("a", d(2020, 1, 1), None), ("b", d(2020, 3, 1), d(2020, 6, 1)),
    ...        ("c", d(2020, 5, 1), None)], 2)
    [(datetime.date(2020, 5, 1), datetime.date(2020, 6, 1), 3)]
    """
    events: list[tuple[date, int, str]] = []
    for person, s, e in posts:
        events.append((s, 1, person))
        if e is not None:
            events.append((e, -1, person))
    events.sort(key=itemgetter(0, 1))  # ends before starts on the same day
    held: dict[str, int] = defaultdict(int)
    runs: list[tuple[date, date | None, int]] = []
    count, since, peak, i = 0, None, 0, 0
    while i < len(events):
        day = events[i][0]
        while i < len(events) and events[i][0] == day:
            _, step, person = events[i]
            before = held[person]
            held[person] += step
            count += (held[person] > 0) - (before > 0)
            i += 1
        if count > quota and since is None:
            since, peak = day, count
        elif count > quota:
            peak = max(peak, count)
        elif since is not None:
            runs.append((since, day, peak))
            since = None
    if since is not None:
        runs.append((since, None, peak))
    return runs


def _certain(h: Held) -> tuple[date, date | None]:
    e = h.rec.end_date
    return latest(h.rec.start_date), (earliest(e) if e is not None else None)


def _possible(h: Held) -> tuple[date, date | None]:
    e = h.rec.end_date
    return earliest(h.rec.start_date), (latest(e) if e is not None else None)


def _groups(store: GraphStore, params: Params) -> Iterator[tuple[str, str, int, list[Held]]]:
    """(unit, kind, quota, posts) for every quota the units table sets."""
    skip_part = not params["count_parttime"]
    post_roles = roles(store)
    by_unit: dict[str, list[Held]] = defaultdict(list)
    for pid in dict.fromkeys(r.person_id for r in store.records("postings")):
        for h in store.postings_of(pid):
            if not (skip_part and h.rec.is_parttime):
                by_unit[h.rec.unit_id].append(h)
    for u in store.records("units"):
        ent = store.entity_of(u.id)
        if u.leader_quota is not None:
            wanted = LEADERS if u.id == ent else MIDDLE_ROLES
            yield u.id, "领导", u.leader_quota, [h for h in by_unit.get(u.id, [])
                                                if post_roles[h.eid] in wanted]
        if u.mid_quota is not None and u.id == ent:
            yield u.id, "中层", u.mid_quota, [h for h in store.postings_in(ent)
                                              if h.rec.unit_id != ent
                                              and not (skip_part and h.rec.is_parttime)
                                              and post_roles[h.eid] in MIDDLE_ROLES]


def over_quota(store: GraphStore, params: Params) -> tuple[list[Span], list[tuple[str, str, date]]]:
    """Certain over-quota spans, and (unit, kind, day) where only month precision could make one.

    Near-linear: every posting of a unit with a quota enters one sweep. ST01 and PR10
    both ask; the result is kept in ``store.memo`` per ``count_parttime`` setting.
    """
    key = f"st.over_quota|{bool(params['count_parttime'])}"
    return store.memo(key, lambda: _over_quota(store, params))  # type: ignore[no-any-return]


def _over_quota(store: GraphStore, params: Params) -> tuple[list[Span], list[tuple[str, str, date]]]:
    spans: list[Span] = []
    undecided: list[tuple[str, str, date]] = []
    for unit, kind, quota, posts in _groups(store, params):
        sure = [(h.rec.person_id, *_certain(h)) for h in posts]
        sure = [p for p in sure if p[2] is None or p[1] < p[2]]
        runs = _runs(sure, quota)
        for s, e, peak in runs:
            holders = tuple(h for h in posts if _overlaps(_certain(h), s, e))
            spans.append(Span(unit, kind, quota, s, e, peak, holders))
        if not runs:
            maybe = _runs([(h.rec.person_id, *_possible(h)) for h in posts], quota)
            if maybe:
                undecided.append((unit, kind, maybe[0][0]))
    return spans, undecided


def _overlaps(iv: tuple[date, date | None], s: date, e: date | None) -> bool:
    return (iv[1] is None or iv[1] > s) and (e is None or iv[0] < e)


def detect_quota(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """ST01: one finding per unit, kind of post and span of days over quota."""
    spans, undecided = over_quota(store, params)
    for sp in spans:
        u = store.unit(sp.unit)
        uname = u.name if u else sp.unit
        until = f"至 {fmt(sp.end)}" if sp.end else "至今"
        names = "、".join(f"{store.name(h.rec.person_id)}（{post_text(store, h)}，{fmt(h.rec.start_date)} 起）"
                         for h in sp.holders)
        yield QUOTA.finding(
            persons=[h.rec.person_id for h in sp.holders], units=[sp.unit], start=sp.start, end=sp.end,
            explanation=f"{uname} 核定{sp.kind}职数 {sp.quota} 名；{fmt(sp.start)} 起{until}，"
                        f"实际在任{sp.kind} 最多 {sp.peak} 名，超出 {sp.peak - sp.quota} 名：{names}",
            nodes=[unode(sp.unit)] + [pnode(h.rec.person_id) for h in sp.holders],
            edges=[h.eid for h in sp.holders], key=(sp.unit, sp.kind, sp.start.isoformat(),
                                                      sorted({h.rec.person_id for h in sp.holders})),
            facts={"quota": sp.quota, "peak": sp.peak, "kind": sp.kind})
    for unit, kind, day in undecided:
        yield QUOTA.not_checked(f"{store.name(unit)} {kind}职数：{fmt(day)} 前后的任免时间仅精确到月，"
                                "无法判断是否超职数")


def allowed_rank(level: str | None, role: str) -> int | None:
    """Highest rung on the 职务层次 ladder a post may carry in a unit of ``level``.

    >>> allowed_rank("正科", "主要负责人"), allowed_rank("正科", "副职"), allowed_rank("内设机构", "副职")
    (2, 1, None)
    """
    lv = canonical(level)
    if lv not in LEVELS:
        return None
    top = LEVELS.index(lv)
    return max(0, top - 1) if role in (DEPUTY, UNIT_DEPUTY) else top


def detect_level(store: GraphStore, params: Params) -> Iterator[Finding]:
    """ST02: a leadership post whose rank is above what its unit's level allows. O(postings)."""
    post_roles = roles(store)
    for pid in dict.fromkeys(r.person_id for r in store.records("postings")):
        for h in store.postings_of(pid):
            rank = canonical(h.rec.rank)
            if rank not in LEVELS:
                continue
            u = store.unit(h.rec.unit_id)
            role = post_roles[h.eid]
            if u is None or role not in (CHIEF, DEPUTY, UNIT_HEAD, UNIT_DEPUTY):
                continue
            top = allowed_rank(u.level, role)
            if top is None or LEVELS.index(rank) <= top:
                continue
            yield LEVEL.finding(
                persons=[pid], units=[h.rec.unit_id], start=h.rec.start_date, end=h.rec.end_date,
                explanation=f"{store.name(pid)} {fmt(h.rec.start_date)} 任 {post_text(store, h)}（{role}），"
                            f"职级 {h.rec.rank}；{u.name} 机构规格为 {u.level}，该岗位最高为 {LEVELS[top]}",
                nodes=[pnode(pid), unode(h.rec.unit_id)], edges=[h.eid],
                key=(pid, h.rec.unit_id, str(h.rec.start_date)),
                facts={"rank": rank, "level": u.level, "allowed": LEVELS[top]})


def detect_hire(store: GraphStore, params: Params) -> Iterator[Finding]:
    """ST03: staff outside the establishment whose hire is recorded as not approved. O(persons)."""
    kinds = [str(k) for k in params["establishments"]]
    for p in store.records("persons"):
        if p.hire_approved is not False or not any(k == (p.establishment or "").strip() for k in kinds):
            continue
        posts = store.postings_of(p.id)
        units = [h.rec.unit_id for h in posts]
        where = f"，任 {post_text(store, posts[-1])}" if posts else ""
        hired = f"，录用时间 {fmt(p.hire_date)}" if p.hire_date else ""
        yield HIRE.finding(
            persons=[p.id], units=units, start=p.hire_date, end=None,
            explanation=f"{p.name} 编制类型为 {p.establishment}{hired}{where}；用工审批记录为“否”",
            nodes=[pnode(p.id)] + [unode(h.rec.unit_id) for h in posts],
            edges=[h.eid for h in posts], key=(p.id,))


_PARTTIME = Param("count_parttime", False, "兼任的职务是否占用职数（默认不计）")

QUOTA = Rule(
    code="ST01",
    title="超职数配备",
    category="B",
    basis=(RULE_BOOK, "《党政领导干部选拔任用工作有关事项报告办法（试行）》",
           f"{SEED000}一、整治重点 3（超职数配备干部）"),
    needs=("units", "postings"),
    needs_one_of=(("units.leader_quota", "units.mid_quota"),),  # no quota set: nothing to exceed
    detect=detect_quota,
    params=(_PARTTIME,),
    condition="某一时段内单位实际在任的领导（主要负责人、副职）人数超过领导职数，或内设机构负责人及副职"
              "人数超过中层职数；按任免时间逐日计算，连续超出的时段报告一次",
)

LEVEL = Rule(
    code="ST02",
    title="超机构规格提拔",
    category="B",
    basis=(RULE_BOOK, f"{SEED000}一、整治重点 3（超机构规格提拔干部）"),
    needs=("units", "units.level", "postings", "postings.rank"),
    optional=("persons",),
    detect=detect_level,
    condition="领导岗位的职级高于所在机构规格所允许的职级：主要负责人、内设机构负责人不高于机构规格，"
              "副职不高于机构规格低一级",
)

HIRE = Rule(
    code="ST03",
    title="未经审批招聘临时人员",
    category="B",
    basis=(f"{SEED000}附件3 第4项（未经核定擅自使用编外用工）",),
    needs=("persons", "persons.establishment", "persons.hire_approved"),
    detect=detect_hire,
    params=(Param("establishments", ("编外", "劳务派遣"), "视为临时（编外）用工的编制类型"),),
    condition="编制类型为编外或劳务派遣的人员，用工审批记录为“否”",
)
