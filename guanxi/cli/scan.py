"""``guanxi validate`` and ``guanxi scan``: check a dataset, run the rules, write the findings."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from guanxi.cli.candidates import matches_summary, write_candidates
from guanxi.cli.common import (
    CliError,
    build_store,
    debug_option,
    decisions_option,
    judgements_option,
    load,
    parse_date,
    progress,
    read_decisions,
    show_id_option,
)
from guanxi.cli.help import Command
from guanxi.queries import load_config, scan, select_rules
from guanxi.queries.scan import TABLE_ZH
from guanxi.visualizations import FORMATS, mask_id_numbers, render
from guanxi.visualizations.rows import rejected_text

SUFFIX_FORMAT = {".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson", ".csv": "csv",
                 ".xlsx": "xlsx", ".txt": "table"}


def rule_codes(text: str | None) -> list[str] | None:
    """``AV01,np03`` -> ``["AV01", "NP03"]``; Chinese commas and spaces also separate."""
    if not text:
        return None
    return [c.upper() for c in re.split(r"[,，、;；\s]+", text) if c]


@click.command("validate", cls=Command, help="""检查数据集能否读入：每张表的行数、提示和被拒绝的行。

数据有误时在标准错误输出一行说明（文件、工作表、行、列、应为何值），退出码 2。

\b
示例：
  guanxi validate ./登记表/
  guanxi validate 材料.xlsx --lenient
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--lenient", is_flag=True, help="跳过有错误的行并列出，而不是在第一处错误停止")
@judgements_option
@click.option("--candidates", "candidates_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="FILE",
              help="把亲属匹配（自动认定与候选）写成 CSV 研判表：填写“研判结论”后作为研判文件使用")
@show_id_option
@debug_option
def validate(data: Path, lenient: bool, judgements: Path | None, candidates_out: Path | None,
             show_id: bool) -> None:
    with progress() as say:
        dataset = load(data, lenient=lenient, say=say, judgements=judgements)
        build_store(dataset, say)  # resolves relatives and kin terms; may add warnings

    def out(text: str) -> None:
        click.echo(text if show_id else mask_id_numbers(text))

    out(f"数据：{data}")
    counts = dataset.counts()
    width = max((len(t) for t in counts), default=0)
    for table, n in counts.items():
        out(f"  {table.ljust(width)}  {TABLE_ZH.get(table, table)}  {n} 行")
    if dataset.warnings:
        out(f"提示（{len(dataset.warnings)} 条）：")
        for w in dataset.warnings:
            out(f"  {w}")
    if dataset.rejected:
        out(f"被拒绝行（{len(dataset.rejected)} 行）：")
        for r in dataset.rejected:
            out(f"  {rejected_text(r)}")
    if dataset.candidates:
        out(matches_summary(dataset.candidates))
    if candidates_out is not None:
        write_candidates(dataset.candidates, candidates_out, show_id=show_id)
        out(f"已写入研判表 {candidates_out}（{len(dataset.candidates)} 行）")
    out("数据可以读入。" if not dataset.rejected else "其余数据可以读入。")


@click.command("scan", cls=Command, help="""扫描数据集，找出选人用人问题线索。

DATA：存放 CSV/XLSX 登记表的文件夹，或每表一页的 XLSX 工作簿，或一个 JSON 文件。

退出码：0 无线索，1 有线索，2 用法、数据或配置错误。

\b
示例：
  guanxi scan ./登记表/
  guanxi scan ./登记表/ --rules AV01,NP03 -f xlsx -o 线索.xlsx
  guanxi scan ./登记表/ -f html -o 报告/          # 离线网页报告，打开 报告/index.html
  guanxi scan ./登记表/ -f xlsx -o 线索.xlsx --form 附件2
  guanxi scan 材料.xlsx -f json --config my.toml --as-of 2024-06-30
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--rules", "rules", metavar="CODES", help="只运行这些规则，如 AV01,NP03（默认全部）")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="输出格式（默认 table；-o 的扩展名为 .json/.csv/.xlsx 时按扩展名）")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="写入文件（默认标准输出；xlsx 必须指定；html 为报告文件夹）")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML 配置文件（guanxi config > my.toml 得到默认配置）")
@click.option("--lenient", is_flag=True, help="跳过有错误的行，在结果的“被拒绝行”中列出")
@click.option("--as-of", "as_of", metavar="DATE", callback=parse_date,
              help="检查基准日，如 2024-06-30（默认为配置中的 as_of 或今天）")
@judgements_option
@decisions_option
@click.option("--form", "forms", multiple=True, type=click.Choice(["附件1", "附件2"]),
              help="xlsx 中另附的正式表格：附件2 按核查结论为“属实”的线索填写查处问责情况汇总表（附件1 总是第一页）")
@click.option("--max-graphs", type=click.IntRange(min=0), default=None, metavar="N",
              help="html 报告最多生成多少个关系图页面（默认 500，严重程度高的优先）")
@show_id_option
@debug_option
@click.pass_context
def scan_cmd(ctx: click.Context, data: Path, rules: str | None, fmt: str | None, output: Path | None,
             config: Path | None, lenient: bool, as_of: date | None, judgements: Path | None,
             decisions: Path | None, forms: tuple[str, ...], max_graphs: int | None,
             show_id: bool) -> None:
    codes = rule_codes(rules)
    try:
        select_rules(codes)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    cfg = load_config(config)
    if as_of is not None:
        cfg.scan.as_of = as_of
    if fmt is None:
        fmt = SUFFIX_FORMAT.get(output.suffix.lower(), "table") if output else "table"
    if fmt == "xlsx" and output is None:
        raise CliError("xlsx 格式需要用 -o 指定输出文件，例如 -o 线索.xlsx")
    if fmt == "html" and output is None:
        raise CliError("html 格式需要用 -o 指定报告文件夹，例如 -o 报告/")
    if fmt != "html" and output is not None and output.is_dir():
        raise CliError(f"{output} 是一个文件夹；{fmt} 格式应写入一个文件（文件夹只用于 -f html）")
    triage = read_decisions(data, decisions)
    with progress() as say:
        dataset = load(data, lenient=lenient, say=say, judgements=judgements)
        store = build_store(dataset, say)
        result = scan(store, cfg, codes, progress=say)
    render(result, fmt, output, names=store, show_id=show_id, decisions=triage, forms=forms,
           max_graphs=max_graphs)
    if output is not None:
        where = output / "index.html" if fmt == "html" else output
        click.echo(f"已写入 {where}（{len(result.findings)} 条线索）", err=True)
    if triage.items:
        gone = len(triage.orphans(f.id for f in result.findings))
        click.echo(f"核查结论 {len(triage.items)} 条（{triage.path}）"
                   + (f"，其中 {gone} 条的线索本次已不再出现" if gone else ""), err=True)
    ctx.exit(1 if result.findings else 0)
