"""AV01 亲属任职回避：kin as direct superior/subordinate, or directly under one leader."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import fmt
from guanxi.graph.store import GraphStore, Held, node_key, unode
from guanxi.queries.finding import Finding
from guanxi.queries.kin import in_scope_links, kin_sentence, link_nodes
from guanxi.queries.positions import Line, reporting_line
from guanxi.queries.rule import Params, Rule


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per kin pair and legal entity where their posts form a reporting line.

    Walks the in-scope kin links and, for each, the two people's posts: cost is
    O(links × posts per person), never a search over all pairs of staff.
    """
    for link in in_scope_links(store, params.scope):
        a, b = node_key(link.a), node_key(link.b)
        by_entity: dict[str, list[tuple[Held, Held, Line]]] = {}
        for pa in store.postings_of(a):
            for pb in store.postings_of(b):
                line = reporting_line(store, pa, pb)
                if line is not None:
                    by_entity.setdefault(pa.entity, []).append((pa, pb, line))
        for entity, lines in by_entity.items():
            lines.sort(key=lambda x: x[2].start)
            pa, pb, first = lines[0]
            ends = [ln.end for _, _, ln in lines]
            end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
            ego = first.superior.rec.person_id if first.superior is not None else a
            ent = store.unit(entity)
            explanation = (f"{kin_sentence(store, link, ego, params.scope)}；{fmt(first.start)} 起 "
                           f"{first.text}（{ent.name if ent else entity}）")
            if len(lines) > 1:
                explanation += f"；另有 {len(lines) - 1} 段任职同样构成回避关系"
            edges = list(link.edges)
            nodes = link_nodes(link) + [unode(entity)]
            units = [entity]
            for x, y, ln in lines:
                edges += [x.eid, y.eid, *ln.edges]
                nodes += [unode(x.rec.unit_id), unode(y.rec.unit_id), *ln.nodes]
                units += [x.rec.unit_id, y.rec.unit_id]
            yield RULE.finding(
                persons=[a, b], units=units, start=first.start, end=end,
                explanation=explanation, nodes=nodes, edges=edges,
                key=(sorted([a, b]), entity),
                facts={"category": link.category(params.scope), "chains": [list(c) for c in link.chains]},
            )


RULE = Rule(
    code="AV01",
    title="亲属关系人员任职未回避（直接上下级或同一领导）",
    category="A",
    basis=("《公务员回避规定》第五条", "《事业单位人事管理回避规定》第六条", "《中华人民共和国公务员法》第七十四条"),
    needs=("persons", "postings", "relations"),
    optional=("units", "supervision"),
    detect=detect,
    condition="回避范围内的亲属在同一法人单位同时任职，且一方为另一方的直接上级（内设机构负责人与本机构人员；"
              "分管领导与分管机构负责人；班子正职与副职），或二人直接隶属于同一领导",
)
