"""DS01 影响期内提拔使用, DS02 带病提拔, DS03 不符合规定人员列为考察对象.

Promotions come from :mod:`guanxi.queries.moves` (``appointments`` with 任用方式
提拔/破格/越级 or a rising rank, dated ``decided_on``; and postings with 变动类型
提拔 or a rising rank, dated ``start_date``; one move when both describe it).
Influence periods come from the table in :mod:`guanxi.queries.influence`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.influence import CANDIDATE, PROMOTE, covering, kind_of, kinds_from_config, periods_by_person
from guanxi.queries.moves import PROMOTION_SOURCES, Promotion, promotions
from guanxi.queries.rule import Param, Params, Rule

CASE_KINDS = ("立案审查", "立案审查调查", "立案调查", "审查调查", "立案")
BAD_REVIEWS = ("基本称职", "基本合格", "不称职", "不合格")
SPOUSE = ("妻子", "丈夫", "配偶", "爱人", "夫人", "老婆", "老公")
CHILDREN = ("儿子", "女儿", "子女", "长子", "次子", "长女", "次女", "养子", "养女", "继子", "继女")


def _name(store: GraphStore, pid: str) -> str:
    return getattr(store.person(pid), "name", pid)


def _promo_text(store: GraphStore, m: Promotion) -> str:
    ranks = f"（{m.rank_from}→{m.rank_to}）" if m.rank_from and m.rank_to else ""
    return f"{fmt(m.day)} {_name(store, m.person)} 被提拔为 {m.post}{ranks}"


def _table(params: Params) -> dict:  # type: ignore[type-arg]
    return kinds_from_config(getattr(params, "influence", None))


def _unsure(rule: Rule, store: GraphStore, pid: str, what: str, day: date, refs: list[str]) -> NotChecked:
    return rule.not_checked(f"无法按月精度判断：{_name(store, pid)} {fmt(day)} {what}是否在"
                            f"{'、'.join(refs)}的影响期内", persons=[pid])


def detect_ds01(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per promotion decided inside an influence period that blocks 提拔.

    One pass over ``disciplines`` and one over the promotions index: O(records).
    """
    table = _table(params)
    periods = periods_by_person(store, table)
    moves = promotions(store)
    yield from _unknown_kinds(store, table)
    for pid in sorted(periods):
        for m in moves.get(pid, []):
            best, unsure = covering(periods[pid], m.day, PROMOTE)
            if best is None:
                if unsure:
                    yield _unsure(DS01, store, pid, "的提拔", m.day, [p.text() for p in unsure])
                continue
            yield DS01.finding(
                persons=[pid], units=[m.unit_id], start=m.day, end=best.last,
                explanation=f"{best.text()}；{_promo_text(store, m)}，在影响期内",
                nodes=[pnode(pid), unode(m.unit_id)], edges=[best.ref, *m.edges],
                key=(pid, m.day.isoformat(), m.edges),
                facts={"kind": best.kind, "months": best.months, "sanctioned": best.start.isoformat(),
                       "influence_until": best.last.isoformat() if best.last else None,
                       "promoted": m.day.isoformat()})


def _unknown_kinds(store: GraphStore, table: dict) -> Iterator[NotChecked]:  # type: ignore[type-arg]
    """One 未检查 line per 处分种类 the influence table does not know (立案 kinds are DS02's)."""
    unknown: dict[str, list[str]] = {}
    for rec in store.records("disciplines"):
        kind = (rec.kind or "").strip()
        if kind and kind not in CASE_KINDS and kind_of(kind, table) is None:
            unknown.setdefault(kind, []).append(rec.person_id)
    for kind, people in sorted(unknown.items()):
        yield DS01.not_checked(f"处分种类“{kind}”不在影响期表中，其 {len(people)} 条记录未用于判断"
                               "（本地规定可在配置文件 [influence] 中写明月数）", persons=sorted(set(people)))


def _inside(start: date, end: date | None, day: date) -> bool | None:
    """Is ``day`` in ``[start, end)``: True, False, or None when month precision cannot tell."""
    if latest(day) < earliest(start) or (end is not None and earliest(day) >= latest(end)):
        return False
    if latest(start) <= earliest(day) and (end is None or latest(day) < earliest(end)):
        return True
    return None


