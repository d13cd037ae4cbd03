"""``guanxi generate`` and ``guanxi demo``: synthetic registers, and a scan of them end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from guanxi.cli.common import build_store, debug_option, load, progress
from guanxi.cli.help import Command
from guanxi.queries import load_config, scan
from guanxi.queries.scan import ScanResult
from guanxi.visualizations import render

DEMO_PERSONS = 3000
DEMO_ROWS = 10


def synthesize(out: Path, persons: int, seed: int, say: Any) -> dict[str, Any]:
    from guanxi.synth import generate

    return dict(generate(out, persons, seed, progress=say) or {})


def _cases(truth: Any) -> list[dict[str, Any]]:
    """The planted cases of a truth.json, whatever list they are kept in."""
    if isinstance(truth, dict):
        for key in ("cases", "planted", "findings", "truth"):
            if isinstance(truth.get(key), list):
                return _cases(truth[key])
        return []
    if isinstance(truth, list):
        return [c for c in truth if isinstance(c, dict) and "rule" in c and "persons" in c]
    return []


def _hit(case: dict[str, Any], found: list[tuple[str, frozenset[str]]]) -> bool:
    """A finding of the case's rule with the same persons (``match: exact``) or containing them."""
    want = frozenset(map(str, case["persons"]))
    exact = case.get("match", "exact") == "exact"
    return any(rule == case["rule"] and (ps == want if exact else want <= ps) for rule, ps in found)


def compare_truth(path: Path, result: ScanResult) -> dict[str, int] | None:
    """Planted cases found and near-misses flagged, for the rules that ran; None without truth."""
    try:
        cases = _cases(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
    skipped = {n.rule for n in result.not_checked if not n.persons}
    ran = set(result.rules) - skipped
    cases = [c for c in cases if c["rule"] in ran]
    if not cases:
        return None
    found = [(f.rule, frozenset(f.persons)) for f in result.findings]
    planted = [c for c in cases if c.get("expect", "found") != "absent"]
    near = [c for c in cases if c.get("expect") == "absent"]
    return {"planted": len(planted), "found": sum(_hit(c, found) for c in planted),
            "near": len(near), "flagged": sum(_hit(c, found) for c in near)}


@click.command("generate", cls=Command, help="""生成一套虚构的市卫生健康系统登记表（CSV）和预置答案 truth.json。

\b
示例：
  guanxi generate --persons 5000 --seed 1 --out ./样例数据/
""")
@click.option("--persons", type=click.IntRange(min=1), default=2000, show_default=True,
              help="人数")
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子（相同种子得到相同数据）")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="输出文件夹")
@debug_option
def generate_cmd(persons: int, seed: int, out: Path) -> None:
    with progress() as say:
        info = synthesize(out, persons, seed, say)
    click.echo(f"已生成 {persons} 人的数据集：{out}")
    for key, value in info.items():
        if isinstance(value, (int, float, str)):
            click.echo(f"  {key}: {value}")


@click.command("demo", cls=Command, help="""演示：生成几千人的样例数据，扫描，打印汇总，并把结果写入文件夹。

结果文件：findings.json、findings.csv、findings.xlsx（附件1 格式）和网页报告 report/index.html。

\b
示例：
  guanxi demo
  guanxi demo --out ./演示/ --persons 5000
""")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("guanxi-demo"), show_default=True, help="输出文件夹")
@click.option("--persons", type=click.IntRange(min=50), default=DEMO_PERSONS, show_default=True,
              help="人数")
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子")
@debug_option
def demo_cmd(out: Path, persons: int, seed: int) -> None:
    data = out / "data"
    with progress() as say:
        synthesize(data, persons, seed, say)
        dataset = load(data, lenient=False, say=say)
        store = build_store(dataset, say)
        result = scan(store, load_config(None), None, progress=say)
    render(result, "table", None, names=store, max_rows=DEMO_ROWS)
    for name, fmt in (("findings.json", "json"), ("findings.csv", "csv"), ("findings.xlsx", "xlsx"),
                      ("report", "html")):
        render(result, fmt, out / name, names=store)
    click.echo("")
    click.echo(f"样例数据：{data.resolve()}")
    click.echo(f"结果文件：{(out / 'findings.xlsx').resolve()}（另有 findings.json、findings.csv）")
    click.echo(f"网页报告：{(out / 'report' / 'index.html').resolve()}（离线打开，含关系图）")
    score = compare_truth(data / "truth.json", result)
    if score is not None:
        click.echo(f"对照预置答案 truth.json：预置案例 {score['planted']} 个，发现 {score['found']} 个；"
                   f"不应报告的近似情形 {score['near']} 个，误报 {score['flagged']} 个")
    click.echo("扫描自己的数据：guanxi scan 文件夹 -f xlsx -o 线索.xlsx（guanxi scan -h 查看用法）")
