"""PR01 随意简化程序, PR02 程序倒置, PR03 “凡提四必”落实不到位: one pass over the selection cases."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import fmt
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.basis import RULE_BOOK, SEED000
from guanxi.queries.rules.pr_case import (
    CHECKS,
    MONTH_NOTE,
    STEP_NAMES,
    STEPS,
    absent_columns,
    case_finding,
    case_text,
    dates_text,
    order,
    promoted,
)

DEFAULT_REQUIRED = ("民主推荐", "考察", "讨论决定", "公示")


def _present(a: Appointment, step: str) -> bool:
    if step == "公示":
        return a.publicity_start is not None or a.publicity_end is not None
    return getattr(a, STEP_NAMES[step]) is not None


def detect_missing(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """PR01: a promotion case without one of the required steps; one finding per case naming them.

    A step is judged only when its column was supplied; 竞争上岗 needs no 民主推荐
    (its 报名、测评 replace it). O(cases).
    """
    required = [s for s in params["required"] if s in STEP_NAMES]
    fields = [STEP_NAMES[s] for s in required]
    gone = absent_columns(store, [f for f in fields if f != "publicity_start"])
    if "公示" in required and absent_columns(store, ["publicity_start"]) \
            and absent_columns(store, ["publicity_end"]):
        gone.append("appointments.publicity_start")
    if gone:
        yield MISSING.not_checked(f"缺少 {'、'.join(gone)} 列，无法判断相应环节是否履行")
    judged = [s for s in required
              if f"appointments.{STEP_NAMES[s]}" not in gone]
    for a in store.records("appointments"):
        if not promoted(a, params["kinds"]):
            continue
        contest = "竞争上岗" in (a.kind or "")
        lacking = [s for s in judged if not _present(a, s) and not (contest and s == "民主推荐")]
        if not lacking:
            continue
        done = dates_text(a, STEPS)
        yield case_finding(
            MISSING, store, a,
            f"{case_text(store, a)}：纪实中缺少 {'、'.join(lacking)} 环节"
            f"（已记录的环节：{done or '无'}）",
            facts={"missing": lacking})


def detect_reversed(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """PR02: dated steps out of order, using only the dates present; each reversed pair is named.

    O(cases × steps²) with six steps.
    """
    for a in store.records("appointments"):
        dated = [(f, name, getattr(a, f)) for f, name in STEPS if getattr(a, f) is not None]
        wrong, open_ = [], []
        for i, (_, n1, d1) in enumerate(dated):
            for _, n2, d2 in dated[i + 1:]:
                got = order(d1, d2)
                if got == 1:
                    wrong.append(f"{n2}（{fmt(d2)}）早于 {n1}（{fmt(d1)}）")
                elif got is None:
                    open_.append(f"{n1} {fmt(d1)} 与 {n2} {fmt(d2)}")
        if wrong:
            yield case_finding(
                REVERSED, store, a,
                f"{case_text(store, a)}：程序倒置，{'；'.join(wrong)}"
                f"（应依次为 {' → '.join(n for _, n in STEPS)}）", facts={"reversed": wrong})
        elif open_:
            yield REVERSED.not_checked(f"{case_text(store, a)}：{'；'.join(open_)} 的先后{MONTH_NOTE}",
                                       [a.person_id])


def detect_checks(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """PR03: a promotion case whose four checks are not all dated on or before the decision.

    O(cases).
    """
    gone = absent_columns(store, [f for f, _ in CHECKS])
    if gone:
        yield CHECKS_RULE.not_checked(f"缺少 {'、'.join(gone)} 列，无法判断“凡提四必”是否落实")
    for a in store.records("appointments"):
        if not promoted(a, params["kinds"]):
            continue
        missing, late, open_ = [], [], []
        for f, name in CHECKS:
            if f"appointments.{f}" in gone:
                continue
            d = getattr(a, f)
            if d is None:
                missing.append(name)
            elif a.decided_on is not None:
                got = order(d, a.decided_on)
                if got == 1:
                    late.append(f"{name} {fmt(d)}")
                elif got is None:
                    open_.append(f"{name} {fmt(d)}")
        parts = []
        if missing:
            parts.append(f"缺少 {'、'.join(missing)}")
        if late:
            parts.append(f"{'、'.join(late)} 晚于讨论决定时间 {fmt(a.decided_on)}")
        if parts:
            yield case_finding(CHECKS_RULE, store, a, f"{case_text(store, a)}：{'；'.join(parts)}",
                               facts={"missing": missing, "late": late})
        elif open_:
            yield CHECKS_RULE.not_checked(
                f"{case_text(store, a)}：{'、'.join(open_)} 是否在讨论决定（{fmt(a.decided_on)}）之前"
                f"{MONTH_NOTE}", [a.person_id])


_KINDS = Param("kinds", ("提拔", "破格", "越级", "竞争上岗"),
               "视为提拔的任用方式（拟任职级高于原职级的也视为提拔）")

MISSING = Rule(
    code="PR01",
    title="随意简化程序",
    category="C",
    basis=(RULE_BOOK, f"{SEED000}一、整治重点 3（随意简化程序甚至不履行程序提任干部）"),
    needs=("appointments",),
    detect=detect_missing,
    params=(
        Param("required", DEFAULT_REQUIRED,
              "提拔必经环节（可选：动议、民主推荐、考察、讨论决定、公示、任职发文）；竞争上岗不要求民主推荐"),
        _KINDS,
    ),
    condition="提拔任用的纪实中缺少民主推荐、考察、讨论决定或公示环节（以纪实中是否有该环节的时间为准）",
)

REVERSED = Rule(
    code="PR02",
    title="程序倒置",
    category="C",
    basis=(RULE_BOOK, f"{SEED000}一、整治重点 3（程序倒置）"),
    needs=("appointments",),
    detect=detect_reversed,
    condition="纪实中已记录的环节时间先后颠倒（应依次为动议、民主推荐、考察、讨论决定、公示、任职发文；"
              "只比较有时间的环节，同一天不算倒置）",
)

CHECKS_RULE = Rule(
    code="PR03",
    title="“凡提四必”落实不到位",
    category="C",
    basis=("《关于防止干部“带病提拔”的意见》", f"{SEED000}一、整治重点 3（“凡提四必”）"),
    needs=("appointments",),
    detect=detect_checks,
    params=(_KINDS,),
    condition="提拔任用未做档案审核、个人有关事项核查、听取纪检监察机关意见、信访举报核查中的任一项，"
              "或其时间晚于讨论决定",
)
