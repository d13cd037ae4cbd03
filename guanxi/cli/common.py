"""What the commands share: errors, progress on stderr, options, loading a dataset."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console

from guanxi.queries import ConfigError
from guanxi.visualizations import RenderError, mask_id_numbers

Say = Callable[..., None]


class CliError(click.ClickException):
    """A problem the user can fix: one Chinese line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True, file=file)


def describe_error(exc: BaseException, *, show_id: bool = False) -> tuple[int, str]:
    """Exit code and the one line to print for an exception that reached the top."""
    user_errors: tuple[type[BaseException], ...] = (ConfigError, RenderError, OSError)
    try:
        from guanxi.loaders import DataError

        user_errors += (DataError,)
    except ImportError:
        pass
    text = str(exc).strip().replace("\n", " ")
    if not show_id:
        text = mask_id_numbers(text)
    if isinstance(exc, user_errors):
        return 2, f"错误：{text}"
    return 3, f"内部错误：{type(exc).__name__}: {text}（加 --debug 查看详细信息，并请报告此问题）"


def _set_meta(key: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta[key] = True
    return callback


debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_meta("guanxi.debug"), help="出错时显示完整的调用栈")


def show_id_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--show-id", is_flag=True, callback=lambda c, p, v: _mark_show_id(c, v),
                        help="输出中显示完整身份证号（默认隐去中间数字）")(f)


def _mark_show_id(ctx: click.Context, value: bool) -> bool:
    if value:
        ctx.meta["guanxi.show_id"] = True
    return value


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"应为日期，如 2024-06-30，实际为 {value!r}") from None


@contextmanager
def progress() -> Iterator[Say]:
    """A status line on stderr for long steps; silent when stderr is not a terminal.

    The callback takes a message and, optionally, ``done`` and ``total``.
    """
    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda *_a, **_k: None
        return
    with console.status("", spinner="dots") as status:
        def say(message: object, *args: Any, **_kw: Any) -> None:
            nums = [a for a in args if isinstance(a, (int, float))]
            suffix = f" {nums[0]:,}/{nums[1]:,}" if len(nums) >= 2 else ""
            status.update(f"{message}{suffix}")
        yield say


SHOW_CANDIDATES = 10  # people an ambiguous name lists


class Ambiguous(CliError):
    """A name that fits several people or units: the error line, then one line per candidate."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates

    def show(self, file: Any = None) -> None:
        super().show(file)
        for line in self.candidates[:SHOW_CANDIDATES]:
            click.echo(f"  {line}", err=True, file=file)
        if len(self.candidates) > SHOW_CANDIDATES:
            click.echo(f"  另有 {len(self.candidates) - SHOW_CANDIDATES} 人", err=True, file=file)


def person_id(store: Any, who: str) -> str:
    """The roster id for an id, a name or an ID number; ambiguous or unknown is exit 2."""
    from guanxi.queries.resolve import describe_candidates, find_person

    ids = find_person(store, who)
    if len(ids) == 1:
        return ids[0]
    if ids:
        raise Ambiguous(f"姓名“{who}”对应 {len(ids)} 人，请改用人员编号：",
                        describe_candidates(store, ids))
    raise CliError(f"人员名册中没有“{who}”（可用人员编号、姓名或身份证号）")


def check_path(data: Path) -> Path:
    if not data.exists():
        raise CliError(f"找不到数据 {data}（应为一个存放 CSV/XLSX 的文件夹、一个 XLSX 工作簿或一个 JSON 文件）")
    return data


def load(data: Path, *, lenient: bool, say: Say, judgements: Path | None = None) -> Any:
    """The validated dataset at ``data`` (the loaders are imported only when needed)."""
    from guanxi.loaders import load_dataset

    say(f"读取 {data}")
    if judgements is not None and not judgements.is_file():
        raise CliError(f"找不到研判文件 {judgements}")
    return load_dataset(check_path(data), lenient=lenient, progress=say, judgements=judgements)


def judgements_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--judgements FILE``: the inspectors' confirm/reject decisions on relative matches."""
    return click.option(
        "--judgements", type=click.Path(path_type=Path), default=None, metavar="FILE",
        help="亲属匹配研判文件（CSV：亲属引用、人员编号、研判结论 确认/否定）；"
             "数据文件夹中的 judgements.csv 或 研判.csv 自动读取")(f)


def build_store(dataset: Any, say: Say) -> Any:
    from guanxi.graph import build

    return build(dataset, progress=say)


def echo_json(data: Any, *, show_id: bool = False) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    click.echo(text if show_id else mask_id_numbers(text))


decisions_option = click.option(
    "--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="核查结论文件（JSON 或 CSV；默认为数据文件夹中的 guanxi-decisions.json）")


def read_decisions(data: Path, path: Path | None) -> Any:
    """The inspectors' decisions for ``data`` (an empty set when there is no file yet)."""
    from guanxi.visualizations.triage import DecisionError, default_path, load_decisions

    try:
        return load_decisions(path or default_path(data))
    except DecisionError as exc:
        raise CliError(str(exc)) from None
