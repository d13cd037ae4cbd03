"""``guanxi term`` and ``guanxi kin``: what a kinship term means, and how two people are related."""

from __future__ import annotations

from pathlib import Path

import click

from guanxi.cli.common import (
    build_store,
    debug_option,
    echo_json,
    judgements_option,
    load,
    person_id,
    progress,
)
from guanxi.cli.help import Command
from guanxi.queries import load_config


@click.command("term", cls=Command, help="""解释一个亲属称谓：它代表的亲属链和回避类别。

\b
示例：
  guanxi term 表哥
  guanxi term 岳父 --gender 男 -f json
""")
@click.argument("term")
@click.option("--gender", type=click.Choice(["男", "女"]), default=None, help="填表人的性别（有的称谓因此不同）")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML 配置文件（其中 [kinship] 决定回避范围）")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              help="输出格式")
@debug_option
def term_cmd(term: str, gender: str | None, config: Path | None, fmt: str) -> None:
    from guanxi.graph.kinship.explain import explain_term, render_term

    scope = load_config(config).kinship
    info = explain_term(term.strip(), gender=gender, scope=scope)
    if fmt == "json":
        echo_json(info)
    else:
        click.echo(render_term(info))


@click.command("kin", cls=Command, help="""说明数据集中两个人之间的亲属关系及其来源。

A、B 为人员编号（或名册中唯一的姓名）。

\b
示例：
  guanxi kin ./登记表/ P001 P007
  guanxi kin ./登记表/ 张三 李四 -f json
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("a")
@click.argument("b")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML 配置文件（其中 [kinship] 决定回避范围）")
@click.option("--lenient", is_flag=True, help="跳过有错误的行")
@judgements_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              help="输出格式")
@debug_option
def kin_cmd(data: Path, a: str, b: str, config: Path | None, lenient: bool,
            judgements: Path | None, fmt: str) -> None:
    from guanxi.graph.kinship.explain import explain_pair, render_pair

    scope = load_config(config).kinship
    with progress() as say:
        store = build_store(load(data, lenient=lenient, say=say, judgements=judgements), say)
    info = explain_pair(store, person_id(store, a), person_id(store, b), scope=scope)
    if fmt == "json":
        echo_json(info)
    else:
        click.echo(render_pair(info))
