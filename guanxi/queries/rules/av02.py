"""AV02 领导亲属在本单位从事组织人事、纪检监察、审计、财务工作."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from guanxi.graph.dates import certain_overlap, fmt
from guanxi.graph.store import GraphStore, Held, KinLink, node_key, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.kin import in_scope_links, kin_sentence, link_nodes
from guanxi.queries.positions import LEADERS, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule

#: separators of an in-cell list (data contract), plus spaces
_SPLIT = re.compile(r"[、,，;；/\s]+")

DEFAULT_FUNCTIONS = ("组织", "人事", "纪检", "监察", "审计", "财务")


def unit_function(store: GraphStore, unit_id: str) -> list[str]:
    """The function tokens of a unit, inherited from the enclosing 内设机构 when its own cell is empty.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> from guanxi.graph.records import Unit
    >>> s = build(Dataset(units=[Unit(id="E", name="院"), Unit(id="U", name="科", kind="内设机构",
    ...     parent_id="E", function="组织、人事")], columns={"units": {"function"}}))
    >>> unit_function(s, "U")
    ['组织', '人事']
    """
    seen: set[str] = set()
    cur: str | None = unit_id
    while cur is not None and cur not in seen:
        seen.add(cur)
        u = store.unit(cur)
        if u is None or u.kind != "内设机构":
            return []
        if u.function and u.function.strip():
            return [t for t in _SPLIT.split(u.function.strip()) if t]
        cur = u.parent_id
    return []


def sensitive(tokens: list[str], functions: list[str]) -> list[str]:
    """The configured functions a unit's tokens name (a token ``组织人事`` names both)."""
    return [f for f in functions if any(f in t for t in tokens)]


def _pairs(store: GraphStore, leader: str, kin: str,
           functions: list[str]) -> Iterator[tuple[Held, Held, list[str], date, date | None]]:
    """(leader post, kin post, functions, start, end) for every overlapping combination."""
    for lp in store.postings_of(leader):
        if role_of(store, lp) not in LEADERS:
            continue
        for kp in store.postings_of(kin):
            if kp.entity != lp.entity or kp.rec.unit_id == kp.entity:
                continue
            hit = sensitive(unit_function(store, kp.rec.unit_id), functions)
            if not hit:
                continue
            t = certain_overlap(lp.rec.start_date, lp.rec.end_date,
                                kp.rec.start_date, kp.rec.end_date)
            if t is not None:
                yield lp, kp, hit, t[0], t[1]


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per kin pair and legal entity where one leads and the other works in a sensitive unit.

    Walks the in-scope kin links and each side's posts: O(links × posts per
    person), never all pairs of staff.
    """
    functions = [str(f) for f in params["functions"]]
    for link in in_scope_links(store, params.scope):
        a, b = node_key(link.a), node_key(link.b)
        by_entity: dict[str, list[tuple[Held, Held, list[str], date, date | None]]] = {}
        for leader, kin in ((a, b), (b, a)):
            for got in _pairs(store, leader, kin, functions):
                by_entity.setdefault(got[0].entity, []).append(got)
        for entity, hits in sorted(by_entity.items()):
            yield _finding(store, link, entity, hits, params)


def _finding(store: GraphStore, link: KinLink, entity: str,
             hits: list[tuple[Held, Held, list[str], date, date | None]], params: Params) -> Finding:
    hits.sort(key=lambda h: (h[3], h[0].eid, h[1].eid))
    lp, kp, funcs, start, _ = hits[0]
    ends = [h[4] for h in hits]
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    leader, kin = lp.rec.person_id, kp.rec.person_id
    ent = store.unit(entity)
    ent_name = ent.name if ent else entity
    kname = getattr(store.person(kin), "name", kin)
    lname = getattr(store.person(leader), "name", leader)
    unit = store.unit(kp.rec.unit_id)
    uname = unit.name if unit else kp.rec.unit_id
    explanation = (f"{kin_sentence(store, link, leader, params.scope)}；{fmt(start)} 起 {lname} 任 "
                   f"{post_text(store, lp)}（{role_of(store, lp)}），{kname} 在本单位 {uname}"
                   f"（职能：{'、'.join(funcs)}）任 {kp.rec.title}，二人任职时间重叠（{ent_name}）")
    if len(hits) > 1:
        explanation += f"；另有 {len(hits) - 1} 段任职同样构成回避情形"
    nodes = link_nodes(link) + [unode(entity)]
    edges = list(link.edges)
    units = [entity]
    for h in hits:
        nodes += [unode(h[1].rec.unit_id)]
        edges += [h[0].eid, h[1].eid]
        units.append(h[1].rec.unit_id)
    return RULE.finding(
        persons=[leader, kin], units=units, start=start, end=end, explanation=explanation,
        nodes=nodes + [pnode(leader), pnode(kin)], edges=edges,
        key=(sorted([leader, kin]), entity),
        facts={"category": link.category(params.scope), "leader": leader, "functions": funcs},
    )


RULE = Rule(
    code="AV02",
    title="领导亲属在本单位从事组织人事、纪检监察、审计、财务工作",
    category="A",
    basis=("《公务员回避规定》第五条", "《事业单位人事管理回避规定》第六条",
           "《中华人民共和国公务员法》第七十四条"),
    needs=("persons", "postings", "relations", "units.function"),
    optional=("supervision",),
    detect=detect,
    params=(
        Param("functions", DEFAULT_FUNCTIONS,
              "敏感岗位职能：内设机构的“职能”含其中任一词即视为从事该项工作"),
    ),
    condition="法人单位的主要负责人或副职，其回避范围内的亲属同时在本单位职能为组织、人事、纪检、监察、"
              "审计或财务的内设机构任职",
)
