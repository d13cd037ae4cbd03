"""The HTML report folder: index with totals and a filterable findings table, a graph page per
finding and a page per person, all working offline."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from guanxi.graph.nxstore import NxStore
from guanxi.queries.finding import CATEGORY_NAMES, Finding
from guanxi.queries.scan import TABLE_ZH, ScanResult
from guanxi.visualizations.evidence import finding_graph
from guanxi.visualizations.markup import NOTICE, esc, page, write_text
from guanxi.visualizations.names import Names
from guanxi.visualizations.pages import Text, finding_info, person_info, person_links
from guanxi.visualizations.pyvis_page import VIS_JS_NAME, graph_html, vis_assets
from guanxi.visualizations.rows import SEVERITY_ZH, not_checked_row, period_text, rejected_text
from guanxi.visualizations.triage import STATUS_ZH, Decisions

#: graph pages written by default; a 10,000-finding scan gets the most serious ones first
MAX_GRAPHS = 500
#: units listed in the totals; the rest are summed in one line
TOP_UNITS = 30
_SEV_ORDER = {"high": 0, "medium": 1, "low": 2}

SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings tbody tr"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var ids = ["q", "f-rule", "f-sev", "f-cat", "f-status"];
  function val(id) { return document.getElementById(id).value; }
  function apply() {
    var q = val("q").trim().toLowerCase(), rule = val("f-rule"), sev = val("f-sev"),
        cat = val("f-cat"), st = val("f-status"), shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!q || texts[i].indexOf(q) >= 0) && (!rule || r.dataset.rule === rule) &&
               (!sev || r.dataset.sev === sev) && (!cat || r.dataset.cat === cat) &&
               (!st || r.dataset.status === st);
      r.style.display = ok ? "" : "none";
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent = String(shown);
  }
  ids.forEach(function (id) {
    var el = document.getElementById(id);
    el.addEventListener("input", apply); el.addEventListener("change", apply);
  });
  apply();
})();
"""


def file_key(value: str) -> str:
    """A safe, unique file name stem for a user id (ids may hold any character)."""
    safe = re.sub(r"[^0-9A-Za-z_-]", "_", value)[:40]
    return f"{safe}-{hashlib.sha1(value.encode()).hexdigest()[:8]}"


def _bars(title: str, counts: list[tuple[str, int]], t: Text, extra: str = "") -> str:
    top = max((n for _k, n in counts), default=1) or 1
    rows = "".join(
        f'<tr><td>{t(k)}</td><td style="width:60px">{n}</td>'
        f'<td><span class="bar" style="width:{n / top * 300:.0f}px"></span></td></tr>'
        for k, n in counts)
    return f"<h2>{esc(title)}</h2><table class=\"totals\">{rows}</table>{extra}"


def _options(select_id: str, label: str, values: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in values)
    return f'<label>{esc(label)} <select id="{select_id}"><option value="">全部</option>{opts}</select></label> '


def _totals(result: ScanResult, names: Names, decisions: Decisions, t: Text) -> str:
    fs = result.findings
    cats = Counter(f.category for f in fs)
    order = list(CATEGORY_NAMES.values())
    by_cat = sorted(cats.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))
    rules = Counter(f"{f.rule} {f.title}" for f in fs)
    units = Counter(names.unit_name(f.units[0]) if f.units else "（未注明单位）" for f in fs)
    top = units.most_common(TOP_UNITS)
    rest = len(units) - len(top)
    more = f'<p class="muted">另有 {rest} 个单位未列出。</p>' if rest > 0 else ""
    status = Counter(_status(f, decisions) for f in fs)
    by_status = [(STATUS_ZH.get(k, "未核查"), n) for k, n in sorted(status.items())]
    return (_bars("按问题类别", by_cat, t) + _bars("按规则", sorted(rules.items()), t)
            + _bars("按单位（线索最多的单位）", top, t, more) + _bars("按核查结论", by_status, t))


def _status(f: Finding, decisions: Decisions) -> str:
    d = decisions.get(f.id)
    return d.status if d else "none"


