"""Text and JSON for the inspector's queries: a path answer, a neighbourhood, a person or unit timeline."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from guanxi.graph.dates import fmt
from guanxi.queries.explore import PathAnswer
from guanxi.queries.labels import period
from guanxi.queries.neighbors import Neighborhood
from guanxi.queries.timeline import PersonTimeline, PostEntry, UnitTimeline
from guanxi.visualizations.names import mask_all, mask_id_numbers
from guanxi.visualizations.render import RenderError

#: a query answer any of the renderers below takes
Answer = PathAnswer | Neighborhood | PersonTimeline | UnitTimeline
#: formats every query answer can be written in
QUERY_FORMATS = ("table", "json")
#: above this many units and places left unexpanded, the table sums them up in one line
SKIPPED_LINES = 3


def notes_text(notes: list[str], skipped: dict[str, int]) -> list[str]:
    """``注：`` lines; many skipped units and places become one line naming the biggest."""
    if len(skipped) <= SKIPPED_LINES:
        return [f"注：{n}" for n in notes]
    rest = [n for n in notes if not n.startswith("未展开")]
    big = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))[:SKIPPED_LINES]
    names = "、".join(f"{k.split('/', 1)[1]}（{n} 人）" for k, n in big)
    return [f"注：{len(skipped)} 个人数过多的机构或地点未展开，最大的是 {names}；"
            "-f json 的 skipped 列出全部"] + [f"注：{n}" for n in rest]


def path_text(ans: PathAnswer) -> str:
    """The paths as numbered readable chains, or a sentence saying there is none."""
    s, t = ans.source, ans.target
    head = f"{s.name}（{s.id}）→ {t.name}（{t.id}）｜{ans.options_text()}"
    lines = [head]
    if s.id == t.id:
        lines.append("起点和终点是同一人。")
    elif not ans.paths:  # apart: a note says there is none at any length
        lines.append("没有找到关系路径。" if ans.apart else f"在 {ans.max_hops} 跳以内没有找到关系路径。")
    else:
        lines.append(f"最短路径 {len(ans.paths[0].steps)} 跳，共 {len(ans.paths)} 条：")
        lines += [f"{i}. {p.text()}" for i, p in enumerate(ans.paths, start=1)]
    lines += notes_text(ans.notes, ans.skipped)
    return "\n".join(lines) + "\n"


def _post(e: PostEntry) -> str:
    return f"{e.post} {period(e.start, e.end)}"


def neighbors_text(hood: Neighborhood) -> str:
    """The groups with their members' chains, each capped with an ``另有 N 人`` line."""
    total = sum(g.total for g in hood.groups)
    lines = [f"{hood.name}（{hood.person}）{hood.hops} 跳以内的关系：共 {total} 人"]
    if hood.postings:
        lines.append("任职：" + "；".join(_post(e) for e in hood.postings))
    if not hood.groups:
        lines.append("没有找到有关系的人员。")
    for g in hood.groups:
        lines.append(f"【{g.key}】{g.total} 人")
        lines += [f"  {m.text}" + (f"（{m.post}）" if m.post else "") for m in g.members]
        if g.more:
            lines.append(f"  {g.more_text()}")
    lines += notes_text(hood.notes, hood.skipped)
    return "\n".join(lines) + "\n"


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    if not rows:
        return ["  （无记录）"]
    width = max(len(a) for a, _ in rows)
    return [f"  {a.ljust(width)}  {b}" for a, b in rows]


def _day(d: date | None) -> str:
    return fmt(d, "日期不详")


def person_timeline_text(t: PersonTimeline) -> str:
    """Postings, selection cases, disciplines and relatives' posts, each section in date order."""
    lines = [f"{t.name}（{t.person}）时间线", "任职经历："]
    lines += _rows([(period(e.start, e.end), e.post + ("（兼）" if e.parttime else ""))
                    for e in t.postings])
    lines.append("选拔任用：")
    lines += _rows([(_day(a.date), f"{a.kind} {a.text}（纪实 {a.id}）") for a in t.appointments])
    lines.append("处分处理：")
    lines += _rows([(_day(d.date), d.kind) for d in t.disciplines])
    lines.append("亲属在同一单位任职：")
    lines += _rows([(period(r.post.start, r.post.end),
                     f"{r.name}（{r.relation}）{r.post.post}，与本人同期 "
                     f"{period(r.overlap_start, r.overlap_end)}") for r in t.relatives])
    return "\n".join(lines) + "\n"


def unit_timeline_text(t: UnitTimeline) -> str:
    """Leaders over time, then people coming and leaving by year."""
    head = f"{t.name}（{t.unit}）时间线"
    lines = [head, "领导任职："]
    lines += _rows([(period(e.start, e.end), f"{e.name or e.person}（{e.person}）{e.post}（{e.role}）")
                    for e in t.leaders])
    lines.append("人员进出（按年）：")
    if t.flows:
        lines.append("  年份  进入  离开")
        lines += [f"  {f.year}  {f.inflow:>4}  {f.outflow:>4}" for f in t.flows]
    else:
        lines.append("  （无记录）")
    return "\n".join(lines) + "\n"


def answer_json(ans: Answer, *, show_id: bool = False) -> dict[str, Any]:
    """The answer as a JSON-ready dict with node and edge ids, ID numbers masked unless ``show_id``."""
    doc = ans.to_json() if isinstance(ans, PathAnswer) else ans.model_dump(mode="json")
    doc = {"query": _KIND[type(ans)], **doc}
    return doc if show_id else mask_all(doc)


_KIND: dict[type, str] = {PathAnswer: "path", Neighborhood: "neighbors",
                          PersonTimeline: "person_timeline", UnitTimeline: "unit_timeline"}
_TEXT = {PathAnswer: path_text, Neighborhood: neighbors_text,
         PersonTimeline: person_timeline_text, UnitTimeline: unit_timeline_text}


def answer_text(ans: Answer, fmt_: str, *, show_id: bool = False) -> str:
    """The answer in ``table`` or ``json`` as one string."""
    if fmt_ == "json":
        return json.dumps(answer_json(ans, show_id=show_id), ensure_ascii=False, indent=2) + "\n"
    if fmt_ == "table":
        text = _TEXT[type(ans)](ans)  # type: ignore[operator]
        return text if show_id else mask_id_numbers(text)
    raise RenderError(f"未知输出格式 {fmt_}（可用：{'、'.join(QUERY_FORMATS)}）")


def render_answer(ans: Answer, fmt_: str, out: Path | None = None, *, show_id: bool = False,
                  stream: TextIO | None = None) -> None:
    """Write a query answer as ``fmt_`` to the file ``out``, or to ``stream`` (stdout) when None."""
    text = answer_text(ans, fmt_, show_id=show_id)
    if out is None:
        target = stream or sys.stdout
        target.write(text)
        target.flush()
        return
    out.write_text(text, encoding="utf-8")
