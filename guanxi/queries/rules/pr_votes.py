"""PR04–PR07: recommendation turnout, stale recommendations, decision-meeting quorum and body."""

from __future__ import annotations

import math
from collections.abc import Iterator

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.records import Meeting
from guanxi.graph.store import GraphStore, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.basis import RULE_BOOK, SEED000, SEED003
from guanxi.queries.rules.pr_case import MONTH_NOTE, case_finding, case_text

TWO_THIRDS = 2 / 3


def needed(expected: int, ratio: float) -> int:
    """The least attendance that reaches ``ratio`` of ``expected`` (float noise forgiven).

    >>> needed(30, 2 / 3), needed(31, 2 / 3), needed(9, 2 / 3), needed(10, 0.8)
    (20, 21, 6, 8)
    """
    return math.ceil(expected * ratio - 1e-9)


def ratio_text(ratio: float) -> str:
    """``三分之二`` for 2/3, else a percentage."""
    return "三分之二" if abs(ratio - TWO_THIRDS) < 1e-6 else f"{ratio:.0%}"


def detect_turnout(store: GraphStore, params: Params) -> Iterator[Finding]:
    """PR04: recommendation meetings attended by fewer than the ratio of those expected. O(cases)."""
    ratio = float(params["min_ratio"])
    for a in store.records("appointments"):
        exp, got = a.recommend_expected, a.recommend_attended
        if not exp or got is None or exp <= 0:
            continue
        need = needed(exp, ratio)
        if got < need:
            when = f"{fmt(a.recommended_on)} " if a.recommended_on else ""
            yield case_finding(
                TURNOUT, store, a,
                f"{case_text(store, a)}：{when}民主推荐应参加 {exp} 人，实参加 {got} 人"
                f"（{got / exp:.1%}），未达到应参加人数的{ratio_text(ratio)}（至少 {need} 人）",
                start=a.recommended_on, facts={"expected": exp, "attended": got, "needed": need})


def detect_stale(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """PR05: decided on or after the recommendation's anniversary (valid ``months``). O(cases)."""
    months = int(params["months"])
    for a in store.records("appointments"):
        rec, dec = a.recommended_on, a.decided_on
        if rec is None or dec is None:
            continue
        if earliest(dec) >= add_months(latest(rec), months):
            valid_to = add_months(rec, months)
            yield case_finding(
                STALE, store, a,
                f"{case_text(store, a)}：{fmt(rec)} 民主推荐，推荐结果有效期 {months} 个月"
                f"（至 {fmt(valid_to)} 前），{fmt(dec)} 才讨论决定，已超过有效期",
                facts={"recommended_on": str(rec), "decided_on": str(dec)})
        elif latest(dec) >= add_months(earliest(rec), months):
            yield STALE.not_checked(f"{case_text(store, a)}：{fmt(rec)} 民主推荐、{fmt(dec)} 讨论决定，"
                                    f"是否超过 {months} 个月{MONTH_NOTE}", [a.person_id])


def _meetings(store: GraphStore) -> dict[str, Meeting]:
    return {m.id: m for m in store.records("meetings")}


def detect_quorum(store: GraphStore, params: Params) -> Iterator[Finding]:
    """PR06: the deciding meeting had fewer attendees than the ratio of its members. O(cases)."""
    ratio = float(params["min_ratio"])
    meetings = _meetings(store)
    for a in store.records("appointments"):
        m = meetings.get(a.meeting_id or "")
        if m is None or not m.members_expected or not m.attendee_ids:
            continue
        got = len(set(m.attendee_ids))
        need = needed(m.members_expected, ratio)
        if got < need:
            body = m.body or "会议"
            yield case_finding(
                QUORUM, store, a,
                f"{case_text(store, a)}：{fmt(m.date)} {body}（会议 {m.id}）讨论决定，应到 "
                f"{m.members_expected} 人，实到 {got} 人，未达到{ratio_text(ratio)}（至少 {need} 人）",
                start=m.date, nodes=[f"meeting/{m.id}"] + ([unode(m.unit_id)] if m.unit_id else []),
                facts={"meeting": m.id, "expected": m.members_expected, "attended": got})


def detect_body(store: GraphStore, params: Params) -> Iterator[Finding]:
    """PR07: the deciding meeting is not a meeting of a party committee or group. O(cases)."""
    bodies = [str(b) for b in params["party_bodies"]]
    meetings = _meetings(store)
    for a in store.records("appointments"):
        m = meetings.get(a.meeting_id or "")
        if m is None or not (m.body or "").strip():
            continue
        body = m.body.strip()  # type: ignore[union-attr]
        if any(b in body for b in bodies):
            continue
        yield case_finding(
            BODY, store, a,
            f"{case_text(store, a)}：由 {fmt(m.date)} {body}（会议 {m.id}）讨论决定，"
            f"不是党委（党组、党总支、党支部）会议",
            start=m.date, nodes=[f"meeting/{m.id}"] + ([unode(m.unit_id)] if m.unit_id else []),
            facts={"meeting": m.id, "body": body})


TURNOUT = Rule(
    code="PR04",
    title="民主推荐参加人数不足",
    category="C",
    basis=(SEED003,),
    needs=("appointments", "appointments.recommend_expected", "appointments.recommend_attended"),
    detect=detect_turnout,
    params=(Param("min_ratio", TWO_THIRDS,
                  "民主推荐会实参加人数不得少于应参加人数的比例（默认三分之二，部分地方为 0.8）"),),
    condition="民主推荐实参加人数少于应参加人数的三分之二",
)

STALE = Rule(
    code="PR05",
    title="推荐结果过期使用",
    category="C",
    basis=(SEED003,),
    needs=("appointments", "appointments.recommended_on", "appointments.decided_on"),
    detect=detect_stale,
    params=(Param("months", 12, "推荐结果有效期（月）：讨论决定日不早于推荐日满该月数之日即为过期"),),
    condition="讨论决定距民主推荐已满一年（推荐结果一年内有效；数据中无法区分定向推荐，全部按非定向推荐检查）",
)

QUORUM = Rule(
    code="PR06",
    title="讨论决定到会人数不足",
    category="C",
    basis=(RULE_BOOK, SEED003),
    needs=("appointments", "appointments.meeting_id", "meetings"),
    detect=detect_quorum,
    params=(Param("min_ratio", TWO_THIRDS, "讨论决定干部任免事项的会议实到人数不得少于应到人数的比例"),),
    condition="讨论决定的会议实到人数（实到人员名单）少于应到人数的三分之二",
)

BODY = Rule(
    code="PR07",
    title="以办公会代替党委（党组）会讨论人事",
    category="C",
    basis=(RULE_BOOK, f"{SEED000}附件3 第7项"),
    needs=("appointments", "appointments.meeting_id", "meetings"),
    detect=detect_body,
    params=(Param("party_bodies", ("党委", "党组", "总支", "支部", "支委", "常委会"),
                  "会议名称含其中任一词即视为党组织会议；其他会议（院长办公会、党政联席会、班子会等）讨论人事即提示"),),
    condition="决定任用的会议不是党委（党组、党总支、党支部）会议，如院长办公会、局务会、党政联席会",
)
