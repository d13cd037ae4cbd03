"""The inspectors' judgements file: confirm or reject that a described relative is a roster person.

Format (CSV, UTF-8 or GB18030, one judgement per row; English or Chinese headers):

==============  =====================  ==================================================
column          aliases                meaning
==============  =====================  ==================================================
relation*       亲属引用, 引用          ``P001|岳父|李某`` (form owner's id | 称谓 | relative's
                                       name, stable across re-exports) or the relation's row,
                                       ``relations.csv:12`` / ``data.xlsx[家庭成员]:12``
person_id*      人员编号                the roster person the relative is (or is not)
decision*       研判结论, 结论          confirm / reject (确认 / 否定, 是 / 否 also accepted)
who             研判人
when            研判时间
why             理由, 说明
==============  =====================  ==================================================

A file named ``judgements.csv`` (or ``研判.csv``) inside a dataset folder is read automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guanxi.graph.records import Relation
from guanxi.loaders.cells import key, text
from guanxi.loaders.errors import DataError
from guanxi.loaders.readers import csv_rows
from guanxi.loaders.schema import norm

ALIASES = {
    "relation": ("relation", "reference", "亲属引用", "引用", "关系引用", "亲属"),
    "person_id": ("person_id", "人员编号", "人员"),
    "decision": ("decision", "研判结论", "结论", "决定", "研判"),
    "who": ("who", "研判人", "经办人"),
    "when": ("when", "研判时间", "时间", "日期"),
    "why": ("why", "理由", "说明", "原因", "依据"),
}
CONFIRM = {"confirm", "confirmed", "yes", "y", "确认", "是", "同意", "合并", "true", "1"}
UNDECIDED = {"", "待定", "待核实", "undecided"}
REJECT = {"reject", "rejected", "no", "n", "否定", "否", "否认", "排除", "不是", "false", "0"}


@dataclass(frozen=True)
class Judgement:
    """One row of the judgements file."""

    reference: str
    person_id: str
    confirm: bool
    who: str = ""
    when: str = ""
    why: str = ""
    where: str = ""


def references(rel: Relation) -> tuple[str, ...]:
    """The names a judgement may use for ``rel``: ``owner|称谓|name`` and ``file:row``.

    Examples
    --------
    >>> from guanxi.graph.records import Source
    >>> r = Relation(person_id="P1", term="岳父", relative_name="李某",
    ...              src=Source(file="relations.csv", row=12))
    >>> references(r)
    ('P1|岳父|李某', 'relations.csv:12')
    """
    out = [f"{rel.person_id}|{rel.term}|{rel.relative_name or ''}"]
    if rel.src is not None:
        out.append(f"{rel.src.place()}:{rel.src.row}")
    return tuple(out)


def read_judgements(path: Path) -> list[Judgement]:
    """Read a judgements CSV; a row without a readable decision is a :class:`DataError`."""
    lookup = {norm(a): col for col, aliases in ALIASES.items() for a in aliases}
    rows = iter(csv_rows(path))
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    idx: dict[str, int] = {}
    for i, h in enumerate(header):
        col = lookup.get(norm(h))
        if col is not None:
            idx.setdefault(col, i)
    for col in ("relation", "person_id", "decision"):
        if col not in idx:
            raise DataError(path.name, None, None, None,
                            f"缺少必填列“{ALIASES[col][2 if col == 'relation' else 1]}”({col})")
    out = []
    for rownum, cells in rows:
        def get(col: str) -> str:  # called only in this row's turn: ``cells`` is this row's
            i = idx.get(col)
            return text(cells[i]) if i is not None and i < len(cells) and cells[i] is not None else ""  # noqa: B023
        if not any(text(c) for c in cells):
            continue
        decision = norm(get("decision"))
        if decision in UNDECIDED:  # a template row (guanxi validate --candidates) not yet judged
            continue
        if decision not in CONFIRM and decision not in REJECT:
            raise DataError(path.name, None, rownum, header[idx["decision"]],
                            f"无法识别的研判结论“{get('decision')}”，应为 确认/否定（confirm/reject）",
                            field="decision")
        for col in ("relation", "person_id"):
            if not get(col):
                raise DataError(path.name, None, rownum, header[idx[col]], "缺少必填值", field=col)
        ref = "|".join(part.strip() for part in get("relation").split("|"))
        out.append(Judgement(ref, key(get("person_id")), decision in CONFIRM, get("who"),
                             get("when"), get("why"), f"{path.name} 第 {rownum} 行"))
    return out
