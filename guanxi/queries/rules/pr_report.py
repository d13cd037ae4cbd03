"""PR09 公示期间举报未查清即任职, PR10 应报告未报告 (破格/越级, leader's kin, over quota)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from guanxi.graph.dates import certain_overlap, earliest, fmt, latest
from guanxi.graph.records import Appointment, Petition
from guanxi.graph.store import GraphStore, Held
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.kin import kin_sentence, other
from guanxi.queries.positions import LEADERS, UNIT_HEAD, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules import st
from guanxi.queries.rules.basis import SEED003
from guanxi.queries.rules.pr_case import MONTH_NOTE, case_finding, case_text, order, promoted

SEED002 = "武威市《市直部门（单位）科级干部任免操作规程（试行）》"
REPORTING = "《党政领导干部选拔任用工作有关事项报告办法（试行）》"


def _in_window(d: date, start: date, end: date) -> int | None:
    """1 when ``d`` is surely in ``[start, end]``, 0 surely outside, None at month precision."""
    a, b = order(d, start), order(d, end)
    if a is None or b is None:
        return None
    return int(a >= 0 and b <= 0)


def detect_petitions(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """PR09: a petition about the candidate received during 公示 and not closed by the 发文.

    Petitions are indexed by person once: O(cases + petitions).
    """
    by_person: dict[str, list[tuple[int, Petition]]] = defaultdict(list)
    for i, pet in enumerate(store.records("petitions")):
        by_person[pet.person_id].append((i, pet))
    for a in store.records("appointments"):
        s, issued = a.publicity_start, a.appointed_on
        if s is None or issued is None or a.person_id not in by_person:
            continue
        e = a.publicity_end or issued
        open_, undecided, rows = [], [], []
        for i, pet in by_person[a.person_id]:
            if pet.specific is False:  # only a specific lead must be cleared before appointing
                continue
            inside = _in_window(pet.received_on, s, e)
            if inside == 0:
                continue
            closed = None if pet.closed_on is None else order(pet.closed_on, issued)
            text = f"{fmt(pet.received_on)} 收到的举报" + (
                f"至 {fmt(pet.closed_on)} 才办结" if pet.closed_on else "未办结")
            if inside is None or (pet.closed_on is not None and closed is None):
                undecided.append(text)
            elif pet.closed_on is None or closed == 1:
                open_.append(text)
                rows.append(f"petition/{i}")
        if open_:
            yield case_finding(
                PETITIONS, store, a,
                f"{case_text(store, a)}：公示期 {fmt(s)} 至 {fmt(e)}，{'；'.join(open_)}，"
                f"{fmt(issued)} 即任职发文", start=issued, edges=rows)
        elif undecided:
            yield PETITIONS.not_checked(f"{case_text(store, a)}：{'；'.join(undecided)}，与公示期、"
                                        f"任职发文的先后{MONTH_NOTE}", [a.person_id])


def _held_on(h: Held, day: date) -> bool:
    return certain_overlap(h.rec.start_date, h.rec.end_date, day, day + timedelta(days=1)) is not None


def _leads(store: GraphStore, h: Held, entity: str, unit: str) -> bool:
    """A leader of the legal entity, or the head of the very 内设机构 the case is in."""
    role = role_of(store, h)
    return (h.entity == entity and role in LEADERS) or (h.rec.unit_id == unit and role == UNIT_HEAD)


def _kin_leaders(store: GraphStore, a: Appointment, day: date,
                 params: Params) -> list[tuple[str, str, list[str]]]:
    """(leader, sentence, edges) for in-scope kin leading the case's legal entity on ``day``."""
    ent = store.entity_of(a.unit_id)
    out = []
    for link in store.kin_links(a.person_id):
        if not link.in_scope(params.scope):
            continue
        leader = other(link, a.person_id)
        posts = [h for h in store.postings_of(leader)
                 if _leads(store, h, ent, a.unit_id) and _held_on(h, day)]
        if posts:
            sentence = (f"{kin_sentence(store, link, leader, params.scope)}，{fmt(day)} 时 "
                        f"{store.name(leader)} 任 {post_text(store, posts[0])}")
            out.append((leader, sentence, [*link.edges, posts[0].eid]))
    return out


def detect_unreported(store: GraphStore, params: Params) -> Iterator[Finding]:
    """PR10: a case that needed reporting (破格/越级, a leader's kin, over quota) with no 请示批复.

    Kin links per candidate and the over-quota spans (computed once) keep it near-linear.
    """
    quota: dict[tuple[str, str], list[st.Span]] = defaultdict(list)
    if store.has("units") and store.has("postings"):
        spans, _ = st.over_quota(store, params)
        for sp in spans:
            for h in sp.holders:
                quota[(h.rec.person_id, sp.unit)].append(sp)
    flagged = [str(k) for k in params["report_kinds"]]
    for a in store.records("appointments"):
        if (a.approval_ref or "").strip():
            continue
        day = a.decided_on or a.appointed_on
        reasons, others, edges = [], [], []
        kind = (a.kind or "").strip()
        if any(k in kind for k in flagged):
            reasons.append(f"任用方式为 {kind}")
        if day is not None and promoted(a, params["kinds"]):
            for leader, sentence, e in _kin_leaders(store, a, day, params):
                reasons.append(f"提拔本单位领导的亲属：{sentence}")
                others.append(leader)
                edges += e
        if day is not None:
            ent = store.entity_of(a.unit_id)
            for sp in quota.get((a.person_id, a.unit_id), []) + quota.get((a.person_id, ent), []):
                if latest(sp.start) <= latest(day) and (sp.end is None or earliest(day) < sp.end):
                    reasons.append(f"{store.name(sp.unit)} 核定{sp.kind}职数 {sp.quota} 名，"
                                   f"{fmt(sp.start)} 起在任 {sp.peak} 名，该任用超职数")
                    break
        if reasons:
            yield case_finding(
                UNREPORTED, store, a,
                f"{case_text(store, a)}：{'；'.join(reasons)}；纪实中无请示批复（approval_ref）",
                others=others, edges=edges, facts={"reasons": reasons})


PETITIONS = Rule(
    code="PR09",
    title="公示期间举报未查清即任职",
    category="C",
    basis=(SEED003, SEED002),
    needs=("appointments", "appointments.publicity_start", "appointments.appointed_on", "petitions"),
    detect=detect_petitions,
    condition="对拟任人选的信访举报在公示期间（公示开始至公示结束，未记录结束时至任职发文）收到，"
              "任职发文时尚未办结（标明线索不具体的举报除外）",
)

UNREPORTED = Rule(
    code="PR10",
    title="应报告未报告",
    category="C",
    basis=(REPORTING, "《党政领导干部选拔任用工作条例》",
           "《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 3（应报告未报告）"),
    needs=("appointments",),
    optional=("units", "postings", "relations"),
    detect=detect_unreported,
    params=(
        Param("report_kinds", ("破格", "越级"), "须事先报告的任用方式"),
        Param("kinds", ("提拔", "破格", "越级", "竞争上岗"),
              "视为提拔的任用方式（拟任职级高于原职级的也视为提拔），用于领导亲属在本单位提拔"),
        Param("count_parttime", False, "计算是否超职数时，兼任的职务是否占用职数（默认不计）"),
    ),
    condition="破格或越级提拔、在本单位提拔领导（主要负责人、副职，或所在内设机构负责人）回避范围内的亲属、"
              "超职数任用，纪实中没有上级请示批复",
)
