"""Click command and group classes with Chinese help headings and a catch-all error handler."""

from __future__ import annotations

import traceback
from typing import Any

import click

HELP_TEXT = "显示本帮助并退出"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ChineseHelp:
    """Headings of ``--help`` in Chinese (usage, options, commands)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        opts = [rv for p in self.get_params(ctx)  # type: ignore[attr-defined]
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


class Command(ChineseHelp, click.Command):
    """A guanxi command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


class Group(ChineseHelp, click.Group):
    """The ``guanxi`` group: turns every exception into one line on stderr and exit code 2 or 3."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
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

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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
