"""The report and an evidence graph in real headless Chromium, network off, hostile data inside."""

from __future__ import annotations

import re
from pathlib import Path

import hostile_data
import pytest
from browser import console_lines, ensure_chromium, png_colours, run_chromium

from guanxi.visualizations import Names
from guanxi.visualizations.report import write_report
from guanxi.visualizations.triage import Decision, Decisions

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def chromium() -> str:
    return ensure_chromium()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store, result = hostile_data.store_and_result()
    fid = result.findings[0].id
    decisions = Decisions(items={fid: Decision(id=fid, status="confirmed", reason=hostile_data.PAYLOAD)})
    out = tmp_path_factory.mktemp("report")
    write_report(result, store, out, Names(store=store), decisions=decisions)
    return out


def open_page(chromium: str, page: Path, tmp: Path) -> tuple[str, list[str], Path]:
    """(DOM after scripts ran, console lines, screenshot) of a page opened from disk."""
    url = page.resolve().as_uri()
    dom = run_chromium(chromium, url, tmp / "profile-dom", "--dump-dom")
    shot = tmp / f"{page.stem}.png"
    pic = run_chromium(chromium, url, tmp / "profile-shot", "--window-size=1000,720",
                       f"--screenshot={shot}", "--hide-scrollbars")
    assert shot.is_file(), pic.stderr[-2000:]
    return dom.stdout, console_lines(dom.stderr) + console_lines(pic.stderr), shot


def assert_inert(dom: str, title: str) -> None:
    """The payloads stayed text: no element was made from them and no script changed the title."""
    assert re.search(r"<title>(.*?)</title>", dom, re.S).group(1) == title
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert '<img src="x"' not in dom and "<img src=x" not in dom
    assert "&lt;script&gt;document.title" in dom  # shown as text


def test_report_index_renders_and_filters(chromium: str, report: Path, tmp_path: Path) -> None:
    dom, console, shot = open_page(chromium, report / "index.html", tmp_path)
    assert console == []
    assert_inert(dom, "选人用人问题线索报告")
    assert '<b id="shown">2</b>' in dom  # the filter script ran and counted the rows
    assert '<table id="findings">' in dom
    assert png_colours(shot) > 8


def test_evidence_graph_renders(chromium: str, report: Path, tmp_path: Path) -> None:
    page = sorted((report / "graphs").glob("AV01-*.html"))[0]
    dom, console, shot = open_page(chromium, page, tmp_path)
    assert console == []
    assert "<canvas" in dom and 'data-graph-drawn="1"' in dom
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title.startswith("AV01 ")
    assert_inert(dom, title)
    assert png_colours(shot) > 8


def test_single_file_graph_page_renders_on_its_own(chromium: str, tmp_path: Path) -> None:
    """``guanxi show`` pages carry vis-network inline: one file, nothing beside it."""
    from guanxi.visualizations.evidence import finding_graph
    from guanxi.visualizations.markup import write_text
    from guanxi.visualizations.pages import Text, finding_info
    from guanxi.visualizations.pyvis_page import graph_html

    store, result = hostile_data.store_and_result()
    page = tmp_path / "alone" / "g.html"
    f = result.findings[0]
    info = finding_info(f, Names(store=store), Text(False), store=store)
    write_text(page, graph_html(finding_graph(store, f), title="单独的关系图", footer=info))
    dom = run_chromium(chromium, page.resolve().as_uri(), tmp_path / "profile", "--dump-dom")
    assert console_lines(dom.stderr) == []
    assert "<canvas" in dom.stdout and 'data-graph-drawn="1"' in dom.stdout
    assert_inert(dom.stdout, "单独的关系图")
