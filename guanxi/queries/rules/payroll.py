"""PY01–PY03: pay after leaving or without a post, pay not moved after a transfer, paid part-time jobs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from guanxi.graph.dates import certain_overlap, fmt, is_month_only
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.careers import (
    is_manager,
    left_service,
    month_index,
    month_text,
    person_name,
    spans,
)
from guanxi.queries.finding import Finding
from guanxi.queries.positions import CHIEF, DEPUTY, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule

SEED = "《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"


@dataclass(frozen=True)
class Paid:
    """One month a paying legal entity paid a person without a reason it may (rule, why, context)."""

    rule: str
    why: str
    month: int
    row: int
    amount: float | None


def _covers(h: Held, month: int, end_cap: date | None) -> bool:
    """True when the post may have been held on some day of the month (benefit of the doubt)."""
    if month_index(h.rec.start_date) > month:
        return False
    end = h.rec.end_date
    if end_cap is not None and (end is None or end_cap < end):
        end = end_cap
    if end is None:
        return True
    last = month_index(end)
    # a half-open end on the 1st leaves that month out, unless the day is unknown
    return last > month or (last == month and (is_month_only(end) or end.day > 1))


def _classify(store: GraphStore, pid: str, entity: str, rows: list[tuple[int, int, float | None]],
              grace: int, gone_statuses: list[str]) -> Iterator[Paid]:
    p = store.person(pid)
    gone = left_service(p)
    cap = gone[1] if gone is not None else None
    left_month = month_index(gone[1]) if gone is not None and gone[1] is not None else None
    posts = store.postings_of(pid)
    here = [h for h in posts if h.entity == entity]
    for month, i, amount in rows:
        if gone is not None and gone[0] in gone_statuses and left_month is not None \
                and month > left_month:
            yield Paid("PY01", gone[0], month, i, amount)
            continue
        if any(_covers(h, month, cap) for h in here):
            continue
        ended = [h for h in here if h.rec.end_date is not None and month_index(h.rec.end_date) <= month]
        ends = [month_index(h.rec.end_date) for h in ended if h.rec.end_date is not None]
        if gone is not None and gone[0] == "调出" and left_month is not None and left_month <= month:
            ends.append(left_month)
        if not ends:
            yield Paid("PY01", "无任职", month, i, amount)
            continue
        out = max(ends)
        if month - out <= grace:
            continue
        moved = (gone is not None and gone[0] == "调出") or any(
            h.entity != entity and month_index(h.rec.start_date) >= out - 1 for h in posts)
        yield Paid("PY02" if moved else "PY01", "调出" if moved else "无任职", month, i, amount)


def unexplained_pay(store: GraphStore, grace: int,
                    gone_statuses: list[str]) -> list[tuple[str, str, list[Paid]]]:
    """Every unexplained paid month, grouped: ``[(person, entity, [Paid…])]``; one pass over payroll."""
    def make() -> list[tuple[str, str, list[Paid]]]:
        by: dict[tuple[str, str], list[tuple[int, int, float | None]]] = defaultdict(list)
        for i, r in enumerate(store.dataset.payroll):
            by[(r.person_id, store.entity_of(r.unit_id))].append((month_index(r.month), i, r.amount))
        out = []
        for (pid, entity), rows in by.items():
            rows.sort()
            got = list(_classify(store, pid, entity, rows, grace, gone_statuses))
            if got:
                out.append((pid, entity, got))
        return out
    key = f"payroll/unexplained/{grace}/{'、'.join(gone_statuses)}"
    return store.memo(key, make)  # type: ignore[no-any-return]


def _detect(rule: Rule, store: GraphStore, params: Params) -> Iterator[Finding]:
    grace = int(params["grace_months"]) if "grace_months" in params else 2
    statuses = [str(s) for s in params["statuses"]] if "statuses" in params else ["退休", "离职", "死亡"]
    for pid, entity, paid in unexplained_pay(store, grace, statuses):
        mine = [x for x in paid if x.rule == rule.code]
        by_why: dict[str, list[Paid]] = defaultdict(list)
        for x in mine:
            by_why[x.why].append(x)
        for why, xs in by_why.items():
            yield _finding(rule, store, pid, entity, why, xs, grace)


def _finding(rule: Rule, store: GraphStore, pid: str, entity: str, why: str, part: list[Paid],
             grace: int) -> Finding:
    """One finding per person, paying entity and reason, naming every span of months."""
    p = store.person(pid)
    name = person_name(store, pid)
    ent = store.unit(entity)
    ename = ent.name if ent else entity
    runs = spans([x.month for x in part])
    lo, hi = runs[0][0], runs[-1][1]
    n = len({x.month for x in part})
    total = sum(x.amount for x in part if x.amount is not None)
    money = f"，合计 {total:,.2f} 元" if total else ""
    months = "、".join(month_text(a) if a == b else f"{month_text(a)} 至 {month_text(b)}"
                       for a, b in runs)
    paid = f"{ename} 仍发放 {months} 共 {n} 个月工资{money}"
    here = [h for h in store.postings_of(pid) if h.entity == entity]
    last = max(here, key=lambda h: h.rec.start_date) if here else None
    if why == "无任职":
        if last is not None and last.rec.end_date is not None:
            ctx = f"{name} 于 {fmt(last.rec.end_date)} 离开 {post_text(store, last)}，此后在该单位无任职记录"
        else:
            ctx = f"{name} 在 {months} 期间在 {ename} 无任职记录"
        text = f"{ctx}，{paid}"
    elif why == "调出":
        out = [h for h in store.postings_of(pid) if h.entity != entity]
        moved = max(out, key=lambda h: h.rec.start_date) if out else None
        when = fmt(last.rec.end_date) if last is not None and last.rec.end_date else \
            fmt(p.status_date if p else None)
        to = f"，调任 {post_text(store, moved)}（{fmt(moved.rec.start_date)}）" if moved else ""
        text = (f"{name} {when} 调离 {ename}{to}；原单位 {months} 仍发放工资 "
                f"{n} 个月{money}，超过调出后 {grace} 个月的工资关系转移期限")
    else:
        text = f"{name} 已于 {fmt(p.status_date if p else None)} {why}，{paid}"
    units = [entity] + ([last.rec.unit_id] if last is not None else [])
    return rule.finding(
        persons=[pid], units=units, start=date(lo // 12, lo % 12 + 1, 1),
        end=date(hi // 12, hi % 12 + 1, 1), explanation=text,
        nodes=[pnode(pid), unode(entity)], edges=[f"payroll/{x.row}" for x in part],
        key=(pid, entity, why), facts={"months": n, "spans": len(runs), "reason": why},
    )


def detect_py01(store: GraphStore, params: Params) -> Iterator[Finding]:
    """Spans of months paid after retirement, departure or death, or with no post in the paying entity."""
    return _detect(PY01, store, params)


def detect_py02(store: GraphStore, params: Params) -> Iterator[Finding]:
    """Spans of months the former entity still paid more than ``grace_months`` after a transfer out."""
    return _detect(PY02, store, params)


def _party_leader(store: GraphStore, pid: str, start: date | None, end: date | None,
                  kinds: list[str], estabs: list[str]) -> Held | None:
    """A leadership post in a 党政机关 (or held by 行政/参公 staff) overlapping the job, if any."""
    p = store.person(pid)
    civil = p is not None and (p.establishment or "") in estabs
    for h in store.postings_of(pid):
        if role_of(store, h) not in (CHIEF, DEPUTY) and not is_manager(store, h):
            continue
        ent = store.unit(h.entity)
        if not civil and (ent is None or (ent.kind or "") not in kinds):
            continue
        if certain_overlap(h.rec.start_date, h.rec.end_date, start, end) is not None:
            return h
    return None


def detect_py03(store: GraphStore, params: Params) -> Iterator[Finding]:
    """Part-time jobs that are paid, unapproved, or in an enterprise while a 党政领导干部. O(jobs)."""
    words = [str(w) for w in params["enterprise_words"]]
    kinds = [str(k) for k in params["party_unit_kinds"]]
    estabs = [str(e) for e in params["party_establishments"]]
    for i, job in enumerate(store.dataset.parttime_jobs):
        why: list[str] = []
        if job.paid:
            why.append("兼职取酬")
        if job.approved is False:
            why.append("未经审批")
        lead = None
        if any(w in job.organization for w in words):
            lead = _party_leader(store, job.person_id, job.start_date, job.end_date, kinds, estabs)
            if lead is not None:
                why.append(f"党政领导干部（{post_text(store, lead)}）在企业兼职")
        if not why:
            continue
        name = person_name(store, job.person_id)
        when = (f"{fmt(job.start_date, '（起始时间未填）')} 至 {fmt(job.end_date)}" if job.end_date
                else f"{fmt(job.start_date, '（起始时间未填）')} 起至今")
        text = f"{name} {when} 在 {job.organization} 兼职：{'；'.join(why)}"
        nodes = [pnode(job.person_id)] + ([unode(lead.entity)] if lead else [])
        yield PY03.finding(
            persons=[job.person_id], units=[lead.entity] if lead else [], start=job.start_date,
            end=job.end_date, explanation=text, nodes=nodes,
            edges=[f"parttime_jobs/{i}"] + ([lead.eid] if lead else []),
            key=(job.person_id, job.organization, fmt(job.start_date)), facts={"reasons": why},
        )


PY01 = Rule(
    code="PY01", title="吃空饷", category="D",
    basis=(SEED + "一、整治重点 1（人员“吃空饷”）",),
    needs=("persons", "postings", "payroll"), detect=detect_py01,
    params=(Param("statuses", ["退休", "离职", "死亡"], "此后仍发放工资即属吃空饷的人员状态"),
            Param("grace_months", 2, "离开发放单位（调出）后允许继续发放工资的月数，与 PY02 一致")),
    condition="按月工资发放记录：在退休、离职、死亡的次月及以后仍发放工资，或发放月份在发放单位（法人单位）"
              "没有任何任职（调出后的转移期及调出情形由 PY02 判断）；连续月份合并为一条",
)

PY02 = Rule(
    code="PY02", title="调动后工资关系应转未转", category="D",
    basis=(SEED + "附件3 第8项（干部调动后及时接转行政、工资关系）",),
    needs=("persons", "postings", "payroll"), detect=detect_py02, severity="medium",
    params=(Param("grace_months", 2, "调出当月之后允许原单位继续发放工资的月数"),),
    condition="调出（到其他法人单位任职或状态为调出）后，原单位在调出当月之后超过 2 个月仍发放工资；"
              "连续月份合并为一条",
)

PY03 = Rule(
    code="PY03", title="违规兼职取酬", category="D",
    basis=("《关于进一步规范党政领导干部在企业兼职（任职）问题的意见》", "《中华人民共和国公务员法》",
           SEED + "附件3 第9项（违规兼职取酬）"),
    needs=("persons", "parttime_jobs"), optional=("postings", "units"), detect=detect_py03,
    params=(Param("enterprise_words", ["公司", "企业", "集团", "厂", "银行", "商行", "合作社", "店"],
                  "兼职单位名称含其中任一词即视为企业"),
            Param("party_unit_kinds", ["机关", "参公"], "视为党政机关的机构类型"),
            Param("party_establishments", ["行政", "参公"], "视为党政干部的编制类型")),
    condition="兼职取酬；或兼职未经审批；或党政领导干部（在党政机关或以行政、参公编制担任领导职务或中层）"
              "任职期间在企业兼职",
)
