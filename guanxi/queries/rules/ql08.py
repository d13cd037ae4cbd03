"""QL08 试用期内提拔调整: promoted again inside a 任职试用期 or a new hire's probation.

Promotions come from :mod:`guanxi.queries.moves` (``appointments`` dated
``decided_on`` merged with postings whose 变动类型 is 提拔 or whose rank rises).
The 任职试用期 of a promotion ends on the new post's ``probation_end`` when
recorded, else (``assume_probation``) ``probation_months`` after a promotion to a
领导职务 of 副科 or above (statutory; a 中层 post's 试用期 is local and only counted
when recorded); a new hire's probation runs ``persons.probation_months`` from
``hire_date`` (else from his first posting marked 新录用).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.moves import PROMOTION_SOURCES, Promotion, promotions
from guanxi.queries.ranks import ladder
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.ql_common import name, promo_text


def _trial_end(m: Promotion, params: Params) -> tuple[date, str] | None:
    """(first day after the 任职试用期, wording) of a promotion, or None when it has none."""
    if m.held is not None and m.held.rec.probation_end is not None:
        return m.held.rec.probation_end + timedelta(days=1), "记录的试用期满"
    lad = ladder(m.rank_to)
    if params["assume_probation"] and lad is not None and lad[0] == "levels" and lad[1] >= 1:
        return add_months(m.day, int(params["probation_months"])), "任职试用期一年"
    return None


def _hire(store: GraphStore, pid: str) -> tuple[date, int] | None:
    p = store.person(pid)
    if p is None or not p.probation_months:
        return None
    start = p.hire_date
    if start is None:
        hires = [h.rec.start_date for h in store.postings_of(pid) if (h.rec.change or "") == "新录用"]
        start = min(hires) if hires else None
    return (start, p.probation_months) if start else None


def _check(until: date, day: date) -> bool | None:
    """Is ``day`` before ``until`` (exclusive): True / False / None at month precision."""
    if latest(day) < earliest(until):
        return True
    if earliest(day) >= latest(until):
        return False
    return None


def detect(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per promotion made inside the previous promotion's 试用期 or a hire's probation."""
    for pid, moves in sorted(promotions(store).items()):
        hire = _hire(store, pid)
        prev: Promotion | None = None
        for m in moves:
            why = None
            undecided = False
            t = _trial_end(prev, params) if prev is not None else None
            if prev is not None and t is not None:
                got = _check(t[0], m.day)
                if got:
                    why = (f"{fmt(prev.day)} 提拔任 {prev.post}，{t[1]}（至 {fmt(t[0] - timedelta(days=1))}）"
                           "未满即再次提拔")
                undecided |= got is None
            if why is None and hire is not None:
                end = add_months(hire[0], hire[1])
                got = _check(end, m.day)
                if got:
                    why = (f"{fmt(hire[0])} 新录用，试用期 {hire[1]} 个月（至 {fmt(end - timedelta(days=1))}）"
                           "未满即被提拔")
                undecided |= got is None
            if why:
                yield RULE.finding(
                    persons=[pid], units=[m.unit_id], start=m.day, end=None,
                    explanation=f"{promo_text(store, m)}；{why}",
                    nodes=[pnode(pid), unode(m.unit_id)],
                    edges=list(m.edges) + (list(prev.edges) if prev else []),
                    key=(pid, m.day.isoformat(), m.edges))
            elif undecided:
                yield RULE.not_checked(f"无法按月精度判断：{name(store, pid)} {fmt(m.day)} 的提拔是否在试用期内",
                                       persons=[pid])
            prev = m


RULE = Rule(
    code="QL08", title="试用期内提拔调整", category="B",
    basis=("《党政领导干部任职试用期暂行规定》", "《事业单位人事管理条例》",
           "《党政领导干部选拔任用工作条例》第九条"),
    needs=("persons", "postings"), optional=("appointments",), needs_one_of=(PROMOTION_SOURCES,),
    detect=detect,
    params=(Param("assume_probation", True, "未记录试用期满时间的，提拔担任副科级以上领导职务视为有任职试用期（中层职务不推定）"),  # noqa: E501
            Param("probation_months", 12, "任职试用期长度（月）")),
    condition="提拔后任职试用期（记录的试用期满时间；未记录的，副科级以上领导职务按一年计）未满又被提拔，或新录用人员试用期内被提拔",
)
