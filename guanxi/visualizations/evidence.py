"""A finding's evidence as a small drawable graph: its nodes and edges plus a capped, greyed one-hop context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from guanxi.graph.dates import fmt_dot
from guanxi.graph.idnumber import mask_id
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import (
    DERIVED_KIN,
    KIN,
    PERSON,
    POSTING,
    RELATIVE,
    SUPERVISION,
    TIE,
    UNIT,
    UNIT_PARENT,
    node_key,
)
from guanxi.queries.finding import Finding
from guanxi.visualizations.names import mask_id_numbers
from guanxi.visualizations.record_nodes import RECORD, find_record, record_ends, record_view

#: context neighbours drawn around one evidence node; the rest become one “另有 N 人” node
CONTEXT_CAP = 6
#: context order: family first, then posts, then the rest
_CONTEXT_ORDER = {KIN: 0, TIE: 1, DERIVED_KIN: 2, POSTING: 3, SUPERVISION: 4, UNIT_PARENT: 5}
MORE = "more"


@dataclass
class GNode:
    """A node to draw: ``kind`` is person, relative, unit or more; ``context`` ones are greyed."""

    id: str
    label: str
    kind: str
    title: str
    context: bool = False


@dataclass
class GEdge:
    """An edge to draw, labelled with its relation and dates."""

    id: str
    u: str
    v: str
    label: str
    title: str
    kind: str
    context: bool = False


@dataclass
class EvidenceGraph:
    """Nodes by id (evidence first), edges, and how many context neighbours were left out."""

    nodes: dict[str, GNode] = field(default_factory=dict)
    edges: list[GEdge] = field(default_factory=list)
    hidden: int = 0


def span(start: Any, end: Any) -> str:
    """``2021.03–`` / ``2019.01–2021.05`` / '' when no dates are known."""
    if start is None and end is None:
        return ""
    return f"{fmt_dot(start)}–{fmt_dot(end)}"


def _id_text(value: str | None, show_id: bool) -> str:
    return (value if show_id else mask_id(value)) if value else ""


def node_view(store: NxStore, nid: str, *, show_id: bool = False) -> tuple[str, str, str]:
    """(label, kind, plain-text tooltip) of a store node."""
    data = store.node(nid)
    kind = str(data.get("kind", ""))
    name = str(data.get("name") or node_key(nid))
    lines = [name]
    if kind == PERSON:
        p = store.person(node_key(nid))
        lines.append(f"人员编号：{node_key(nid)}")
        if p is not None:
            for label, value in (("性别", p.gender), ("出生", fmt_dot(p.birth_date)),
                                 ("身份证号", _id_text(p.id_number, show_id)),
                                 ("籍贯", p.native_place), ("编制", p.establishment)):
                if value:
                    lines.append(f"{label}：{value}")
        for held in store.postings_of(node_key(nid))[-3:]:
            unit = store.name(held.rec.unit_id)
            lines.append(f"{unit} {held.rec.title} {span(held.rec.start_date, held.rec.end_date)}")
    elif kind == RELATIVE:
        lines.append("（亲属，不在人员名册中）")
        for label, key in (("出生", "birth_date"), ("工作单位及职务", "work")):
            value = data.get(key)
            if value:
                lines.append(f"{label}：{fmt_dot(value) if key == 'birth_date' else value}")
        if data.get("id_number"):
            lines.append(f"身份证号：{_id_text(str(data['id_number']), show_id)}")
    elif kind == UNIT:
        u = store.unit(node_key(nid))
        lines.append(f"机构编号：{node_key(nid)}")
        if u is not None:
            for label, value in (("类型", u.kind), ("规格", u.level), ("职能", u.function)):
                if value:
                    lines.append(f"{label}：{value}")
            if u.parent_id:
                lines.append(f"上级：{store.name(u.parent_id)}")
    return name, kind, "\n".join(lines)


def edge_view(store: NxStore, eid: str) -> tuple[str, str]:
    """(label, tooltip) of a store edge: ``妻子``, ``财务科科长 2021.03–``, ``分管 2018.01–``."""
    data = store.edge(eid)
    kind = str(data.get("kind", ""))
    when = span(data.get("start"), data.get("end"))
    if kind == POSTING:
        rec = data["rec"]
        label = f"{store.name(rec.unit_id)}{rec.title} {when}".strip()
    elif kind in (KIN, TIE):
        label = f"{data.get('term', '')} {when}".strip() if kind == TIE else str(data.get("term", ""))
    elif kind == SUPERVISION:
        label = f"分管 {when}".strip()
    elif kind == UNIT_PARENT:
        label = "下设"
    elif kind == DERIVED_KIN:
        label = "亲属（推导）"
    else:
        label = kind
    src = data.get("src")
    title = label + (f"\n来源：{src.label()}" if src is not None else "")
    if kind == DERIVED_KIN:
        title += f"\n{data.get('text') or ''}\n经由：{store.name(str(data.get('via') or ''))}"
    return label, title


def _known(store: NxStore, eid: str) -> bool:
    try:
        store.edge(eid)
    except KeyError:
        return False
    return True


def _add_node(g: EvidenceGraph, store: NxStore, nid: str, context: bool, show_id: bool) -> None:
    if nid in g.nodes or nid not in store:
        return
    label, kind, title = node_view(store, nid, show_id=show_id)
    if not show_id:
        label, title = mask_id_numbers(label), mask_id_numbers(title)
    g.nodes[nid] = GNode(nid, label, kind, title, context)


def _add_edge(g: EvidenceGraph, store: NxStore, eid: str, context: bool, show_id: bool) -> None:
    label, title = edge_view(store, eid)
    if not show_id:
        label, title = mask_id_numbers(label), mask_id_numbers(title)
    data = store.edge(eid)
    g.edges.append(GEdge(eid, data["u"], data["v"], label, title, str(data.get("kind", "")), context))


def _neighbour_edges(store: NxStore, nid: str) -> list[tuple[int, str, str]]:
    """(order, edge id, other end) for every edge touching ``nid``, family first."""
    found = []
    for u, v, key, data in store.adjacent(nid):
        other = v if u == nid else u
        found.append((_CONTEXT_ORDER.get(str(data.get("kind")), 9), str(key), other))
    return sorted(found)


def _add_record(g: EvidenceGraph, store: NxStore, eid: str, show_id: bool) -> None:
    """A cited record (an appointment, a discipline …) as a node tied to its person and unit."""
    found = find_record(store, eid)
    if found is None:
        return
    label, title, edge = record_view(store, *found)
    if not show_id:
        label, title, edge = (mask_id_numbers(x) for x in (label, title, edge))
    nid = f"{RECORD}/{eid}"
    g.nodes[nid] = GNode(nid, label, RECORD, title)
    for end in record_ends(found[1]):
        if end in store:
            _add_node(g, store, end, False, show_id)
            g.edges.append(GEdge(f"{eid}->{end}", nid, end, edge, title, RECORD))


def evidence_graph(store: NxStore, node_ids: Iterable[str], edge_ids: Iterable[str], *,
                   context: bool = True, cap: int = CONTEXT_CAP,
                   show_id: bool = False) -> EvidenceGraph:
    """The evidence nodes and edges, then up to ``cap`` greyed neighbours of each evidence node.

    Ids the store does not know (a record cited by id) are left out, not an error.
    """
    g = EvidenceGraph()
    edge_set = [e for e in dict.fromkeys(edge_ids) if _known(store, e)]
    for nid in node_ids:
        _add_node(g, store, nid, False, show_id)
    for eid in edge_set:
        data = store.edge(eid)
        _add_node(g, store, data["u"], False, show_id)
        _add_node(g, store, data["v"], False, show_id)
        _add_edge(g, store, eid, False, show_id)
    for eid in dict.fromkeys(edge_ids):
        if eid not in edge_set:
            _add_record(g, store, eid, show_id)
    if not context:
        return g
    shown = set(edge_set)
    for nid in [n for n in g.nodes if n in store]:
        extra = [(o, e, other) for o, e, other in _neighbour_edges(store, nid) if e not in shown]
        drawn = 0
        for _o, eid, other in extra:
            if other not in g.nodes and drawn >= cap:
                continue
            if other not in g.nodes:
                drawn += 1
                _add_node(g, store, other, True, show_id)
            shown.add(eid)
            _add_edge(g, store, eid, True, show_id)
        rest = len({other for _o, _e, other in extra if other not in g.nodes})
        if rest:
            g.hidden += rest
            more = f"{MORE}/{nid}"
            g.nodes[more] = GNode(more, f"另有 {rest} 人", MORE,
                                  f"{g.nodes[nid].label} 另有 {rest} 个相邻人员或机构未画出", True)
            g.edges.append(GEdge(f"{MORE}-edge/{nid}", nid, more, "", "", MORE, True))
    return g


def finding_graph(store: NxStore, finding: Finding, *, context: bool = True,
                  cap: int = CONTEXT_CAP, show_id: bool = False) -> EvidenceGraph:
    """The drawable evidence of one finding."""
    return evidence_graph(store, finding.evidence.nodes, finding.evidence.edges,
                          context=context, cap=cap, show_id=show_id)
