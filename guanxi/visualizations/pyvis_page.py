"""An evidence graph as a pyvis page that opens offline: fixed layout, CJK fonts, nothing remote."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pyvis
from jinja2 import Environment
from pyvis.network import Network

from guanxi.visualizations.evidence import MORE, EvidenceGraph
from guanxi.visualizations.layout import spring_layout
from guanxi.visualizations.markup import FONT_STACK, esc, neutralise

#: vis-network as pyvis 0.3.2 ships it (its in_line template includes this very file)
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
VIS_JS_NAME = "vis-network.min.js"
VIS_CSS = VIS_JS.with_name("vis-network.css")
VIS_CSS_NAME = "vis-network.css"

#: fill colour per node kind; context nodes are grey whatever their kind
NODE_COLOURS = {"person": "#4e79a7", "relative": "#f28e2b", "unit": "#59a14f", "record": "#b07aa1",
                MORE: "#eeeeee"}
NODE_SHAPES = {"person": "dot", "relative": "diamond", "unit": "box", "record": "square", MORE: "box"}
KIND_ZH = {"person": "名册人员", "relative": "亲属（名册外）", "unit": "机构", "record": "登记记录"}
EDGE_COLOURS = {"kin": "#e15759", "derived_kin": "#e15759", "tie": "#b07aa1", "posting": "#4e79a7",
                "supervision": "#59a14f", "unit_parent": "#999999", "record": "#b07aa1"}
GREY, GREY_TEXT = "#d9d9d9", "#9a9a9a"

_BOOTSTRAP = re.compile(r"<link[^>]*bootstrap[^>]*>|<script[^>]*bootstrap[^>]*>\s*</script>",
                        re.IGNORECASE | re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_OLD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

PAGE_CSS = f"""
body {{ font-family: {FONT_STACK}; margin: 0; padding: 10px 16px; color: #222; }}
#mynetwork {{ float: none !important; }}
div.vis-tooltip {{ white-space: pre-line; font-family: {FONT_STACK}; max-width: 420px; }}
.gx-head h1 {{ font-size: 20px; margin: 6px 0; }}
.gx-info {{ max-width: 1100px; font-size: 14px; line-height: 1.6; }}
.gx-info table {{ border-collapse: collapse; }}
.gx-info td {{ border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }}
.gx-info td:first-child {{ color: #555; white-space: nowrap; }}
.gx-notice {{ background: #fff7e0; border: 1px solid #e8c060; padding: 4px 8px; margin: 6px 0; }}
.gx-key {{ display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; }}
"""


def _layout(g: EvidenceGraph, seed: int) -> dict[str, tuple[float, float]]:
    """Evidence nodes by a seeded spring layout; each one's context neighbours fanned out around it.

    The same finding is drawn the same way every time, and the cost grows with
    the evidence, not with the (capped) context.
    """
    core = [n for n, v in g.nodes.items() if not v.context]
    pos = {str(k): v for k, v in spring_layout(
        core, [(e.u, e.v) for e in g.edges if not e.context], seed=seed).items()}
    anchor: dict[str, list[str]] = {}
    for e in g.edges:
        for a, b in ((e.u, e.v), (e.v, e.u)):
            if a in pos and b in g.nodes and g.nodes[b].context and b not in pos:
                anchor.setdefault(a, []).append(b)
                pos[b] = (0.0, 0.0)  # claimed by its first evidence neighbour
    cx = sum(x for x, _y in (pos[n] for n in core)) / max(len(core), 1)
    cy = sum(y for _x, y in (pos[n] for n in core)) / max(len(core), 1)
    for a, around in anchor.items():
        ax, ay = pos[a]
        out = math.atan2(ay - cy, ax - cx) if (ax, ay) != (cx, cy) else -math.pi / 2
        spread = min(math.pi * 1.2, 0.45 * len(around))
        for i, b in enumerate(around):
            angle = out + (i - (len(around) - 1) / 2) * (spread / max(len(around) - 1, 1))
            r = 170 + 40 * (i % 2)
            pos[b] = (round(ax + r * math.cos(angle), 1), round(ay + r * math.sin(angle), 1))
    return pos


_ENVS: list[Environment] = []


def _env(fresh: Environment) -> Environment:
    # pyvis makes a new jinja Environment per Network and so recompiles its template (and the
    # inlined 500 kB script) for every graph; one shared Environment compiles it once
    if not _ENVS:
        _ENVS.append(fresh)
    return _ENVS[0]


def _plain(text: str) -> str:
    # pyvis switches to an innerHTML popup when a tooltip contains "href"; keep tooltips plain text
    return text.replace("href", "hre\u200cf").replace("HREF", "HRE\u200cF")


def network(g: EvidenceGraph, *, seed: int = 7, height: str = "640px") -> Network:
    """A pyvis network of ``g``: coloured by kind, context greyed, positions fixed, physics off."""
    net = Network(height=height, width="100%", directed=False, heading="", cdn_resources="in_line")
    net.templateEnv = _env(net.templateEnv)
    pos = _layout(g, seed)
    for n in g.nodes.values():
        colour = GREY if n.context else NODE_COLOURS.get(n.kind, "#999999")
        x, y = pos.get(n.id, (0.0, 0.0))
        net.add_node(n.id, label=n.label, title=_plain(n.title), x=x, y=y,
                     shape=NODE_SHAPES.get(n.kind, "dot"), size=14 if n.context else 20,
                     color={"background": colour, "border": "#bbbbbb" if n.context else "#333333"},
                     font={"color": GREY_TEXT if n.context else "#222222",
                           "size": 13 if n.context else 16, "face": FONT_STACK},
                     physics=False)
    for e in g.edges:
        if e.u not in g.nodes or e.v not in g.nodes:
            continue
        colour = GREY if e.context else EDGE_COLOURS.get(e.kind, "#888888")
        net.add_edge(e.u, e.v, label=e.label, title=_plain(e.title) or None, color=colour,
                     width=1 if e.context else 2.5, dashes=e.kind in ("derived_kin", MORE),
                     font={"color": GREY_TEXT if e.context else "#333333",
                           "size": 10 if e.context else 13,
                           "face": FONT_STACK, "strokeWidth": 3, "align": "middle"})
    net.options = {
        "physics": {"enabled": False},
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {"font": {"face": FONT_STACK}},
        "edges": {"font": {"face": FONT_STACK}, "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }
    return net


def legend_html() -> str:
    """The colour key shown above each graph."""
    keys = "".join(f'<span class="gx-key" style="background:{c}"></span>{esc(KIND_ZH[k])}'
                   for k, c in NODE_COLOURS.items() if k in KIND_ZH)
    return (f'<div class="gx-legend">{keys}<span class="gx-key" style="background:{GREY}"></span>'
            "一跳相邻（非证据，仅供参考）</div>")


def graph_html(g: EvidenceGraph, *, title: str, header: str = "", footer: str = "",
               vis_src: str | None = None, seed: int = 7) -> str:
    """The page: ``title`` (plain text) as the heading, ``header``/``footer`` markup around the graph.

    With ``vis_src`` the page loads vis-network from that relative path instead of
    carrying its own copy (a report of many graphs shares one file).
    """
    net = network(g, seed=seed)
    text = net.generate_html()
    if "popup.innerHTML" in text:
        raise ValueError("tooltip would be rendered as HTML")
    text = _BOOTSTRAP.sub("", text)
    text = _EMPTY_HEADING.sub("", text)
    text = _OLD_COMMENT.sub("", text)
    if vis_src is not None:
        bundled = VIS_JS.read_text(encoding="utf-8")
        text = text.replace(f"<script>{bundled}</script>", f'<script src="{esc(vis_src)}"></script>', 1)
        css = VIS_CSS.read_text(encoding="utf-8")
        href = vis_src.rsplit("/", 1)[0] + "/" + VIS_CSS_NAME if "/" in vis_src else VIS_CSS_NAME
        text = text.replace(f"<style>{css}</style>", f'<link rel="stylesheet" href="{esc(href)}">', 1)
    text = text.replace("<head>", f"<head>\n<title>{esc(title)}</title>\n"
                        f'<meta name="referrer" content="no-referrer">', 1)
    text = text.replace("</head>", f"<style>{PAGE_CSS}</style>\n</head>", 1)
    text = text.replace("<html>", '<!DOCTYPE html>\n<html lang="zh-CN">', 1)
    head = f'<div class="gx-head"><h1>{esc(title)}</h1>{header}{legend_html()}</div>'
    text = text.replace("<body>", f"<body>\n{head}", 1)
    done = ('<script>network.once("afterDrawing", function () '
            '{ document.body.setAttribute("data-graph-drawn", "1"); }); network.redraw();</script>')
    text = text.replace("</body>", f'<div class="gx-info">{footer}</div>\n{done}\n</body>', 1)
    return neutralise(text)


def vis_assets() -> dict[str, str]:
    """vis-network's code and style (licence links neutralised) for a report's shared copy."""
    return {VIS_JS_NAME: neutralise(VIS_JS.read_text(encoding="utf-8")),
            VIS_CSS_NAME: neutralise(VIS_CSS.read_text(encoding="utf-8"))}
