"""``guanxi show``: one finding's evidence graph as a page that opens offline."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from guanxi.cli.common import (
    CliError,
    build_store,
    debug_option,
    decisions_option,
    load,
    parse_date,
    progress,
    read_decisions,
    show_id_option,
)
from guanxi.cli.help import Command
from guanxi.queries import load_config, scan, select_rules


def find_finding(data: Path, finding_id: str, *, config: Path | None, as_of: date | None,
                 lenient: bool) -> tuple[Any, Any, Any]:
    """(store, scan result, finding): only the finding's own rule is run."""
    code = finding_id.split("-", 1)[0].upper()
    try:
        select_rules([code])
    except ValueError:
        raise CliError(f"线索编号 {finding_id} 不像 guanxi 的线索编号（应为 规则-编号，如 AV01-3f2a9c81d0）") from None
    cfg = load_config(config)
    if as_of is not None:
        cfg.scan.as_of = as_of
    with progress() as say:
        store = build_store(load(data, lenient=lenient, say=say), say)
        result = scan(store, cfg, [code], progress=say)
    for f in result.findings:
        if f.id == finding_id:
            return store, result, f
    raise CliError(f"本次扫描没有线索 {finding_id}（数据或配置变了？用 guanxi scan {data} 查看现有的线索编号）")


@click.command("show", cls=Command, help="""把一条线索的证据画成关系图网页（离线可打开）。

图中为线索所依据的人员、机构和关系（彩色），以及它们一跳以内的相邻人员和机构（灰色，
超出部分显示为“另有 N 人”）；连线标注关系和起止时间；页面下方附说明、法规依据和核查结论。

\b
示例：
  guanxi show ./登记表/ AV01-3f2a9c81d0 -o 线索.html
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("finding_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="网页文件（默认为 线索编号.html）")
@click.option("--context", "cap", type=click.IntRange(min=0), default=6, show_default=True,
              help="每个证据节点最多画出的相邻人员或机构数")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML 配置文件（与 scan 所用相同，线索编号才一致）")
@click.option("--lenient", is_flag=True, help="跳过有错误的行")
@click.option("--as-of", "as_of", metavar="DATE", callback=parse_date, help="检查基准日，如 2024-06-30")
@decisions_option
@show_id_option
@debug_option
def show_cmd(data: Path, finding_id: str, output: Path | None, cap: int, config: Path | None,
             lenient: bool, as_of: date | None, decisions: Path | None, show_id: bool) -> None:
    from guanxi.visualizations import Names
    from guanxi.visualizations.evidence import finding_graph
    from guanxi.visualizations.markup import write_text
    from guanxi.visualizations.pages import Text, finding_info
    from guanxi.visualizations.pyvis_page import graph_html

    triage = read_decisions(data, decisions)
    store, _result, f = find_finding(data, finding_id, config=config, as_of=as_of, lenient=lenient)
    names = Names(store=store)
    names.note_people(f.persons)
    g = finding_graph(store, f, cap=cap, show_id=show_id)
    info = finding_info(f, names, Text(show_id), decision=triage.get(f.id), store=store)
    more = f'<p class="muted">灰色为一跳相邻人员和机构，另有 {g.hidden} 个未画出。</p>' if g.hidden else ""
    out = output or Path(f"{f.id}.html")
    write_text(out, graph_html(g, title=f"{f.rule} {f.title}（{f.id}）", footer=info + more))
    click.echo(f"已写入 {out}（{len(g.nodes)} 个节点，{len(g.edges)} 条连线）", err=True)
