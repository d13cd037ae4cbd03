"""``guanxi show``, ``guanxi triage`` and ``scan -f html``/``--form 附件2`` on the fixture couple."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from guanxi.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
REMOTE = re.compile(r"(?i)https?://")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "登记表"
    shutil.copytree(FIXTURES / "kin", target)
    return target


def finding_ids(data: Path, *extra: str) -> dict[str, dict]:
    res = run("scan", str(data), "-f", "json", *extra)
    return {f["id"]: f for f in json.loads(res.stdout)["findings"]}


def test_show_writes_one_offline_page(data: Path, tmp_path: Path) -> None:
    fid = next(i for i in finding_ids(data) if i.startswith("AV01"))
    out = tmp_path / "g.html"
    res = run("show", str(data), fid, "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert fid in html and "vis.Network" in html and "《公务员回避规定》第五条" in html
    assert "财务科科长 2021.03–" in html and "丈夫" in html
    assert not REMOTE.search(html)
    assert "330381********013X" in html and "33038119680512013X" not in html


def test_show_unknown_finding_is_a_usage_error(data: Path) -> None:
    res = CliRunner().invoke(main, ["show", str(data), "AV01-ffffffffff"])
    assert res.exit_code == 2 and "没有线索 AV01-ffffffffff" in res.output


def test_triage_carries_over_into_every_output(data: Path, tmp_path: Path) -> None:
    ids = finding_ids(data)
    av01 = next(i for i in ids if i.startswith("AV01"))
    res = run("triage", str(data), av01, "--status", "属实", "--reason", "夫妻，未回避", "--who", "李莉",
              "--when", "2024-06-30", "--action", "诫勉谈话")
    assert res.exit_code == 0, res.output
    book = json.loads((data / "guanxi-decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert book == [{"id": av01, "status": "confirmed", "reason": "夫妻，未回避", "who": "李莉",
                     "when": "2024-06-30", "action": "诫勉谈话", "rule": "AV01",
                     "summary": f"{ids[av01]['title']}：{ids[av01]['explanation']}"}]
    # the decisions file in the data folder is not read as a register
    again = finding_ids(data)
    assert again[av01]["decision"]["status"] == "confirmed"
    table = run("scan", str(data)).output
    assert "属实：夫妻，未回避" in table
    rep = tmp_path / "rep"
    assert run("scan", str(data), "-f", "html", "-o", str(rep)).exit_code == 1
    assert "属实：夫妻，未回避" in (rep / "index.html").read_text(encoding="utf-8")
    xlsx = tmp_path / "f.xlsx"
    run("scan", str(data), "-f", "xlsx", "-o", str(xlsx), "--form", "附件2")
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["附件1", "附件2"] and wb["附件2"]["H5"].value == "诫勉谈话"


def test_decision_of_a_vanished_finding_is_listed(data: Path, tmp_path: Path) -> None:
    res = run("triage", str(data), "AV01-0123456789", "--status", "排除", "--reason", "已调离",
              "--no-check")
    assert res.exit_code == 0, res.output
    doc = json.loads(run("scan", str(data), "-f", "json").stdout)
    assert [d["id"] for d in doc["orphan_decisions"]] == ["AV01-0123456789"]
    res = CliRunner().invoke(main, ["scan", str(data), "-f", "html", "-o", str(tmp_path / "r")])
    assert "1 条的线索本次已不再出现" in res.output
    assert "AV01-0123456789" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_triage_rejects_unknown_status(data: Path) -> None:
    res = CliRunner().invoke(main, ["triage", str(data), "AV01-1", "--status", "也许", "--no-check"])
    assert res.exit_code == 2 and "属实" in res.output


def test_decisions_option_points_elsewhere(data: Path, tmp_path: Path) -> None:
    book = tmp_path / "结论.csv"
    fid = next(iter(finding_ids(data)))
    run("triage", str(data), fid, "--status", "待核实", "--decisions", str(book))
    assert book.read_text(encoding="utf-8-sig").startswith("线索编号,状态")
    assert finding_ids(data, "--decisions", str(book))[fid]["decision"]["status"] == "pending"


def test_html_needs_an_output_folder(data: Path) -> None:
    res = CliRunner().invoke(main, ["scan", str(data), "-f", "html"])
    assert res.exit_code == 2 and "-o" in res.output


def test_path_as_an_offline_graph_page(tmp_path: Path) -> None:
    out = tmp_path / "路径.html"
    res = run("path", str(FIXTURES / "family"), "P1", "P3", "--via", "kin", "-f", "html", "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "张三 与 李五 的关系路径" in html and "张三 —妻子→ 李四 —哥哥→ 李五" in html
    labels = {e["label"] for e in json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);",
                                                       html, re.S).group(1))}
    assert {"妻子", "哥哥"} <= labels
    assert not REMOTE.search(html)


def test_html_is_for_path_only(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["neighbors", str(FIXTURES / "family"), "P1", "-f", "html",
                                    "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 2 and "只用于 guanxi path" in res.output
