"""Evidence graphs and the HTML report: graph data, offline pages, escaping, masking, decisions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_data
import pytest
from viz_data import ID_NUMBER, MASKED, store_and_result

from guanxi.visualizations import Names
from guanxi.visualizations.evidence import finding_graph
from guanxi.visualizations.markup import FONT_STACK, esc
from guanxi.visualizations.pages import Text, finding_info
from guanxi.visualizations.pyvis_page import graph_html
from guanxi.visualizations.render import render
from guanxi.visualizations.report import file_key, write_report
from guanxi.visualizations.triage import Decision, Decisions

REMOTE = re.compile(r"(?i)(https?|ftp)://")


def graph_data(html: str) -> tuple[list[dict], list[dict], dict]:
    """The node and edge JSON pyvis put into the page, and the vis options."""
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    options = json.loads(re.search(r"var options = (\{.*?\});\n", html, re.S).group(1))
    return nodes, edges, options


def written(root: Path) -> list[Path]:
    return [f for f in root.rglob("*") if f.is_file()]


@pytest.fixture(scope="module")
def couple():
    return store_and_result(["AV01"])


def page_for(store, result, **kw) -> str:
    f = result.findings[0]
    g = finding_graph(store, f, **kw)
    return graph_html(g, title=f.title, footer=finding_info(f, Names(store=store), Text(False)))


def test_graph_carries_evidence_labels_and_grey_context(couple) -> None:
    store, result = couple
    nodes, edges, options = graph_data(page_for(store, result))
    by_id = {n["id"]: n for n in nodes}
    assert {"person/P001", "person/P002", "unit/U2"} <= set(by_id)
    labels = {e["label"] for e in edges}
    assert "丈夫" in labels                       # the relation as written on the form
    assert "财务科科长 2021.03–" in labels          # post and dates
    assert "分管 2018.01–" in labels
    # the colleague in the other section is context: grey, not evidence colours
    context = [n for n in nodes if n["color"]["background"] == "#d9d9d9"]
    assert context and all(n["id"] not in ("person/P001", "person/P002") for n in context)
    assert options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in nodes)
    assert FONT_STACK in json.dumps(options, ensure_ascii=False)


def test_context_is_capped_with_a_count(couple) -> None:
    store, result = couple
    g = finding_graph(store, result.findings[0], cap=0)
    more = [n for n in g.nodes.values() if n.kind == "more"]
    assert more and more[0].label.startswith("另有 ") and g.hidden >= 1


def test_page_is_offline_deterministic_and_plain(couple) -> None:
    store, result = couple
    html = page_for(store, result)
    assert html == page_for(store, result)        # seeded layout
    assert not REMOTE.search(html)
    assert "bootstrap" not in html.lower()
    assert "popup.innerHTML" not in html          # tooltips stay plain text
    assert "vis.Network" in html and '<meta charset="utf-8">' in html


def test_id_numbers_masked_in_graph_unless_asked(couple) -> None:
    store, result = couple
    assert ID_NUMBER not in page_for(store, result) and MASKED in page_for(store, result)
    assert ID_NUMBER in page_for(store, result, show_id=True)


def test_heading_and_every_field_escaped(tmp_path: Path) -> None:
    store, result = hostile_data.store_and_result()
    assert result.findings
    f = result.findings[0]
    html = graph_html(finding_graph(store, f), title=hostile_data.PAYLOAD,
                      footer=finding_info(f, Names(store=store), Text(False), store=store))
    for marker in hostile_data.RAW_MARKERS:
        assert marker not in html
    assert esc("<script>") in html
    assert not REMOTE.search(html)


def test_report_with_hostile_data_executes_nothing_and_refers_nowhere(tmp_path: Path) -> None:
    store, result = hostile_data.store_and_result()
    decisions = Decisions(items={result.findings[0].id: Decision(
        id=result.findings[0].id, status="confirmed", reason=hostile_data.PAYLOAD,
        who=hostile_data.PAYLOAD, action=hostile_data.PAYLOAD)})
    index = write_report(result, store, tmp_path / "r", Names(store=store), decisions=decisions)
    files = written(tmp_path / "r")
    assert index in files and any("graphs" in f.parts for f in files)
    assert any("persons" in f.parts for f in files)
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert not REMOTE.search(text), f
        for marker in hostile_data.RAW_MARKERS:
            assert marker not in text, (f, marker)
    page = index.read_text(encoding="utf-8")
    assert "未检查的规则或情形" in page and "被拒绝的数据行" in page
    assert "不是违规的证据或结论" in page           # a link is a lead, not proof


def test_report_lists_findings_filters_and_masks(couple, tmp_path: Path) -> None:
    store, result = store_and_result(["AV01", "AV02"])
    gone = Decision(id="AV01-0000000000", status="dismissed", reason="已调离", rule="AV01")
    index = write_report(result, store, tmp_path, Names(store=store),
                         decisions=Decisions(items={gone.id: gone}))
    page = index.read_text(encoding="utf-8")
    assert page.count('<tr data-rule=') == len(result.findings)
    for f in result.findings:
        assert f"graphs/{file_key(f.id)}.html" in page
        assert (tmp_path / "graphs" / f"{file_key(f.id)}.html").is_file()
    assert 'id="q"' in page and 'id="f-rule"' in page and "addEventListener" in page
    assert "AV01-0000000000" in page and "已调离" in page  # decision whose finding disappeared
    person = (tmp_path / "persons" / f"{file_key('P001')}.html").read_text(encoding="utf-8")
    assert "局长" in person and "任职经历" in person and "家庭成员及社会关系" in person
    assert MASKED in person and ID_NUMBER not in person


def test_report_caps_graph_pages(tmp_path: Path) -> None:
    store, result = store_and_result(["AV01", "AV02"])
    write_report(result, store, tmp_path, Names(store=store), max_graphs=1)
    assert len(list((tmp_path / "graphs").glob("*.html"))) == 1
    assert "只为最严重的 1 条生成了关系图页面" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_file_key_is_safe_and_distinct() -> None:
    assert "/" not in file_key("../../etc/passwd") and ".." not in file_key("../x")
    assert file_key("a/b") != file_key("a_b")


def test_render_html_needs_a_folder_and_json_has_no_address(tmp_path: Path) -> None:
    store, result = hostile_data.store_and_result()
    render(result, "html", tmp_path / "rep", names=store)
    assert (tmp_path / "rep" / "index.html").is_file()
    render(result, "json", tmp_path / "f.json", names=store)
    text = (tmp_path / "f.json").read_text(encoding="utf-8")
    assert not REMOTE.search(text)
    assert "https://evil.example" in json.dumps(json.loads(text), ensure_ascii=False)


def test_cited_records_become_nodes_tied_to_their_person() -> None:
    from datetime import date

    from viz_data import dataset

    from guanxi.graph import build
    from guanxi.graph.records import Appointment

    ds = dataset()
    ds.appointments = [Appointment(id="A7", person_id="P002", unit_id="U2", title="科长", kind="提拔",
                                   decided_on=date(2021, 2, 20))]
    ds.columns["appointments"] = {"id", "person_id", "unit_id", "title", "kind", "decided_on"}
    store = build(ds)
    from guanxi.visualizations.evidence import evidence_graph

    g = evidence_graph(store, ["person/P002"], ["appointment/A7", "appointment/none", "review/99"],
                       context=False)
    assert [n.label for n in g.nodes.values() if n.kind == "record"] == ["选拔任用纪实 A7"]
    tie = next(e for e in g.edges if e.kind == "record")
    assert (tie.v, tie.label) == ("person/P002", "提拔 科长 2021.02")
    assert "unit/U2" in g.nodes


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table", "html"])
def test_no_written_file_refers_to_a_remote_address(fmt: str, tmp_path: Path) -> None:
    store, result = hostile_data.store_and_result()
    out = tmp_path / ("rep" if fmt == "html" else f"o.{fmt}")
    render(result, fmt, out, names=store)
    for f in written(tmp_path):
        assert not REMOTE.search(f.read_text(encoding="utf-8")), f
    assert "evil.example" in "".join(f.read_text(encoding="utf-8") for f in written(tmp_path))


def test_xlsx_cells_refer_to_no_remote_address(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    store, result = hostile_data.store_and_result()
    render(result, "xlsx", tmp_path / "o.xlsx", names=store)
    cells = [str(c.value) for ws in load_workbook(tmp_path / "o.xlsx") for row in ws.iter_rows()
             for c in row if c.value is not None]
    assert any("evil.example" in c for c in cells)
    assert not any(REMOTE.search(c) for c in cells)
