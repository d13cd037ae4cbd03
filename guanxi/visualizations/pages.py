"""The HTML pieces about one finding and one person: facts, basis, decision, postings, relatives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from guanxi.graph.dates import fmt_dot
from guanxi.graph.idnumber import mask_id
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import KIN, TIE, node_key, pnode
from guanxi.queries.finding import Finding
from guanxi.visualizations.evidence import edge_view, span
from guanxi.visualizations.markup import NOTICE, esc
from guanxi.visualizations.names import Names, mask_id_numbers
from guanxi.visualizations.record_nodes import find_record, record_view
from guanxi.visualizations.rows import SEVERITY_ZH, period_text
from guanxi.visualizations.triage import Decision

#: link target for a person id, or None when the person has no page
PersonLink = Callable[[str], str | None]


class Text:
    """Escapes user text for HTML, hiding resident ID numbers unless ``show_id``."""

    def __init__(self, show_id: bool) -> None:
        self.show_id = show_id

    def __call__(self, value: object) -> str:
        s = "" if value is None else str(value)
        return esc(s if self.show_id else mask_id_numbers(s))

    def id_number(self, value: str | None) -> str:
        if not value:
            return ""
        return esc(value if self.show_id else mask_id(value))


def person_links(ids: list[str], names: Names, t: Text, link: PersonLink | None) -> str:
    parts = []
    for pid in ids:
        href = link(pid) if link else None
        name = t(names.person(pid))
        parts.append(f'<a href="{esc(href)}">{name}</a>' if href else name)
    return "、".join(parts)


def decision_html(d: Decision | None, t: Text) -> str:
    if d is None:
        return '<span class="muted">未核查</span>'
    return f'<span class="status-{esc(d.status)}">{t(d.text())}</span>' + (
        f"；问责情况：{t(d.action)}" if d.action else "")


def finding_info(f: Finding, names: Names, t: Text, *, decision: Decision | None = None,
                 link: PersonLink | None = None, store: NxStore | None = None) -> str:
    """The facts table, explanation, legal basis and cited records of a finding."""
    rows = [
        ("线索编号", t(f.id)), ("规则", t(f"{f.rule} {f.title}")),
        ("严重程度", f'<span class="sev-{esc(f.severity)}">{esc(SEVERITY_ZH.get(f.severity, f.severity))}</span>'),
        ("问题类别", t(f.category)), ("人员", person_links(f.persons, names, t, link)),
        ("单位", t(names.units(f.units))), ("期间", t(period_text(f))),
        ("核查结论", decision_html(decision, t)),
    ]
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    basis = "".join(f"<li>{t(b)}</li>" for b in f.basis) or "<li>（未列出）</li>"
    cited = ""
    if store is not None:
        items = []
        for eid in f.evidence.edges:
            try:
                label, title = edge_view(store, eid)
                data = store.edge(eid)
            except KeyError:
                found = find_record(store, eid)
                if found is None:
                    items.append(f"<li>{t(eid)}</li>")
                else:
                    label, title, edge = record_view(store, *found)
                    src = title.rsplit("\n", 1)[-1] if "来源：" in title else ""
                    items.append(f"<li>{t(label)}：{t(edge)} <span class=\"muted\">{t(src)}</span></li>")
                continue
            ends = f"{store.name(data['u'])} — {store.name(data['v'])}"
            src = title.split("\n", 1)[1].removeprefix("来源：") if "\n" in title else ""
            items.append(f"<li>{t(ends)}：{t(label)} <span class=\"muted\">{t(src)}</span></li>")
        cited = f"<h2>依据的登记记录</h2><ul>{''.join(items)}</ul>" if items else ""
    return (f'<table class="meta">{table}</table>'
            f"<h2>说明</h2><p>{t(f.explanation)}</p>"
            f"<h2>法规依据</h2><ul>{basis}</ul>{cited}"
            f'<p class="notice">{esc(NOTICE)}</p>')


def _relatives(store: NxStore, pid: str, names: Names, t: Text, link: PersonLink | None) -> str:
    node = pnode(pid)
    rows = []
    for u, v, key, data in store.adjacent(node):
        if data.get("kind") not in (KIN, TIE):
            continue
        other = v if u == node else u
        who = store.node(other)
        name = t(who.get("name") or node_key(other))
        href = link(node_key(other)) if link and who.get("kind") == "person" else None
        cell = f'<a href="{esc(href)}">{name}</a>' if href else name
        direction = "本人填报" if u == node else f"{t(store.name(u))} 填报本人"
        _, title = edge_view(store, str(key))
        src = title.split("\n", 1)[1].removeprefix("来源：") if "\n" in title else ""
        rows.append((t(data.get("term", "")), cell, direction, t(fmt_dot(who.get("birth_date"))),
                     t(who.get("work") or ""), t(src)))
    for kl in store.kin_links(pid):
        if kl.via is None:
            continue
        other = kl.b if kl.a == node else kl.a
        href = link(node_key(other)) if link else None
        name = t(store.name(other))
        rows.append(("亲属（推导）", f'<a href="{esc(href)}">{name}</a>' if href else name,
                     f"经由 {t(store.name(kl.via))}", "", "", t(kl.text)))
    if not rows:
        return "<p class=\"muted\">无登记的家庭成员或社会关系。</p>"
    head = "".join(f"<th>{h}</th>" for h in ("称谓", "姓名", "填报", "出生", "工作单位及职务", "来源"))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _timeline(store: NxStore, pid: str, t: Text) -> str:
    held = sorted(store.postings_of(pid), key=lambda h: (h.rec.start_date, h.eid))
    if not held:
        return "<p class=\"muted\">无任职记录。</p>"
    years = [h.rec.start_date.year for h in held]
    ends = [h.rec.end_date.year for h in held if h.rec.end_date]
    if any(h.rec.end_date is None for h in held):
        ends.append(date.today().year)  # a current post runs to now
    lo, hi = min(years), max(years + ends) + 1
    width = max(hi - lo, 1)
    rows = []
    for h in held:
        r = h.rec
        end = r.end_date.year + r.end_date.month / 12 if r.end_date else hi
        left = (r.start_date.year + r.start_date.month / 12 - lo) / width * 100
        size = max((end - (r.start_date.year + r.start_date.month / 12)) / width * 100, 1)
        bar = (f'<span class="bar" style="margin-left:{left:.1f}%;width:{min(size, 100 - left):.1f}%"></span>')
        rows.append(f"<tr><td>{t(store.name(r.unit_id))}</td><td>{t(r.title)}</td><td>{t(r.rank or '')}</td>"
                    f"<td>{t(span(r.start_date, r.end_date) or '')}</td><td>{t(r.change or '')}</td>"
                    f'<td style="width:35%">{bar}</td></tr>')
    head = "".join(f"<th>{h}</th>" for h in ("单位", "职务", "职级", "任职期间", "变动类型",
                                               f"时间轴（{lo}–{hi}）"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def person_info(store: NxStore, pid: str, names: Names, t: Text, *, link: PersonLink | None,
                findings: list[tuple[Finding, str | None]]) -> str:
    """A person's particulars, postings timeline, relatives and the findings naming him."""
    p = store.person(pid)
    facts = [("人员编号", t(pid))]
    if p is not None:
        for label, value in (("性别", p.gender), ("出生", fmt_dot(p.birth_date)),
                             ("籍贯", p.native_place), ("成长地", p.growth_place),
                             ("编制类型", p.establishment), ("状态", p.status)):
            if value:
                facts.append((label, t(value)))
        if p.id_number:
            facts.append(("身份证号", t.id_number(p.id_number)))
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in facts)
    items = "".join(
        f"<li>{(f'<a href={chr(34)}{esc(href)}{chr(34)}>{t(f.id)}</a>' if href else t(f.id))} "
        f"{t(f.rule)} {t(f.title)}</li>" for f, href in findings)
    return (f'<table class="meta">{table}</table><h2>任职经历</h2>{_timeline(store, pid, t)}'
            f"<h2>家庭成员及社会关系</h2>{_relatives(store, pid, names, t, link)}"
            f"<h2>涉及的线索</h2><ul>{items or '<li>无</li>'}</ul>"
            f'<p class="notice">{esc(NOTICE)}</p>')
