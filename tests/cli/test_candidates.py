"""Relative matches: validate lists them, exports a judgements sheet, and the judged sheet is honoured."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from guanxi.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "independent"
#: 何静 names a 哥哥 何志远 without a birth month: same name and same department, score too low
EXTRA = "P35,哥哥,,何志远,,县中医院 针灸科\n"


def dataset(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    with open(d / "家庭成员及社会关系.csv", "a", encoding="utf-8") as f:
        f.write(EXTRA)
    return d


def av01_pairs(d: Path, *extra: str) -> list[list[str]]:
    r = CliRunner().invoke(main, ["scan", str(d), "--rules", "AV01", "-f", "json", *extra])
    return [f["persons"] for f in json.loads(r.stdout)["findings"]]


def test_candidate_is_reported_exported_and_not_merged(tmp_path: Path) -> None:
    d = dataset(tmp_path)
    sheet = tmp_path / "研判表.csv"
    r = CliRunner().invoke(main, ["validate", str(d), "--candidates", str(sheet)])
    assert r.exit_code == 0, r.output
    assert "P35 的哥哥 何志远 可能是人员 P16" in r.stdout
    assert "亲属匹配：自动认定 1 条，候选（未合并） 1 条" in r.stdout
    with open(sheet, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["亲属引用"] == "P35|哥哥|何志远" and rows[0]["人员编号"] == "P16"
    assert rows[0]["研判结论"] == "" and rows[0]["当前状态"] == "候选（未合并）"
    assert ["P16", "P35"] not in av01_pairs(d)


def test_confirmed_candidate_is_merged_and_rejection_wins(tmp_path: Path) -> None:
    d = dataset(tmp_path)
    sheet = tmp_path / "研判表.csv"
    CliRunner().invoke(main, ["validate", str(d), "--candidates", str(sheet)])
    text = sheet.read_text(encoding="utf-8-sig")
    (d / "研判.csv").write_text(text.replace("P35|哥哥|何志远,P16,,", "P35|哥哥|何志远,P16,确认,"),
                               encoding="utf-8")
    pairs = av01_pairs(d)
    # his brother is the 科主任; the 主任's cousin is then his cousin too, both under the 主任
    assert ["P16", "P35"] in pairs and ["P17", "P35"] in pairs
    judged = tmp_path / "other.csv"
    judged.write_text("亲属引用,人员编号,研判结论,理由\nP05|舅舅|陈建国,P01,否定,同名不同人\n",
                      encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(d), "--judgements", str(judged)])
    assert "人工否定 1 条" in r.stdout, r.stdout
    r = CliRunner().invoke(main, ["scan", str(d), "--rules", "AV02", "--judgements", str(judged)])
    assert r.exit_code == 0, r.output  # the 院长's 外甥 was the only AV02 finding


def test_missing_judgements_file_is_a_usage_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["scan", str(DATA), "--judgements", str(tmp_path / "no.csv")])
    assert r.exit_code == 2 and "找不到研判文件" in r.stderr
