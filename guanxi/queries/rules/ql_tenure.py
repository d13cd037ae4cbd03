"""QL01 任职年限不足, QL02 工龄不足, QL06 违规破格提拔.

Promotions come from :mod:`guanxi.queries.moves`: ``appointments`` (任用方式
提拔/破格/越级 or ``rank_from`` → ``rank_to`` rising, dated ``decided_on``) merged
with postings (变动类型 提拔 or a rank above the previous post's, dated
``start_date``). Time at a rank is read from the postings history as the unbroken
run of posts at that rung or above, on the ranks ladder of
:mod:`guanxi.queries.ranks`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from guanxi.graph.dates import fmt
from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.moves import PROMOTION_SOURCES, Promotion, promotions, rank_since
from guanxi.queries.ranks import LEVELS, canonical, ladder
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.ql_common import below_college, promo_text, short_of, span

PO_GE = ("破格", "破格提拔")


@dataclass(frozen=True)
class Short:
    """A promotion made before the required time at the lower rank."""

    need_rank: str
    years: int
    since: date | None  # None: never held the rank


def required(rank_to: str | None, params: Params) -> tuple[str, int] | None:
    """(the rank to have held, years) that a promotion to ``rank_to`` requires."""
    r = canonical(rank_to)
    if r is None:
        return None
    if r == "中层正职":
        return "中层副职", int(params["middle_deputy_years"])
    if r in LEVELS and LEVELS.index(r) >= 2:
        i = LEVELS.index(r)
        if r.startswith("正"):
            return LEVELS[i - 1], int(params["deputy_to_chief_years"])
        return LEVELS[i - 1], int(params["chief_to_upper_deputy_years"])
    return None


def tenure_short(store: GraphStore, m: Promotion, params: Params) -> Short | Literal[False] | None:
    """A :class:`Short` when surely short, None when month precision cannot tell, False otherwise."""
    need = required(m.rank_to, params)
    if need is None or not store.postings_of(m.person):
        return False
    if not any(h.rec.start_date < m.day for h in store.postings_of(m.person)):
        return False  # no history before the promotion: nothing to measure
    since = rank_since(store, m.person, need[0], m.day)
    if since is None:
        got, want = ladder(m.rank_from), ladder(need[0])
        if got is not None and want is not None and got[0] == want[0] and got[1] >= want[1]:
            return False  # the case says he held the rank, the postings do not show since when
        return Short(need[0], need[1], None)
    short = short_of(since, m.day, 12 * need[1])
    if short is None:
        return None
    return Short(need[0], need[1], since) if short else False


def short_text(store: GraphStore, m: Promotion, s: Short) -> str:
    if s.since is None:
        held = f"此前未任{s.need_rank}"
    else:
        held = f"{fmt(s.since)} 起任{s.need_rank}，至提拔时仅 {span(s.since, m.day)}"
    return f"{promo_text(store, m)}；{held}，不满 {s.years} 年"


def _finding(rule: Rule, store: GraphStore, m: Promotion, text: str, facts: dict[str, Any]) -> Finding:
    edges = list(m.edges) + ([m.prev.eid] if m.prev and m.prev.eid not in m.edges else [])
    return rule.finding(persons=[m.person], units=[m.unit_id], start=m.day, end=None,
                        explanation=text, nodes=[pnode(m.person), unode(m.unit_id)], edges=edges,
                        key=(m.person, m.day.isoformat(), m.edges), facts=facts)


def detect_ql01(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """Promotions without approval made before the years at the lower rank (O(promotions × posts))."""
    for pid, moves in sorted(promotions(store).items()):
        for m in moves:
            if m.approval:
                continue  # an approved 破格: QL06 checks its limits
            s = tenure_short(store, m, params)
            if s is None:
                yield QL01.not_checked(f"无法按月精度判断：{promo_text(store, m)} 时任职年限是否已满",
                                       persons=[pid])
            elif s:
                yield _finding(QL01, store, m, short_text(store, m, s),
                               {"need": s.need_rank, "years": s.years,
                                "since": s.since.isoformat() if s.since else None})


def work_short(store: GraphStore, m: Promotion, params: Params) -> bool | None:
    """True when a 县处级 promotion comes before ``min_work_years`` of 工龄."""
    if canonical(m.rank_to) not in set(params["levels"]):
        return False
    p = store.person(m.person)
    if p is None or p.work_start_date is None:
        return False
    return short_of(p.work_start_date, m.day, 12 * int(params["min_work_years"]))


def detect_ql02(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """县处级 promotions before five years of 工龄 (基层经历 is not recorded in the contract)."""
    for pid, moves in sorted(promotions(store).items()):
        for m in moves:
            got = work_short(store, m, params)
            if got is None:
                yield QL02.not_checked(f"无法按月精度判断：{promo_text(store, m)} 时工龄是否已满",
                                       persons=[pid])
            elif got:
                p = store.person(pid)
                assert p is not None and p.work_start_date is not None  # as work_short found them
                ws = p.work_start_date
                yield _finding(QL02, store, m,
                               f"{promo_text(store, m)}；{fmt(ws)} 参加工作，工龄仅 {span(ws, m.day)}，"
                               f"不满 {params['min_work_years']} 年", {"work_start": fmt(ws)})


def detect_ql06(store: GraphStore, params: Params) -> Iterator[Finding]:
    """破格 promotions (declared, or short of tenure, 工龄 or 学历) made without approval, within a year
    of the last promotion or in its 试用期, or right after another tenure-short promotion."""
    ql01 = {"deputy_to_chief_years": params["deputy_to_chief_years"],
            "chief_to_upper_deputy_years": params["chief_to_upper_deputy_years"],
            "middle_deputy_years": params["middle_deputy_years"]}
    p01 = Params(ql01)
    p02 = Params({"levels": params["levels"], "min_work_years": params["min_work_years"]})
    for pid, moves in sorted(promotions(store).items()):
        last: Promotion | None = None
        last_short = False
        for m in moves:
            s = tenure_short(store, m, p01)
            edu = m.is_leadership() and below_college(getattr(store.person(pid), "education", None))
            why = [w for w, ok in ((f"任职年限不足（需任{s.need_rank} {s.years} 年）" if s else "", bool(s)),
                                   ("工龄不足", work_short(store, m, p02) is True),
                                   ("学历低于大学专科", edu)) if ok]
            declared = m.kind in PO_GE
            if why or declared:
                problems = []
                if why and not m.approval:
                    problems.append("未经上级组织（人事）部门请示批复")
                if last is not None and short_of(last.day, m.day, 12) is True:
                    probation = last.held.rec.probation_end if last.held else None
                    problems.append(f"距上次提拔（{fmt(last.day)}）不满一年"
                                    + (f"、任职试用期（至 {fmt(probation)}）未满" if probation else ""))
                if bool(s) and last_short and last is not None:
                    problems.append(f"上次提拔（{fmt(last.day)}）已在任职年限上破格，属连续破格")
                if problems:
                    kind = "、".join(why) if why else "申报为破格提拔"
                    yield _finding(QL06, store, m, f"{promo_text(store, m)}，属破格提拔（{kind}）；"
                                   + "；".join(problems), {"reasons": problems})
            last, last_short = m, bool(s)


_TENURE = (
    Param("deputy_to_chief_years", 2, "由副职提任正职，须在副职岗位工作的年数"),
    Param("chief_to_upper_deputy_years", 3, "由下级正职提任上级副职，须在下级正职岗位工作的年数"),
    Param("middle_deputy_years", 1, "担任中层正职，须在中层副职岗位工作的年数（本地规定）"),
)
_WORK = (
    Param("levels", ("副处", "正处"), "需要满足工龄要求的拟任职级（县处级）"),
    Param("min_work_years", 5, "提任县处级领导职务须具有的工龄（年）"),
)

QL01 = Rule(
    code="QL01", title="任职年限不足", category="B",
    basis=("《党政领导干部选拔任用工作条例》第八条",
           "《安吉县医疗保障局中层干部选拔任用工作制度》二（一）"),
    needs=("persons", "postings"), optional=("appointments",), needs_one_of=(PROMOTION_SOURCES,),
    detect=detect_ql01, params=_TENURE,
    condition="未经请示批复的提拔：由副职提任正职在副职岗位不满 2 年，由下级正职提任上级副职在下级正职岗位"
              "不满 3 年，担任中层正职在中层副职岗位不满 1 年",
)
QL02 = Rule(
    code="QL02", title="工龄、基层经历不足", category="B",
    basis=("《党政领导干部选拔任用工作条例》第八条",),
    needs=("persons", "postings"), optional=("appointments",), needs_one_of=(PROMOTION_SOURCES,),
    detect=detect_ql02, params=_WORK,
    condition="提任县处级领导职务时工龄不满 5 年（参加工作时间至提拔时间；基层经历无数据字段，不检查）",
)
QL06 = Rule(
    code="QL06", title="违规破格提拔", category="B",
    basis=("《党政领导干部选拔任用工作条例》第九条",),
    needs=("persons", "postings"), optional=("appointments",), needs_one_of=(PROMOTION_SOURCES,), detect=detect_ql06,
    params=_TENURE + _WORK,
    condition="破格提拔（任职年限、工龄或学历不符合条件，或任用方式为破格）而未经请示批复；或在任职试用期内、"
              "提拔不满一年又破格提拔；或在任职年限上连续破格",
)
