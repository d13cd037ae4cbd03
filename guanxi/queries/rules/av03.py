"""AV03 讨论决定、考察中未执行回避: a kin of the candidate sat in the deciding meeting or the inspection team."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from guanxi.graph.dates import fmt
from guanxi.graph.records import Appointment, Meeting
from guanxi.graph.store import GraphStore, KinLink, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.kin import kin_sentence, link_nodes, other
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.selection import case_text, decided

MEETING, TEAM = "meeting", "team"


def detect(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per case and relative who decided or inspected it without a recorded recusal.

    For each case the candidate's kin links are looked up (a per-person index),
    so the cost is O(cases × kin links per person + team rows), never all pairs.
    """
    use_meetings = bool(params["check_meetings"]) and store.has("meetings")
    use_teams = bool(params["check_inspection"]) and store.has("inspection_teams")
    missing = [f"{t}（{zh}）表" for t, zh, want in
               (("meetings", "会议", params["check_meetings"]),
                ("inspection_teams", "考察组", params["check_inspection"]))
               if want and not store.has(t)]
    if missing:
        done = "考察" if use_teams else "讨论决定" if use_meetings else ""
        yield RULE.not_checked(f"缺少 {'、'.join(missing)}"
                               + (f"，仅检查了{done}环节" if done else ""))
    if not (use_meetings or use_teams):
        return
    meetings: dict[str, Meeting] = ({m.id: m for m in store.records("meetings")}
                                    if use_meetings else {})
    teams: dict[str, list[tuple[int, str]]] = defaultdict(list)
    if use_teams:
        for i, row in enumerate(store.records("inspection_teams")):
            teams[row.appointment_id].append((i, row.member_id))
    for a in store.records("appointments"):
        links = [k for k in store.kin_links(a.person_id) if k.in_scope(params.scope)]
        if not links:
            continue
        meeting = meetings.get(a.meeting_id or "")
        attendees = set(meeting.attendee_ids) if meeting is not None else set()
        members: dict[str, list[int]] = defaultdict(list)
        for i, member in teams.get(a.id, ()):
            members[member].append(i)
        recused = set(a.recused_ids)
        for link in links:
            kin = other(link, a.person_id)
            if kin == a.person_id or kin in recused:
                continue
            roles = ([MEETING] if kin in attendees else []) + ([TEAM] if kin in members else [])
            if roles:
                yield _finding(store, a, link, kin, roles, meeting, members.get(kin, []), params)


def _finding(store: GraphStore, a: Appointment, link: KinLink, kin: str, roles: list[str],
             meeting: Meeting | None, rows: list[int], params: Params) -> Finding:
    cand = a.person_id
    kname = getattr(store.person(kin), "name", kin)
    parts = [kin_sentence(store, link, cand, params.scope), case_text(store, a)]
    if MEETING in roles and meeting is not None:
        body = meeting.body or "会议"
        parts.append(f"{kname} 是 {fmt(meeting.date)} {body}（会议 {meeting.id}）的实到人员，"
                     "参加了对其亲属的讨论决定")
    if TEAM in roles:
        when = f"（考察时间 {fmt(a.inspected_on)}）" if a.inspected_on else ""
        parts.append(f"{kname} 是该人选考察组成员{when}")
    recused = "、".join(getattr(store.person(r), "name", r) for r in a.recused_ids) or "无"
    parts.append(f"回避人员记录中没有 {kname}（记录的回避人员：{recused}）")
    nodes = link_nodes(link) + [pnode(cand), pnode(kin), unode(a.unit_id)]
    edges = list(link.edges) + [f"appointment/{a.id}"]
    if MEETING in roles and meeting is not None:
        nodes.append(f"meeting/{meeting.id}")
        if meeting.unit_id:
            nodes.append(unode(meeting.unit_id))
    edges += [f"inspection_team/{i}" for i in rows]
    day = meeting.date if MEETING in roles and meeting is not None else decided(a)
    return RULE.finding(
        persons=[cand, kin], units=[store.entity_of(a.unit_id), a.unit_id], start=day, end=day,
        explanation="；".join(parts), nodes=nodes, edges=edges,
        key=(a.id, sorted([cand, kin])),
        facts={"appointment": a.id, "candidate": cand, "relative": kin, "roles": roles,
               "category": link.category(params.scope),
               "meeting": meeting.id if meeting is not None and MEETING in roles else None},
    )


RULE = Rule(
    code="AV03",
    title="讨论决定、考察中未执行回避",
    category="A",
    basis=("《党政领导干部选拔任用工作条例》（讨论决定、考察中的回避）",
           "《中华人民共和国公务员法》第七十六条",
           "《安吉县医疗保障局中层干部选拔任用工作制度》五、相关要求（二）"),
    needs=("persons", "appointments", "relations"),
    optional=("meetings", "inspection_teams"),
    detect=detect,
    params=(
        Param("check_meetings", True, "检查讨论决定环节：拟任人选的回避范围内亲属是否为决定会议的实到人员"),
        Param("check_inspection", True, "检查考察环节：拟任人选的回避范围内亲属是否为考察组成员"),
    ),
    condition="讨论决定干部任免的会议实到人员或考察组成员中，有拟任人选回避范围内的亲属，且该亲属未列入"
              "本次选拔任用的回避人员",
)
