"""NP06 为亲属提拔任用说情打招呼（线索）: kin promoted where the leader leads, supervises or recommends."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import fmt
from guanxi.graph.store import GraphStore, KinLink, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.kin import kin_sentence, link_nodes, other
from guanxi.queries.positions import CHIEF, DEPUTY, UNIT_HEAD, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.selection import (
    CASE_PROMOTION_KINDS,
    Move,
    effective_ends,
    holds_on,
    move_text,
    promotion_moves,
    unit_text,
)


def _ties(store: GraphStore, leader: str, mv: Move,
          roles: set[str]) -> tuple[list[str], list[str], list[str]]:
    """(sentences, edge ids, node ids) for each way ``leader`` stands over promotion ``mv``."""
    texts: list[str] = []
    edges: list[str] = []
    nodes: list[str] = []
    lname = getattr(store.person(leader), "name", leader)
    d, unit = mv.day, mv.unit_id
    entity = store.entity_of(unit)
    full = sorted((h for h in store.postings_of(leader) if not h.rec.is_parttime),
                  key=lambda h: (h.rec.start_date, h.eid))
    ends = effective_ends(full)  # an open post ends where his next post elsewhere begins
    for h in store.postings_of(leader):
        if not holds_on(h.rec.start_date, ends.get(h.eid, (h.rec.end_date, None))[0], d):
            continue
        role = role_of(store, h)
        if role in roles and ((role in (CHIEF, DEPUTY) and h.entity == entity)
                              or (role == UNIT_HEAD and h.rec.unit_id == unit)):
            texts.append(f"决定时 {lname} 任 {post_text(store, h)}（{role}，{fmt(h.rec.start_date)} 起）")
            edges.append(h.eid)
    for sid, sup in store.supervisions_of(leader):
        if sup.unit_id == unit and holds_on(sup.start_date, sup.end_date, d):
            texts.append(f"决定时 {lname} 分管 {unit_text(store, sup.unit_id)}"
                         f"（{fmt(sup.start_date)} 起）")
            edges.append(sid)
            nodes.append(unode(sup.unit_id))
    if mv.case is not None and leader in mv.case.recommenders:
        when = f"（{fmt(mv.case.recommended_on)}）" if mv.case.recommended_on else ""
        texts.append(f"{lname} 是该人选的署名推荐人{when}")
    return texts, edges, nodes


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per unreported promotion and in-scope relative who led, supervised or recommended it.

    Promotions are the cases plus the postings no case covers; each looks up only
    the candidate's kin links and their posts and supervisions:
    O(promotions × kin links × posts per person).
    """
    roles = {str(r) for r in params["roles"]}
    index = promotion_moves(store, [str(k) for k in params["kinds"]], bool(params["use_postings"]))
    for moves in index.values():
        for mv in moves:
            if mv.approved:
                continue
            for link in store.kin_links(mv.person):
                if not link.in_scope(params.scope):
                    continue
                leader = other(link, mv.person)
                if leader == mv.person:
                    continue
                texts, edges, nodes = _ties(store, leader, mv, roles)
                if texts:
                    yield _finding(store, mv, link, leader, (texts, edges, nodes), params)


def _finding(store: GraphStore, mv: Move, link: KinLink, leader: str,
             ties: tuple[list[str], list[str], list[str]], params: Params) -> Finding:
    texts, edges, nodes = ties
    cand, d = mv.person, mv.day
    no_report = ("该任用无请示批复（报告事项）记录" if mv.case is not None
                 else "无选拔任用纪实，也就没有请示批复（报告事项）记录")
    explanation = (f"{kin_sentence(store, link, leader, params.scope)}；{move_text(store, mv)}；"
                   + "；".join(texts) + f"；{no_report}")
    case = mv.case.id if mv.case is not None else None
    return RULE.finding(
        persons=[leader, cand], units=[store.entity_of(mv.unit_id), mv.unit_id], start=d, end=d,
        explanation=explanation,
        nodes=link_nodes(link) + [pnode(leader), pnode(cand), unode(mv.unit_id)] + nodes,
        edges=list(link.edges) + [mv.edge] + edges,
        key=(case or mv.edge, sorted([leader, cand])),
        facts={"appointment": case, "evidence": mv.edge, "leader": leader, "candidate": cand,
               "category": link.category(params.scope), "ties": len(texts)},
    )


RULE = Rule(
    code="NP06",
    title="为亲属提拔任用说情打招呼（线索）",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（领导干部为亲属提拔任用说情打招呼）",
           "《党政领导干部选拔任用工作有关事项报告办法（试行）》"),
    needs=("persons", "postings", "relations", "appointments"),
    optional=("supervision",),
    detect=detect,
    params=(
        Param("kinds", CASE_PROMOTION_KINDS, "视为提拔的任用方式（拟任职级高于原职级的也视为提拔）"),
        Param("use_postings", True, "任职经历记为提拔（或职级高于前一职务）而无对应选拔任用纪实的，也作为提拔检查"),
        Param("roles", (CHIEF, DEPUTY, UNIT_HEAD),
              "领导关系：亲属在其担任这些岗位的单位（内设机构负责人仅限本机构）被提拔时提示"),
    ),
    severity="medium",
    condition="领导干部回避范围内的亲属在其主要负责或任副职的单位、其分管的内设机构、其担任负责人的内设机构"
              "被提拔，或其为该亲属的署名推荐人，且该任用没有请示批复（报告事项）记录；提拔以选拔任用纪实为准，"
              "任职经历记为提拔而无纪实的也检查",
)
