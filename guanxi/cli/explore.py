"""``guanxi path``, ``neighbors`` and ``timeline``: the inspector's questions about one or two people."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from guanxi.cli.common import (
    Ambiguous,
    CliError,
    build_store,
    debug_option,
    load,
    parse_date,
    person_id,
    progress,
    show_id_option,
)
from guanxi.cli.help import Command
from guanxi.queries.hop import TYPES

#: Chinese names accepted by --via, besides the English keys
VIA_ZH = {zh: key for key, zh in TYPES.items()} | {"秘书": "secretary", "司机": "secretary"}
VIA_HELP = " ".join(f"{k}={v}" for k, v in TYPES.items())


def parse_via(_ctx: click.Context, _param: click.Parameter, text: str | None) -> list[str] | None:
    """``kin,同事`` -> ``["kin", "colleague"]``; an unknown name is a one-line usage error."""
    if not text:
        return None
    got = []
    for word in (w for w in re.split(r"[,，、;；\s]+", text) if w):
        key = VIA_ZH.get(word, word.lower())
        if key not in TYPES:
            raise CliError(f"--via 中有未知的关系类型 {word}（可选：{VIA_HELP}）")
        got.append(key)
    return got


def as_of_date(ctx: click.Context, param: click.Parameter, text: str | None) -> date | None:
    """The --as-of day; a bad date is a one-line usage error."""
    try:
        return parse_date(ctx, param, text)
    except click.BadParameter as exc:
        raise CliError(f"--as-of {exc.message}") from None


def person_or_unit(store: Any, what: str) -> tuple[str, str]:
    """``("person", id)`` or ``("unit", id)``: an id first (person, then unit), then a name."""
    from guanxi.queries.resolve import describe_candidates, describe_units, find_person, find_unit

    key = what.strip()
    if store.person(key.removeprefix("person/")) is not None:
        return "person", key.removeprefix("person/")
    if store.unit(key.removeprefix("unit/")) is not None:
        return "unit", key.removeprefix("unit/")
    people, units = find_person(store, key), find_unit(store, key)
    if len(people) + len(units) == 1:
        return ("person", people[0]) if people else ("unit", units[0])
    if people or units:
        many = (f"{len(people)} 人" if not units else f"{len(units)} 个机构" if not people
                else f"{len(people)} 人和 {len(units)} 个机构")
        raise Ambiguous(f"“{what}”对应 {many}，请改用编号：",
                        describe_candidates(store, people) + describe_units(store, units))
    raise CliError(f"数据中没有人员或机构“{what}”（可用编号或名称）")


def _store(data: Path, lenient: bool) -> Any:
    with progress() as say:
        return build_store(load(data, lenient=lenient, say=say), say)


def _emit(ans: Any, fmt: str, output: Path | None, show_id: bool, store: Any = None) -> None:
    from guanxi.visualizations.explore import render_answer

    if fmt == "html":
        _emit_html(ans, output, show_id, store)
        return

    render_answer(ans, fmt, output, show_id=show_id)
    if output is not None:
        click.echo(f"已写入 {output}", err=True)


def _query(call: Callable[[], Any]) -> Any:
    """Run a query; its ``ValueError`` (unknown id or type) is a one-line usage error."""
    try:
        return call()
    except ValueError as exc:
        raise CliError(str(exc)) from None


def common_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """-f, -o, --lenient, --show-id, --debug, shared by the three commands."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "html"]),
                     default="table",
                     help="输出格式：table 便于阅读，json 含节点和边的编号，html 关系图网页（仅 path）"),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="写入文件（默认标准输出）"),
        click.option("--lenient", is_flag=True, help="跳过有错误的行"),
        show_id_option, debug_option,
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--via and --as-of, shared by path and neighbors."""
    f = click.option("--as-of", "as_of", metavar="DATE", callback=as_of_date,
                     help="只用在该日有效的关系，如 2020-06-30（此时默认不含原同事）")(f)
    return click.option("--via", metavar="TYPES", callback=parse_via,
                        help=f"只走这些关系，逗号分隔，英文或中文名均可（默认全部；kin 含 spouse）： {VIA_HELP}")(f)


@click.command("path", cls=Command, help="""找出两人之间最短的关系路径（亲属、同事、分管、推荐、同乡等）。

A、B 为人员编号、姓名或身份证号；姓名对应多人时列出候选人（编号、出生年月、现任职务），退出码 2。

