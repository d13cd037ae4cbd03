"""PR08 任前公示不规范: fewer than 5 working days, or not between the decision and the 发文."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.basis import SEED003
from guanxi.queries.rules.pr_case import MONTH_NOTE, case_finding, case_text, order, promoted
from guanxi.queries.workdays import UncoveredYear, WorkCalendar


def _length(a: Appointment, cal: WorkCalendar, need: int) -> tuple[str | None, str | None]:
    """(problem, undecided) about the 公示's length in working days."""
    start = a.publicity_start
    end, by_issue = a.publicity_end, False
    if end is None and a.appointed_on is not None:
        end, by_issue = a.appointed_on, True
    if start is None or end is None:
        return None, None
    try:
        most = cal.count(earliest(start), latest(end))
        least = cal.count(latest(start), earliest(end))
    except UncoveredYear as exc:
        return None, exc.reason()
    if least >= need:
        return None, None
    span = (f"公示 {fmt(start)} 开始，{fmt(end)} 即任职发文（未记录公示结束）" if by_issue
            else f"公示 {fmt(start)} 至 {fmt(end)}")
    if most >= need:
        return None, f"{span} 是否满 {need} 个工作日{MONTH_NOTE}"
    due = ""
    try:
        due = f"，自 {fmt(start)} 起满 {need} 个工作日应至 {cal.nth(earliest(start), need)}"
    except UncoveredYear:
        pass
    return f"{span}，仅 {most} 个工作日（节假日不计、调休上班日计入），少于 {need} 个工作日{due}", None


def _placement(a: Appointment) -> tuple[list[str], list[str]]:
    """(problems, undecided) about the 公示 sitting between the decision and the 发文."""
    bad: list[str] = []
    open_: list[str] = []
    if a.publicity_start is not None and a.decided_on is not None:
        got = order(a.publicity_start, a.decided_on)
        if got == -1:
            bad.append(f"公示开始 {fmt(a.publicity_start)} 早于讨论决定 {fmt(a.decided_on)}")
        elif got is None:
            open_.append(f"公示开始 {fmt(a.publicity_start)} 与讨论决定 {fmt(a.decided_on)} 的先后")
    if a.publicity_end is not None and a.appointed_on is not None:
        got = order(a.appointed_on, a.publicity_end)
        if got == -1:
            bad.append(f"任职发文 {fmt(a.appointed_on)} 早于公示结束 {fmt(a.publicity_end)}")
        elif got is None:
            open_.append(f"任职发文 {fmt(a.appointed_on)} 与公示结束 {fmt(a.publicity_end)} 的先后")
    return bad, open_


def detect(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per promotion case whose 公示 is short or misplaced; undecidable cases are listed.

    Working days follow the statutory calendar (``params.calendar``); a year it
    does not know makes the length check ``not_checked``. O(cases × 公示 days).
    """
    need = int(params["min_workdays"])
    for a in store.records("appointments"):
        if not promoted(a, params["kinds"]) or a.publicity_start is None:
            continue
        short, undecided = _length(a, params.calendar, need)
        bad, open_ = _placement(a)
        problems = ([short] if short else []) + bad
        if problems:
            yield case_finding(RULE, store, a, f"{case_text(store, a)}：{'；'.join(problems)}",
                               start=a.publicity_start, facts={"problems": problems})
            continue
        pending = ([undecided] if undecided else []) + [f"{o}{MONTH_NOTE}" for o in open_]
        if pending:
            yield RULE.not_checked(f"{case_text(store, a)}：{'；'.join(pending)}", [a.person_id])


RULE = Rule(
    code="PR08",
    title="任前公示不规范",
    category="C",
    basis=("《党政领导干部选拔任用工作条例》", SEED003),
    needs=("appointments", "appointments.publicity_start"),
    detect=detect,
    params=(
        Param("min_workdays", 5, "公示期最少工作日数（按国家法定节假日安排计算，调休上班日计入）"),
        Param("kinds", ("提拔", "破格", "越级", "竞争上岗"),
              "视为提拔的任用方式（拟任职级高于原职级的也视为提拔）"),
    ),
    condition="提拔任用的任前公示不足 5 个工作日（法定节假日不计、调休上班日计入，起止日均计入；"
              "未记录公示结束时算至任职发文日），或公示开始早于讨论决定、任职发文早于公示结束",
)