def _reasons(store: GraphStore, pid: str, m: Promotion, params: Params) -> tuple[list[str], list[str], bool]:
    """(reasons, evidence ids, undecided) why the promotion was made while ``带病``."""
    out: list[str] = []
    refs: list[str] = []
    unsure = False
    case_kinds = {str(k) for k in params["case_kinds"]}
    for i, d in store.memo("ds02:disc", lambda: _by_person(store, "disciplines")).get(pid, []):
        if d.kind.strip() in case_kinds:
            got = _inside(d.decided_on, d.closed_on, m.day)
            if got:
                closed = f"，{fmt(d.closed_on)} 才结案" if d.closed_on else "，至今未结案"
                out.append(f"{fmt(d.decided_on)} 被{d.kind.strip()}{closed}")
                refs.append(f"discipline/{i}")
            unsure |= got is None
        elif d.conduct_from is not None and earliest(d.decided_on) > latest(m.day):
            if latest(d.conduct_from) < earliest(m.day):
                out.append(f"{fmt(d.decided_on)} 受{d.kind.strip()}，所涉问题始于 {fmt(d.conduct_from)}，"
                           "早于提拔")
                refs.append(f"discipline/{i}")
            elif earliest(d.conduct_from) < latest(m.day):
                unsure = True
    if store.has("petitions"):
        flag = store.has("petitions.specific")
        for i, p in store.memo("ds02:pet", lambda: _by_person(store, "petitions")).get(pid, []):
            if flag and p.specific is not True:
                continue
            got = _inside(p.received_on, p.closed_on, m.day)
            if got:
                closed = f"，{fmt(p.closed_on)} 才办结" if p.closed_on else "，至今未办结"
                out.append(f"{fmt(p.received_on)} 收到反映其问题的具体信访举报{closed}")
                refs.append(f"petition/{i}")
            unsure |= got is None
    return out, refs, unsure


def _by_person(store: GraphStore, table: str) -> dict[str, list[tuple[int, object]]]:
    out: dict[str, list[tuple[int, object]]] = {}
    for i, r in enumerate(store.records(table)):
        out.setdefault(r.person_id, []).append((i, r))
    return out


