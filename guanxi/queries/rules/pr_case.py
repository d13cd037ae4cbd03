"""Selection cases as the procedure rules (PR01–PR10) read them: steps, comparisons, wording."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from guanxi.graph.dates import earliest, fmt, is_month_only, latest
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.ranks import is_promotion, steps
from guanxi.queries.rule import Rule
from guanxi.queries.selection import decided

#: the procedure's dated steps in their required order (seed 002's 八个环节, 干部任用条例)
STEPS: tuple[tuple[str, str], ...] = (
    ("proposed_on", "动议"),
    ("recommended_on", "民主推荐"),
    ("inspected_on", "考察"),
    ("decided_on", "讨论决定"),
    ("publicity_start", "公示"),
    ("appointed_on", "任职发文"),
)
STEP_NAMES = {name: field for field, name in STEPS}

#: “凡提四必”: the four checks, each due on or before the decision
CHECKS: tuple[tuple[str, str], ...] = (
    ("archive_reviewed_on", "档案审核（凡提必审）"),
    ("matters_checked_on", "个人有关事项核查（凡提必核）"),
    ("discipline_opinion_on", "纪检监察机关意见（凡提必听）"),
    ("petitions_checked_on", "信访举报核查（凡提必查）"),
)

#: 任用方式 that make a case a promotion whatever its ranks say
PROMOTION_KINDS = ("提拔", "破格", "越级", "竞争上岗")

MONTH_NOTE = "日期仅精确到月，无法在月份精度下判断"


def promoted(a: Appointment, kinds: Iterable[str] = PROMOTION_KINDS) -> bool:
    """True when the case is a promotion: a promotion 任用方式, or ``rank_to`` above ``rank_from``.

    A case with neither a 任用方式 nor comparable ranks counts as a promotion: a
    选拔任用纪实 is kept for selections, and staying silent would hide a gap.

    Examples
    --------
    >>> promoted(Appointment(id="A", person_id="P", unit_id="U", kind="提拔"))
    True
    >>> promoted(Appointment(id="A", person_id="P", unit_id="U", kind="平级调整"))
    False
    >>> promoted(Appointment(id="A", person_id="P", unit_id="U", rank_from="副科", rank_to="正科"))
    True
    >>> promoted(Appointment(id="A", person_id="P", unit_id="U", rank_from="正科", rank_to="正科"))
    False
    >>> promoted(Appointment(id="A", person_id="P", unit_id="U"))
    True
    """
    kind = (a.kind or "").strip()
    if kind:
        return any(k in kind for k in kinds) or is_promotion(a.rank_from, a.rank_to)
    return is_promotion(a.rank_from, a.rank_to) or steps(a.rank_from, a.rank_to) is None


def order(x: date, y: date) -> int | None:
    """-1 when ``x`` is surely before ``y``, 1 surely after, 0 the same day; None when a
    month-only date leaves it open.

    Examples
    --------
    >>> from guanxi.graph.dates import MonthDate
    >>> order(date(2021, 3, 5), date(2021, 3, 9)), order(MonthDate(2021, 3), date(2021, 4, 1))
    (-1, -1)
    >>> order(MonthDate(2021, 3), date(2021, 3, 9)) is None, order(date(2021, 3, 9), date(2021, 3, 9))
    (True, 0)
    """
    if type(x) is date and type(y) is date:  # both day-precise: a plain comparison
        return -1 if x < y else int(x > y)
    if latest(x) < earliest(y):
        return -1
    if earliest(x) > latest(y):
        return 1
    if not is_month_only(x) and not is_month_only(y):
        return 0
    return None


def absent_columns(store: GraphStore, fields: Iterable[str]) -> list[str]:
    """``appointments.<field>`` columns the data did not supply."""
    return [f"appointments.{f}" for f in fields if not store.has(f"appointments.{f}")]


def case_text(store: GraphStore, a: Appointment) -> str:
    """``张三 拟任 市人民医院 内科主任（纪实 A1）``."""
    p = store.person(a.person_id)
    name = p.name if p else a.person_id
    u = store.unit(a.unit_id)
    where = u.name if u else a.unit_id
    if u is not None and u.kind == "内设机构":
        ent = store.unit(store.entity_of(a.unit_id))
        if ent is not None and ent.name not in where:
            where = f"{ent.name} {where}"
    title = f" {a.title}" if a.title else ""
    kind = f"，{a.kind}" if a.kind else ""
    return f"{name} 拟任 {where}{title}（纪实 {a.id}{kind}）"


def case_finding(rule: Rule, store: GraphStore, a: Appointment, explanation: str, *,
                 others: Iterable[str] = (), start: date | None = None,
                 nodes: Iterable[str] = (), edges: Iterable[str] = (),
                 facts: dict[str, Any] | None = None) -> Finding:
    """A finding about one selection case: the candidate (plus ``others``), the case as evidence."""
    extra = list(others)
    return rule.finding(
        persons=[a.person_id, *extra], units=[a.unit_id], start=start or decided(a), end=None,
        explanation=explanation,
        nodes=[pnode(a.person_id), unode(a.unit_id), *(pnode(o) for o in extra), *nodes],
        edges=[f"appointment/{a.id}", *edges], key=(a.id, sorted({a.person_id, *extra})),
        facts={"appointment": a.id, **(facts or {})},
    )


def dates_text(a: Appointment, fields: Iterable[tuple[str, str]]) -> str:
    """``动议 2021-03-01、民主推荐 2021-03-15`` for the dated ones among ``fields``."""
    return "、".join(f"{name} {fmt(getattr(a, f))}" for f, name in fields
                    if getattr(a, f) is not None)
