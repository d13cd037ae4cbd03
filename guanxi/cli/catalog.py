"""``guanxi rules`` and ``guanxi config``: the rule catalog and the default configuration."""

from __future__ import annotations

from typing import Any

import click

from guanxi.cli.common import CliError, debug_option, echo_json
from guanxi.cli.help import Command
from guanxi.queries import RULES
from guanxi.queries.config import render_default_config
from guanxi.queries.finding import CATEGORY_NAMES
from guanxi.queries.rule import Rule
from guanxi.queries.scan import TABLE_ZH
from guanxi.visualizations.rows import SEVERITY_ZH


def tables_text(needs: tuple[str, ...], groups: tuple[tuple[str, ...], ...] = ()) -> str:
    """``persons（人员）、units.function 列``, and each group as ``；以及下列之一：a 或 b``."""
    parts = []
    for need in needs:
        table, _, column = need.partition(".")
        parts.append(f"{need} 列" if column else f"{table}（{TABLE_ZH.get(table, table)}）")
    text = "、".join(parts)
    for group in groups:
        *first, last = (tables_text((n,)) for n in group)
        text += f"；以及下列之一：{'、'.join(first)}或 {last}" if first else f"、{last}"
    return text


def default_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code, "title": rule.title, "category": rule.category,
        "category_name": CATEGORY_NAMES[rule.category], "severity": rule.severity,
        "basis": list(rule.basis), "condition": rule.condition, "needs": list(rule.needs),
        "needs_one_of": [list(g) for g in rule.needs_one_of], "optional": list(rule.optional),
        "params": [{"name": p.name, "default": p.default, "description": p.description}
                   for p in rule.params],
    }


def rule_lines(rule: Rule, *, full: bool) -> list[str]:
    """The catalog entry of one rule; ``full`` adds the condition and the params."""
    lines = [
        f"{rule.code}  {rule.title}",
        f"      类别：{rule.category} {CATEGORY_NAMES[rule.category]}；严重程度：{SEVERITY_ZH[rule.severity]}",
        f"      依据：{'；'.join(rule.basis)}",
        f"      需要：{tables_text(rule.needs, rule.needs_one_of)}",
    ]
    if not full:
        return lines
    if rule.optional:
        lines.append(f"      可选：{tables_text(rule.optional)}")
    if rule.condition:
        lines.append(f"      判定条件：{rule.condition}")
    if rule.params:
        lines.append(f"      参数（可在配置文件 [rules.{rule.code}] 中修改）：")
        for p in rule.params:
            lines.append(f"        {p.name} = {default_text(p.default)}  {p.description}")
    else:
        lines.append("      参数：无")
    return lines


@click.command("rules", cls=Command, help="""列出规则目录；给出编号时显示该规则的全部说明。

\b
示例：
  guanxi rules
  guanxi rules AV01
  guanxi rules -f json
""")
@click.argument("code", required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              help="输出格式")
@debug_option
def rules_cmd(code: str | None, fmt: str) -> None:
    chosen = list(RULES)
    if code:
        chosen = [r for r in RULES if r.code == code.strip().upper()]
        if not chosen:
            known = "、".join(r.code for r in RULES)
            raise CliError(f"未知规则 {code}（可用：{known}）")
    if fmt == "json":
        echo_json([rule_json(r) for r in chosen] if not code else rule_json(chosen[0]))
        return
    if not code:
        click.echo(f"规则目录（共 {len(RULES)} 条；guanxi rules 编号 查看判定条件和参数）")
        click.echo("")
    for i, rule in enumerate(chosen):
        if i:
            click.echo("")
        for line in rule_lines(rule, full=bool(code)):
            click.echo(line)


@click.command("config", cls=Command, help="""打印带说明的默认配置文件，复制后按需修改。

\b
示例：
  guanxi config > my.toml
  guanxi scan ./登记表/ --config my.toml
""")
@debug_option
def config_cmd() -> None:
    click.echo(render_default_config(), nl=False)
