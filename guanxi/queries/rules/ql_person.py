"""QL03 学历不符合条件, QL04 年龄不符合条件, QL07 编外人员担任领导或中层职务.

Promotions come from :mod:`guanxi.queries.moves` (``appointments`` dated
``decided_on`` merged with postings whose 变动类型 is 提拔 or whose rank rises);
a leadership promotion is one to 副科 or above or to a 中层 post.
"""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import earliest, fmt, latest
from guanxi.graph.idnumber import birth_from_id, valid_id_number
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.moves import PROMOTION_SOURCES, promotions
from guanxi.queries.positions import CHIEF, DEPUTY, UNIT_DEPUTY, UNIT_HEAD, post_text, role_of
from guanxi.queries.ranks import canonical, ladder
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.ql_common import age_range, below_college, promo_text

LEAD_ROLES = (CHIEF, DEPUTY, UNIT_HEAD, UNIT_DEPUTY)


def detect_ql03(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """Leadership promotions of people below 大学专科, or whose 学历 was obtained after the decision."""
    moves = promotions(store)
    for pid in sorted(moves):
        p = store.person(pid)
        if p is None:
            continue
        for m in moves[pid]:
            if not m.is_leadership():
                continue
            why = None
            if below_college(p.education):
                why = f"学历为{p.education}，低于大学专科"
            elif p.education_date is not None and p.education:
                if earliest(p.education_date) > latest(m.day):
                    why = f"所填学历（{p.education}）{fmt(p.education_date)} 才取得，晚于提拔时间"
                elif latest(p.education_date) > earliest(m.day) and \
                        earliest(p.education_date) <= latest(m.day) and p.education_date != m.day:
                    yield QL03.not_checked(f"无法按月精度判断：{p.name} 学历取得时间 {fmt(p.education_date)} "
                                           f"与提拔时间 {fmt(m.day)} 的先后", persons=[pid])
            if why:
                yield QL03.finding(
                    persons=[pid], units=[m.unit_id], start=m.day, end=None,
                    explanation=f"{promo_text(store, m)}；{why}",
                    nodes=[pnode(pid), unode(m.unit_id)], edges=list(m.edges),
                    key=(pid, m.day.isoformat(), m.edges), facts={"education": p.education})


def detect_ql04(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """Promotions to the configured ranks (default 中层副职) of people older than ``max_age``."""
    ranks = {canonical(str(r)) or str(r) for r in params["ranks"]}
    limit = int(params["max_age"])
    moves = promotions(store)
    for pid in sorted(moves):
        p = store.person(pid)
        if p is None:
            continue
        born, said = p.birth_date, ""
        if born is None and p.id_number and valid_id_number(p.id_number):
            born, said = birth_from_id(p.id_number), "（据身份证号）"  # a roster without 出生年月
        if born is None:
            continue
        for m in moves[pid]:
            if canonical(m.rank_to) not in ranks:
                continue
            lo, hi = age_range(born, m.day)
            if lo > limit:
                yield QL04.finding(
                    persons=[pid], units=[m.unit_id], start=m.day, end=None,
                    explanation=f"{promo_text(store, m)}；{fmt(born)} 出生{said}，提拔时已满 {lo} 周岁，"
                                f"超过 {limit} 周岁",
                    nodes=[pnode(pid), unode(m.unit_id)], edges=list(m.edges),
                    key=(pid, m.day.isoformat(), m.edges), facts={"age": lo, "max_age": limit})
            elif hi > limit:
                yield QL04.not_checked(f"无法按月精度判断：{p.name}（{fmt(born)} 出生）{fmt(m.day)} "
                                       f"提拔时是否已超过 {limit} 周岁", persons=[pid])


def leads(store: GraphStore, h: Held) -> bool:
    """A leadership or 中层 post: by rank, by the stated role, or by title (a 副主任医师 is a
    professional title, not a post, so titles ending in 师 count only with a stated role or rank)."""
    lad = ladder(h.rec.rank)
    if lad is not None and lad[1] >= 1:
        return True
    if h.rec.role and h.rec.role.strip():
        return role_of(store, h) in LEAD_ROLES
    if lad is not None:  # rank 一般 and no role stated
        return False
    return not (h.rec.title or "").endswith("师") and role_of(store, h) in LEAD_ROLES


def detect_ql07(store: GraphStore, params: Params) -> Iterator[Finding]:
    """People whose 编制类型 is 编外 / 劳务派遣 / 无 holding a leadership or 中层 post (one finding each)."""
    kinds = {str(k) for k in params["establishments"]}
    for p in sorted(store.records("persons"), key=lambda x: x.id):
        estab = (p.establishment or "").strip()
        if estab not in kinds:
            continue
        posts = [h for h in store.postings_of(p.id) if leads(store, h)]
        if not posts:
            continue
        posts.sort(key=lambda h: h.rec.start_date)
        h = posts[0]
        more = f"（另有 {len(posts) - 1} 段同类任职）" if len(posts) > 1 else ""
        end = f"至 {fmt(h.rec.end_date)}" if h.rec.end_date else "至今"
        yield QL07.finding(
            persons=[p.id], units=[h.rec.unit_id], start=h.rec.start_date, end=h.rec.end_date,
            explanation=f"{p.name} 编制类型为{estab}，{fmt(h.rec.start_date)} 起{end}任 {post_text(store, h)}"
                        f"（{role_of(store, h)}）{more}",
            nodes=[pnode(p.id), unode(h.rec.unit_id)], edges=[x.eid for x in posts],
            key=(p.id,), facts={"establishment": estab})


QL03 = Rule(
    code="QL03", title="学历不符合条件", category="B",
    basis=("《党政领导干部选拔任用工作条例》第八条", "《安吉县医疗保障局中层干部选拔任用工作制度》二（二）"),
    needs=("persons", "persons.education", "postings"), optional=("appointments",),
    needs_one_of=(PROMOTION_SOURCES,),
    detect=detect_ql03,
    condition="提拔担任领导职务或中层职务时学历低于大学专科，或所填学历的取得时间晚于提拔时间",
)
QL04 = Rule(
    code="QL04", title="年龄不符合条件", category="B",
    basis=("《安吉县医疗保障局中层干部选拔任用工作制度》二（三）",),
    needs=("persons", "postings"), optional=("appointments",),
    needs_one_of=(PROMOTION_SOURCES, ("persons.birth_date", "persons.id_number")),
    detect=detect_ql04,
    params=(Param("ranks", ("中层副职",), "受年龄限制的新任职级"),
            Param("max_age", 40, "新提任上述职级时的最高年龄（周岁，含本数）")),
    condition="新提任中层副职时已超过 40 周岁（本地规定，可配置）",
)
QL07 = Rule(
    code="QL07", title="提拔任用非在编人员 / 编外人员担任中层", category="B",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》附件3 第4项",),
    needs=("persons", "persons.establishment", "postings"), detect=detect_ql07,
    params=(Param("establishments", ("编外", "劳务派遣", "无"), "视为非在编的编制类型"),),
    condition="编制类型为编外、劳务派遣或无的人员担任领导职务、内设机构负责人或中层职务",
)
