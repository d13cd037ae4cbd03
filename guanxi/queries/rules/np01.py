"""NP01 家属子女“近亲繁殖”: kin clusters of ≥ 3 people in one legal entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from guanxi.graph.dates import fmt
from guanxi.graph.store import GraphStore, Held, KinLink, node_key, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.kin import in_scope_links, kin_sentence, link_nodes
from guanxi.queries.positions import LEADERS, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule

#: at most this many kin links are spelled out in one explanation
MAX_LINKS_SHOWN = 12


class UnionFind:
    """Disjoint sets over hashable keys, with path halving and union by size.

    Examples
    --------
    >>> uf = UnionFind()
    >>> uf.union("a", "b"); uf.union("c", "b"); uf.find("a") == uf.find("c")
    True
    """

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.size.setdefault(x, 1)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return
        if self.size[rx] < self.size[ry]:
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.size[rx] += self.size[ry]

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return [sorted(g) for g in out.values()]


def posts_since(store: GraphStore, person_id: str, since: date) -> dict[str, list[Held]]:
    """A person's posts that were held on or after ``since``, by legal entity."""
    out: dict[str, list[Held]] = defaultdict(list)
    for h in store.postings_of(person_id):
        if h.rec.end_date is None or h.rec.end_date > since:
            out[h.entity].append(h)
    return out


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per kin cluster of ≥ ``min_size`` people posted in one legal entity.

    Each in-scope kin link joins its two people in every entity where both held
    a post since ``window_start``; union-find per entity gives the clusters.
    Cost: O(links × posts per person).
    """
    since: date = params["window_start"]
    min_size = int(params["min_size"])
    ufs: dict[str, UnionFind] = defaultdict(UnionFind)
    links: dict[str, list[KinLink]] = defaultdict(list)
    for link in in_scope_links(store, params.scope):
        a, b = node_key(link.a), node_key(link.b)
        pa, pb = posts_since(store, a, since), posts_since(store, b, since)
        for entity in pa.keys() & pb.keys():
            ufs[entity].union(a, b)
            links[entity].append(link)
    for entity in sorted(ufs):
        uf = ufs[entity]
        for group in uf.groups():
            if len(group) >= min_size:
                members = set(group)
                inside = [ln for ln in links[entity]
                          if node_key(ln.a) in members and node_key(ln.b) in members]
                yield _finding(store, entity, group, inside, params)


def _finding(store: GraphStore, entity: str, group: list[str], links: list[KinLink],
             params: Params) -> Finding:
    since: date = params["window_start"]
    posts = {p: posts_since(store, p, since)[entity] for p in group}
    leaders = [p for p in group if any(role_of(store, h) in LEADERS for h in posts[p])]
    ordered = leaders + [p for p in group if p not in leaders]
    ent = store.unit(entity)
    ent_name = ent.name if ent else entity

    def name(p: str) -> str:
        return getattr(store.person(p), "name", p)

    def post_line(p: str) -> str:
        hs = sorted(posts[p], key=lambda h: h.rec.start_date)
        lead = [h for h in hs if role_of(store, h) in LEADERS]
        h = (lead or hs)[-1]
        return f"{name(p)}（{fmt(h.rec.start_date)} 起任 {post_text(store, h)}）"

    head = (f"{fmt(since)} 以来 {ent_name} 有 {len(group)} 名人员相互存在回避范围内的亲属关系：")
    if leaders:
        head += f"其中领导班子成员 {'、'.join(name(p) for p in leaders)}；"
    shown = sorted(links, key=lambda ln: (ln.a, ln.b))[:MAX_LINKS_SHOWN]
    kin = "；".join(kin_sentence(store, ln, node_key(ln.a), params.scope) for ln in shown)
    if len(links) > len(shown):
        kin += f"；等 {len(links)} 条亲属关系"
    explanation = head + "、".join(post_line(p) for p in ordered) + "。亲属关系：" + kin
    all_posts = [h for p in group for h in posts[p]]
    starts = [max(h.rec.start_date, since) for h in all_posts]
    ends = [h.rec.end_date for h in all_posts]
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    nodes = [unode(entity)] + [pnode(p) for p in ordered]
    edges: list[str] = []
    for ln in links:
        nodes += link_nodes(ln)
        edges += ln.edges
    edges += [h.eid for h in all_posts]
    return RULE.finding(
        persons=group, units=[entity] + [h.rec.unit_id for h in all_posts],
        start=min(starts), end=end, explanation=explanation, nodes=nodes, edges=edges,
        key=(entity, group), severity="high" if leaders else "medium",
        facts={"entity": entity, "leaders": leaders, "size": len(group)},
    )


RULE = Rule(
    code="NP01",
    title="家属子女“近亲繁殖”",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（领导干部家属子女过多“近亲繁殖”）",),
    needs=("persons", "postings", "relations"),
    detect=detect,
    params=(
        Param("min_size", 3, "亲属聚集人数下限：同一单位相互有亲属关系的人数达到此数即提示"),
        Param("window_start", date(2015, 1, 1),
              "检查起始日：此日以后在该单位任职（任职在此日或之前结束的不计）"),
    ),
    severity="medium",
    condition="同一法人单位内通过回避范围内亲属关系相互连接的人员达到 3 人以上，且均在检查起始日以后"
              "在该单位任职；有领导班子成员在内的为高风险",
)
