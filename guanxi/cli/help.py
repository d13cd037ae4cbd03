"""Click command and group classes with Chinese help headings and a catch-all error handler."""

from __future__ import annotations

import re
import traceback
from typing import IO, Any

import click

HELP_TEXT = "显示本帮助并退出"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: click's own usage errors (click 8) in Chinese; an unknown message is shown as click words it
_ZH_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"^Missing argument '(.+)'\.$", "缺少参数 {0}"),
    (r"^Missing option '(.+)'\.$", "缺少选项 {0}"),
    (r"^No such option '(.+)'\.$", "没有选项 {0}"),
    (r"^No such option '(.+)'\. Did you mean '(.+)'\?$", "没有选项 {0}，是否要用 {1}？"),
    (r"^No such option '(.+)'\. \(Did you mean one of: (.+)\?\)$", "没有选项 {0}（是否要用 {1} 之一？）"),
    (r"^No such command '(.+)'\.$", "没有命令 {0}"),
    (r"^Option '(.+)' requires an argument\.$", "选项 {0} 需要一个值"),
    (r"^Option '(.+)' does not take a value\.$", "选项 {0} 不带值"),
    (r"^Got unexpected extra arguments? \((.+)\)$", "多余的参数：{0}"),
    (r"^Invalid value for (.+?): (.+)$", "{0} 的值无效：{1}"),
    (r"^'(.+)' is not one of (.+)\.$", "“{0}”不是可选值（{1}）之一"),
    (r"^(.+) is not in the range (.+)\.$", "{0} 不在允许的范围（{1}）内"),
    (r"^'(.+)' is not a valid (?:integer|integer range|float|float range)\.$", "“{0}”不是数字"),
    (r"^(?:File|Directory|Path) '(.+)' does not exist\.$", "{0} 不存在"),
))


def chinese(message: str) -> str:
    """A click usage message in Chinese, where the table knows it (the inner part of an
    invalid value too).

    >>> print(chinese("Invalid value for '--persons': 10 is not in the range x>=50."))
    '--persons' 的值无效：10 不在允许的范围（x>=50）内
    >>> chinese("未知规则 XX99")
    '未知规则 XX99'
    """
    for pattern, zh in _ZH_ERRORS:
        m = pattern.match(message)
        if m:
            return zh.format(*(chinese(g) if g else g for g in m.groups()))
    return message


#: click's names of value types, as an option's help shows them
_METAVARS = {"INTEGER RANGE": "整数", "INTEGER": "整数", "FLOAT RANGE": "数值", "FLOAT": "数值",
             "DIRECTORY": "文件夹", "FILE": "文件", "PATH": "路径", "TEXT": "文本"}
_METAVAR = re.compile(r"\b(" + "|".join(_METAVARS) + r")\b")


def _chinese_record(left: str, right: str) -> tuple[str, str]:
    """An option's help line with click's own words (value type, default, required) in Chinese.

    >>> _chinese_record("--persons INTEGER RANGE", "人数  [default: 3000; x>=50]")
    ('--persons 整数', '人数  [默认：3000；x>=50]')
    """
    left = _METAVAR.sub(lambda m: _METAVARS[m.group(1)], left)
    if right.endswith("]") and "  [" in right:
        text, _, extra = right.rpartition("  [")
        extra = extra.replace("default: ", "默认：").replace("required", "必填").replace("; ", "；")
        right = f"{text}  [{extra}"
    return left, right


class ChineseUsageError(click.UsageError):
    """A usage error shown in Chinese: the usage line, the error, and where help is."""

    def __init__(self, err: click.UsageError) -> None:
        super().__init__(chinese(err.format_message()), err.ctx)

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            click.echo(ctx.get_usage(), file=file, err=True)
        click.echo(f"错误：{self.message}", file=file, err=True)
        if ctx is not None:
            click.echo(f"（{ctx.command_path} -h 显示帮助）", file=file, err=True)


class ChineseHelp:
    """Headings of ``--help`` in Chinese (usage, options, commands)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        opts = [_chinese_record(*rv) for p in self.get_params(ctx)  # type: ignore[attr-defined]
                if (rv := p.get_help_record(ctx)) is not None]
        if opts:
            with formatter.section("选项"):
                formatter.write_dl(opts)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        opt: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if opt is not None:
            opt.help = HELP_TEXT
        return opt


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")


def join_lines(help_text: str | None) -> str | None:
    """Help text whose paragraphs have a line broken between two Chinese characters joined up:
    click joins a paragraph's lines with a space, which Chinese does not have (``（灰色， 超出``).
    A paragraph click keeps as written (after a ``\\b`` line) is left alone.

    >>> join_lines("人员（灰色，\\n超出部分）\\n\\n\\b\\n甲，\\n乙")
    '人员（灰色，超出部分）\\n\\n\\x08\\n甲，\\n乙'
    """
    if not help_text:
        return help_text
    return "\n\n".join(p if p.startswith("\b") else _CJK_BREAK.sub("", p) for p in help_text.split("\n\n"))


class Command(ChineseHelp, click.Command):
    """A guanxi command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs["help"] = join_lines(kwargs.get("help"))
        super().__init__(*args, **kwargs)


class Group(ChineseHelp, click.Group):
    """The ``guanxi`` group: turns every exception into one line on stderr and exit code 2 or 3."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        kwargs["help"] = join_lines(kwargs.get("help"))
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=60)))
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # registration order, not alphabetical

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:  # the group's own options: ``guanxi --bogus``
            raise ChineseUsageError(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a command's arguments, or an unknown command
            raise exc if isinstance(exc, ChineseUsageError) else ChineseUsageError(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("已中断。", err=True)
            ctx.exit(130)
        except Exception as exc:  # the one place that reports every failure
            from guanxi.cli.common import describe_error

            if ctx.meta.get("guanxi.debug"):
                traceback.print_exc()
            code, message = describe_error(exc, show_id=bool(ctx.meta.get("guanxi.show_id")))
            click.echo(message, err=True)
            ctx.exit(code)
