"""``guanxi path -f html``: the relationship paths between two people as an offline pyvis page."""

from __future__ import annotations

from guanxi.graph.nxstore import NxStore
from guanxi.queries.explore import PathAnswer
from guanxi.visualizations.evidence import GEdge, evidence_graph
from guanxi.visualizations.markup import NOTICE, esc
from guanxi.visualizations.names import mask_id_numbers
from guanxi.visualizations.pyvis_page import graph_html


def path_html(store: NxStore, ans: PathAnswer, *, show_id: bool = False) -> str:
    """Every path's people, units and relations drawn once; the path sentences below the graph.

    A hop that rests on no drawable edge (a shared hometown, an appointment
    record) is drawn as one edge labelled with the hop.
    """
    def t(value: object) -> str:
        s = "" if value is None else str(value)
        return esc(s if show_id else mask_id_numbers(s))

    nodes = [ans.source.node, ans.target.node] + [n for p in ans.paths for n in p.nodes]
    edges = [e for p in ans.paths for e in p.edges]
    g = evidence_graph(store, nodes, edges, context=False, show_id=show_id)
    drawn = {e.id for e in g.edges}
    for p in ans.paths:
        for i, step in enumerate(p.steps):
            if step.src in g.nodes and step.dst in g.nodes and not drawn.intersection(step.edges):
                label = step.label if show_id else mask_id_numbers(step.label)
                g.edges.append(GEdge(f"step/{step.src}/{step.dst}/{i}", step.src, step.dst, label,
                                     label, "tie"))
                drawn.add(f"step/{step.src}/{step.dst}/{i}")
    items = "".join(f"<li>{t(p.text())}</li>" for p in ans.paths) or "<li>未找到路径</li>"
    notes = "".join(f"<li>{t(n)}</li>" for n in ans.notes)
    footer = (f"<h2>路径（{len(ans.paths)} 条）</h2><ol>{items}</ol>"
              f"<p>{t(ans.options_text())}</p>" + (f"<ul>{notes}</ul>" if notes else "")
              + f'<p class="gx-notice">{esc(NOTICE)}</p>')
    title = f"{ans.source.name} 与 {ans.target.name} 的关系路径"
    return graph_html(g, title=title if show_id else mask_id_numbers(title), footer=footer)
