"""Who leads whom: the role of a post, and the reporting line between two posts.

The role comes from ``postings.role`` (岗位类别) and, where that is empty, from
the rank and the title. Reporting lines follow 《公务员回避规定》第五条: a direct
superior/subordinate pair, or two posts directly under the same leader, in one
legal entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guanxi.graph.dates import certain_overlap, fmt
from guanxi.graph.store import GraphStore, Held

CHIEF = "主要负责人"
DEPUTY = "副职"
STAFF = "一般"
UNIT_HEAD = "内设机构负责人"
UNIT_DEPUTY = "内设机构副职"
UNIT_STAFF = "内设机构一般人员"

LEADERS = (CHIEF, DEPUTY)
_CHIEF_TITLES = ("书记", "局长", "院长", "主任", "站长", "所长", "校长", "社长", "董事长",
                 "总经理", "主席", "厅长", "处长", "部长", "行长", "馆长", "中心主任")
_HEAD_TITLES = ("科长", "主任", "处长", "部长", "护士长", "所长", "站长", "队长", "股长", "室主任",
                "负责人", "主任医师（科主任）", "组长")


def role_of(store: GraphStore, held: Held) -> str:
    """The role of one post: 主要负责人, 副职, 一般 at the entity; or the 内设机构 roles.

    Loops over many posts read :func:`roles` once instead.
    """
    got = roles(store).get(held.eid)
    return got if got is not None else _role(held)


def roles(store: GraphStore) -> dict[str, str]:
    """Edge id -> :func:`role_of` of every post, read in one pass and kept in ``store.memo``.

    Rules that ask the role of many posts fetch this dict once and index it.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Posting, Unit
    >>> store = build(Dataset(units=[Unit(id="U1", name="市财政局")], postings=[
    ...     Posting(person_id="P1", unit_id="U1", title="副局长", start_date=date(2020, 1, 1))]))
    >>> roles(store)
    {'posting/0': '副职'}
    """
    return store.memo("positions.roles", lambda: _roles(store))  # type: ignore[no-any-return]


def _roles(store: GraphStore) -> dict[str, str]:
    return {h.eid: _role(h) for entity in entities(store) for h in store.postings_in(entity)}


def leader_posts(store: GraphStore) -> dict[str, list[Held]]:
    """Person id -> his 主要负责人 and 副职 posts, in the order ``postings_of`` gives them.

    Rules that start from leaders (NP03, NP04, NP05, PR11) read this instead of
    asking the role of every post; it is kept in ``store.memo``.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Posting, Unit
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三"), Person(id="P2", name="李四")],
    ...     units=[Unit(id="U1", name="市财政局")], postings=[
    ...     Posting(person_id="P1", unit_id="U1", title="局长", start_date=date(2020, 1, 1)),
    ...     Posting(person_id="P2", unit_id="U1", title="科员", start_date=date(2020, 1, 1))]))
    >>> {p: [h.rec.title for h in hs] for p, hs in leader_posts(store).items()}
    {'P1': ['局长']}
    """
    return store.memo("positions.leader_posts", lambda: _leader_posts(store))  # type: ignore[no-any-return]


def _leader_posts(store: GraphStore) -> dict[str, list[Held]]:
    role = roles(store)
    leaders = dict.fromkeys(h.rec.person_id for entity in entities(store)
                            for h in store.postings_in(entity) if role[h.eid] in LEADERS)
    return {pid: [h for h in store.postings_of(pid) if role[h.eid] in LEADERS] for pid in leaders}


def entities(store: GraphStore) -> list[str]:
    """Every legal entity that has postings (its postings are read with ``postings_in``)."""
    ents = getattr(store, "entities", None)
    if callable(ents):
        return list(ents())
    return sorted({store.entity_of(p.unit_id) for p in store.records("postings")})


def _role(held: Held) -> str:
    rec = held.rec
    at_entity = rec.unit_id == held.entity
    role = (rec.role or "").strip()
    title = rec.title or ""
    if role == "主要负责人":
        return CHIEF if at_entity else UNIT_HEAD
    if role == "副职":
        return DEPUTY if at_entity else UNIT_DEPUTY
    if role == "内设机构负责人":
        return UNIT_HEAD
    if role == "一般":
        return STAFF if at_entity else UNIT_STAFF
    deputy = "副" in title or rec.rank in ("中层副职",)
    if at_entity:
        if deputy:
            return DEPUTY
        return CHIEF if title.endswith(_CHIEF_TITLES) else STAFF
    if deputy:
        return UNIT_DEPUTY
    if rec.rank == "中层正职" or title.endswith(_HEAD_TITLES):
        return UNIT_HEAD
    return UNIT_STAFF


def post_text(store: GraphStore, held: Held) -> str:
    """``市人民医院 财务科 科长`` for a post."""
    unit = store.unit(held.rec.unit_id)
    name = unit.name if unit else held.rec.unit_id
    if held.rec.unit_id != held.entity:
        ent = store.unit(held.entity)
        if ent is not None and ent.name not in name:
            name = f"{ent.name} {name}"
    return f"{name} {held.rec.title}"


@dataclass(frozen=True)
class Line:
    """A reporting line between two posts over a period."""

    superior: Held | None  # the superior post, None when both sit under one leader
    subordinate: Held | None
    start: date
    end: date | None
    text: str
    edges: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()


def _active(s: date | None, e: date | None, start: date, end: date | None) -> tuple[date, date | None] | None:
    return certain_overlap(s, e, start, end)


def reporting_line(store: GraphStore, a: Held, b: Held) -> Line | None:
    """How post ``a`` and post ``b`` stand to each other, if they do.

    Both must be in the same legal entity and overlap in time for certain
    (month-only dates never create a day-level overlap). Checked, in order:
    the same unit (head over the others; otherwise both under its head); a
    分管 leader over the head of the unit he supervises; a 主要负责人 over the
    head of a 内设机构 nobody supervises; two heads supervised by one leader.
    """
    if a.entity != b.entity:
        return None
    t = certain_overlap(a.rec.start_date, a.rec.end_date, b.rec.start_date, b.rec.end_date)
    if t is None:
        return None
    ra, rb = role_of(store, a), role_of(store, b)
    if a.rec.unit_id == b.rec.unit_id:
        return _same_unit(store, a, b, ra, rb, t)
    for x, y, rx, ry in ((a, b, ra, rb), (b, a, rb, ra)):
        line = _supervises(store, x, y, rx, ry, t)
        if line is not None:
            return line
    return _same_supervisor(store, a, b, ra, rb, t)


def _same_unit(store: GraphStore, a: Held, b: Held, ra: str, rb: str,
               t: tuple[date, date | None]) -> Line | None:
    head = CHIEF if a.rec.unit_id == a.entity else UNIT_HEAD
    for x, y, rx, ry in ((a, b, ra, rb), (b, a, rb, ra)):
        if rx == head and ry != head:
            return Line(x, y, t[0], t[1],
                        f"{_name(store, y)} 任 {post_text(store, y)}，{_name(store, x)} 任 "
                        f"{post_text(store, x)}，为其直接上级")
    if ra != head and rb != head:
        unit = store.unit(a.rec.unit_id)
        uname = unit.name if unit else a.rec.unit_id
        return Line(None, None, t[0], t[1],
                    f"{_name(store, a)} 任 {post_text(store, a)}，{_name(store, b)} 任 "
                    f"{post_text(store, b)}，二人直接隶属于 {uname} 同一{head}")
    return None


def _supervises(store: GraphStore, x: Held, y: Held, rx: str, ry: str,
                t: tuple[date, date | None]) -> Line | None:
    if ry != UNIT_HEAD or rx not in LEADERS:
        return None
    unit_id = y.rec.unit_id
    sups = store.supervisors_of(unit_id)
    for sid, sup in store.supervisions_of(x.rec.person_id):
        if sup.unit_id != unit_id:
            continue
        got = _active(sup.start_date, sup.end_date, t[0], t[1])
        if got is not None:
            return Line(x, y, got[0], got[1],
                        f"{_name(store, y)} 任 {post_text(store, y)}，{_name(store, x)}"
                        f"（{post_text(store, x)}）分管该机构（{fmt(sup.start_date)} 起），为其直接上级",
                        edges=(sid,))
    if rx == CHIEF and store.has("supervision"):
        covered = any(_active(s.start_date, s.end_date, t[0], t[1]) for _, s in sups)
        if not covered:
            return Line(x, y, t[0], t[1],
                        f"{_name(store, y)} 任 {post_text(store, y)}，该机构无分管领导，由主要负责人 "
                        f"{_name(store, x)}（{post_text(store, x)}）直接领导")
    return None


def _same_supervisor(store: GraphStore, a: Held, b: Held, ra: str, rb: str,
                     t: tuple[date, date | None]) -> Line | None:
    if ra != UNIT_HEAD or rb != UNIT_HEAD:
        return None
    pa, pb = a.rec.person_id, b.rec.person_id
    for sid_a, sa in store.supervisors_of(a.rec.unit_id):
        if sa.leader_id in (pa, pb):
            continue
        ta = _active(sa.start_date, sa.end_date, t[0], t[1])
        if ta is None:
            continue
        for sid_b, sb in store.supervisors_of(b.rec.unit_id):
            if sb.leader_id != sa.leader_id:
                continue
            tb = _active(sb.start_date, sb.end_date, ta[0], ta[1])
            if tb is not None:
                leader = store.person(sa.leader_id)
                lname = leader.name if leader else sa.leader_id
                return Line(None, None, tb[0], tb[1],
                            f"{_name(store, a)} 任 {post_text(store, a)}，{_name(store, b)} 任 "
                            f"{post_text(store, b)}，两机构均由 {lname} 分管，二人直接隶属于同一领导",
                            edges=(sid_a, sid_b), nodes=(f"person/{sa.leader_id}",))
    return None


def _name(store: GraphStore, held: Held) -> str:
    p = store.person(held.rec.person_id)
    return p.name if p else held.rec.person_id