def detect_ds02(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per promotion made while a case or a specific petition was open, or before a
    sanction for conduct that had already begun. O(promotions × records per person)."""
    moves = promotions(store)
    keyed = set(store.memo("ds02:disc", lambda: _by_person(store, "disciplines")))
    if store.has("petitions"):
        keyed |= set(store.memo("ds02:pet", lambda: _by_person(store, "petitions")))
    for pid in sorted(keyed):
        for m in moves.get(pid, []):
            reasons, refs, unsure = _reasons(store, pid, m, params)
            if not reasons:
                if unsure:
                    yield DS02.not_checked(f"无法按月精度判断：{_name(store, pid)} {fmt(m.day)} 的提拔"
                                           "与立案、信访或违纪行为时间的先后", persons=[pid])
                continue
            yield DS02.finding(
                persons=[pid], units=[m.unit_id], start=m.day, end=None,
                explanation=f"{_promo_text(store, m)}；而 " + "；".join(reasons),
                nodes=[pnode(pid), unode(m.unit_id)], edges=[*refs, *m.edges],
                key=(pid, m.day.isoformat(), m.edges), facts={"promoted": m.day.isoformat()})


def _naked(store: GraphStore, pid: str) -> tuple[str, list[str]] | None:
    """``(sentence, relation ids)`` when the spouse emigrated, or there is no spouse and all children did."""
    rows = store.memo("ds03:rel", lambda: _by_person(store, "relations")).get(pid, [])
    spouses = [(i, r) for i, r in rows if r.term in SPOUSE and r.end_date is None]
    kids = [(i, r) for i, r in rows if r.term in CHILDREN]
    gone = [(i, r) for i, r in spouses if r.emigrated]
    if gone:
        i, r = gone[0]
        return f"其{r.term} {r.relative_name or ''}已移居国（境）外（“裸官”）".replace(" 已", "已"), \
            [f"relation/{i}"]
    if not spouses and kids and all(r.emigrated for _, r in kids):
        return "无配偶，子女均已移居国（境）外（“裸官”）", [f"relation/{i}" for i, _ in kids]
    return None


def detect_ds03(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per selection case whose candidate should not have been inspected.

    The candidacy date is ``inspected_on`` (else ``decided_on``). One pass over
    ``appointments`` with per-person indexes of reviews, sanctions and relatives.
    """
    if not any(store.has(t) for t in ("reviews", "disciplines", "relations")):
        yield DS03.not_checked("缺少 reviews（年度考核）、disciplines（处分处理）和 relations（家庭成员）表")
        return
    bad = {str(r) for r in params["bad_results"]}
    reviews: dict[tuple[str, int], tuple[int, str]] = {}
    if store.has("reviews"):
        for i, r in enumerate(store.records("reviews")):
            reviews[(r.person_id, r.year)] = (i, r.result.strip())
    periods = periods_by_person(store, _table(params)) if store.has("disciplines") else {}
    naked = store.has("relations") and store.has("relations.emigrated")
    for a in store.records("appointments"):
        day = a.inspected_on or a.decided_on
        if day is None:
            continue
        reasons, refs = [], []
        got = reviews.get((a.person_id, day.year - 1))
        if got and got[1] in bad:
            reasons.append(f"上一年（{day.year - 1} 年）年度考核为{got[1]}")
            refs.append(f"review/{got[0]}")
        best, unsure = covering(periods.get(a.person_id, []), day, CANDIDATE)
        if best is not None:
            reasons.append(best.text())
            refs.append(best.ref)
        elif unsure:
            yield _unsure(DS03, store, a.person_id, "列为考察对象", day, [p.text() for p in unsure])
        n = _naked(store, a.person_id) if naked else None
        if n is not None:
            reasons.append(n[0])
            refs += n[1]
        if reasons:
            what = "考察" if a.inspected_on else "讨论决定"
            yield DS03.finding(
                persons=[a.person_id], units=[a.unit_id], start=day, end=None,
                explanation=(f"{fmt(day)} {_name(store, a.person_id)} 被列为 {a.title or '拟任职务'} 人选"
                             f"并{what}（纪实 {a.id}）；而 " + "；".join(reasons)),
                nodes=[pnode(a.person_id), unode(a.unit_id)], edges=[f"appointment/{a.id}", *refs],
                key=(a.person_id, a.id), facts={"appointment": a.id, "date": day.isoformat()})


_INFLUENCE_NOTE = "影响期按 [influence] 配置节的种类表计算（默认见 guanxi.queries.influence）"

DS01 = Rule(
    code="DS01", title="影响期内提拔使用", category="B",
    basis=("《中国共产党纪律处分条例》", "《中华人民共和国公职人员政务处分法》第八条",
           "《领导干部组织处理规定（试行）》", "《党政领导干部选拔任用工作条例》"),
    needs=("persons", "disciplines"), optional=("postings", "appointments"),
    needs_one_of=(PROMOTION_SOURCES,), detect=detect_ds01,
    condition="提拔日期在处分或组织处理的影响期内：党内警告 12 个月、严重警告 18 个月、撤销党内职务 24 个月、"
              "留党察看为察看期加 24 个月、政务警告 6 个月、记过 12 个月、记大过 18 个月、降级/撤职 24 个月、"
              "诫勉 6 个月、调整职务 12 个月、责令辞职/免职/降职 24 个月；影响期至周年前一日止，重叠时取较晚者；"
              + _INFLUENCE_NOTE,
)

DS02 = Rule(
    code="DS02", title="带病提拔", category="B",
    basis=("《关于防止干部“带病提拔”的意见》",),
    needs=("persons", "disciplines"), optional=("postings", "appointments", "petitions"),
    needs_one_of=(PROMOTION_SOURCES,),
    detect=detect_ds02,
    params=(Param("case_kinds", CASE_KINDS, "处分处理表中表示立案审查（尚未结案）的种类名称"),),
    condition="提拔时本人正被立案审查或有具体的信访举报尚未办结；或提拔后受处分，而违纪违法行为始于提拔之前",
)

DS03 = Rule(
    code="DS03", title="不符合规定人员列为考察对象", category="C",
    basis=("《党政领导干部选拔任用工作条例》", "《安吉县医疗保障局中层干部选拔任用工作制度》四（三）1（不得列为考察对象的情形）"),  # noqa: E501
    needs=("persons", "appointments"), optional=("reviews", "disciplines", "relations"),
    detect=detect_ds03,
    params=(Param("bad_results", BAD_REVIEWS, "上一年年度考核为这些等次的，不得列为考察对象"),),
    condition="考察对象上一年年度考核为基本称职（基本合格）以下等次，或在影响期内，或为配偶（无配偶时子女均）"
              "已移居国（境）外的“裸官”",
)