def _table(result: ScanResult, names: Names, decisions: Decisions, t: Text,
           graph_of: Callable[[str], str | None], person_of: Callable[[str], str | None]) -> str:
    fs = result.findings
    controls = (
        '<div class="filters"><label>搜索 <input id="q" type="search" size="24" '
        'placeholder="姓名、单位、说明……"></label> '
        + _options("f-rule", "规则", sorted({(f.rule, f.rule) for f in fs}))
        + _options("f-sev", "严重程度", [(k, v) for k, v in SEVERITY_ZH.items()])
        + _options("f-cat", "问题类别", sorted({(f.category, f.category) for f in fs}))
        + _options("f-status", "核查结论", [*STATUS_ZH.items(), ("none", "未核查")])
        + f'<span>显示 <b id="shown"></b> / {len(fs)} 条</span></div>')
    head = "".join(f"<th>{h}</th>" for h in ("序号", "线索编号", "规则", "严重程度", "单位", "人员",
                                               "期间", "说明", "核查结论"))
    rows = []
    for i, f in enumerate(fs, start=1):
        d = decisions.get(f.id)
        href = graph_of(f.id)
        fid = f'<a href="{esc(href)}">{t(f.id)}</a>' if href else t(f.id)
        rows.append(
            f'<tr data-rule="{esc(f.rule)}" data-sev="{esc(f.severity)}" data-cat="{esc(f.category)}" '
            f'data-status="{esc(_status(f, decisions))}"><td>{i}</td><td>{fid}</td>'
            f"<td>{t(f.rule)} {t(f.title)}</td>"
            f'<td class="sev-{esc(f.severity)}">{esc(SEVERITY_ZH.get(f.severity, f.severity))}</td>'
            f"<td>{t(names.units(f.units))}</td><td>{person_links(f.persons, names, t, person_of)}</td>"
            f"<td>{t(period_text(f))}</td><td>{t(f.explanation)}</td>"
            f"<td>{t(d.text()) if d else '<span class=muted>未核查</span>'}</td></tr>")
    return (f"<h2>问题线索（{len(fs)} 条）</h2>{controls}"
            f'<table id="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _lists(result: ScanResult, names: Names, decisions: Decisions, t: Text) -> str:
    out = []
    orphans = decisions.orphans(f.id for f in result.findings)
    if orphans:
        items = "".join(f"<li>{t(d.id)}（{t(d.rule)} {t(d.summary)}）：{t(d.text())}</li>" for d in orphans)
        out.append(f"<h2>本次扫描已不再出现的线索的核查结论（{len(orphans)} 条）</h2><ul>{items}</ul>")
    nc = [not_checked_row(n, names) for n in result.not_checked]
    items = "".join(f"<li>{t(r['规则'])}：{t(r['原因'])}{('（' + t(r['人员']) + '）') if r['人员'] else ''}</li>"
                    for r in nc)
    out.append(f"<h2>未检查的规则或情形（{len(nc)} 项）</h2><ul>{items or '<li>无</li>'}</ul>")
    items = "".join(f"<li>{t(rejected_text(r))}</li>" for r in result.rejected)
    out.append(f"<h2>被拒绝的数据行（{len(result.rejected)} 行）</h2><ul>{items or '<li>无</li>'}</ul>")
    if result.warnings:
        items = "".join(f"<li>{t(w)}</li>" for w in result.warnings)
        out.append(f"<h2>数据提示（{len(result.warnings)} 条）</h2><ul>{items}</ul>")
    return "".join(out)


def write_report(result: ScanResult, store: NxStore, out: Path, names: Names, *,
                 decisions: Decisions | None = None, show_id: bool = False,
                 max_graphs: int = MAX_GRAPHS) -> Path:
    """Write ``out/index.html`` and its graph and person pages; returns the index path."""
    decisions = decisions or Decisions()
    t = Text(show_id)
    out.mkdir(parents=True, exist_ok=True)
    ranked = sorted(result.findings, key=lambda f: (_SEV_ORDER.get(f.severity, 9), f.rule, f.id))
    with_graph = {f.id for f in ranked[:max(max_graphs, 0)]}
    involved = sorted({p for f in result.findings for p in f.persons if store.person(p) is not None})
    person_files = {p: f"persons/{file_key(p)}.html" for p in involved}

    def graph_of(fid: str, up: str = "") -> str | None:
        return f"{up}graphs/{file_key(fid)}.html" if fid in with_graph else None

    def person_of(pid: str, up: str = "") -> str | None:
        return up + person_files[pid] if pid in person_files else None

    if with_graph:
        for name, text in vis_assets().items():
            write_text(out / "assets" / name, text)
    for f in ranked[:max(max_graphs, 0)]:
        g = finding_graph(store, f, show_id=show_id)
        info = finding_info(f, names, t, decision=decisions.get(f.id), store=store,
                            link=lambda p: person_of(p, "../"))
        back = '<p><a href="../index.html">返回报告首页</a></p>'
        more = f'<p class="muted">灰色为一跳相邻人员和机构，另有 {g.hidden} 个未画出。</p>' if g.hidden else ""
        html = graph_html(g, title=f"{f.rule} {f.title}（{f.id}）", header=back,
                          footer=info + more, vis_src=f"../assets/{VIS_JS_NAME}")
        write_text(out / str(graph_of(f.id)), html)
    by_person: dict[str, list[tuple[Finding, str | None]]] = {}
    for f in result.findings:
        for p in f.persons:
            by_person.setdefault(p, []).append((f, graph_of(f.id, "../")))
    for pid in involved:
        body = (f'<p><a href="../index.html">返回报告首页</a></p><h1>{t(names.person_name(pid))}</h1>'
                + person_info(store, pid, names, t, link=lambda p: person_of(p, "../"),
                              findings=by_person.get(pid, [])))
        write_text(out / person_files[pid], page(f"人员：{names.person_name(pid)}", body))
    capped = ""
    if len(with_graph) < len(result.findings):
        capped = (f'<p class="notice">线索较多，只为最严重的 {len(with_graph)} 条生成了关系图页面；'
                  "其余线索可用 guanxi show 数据 线索编号 -o 图.html 单独生成（或用 --max-graphs 调整）。</p>")
    counts = "，".join(f"{TABLE_ZH.get(k, k)} {n}" for k, n in result.dataset.items())
    body = (f"<h1>选人用人问题线索报告</h1><p>数据：{t(counts)}</p>"
            f'<p class="notice">{esc(NOTICE)}点击线索编号查看其关系图。</p>{capped}'
            + _totals(result, names, decisions, t)
            + _table(result, names, decisions, t, graph_of, person_of)
            + _lists(result, names, decisions, t) + f"<script>{SCRIPT}</script>")
    index = out / "index.html"
    write_text(index, page("选人用人问题线索报告", body))
    return index
