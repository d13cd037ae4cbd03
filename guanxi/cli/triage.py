"""``guanxi triage``: record an inspector's decision on a finding in the decisions file."""

from __future__ import annotations

import getpass
from datetime import date, datetime
from pathlib import Path

import click

from guanxi.cli.common import CliError, debug_option, decisions_option, parse_date
from guanxi.cli.help import Command
from guanxi.cli.show import find_finding


@click.command("triage", cls=Command, help="""记录对一条线索的核查结论：属实、排除或待核实。

结论按线索编号保存在核查结论文件中（默认：数据文件夹中的 guanxi-decisions.json，
也可用 --decisions 指定 .json 或 .csv，可手工编辑）。再次扫描时结论自动带入各种输出，
线索已不再出现的结论单独列出。

\b
示例：
  guanxi triage ./登记表/ AV01-3f2a9c81d0 --status 属实 --reason "经核实为夫妻，未回避" --who 李莉
  guanxi triage ./登记表/ NP03-0a1b2c3d4e --status 排除 --reason "系组织调配"
  guanxi triage ./登记表/ AV01-3f2a9c81d0 --status 属实 --action "诫勉谈话"
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("finding_id")
@click.option("--status", required=True, metavar="STATUS",
              help="属实(confirmed) / 排除(dismissed) / 待核实(pending)")
@click.option("--reason", default="", help="理由")
@click.option("--who", default=None, help="核查人（默认为当前登录用户名）")
@click.option("--when", "when", metavar="DATE", callback=parse_date, default=None,
              help="核查日期（默认今天）")
@click.option("--action", default="", help="问责情况（填入附件2），如 诫勉谈话")
@click.option("--no-check", is_flag=True, help="不扫描数据确认线索存在（线索编号须照抄）")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML 配置文件（与 scan 所用相同）")
@decisions_option
@debug_option
def triage_cmd(data: Path, finding_id: str, status: str, reason: str, who: str | None,
               when: date | None, action: str, no_check: bool, config: Path | None,
               decisions: Path | None) -> None:
    from guanxi.visualizations.triage import (
        Decision,
        DecisionError,
        default_path,
        load_decisions,
        parse_status,
        save_decisions,
    )

    try:
        code = parse_status(status)
        book = load_decisions(decisions or default_path(data))
    except DecisionError as exc:
        raise CliError(str(exc)) from None
    rule, summary = finding_id.split("-", 1)[0].upper(), ""
    old = book.get(finding_id)
    if not no_check:
        _store, _result, f = find_finding(data, finding_id, config=config, as_of=None, lenient=True)
        rule, summary = f.rule, f"{f.title}：{f.explanation}"
    elif old is not None:
        rule, summary = old.rule or rule, old.summary
    if who is None:
        try:
            who = getpass.getuser()
        except (OSError, KeyError):
            who = ""
    stamp = (when or datetime.now().date()).isoformat()
    book.items[finding_id] = Decision(id=finding_id, status=code, reason=reason, who=who, when=stamp,
                                      action=action or (old.action if old else ""), rule=rule,
                                      summary=summary)
    path = save_decisions(book)
    verb = "更新" if old is not None else "记录"
    click.echo(f"已{verb} {finding_id}：{book.items[finding_id].text()}（{path}）", err=True)
