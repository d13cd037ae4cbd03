"""NP06 为亲属提拔任用说情打招呼（线索）: kin promoted where the leader leads, supervises or recommends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from guanxi.graph.dates import fmt
from guanxi.graph.records import Appointment
from guanxi.graph.store import GraphStore, KinLink, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.kin import kin_sentence, link_nodes, other
from guanxi.queries.positions import CHIEF, DEPUTY, UNIT_HEAD, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.selection import (CASE_PROMOTION_KINDS, case_text, decided, has_approval,
                                      holds_on, is_promotion_case, unit_text)


def _ties(store: GraphStore, leader: str, a: Appointment, d: date,
          roles: set[str]) -> tuple[list[str], list[str], list[str]]:
    """(sentences, edge ids, node ids) for each way ``leader`` stands over case ``a`` on day ``d``."""
    texts: list[str] = []
    edges: list[str] = []
    nodes: list[str] = []
    lname = getattr(store.person(leader), "name", leader)
    entity = store.entity_of(a.unit_id)
    for h in store.postings_of(leader):
        if not holds_on(h.rec.start_date, h.rec.end_date, d):
            continue
        role = role_of(store, h)
        if role in roles and ((role in (CHIEF, DEPUTY) and h.entity == entity)
                              or (role == UNIT_HEAD and h.rec.unit_id == a.unit_id)):
            texts.append(f"决定时 {lname} 任 {post_text(store, h)}（{role}，{fmt(h.rec.start_date)} 起）")
            edges.append(h.eid)
    for sid, sup in store.supervisions_of(leader):
        if sup.unit_id == a.unit_id and holds_on(sup.start_date, sup.end_date, d):
            texts.append(f"决定时 {lname} 分管 {unit_text(store, sup.unit_id)}"
                         f"（{fmt(sup.start_date)} 起）")
            edges.append(sid)
            nodes.append(unode(sup.unit_id))
    if leader in a.recommenders:
        when = f"（{fmt(a.recommended_on)}）" if a.recommended_on else ""
        texts.append(f"{lname} 是该人选的署名推荐人{when}")
    return texts, edges, nodes


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per promotion case and in-scope relative who led, supervised or recommended it.

    Each case looks up only the candidate's kin links and their posts and
    supervisions: O(cases × kin links × posts per person).
    """
    kinds = [str(k) for k in params["kinds"]]
    roles = {str(r) for r in params["roles"]}
    for a in store.records("appointments"):
        if has_approval(a) or not is_promotion_case(a, kinds):
            continue
        d = decided(a)
        if d is None:
            continue
        for link in store.kin_links(a.person_id):
            if not link.in_scope(params.scope):
                continue
            leader = other(link, a.person_id)
            if leader == a.person_id:
                continue
            texts, edges, nodes = _ties(store, leader, a, d, roles)
            if texts:
                yield _finding(store, a, d, link, leader, (texts, edges, nodes), params)


def _finding(store: GraphStore, a: Appointment, d: date, link: KinLink, leader: str,
             ties: tuple[list[str], list[str], list[str]], params: Params) -> Finding:
    texts, edges, nodes = ties
    cand = a.person_id
    explanation = (f"{kin_sentence(store, link, leader, params.scope)}；{case_text(store, a)}；"
                   + "；".join(texts) + "；该任用无请示批复（报告事项）记录")
    return RULE.finding(
        persons=[leader, cand], units=[store.entity_of(a.unit_id), a.unit_id], start=d, end=d,
        explanation=explanation,
        nodes=link_nodes(link) + [pnode(leader), pnode(cand), unode(a.unit_id)] + nodes,
        edges=list(link.edges) + [f"appointment/{a.id}"] + edges,
        key=(a.id, sorted([leader, cand])),
        facts={"appointment": a.id, "leader": leader, "candidate": cand,
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
        Param("roles", (CHIEF, DEPUTY, UNIT_HEAD),
              "领导关系：亲属在其担任这些岗位的单位（内设机构负责人仅限本机构）被提拔时提示"),
    ),
    severity="medium",
    condition="领导干部回避范围内的亲属在其主要负责或任副职的单位、其分管的内设机构、其担任负责人的内设机构"
              "被提拔，或其为该亲属的署名推荐人，且该任用没有请示批复（报告事项）记录",
)