每条路径写成一串关系，如 张三 —妻子→ 李四 —哥哥→ 王五（财务科科长 2021.03–）；找不到时说明，退出码 0。

--as-of 只用当日有效的关系；--time-flow 要求后一段关系的开始时间不早于前一段。

\b
示例：
  guanxi path ./登记表/ 张三 王五
  guanxi path ./登记表/ P001 P007 --via kin,colleague --max-hops 4
  guanxi path ./登记表/ P001 P007 --as-of 2020-06-30 --time-flow -f json
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("a")
@click.argument("b")
@filter_options
@click.option("--max-hops", type=click.IntRange(1, 12), default=6, show_default=True,
              help="路径最多几跳")
@click.option("--max-paths", type=click.IntRange(1, 1000), default=5, show_default=True,
              help="最多列出几条同样最短的路径")
@click.option("--time-flow", is_flag=True, help="各段关系按时间先后衔接（后一段不早于前一段开始）")
@common_options
def path_cmd(data: Path, a: str, b: str, via: list[str] | None, as_of: date | None,
             max_hops: int, max_paths: int, time_flow: bool, fmt: str, output: Path | None,
             lenient: bool, show_id: bool) -> None:
    from guanxi.queries.explore import path_between

    store = _store(data, lenient)
    src, dst = person_id(store, a), person_id(store, b)
    ans = _query(lambda: path_between(store, src, dst, via=via, max_hops=max_hops,
                                      max_paths=max_paths, as_of=as_of, time_flow=time_flow))
    _emit(ans, fmt, output, show_id, store)


def _emit_html(ans: Any, output: Path | None, show_id: bool, store: Any) -> None:
    """The path answer as an offline graph page (html is drawn for ``path`` only)."""
    from guanxi.queries.explore import PathAnswer
    from guanxi.visualizations.markup import write_text
    from guanxi.visualizations.path_page import path_html

    if not isinstance(ans, PathAnswer):
        raise CliError("-f html 只用于 guanxi path（neighbors、timeline 请用 table 或 json）")
    if output is None:
        raise CliError("html 格式需要用 -o 指定网页文件，例如 -o 路径.html")
    write_text(output, path_html(store, ans, show_id=show_id))
    click.echo(f"已写入 {output}", err=True)


@click.command("neighbors", cls=Command, help="""列出一个人 K 跳以内的全部关系人，按关系分组。

A 为人员编号、姓名或身份证号。每人只出现一次（按最短、最直接的关系）。

亲属按回避类别分组，两跳以上按关系链分组（如“亲属（近姻亲） → 同事”）；每组最多列 --limit 人，其余写“另有 N 人”。

\b
示例：
  guanxi neighbors ./登记表/ 张三
  guanxi neighbors ./登记表/ P001 --hops 2 --via kin,secretary --limit 10
  guanxi neighbors ./登记表/ P001 --as-of 2020-06-30 -f json
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("a")
@click.option("--hops", type=click.IntRange(1, 4), default=1, show_default=True, help="几跳以内")
@filter_options
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="每组最多列出几人")
@common_options
def neighbors_cmd(data: Path, a: str, hops: int, via: list[str] | None, as_of: date | None,
                  limit: int, fmt: str, output: Path | None, lenient: bool, show_id: bool) -> None:
    from guanxi.queries.neighbors import neighbors

    store = _store(data, lenient)
    pid = person_id(store, a)
    ans = _query(lambda: neighbors(store, pid, hops=hops, via=via, cap=limit, as_of=as_of))
    _emit(ans, fmt, output, show_id)


@click.command("timeline", cls=Command, help="""一个人或一个机构的时间线。

人员（编号、姓名或身份证号）：任职经历、选拔任用纪实、处分处理，以及亲属在同一单位任职的时段。

机构（编号或名称）：历任领导，以及每年进入和离开的人数。编号先按人员、再按机构查找。

\b
示例：
  guanxi timeline ./登记表/ 张三
  guanxi timeline ./登记表/ U01 -f json
""")
@click.argument("data", type=click.Path(path_type=Path))
@click.argument("a")
@common_options
def timeline_cmd(data: Path, a: str, fmt: str, output: Path | None, lenient: bool,
                 show_id: bool) -> None:
    from guanxi.queries.timeline import person_timeline, unit_timeline

    store = _store(data, lenient)
    kind, key = person_or_unit(store, a)
    ans = _query(lambda: person_timeline(store, key) if kind == "person"
                 else unit_timeline(store, key))
    _emit(ans, fmt, output, show_id)
