"""Influence periods (影响期) of sanctions and organisational measures, as one table of data.

Each kind says how many months it blocks what (提拔 and/or 列为考察对象), counted
from the decision date (``decided_on``); a period ends the day BEFORE the
anniversary (2022-03-01 + 12 months → through 2023-02-28). 留党察看 counts its
察看期 (from the kind's text, ``留党察看二年``, else 12 months; 《中国共产党纪律处分条例》:
一年或二年) plus 24 months after rights are restored (from ``closed_on`` when
recorded). ``influence_months`` on a record overrides the total. Kinds whose months
are None block without end (开除党籍, 开除). The config's ``[influence]`` section adds or
overrides kinds for local rules. When periods overlap, the later end wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from guanxi.graph.dates import add_months, fmt, is_month_only, latest
from guanxi.graph.records import Discipline
from guanxi.graph.store import GraphStore

PROMOTE = "提拔"
CANDIDATE = "考察"
BOTH = (PROMOTE, CANDIDATE)


@dataclass(frozen=True)
class Kind:
    """One row of the table: a sanction or measure and what it blocks for how long."""

    months: int | None
    blocks: tuple[str, ...] = BOTH
    basis: str = ""
    #: 留党察看: the months added after the 察看期
    after_probation: int = 0


#: kind -> influence; the catalog's table (rules.md DS01)
DEFAULT_KINDS: dict[str, Kind] = {
    "党内警告": Kind(12, basis="《中国共产党纪律处分条例》"),
    "严重警告": Kind(18, basis="《中国共产党纪律处分条例》"),
    "撤销党内职务": Kind(24, basis="《中国共产党纪律处分条例》"),
    "留党察看": Kind(12, basis="《中国共产党纪律处分条例》", after_probation=24),
    "开除党籍": Kind(None, basis="《中国共产党纪律处分条例》"),
    "政务警告": Kind(6, basis="《中华人民共和国公职人员政务处分法》第八条"),
    "记过": Kind(12, basis="《中华人民共和国公职人员政务处分法》第八条"),
    "记大过": Kind(18, basis="《中华人民共和国公职人员政务处分法》第八条"),
    "降级": Kind(24, basis="《中华人民共和国公职人员政务处分法》第八条"),
    "撤职": Kind(24, basis="《中华人民共和国公职人员政务处分法》第八条"),
    "开除": Kind(None, basis="《中华人民共和国公职人员政务处分法》"),
    "诫勉": Kind(6, basis="《党政领导干部选拔任用工作条例》"),
    "调整职务": Kind(12, basis="《领导干部组织处理规定（试行）》"),
    "责令辞职": Kind(24, basis="《领导干部组织处理规定（试行）》"),
    "免职": Kind(24, basis="《领导干部组织处理规定（试行）》"),
    "降职": Kind(24, basis="《领导干部组织处理规定（试行）》"),
}
#: organisational measures (组织处理), worded 受…处理
MEASURES = ("调整职务", "责令辞职", "免职", "降职")
#: spellings folded to a table kind ("警告" alone is read as the 政务 one, the shorter)
ALIASES = {"警告": "政务警告", "行政警告": "政务警告", "党纪警告": "党内警告", "党内严重警告": "严重警告",
           "诫勉谈话": "诫勉", "引咎辞职": "责令辞职", "行政记过": "记过", "行政记大过": "记大过"}
#: words around a kind as decisions word it: 给予…处分, 受…处理
_BARE = re.compile(r"^(?:给予|受到|受)|(?:处分|处理)$")
_PROBATION = re.compile(r"留党察看.*?([一二两12])\s*年")


def kinds_from_config(extra: Mapping[str, Any] | None) -> dict[str, Kind]:
    """The default table overlaid with the config's ``[influence]`` entries.

    An entry is either months (``"通报批评" = 6``) or a table
    (``"通报批评" = {months = 6, blocks = ["提拔"]}``).

    Examples
    --------
    >>> t = kinds_from_config({"通报批评": 6, "诫勉": {"months": 12, "blocks": ["提拔"]}})
    >>> t["通报批评"].months, t["诫勉"].months, t["诫勉"].blocks, t["记过"].months
    (6, 12, ('提拔',), 12)
    """
    table = dict(DEFAULT_KINDS)
    for name, spec in (extra or {}).items():
        if isinstance(spec, Mapping):
            months = spec.get("months")
            blocks = tuple(spec.get("blocks") or BOTH)
        else:
            months, blocks = spec, BOTH
        base = table.get(name)
        table[name] = Kind(None if months is None else int(months), blocks,
                           "本地规定（配置文件 [influence]）", base.after_probation if base else 0)
    return table


def kind_of(text: str, table: Mapping[str, Kind]) -> str | None:
    """The table kind a record's ``kind`` names, or None.

    >>> kind_of("留党察看二年", DEFAULT_KINDS), kind_of(" 警告 ", DEFAULT_KINDS), kind_of("立案审查", DEFAULT_KINDS)
    ('留党察看', '政务警告', None)
    >>> [kind_of(k, DEFAULT_KINDS) for k in ("给予党内警告处分", "政务记过处分", "受调整职务处理")]
    ['党内警告', '记过', '调整职务']
    """
    k = re.sub(r"\s+", "", text or "")
    for key in dict.fromkeys((k, _BARE.sub("", k))):  # 给予党内警告处分 is 党内警告
        if key in table:
            return key
        if key in ALIASES and ALIASES[key] in table:
            return ALIASES[key]
        if key.startswith("留党察看") and "留党察看" in table:
            return "留党察看"
        if key[:2] in ("政务", "行政") and key[2:] in table and key[2:] not in MEASURES:
            return key[2:]  # 政务记过 (the 政务处分法's own word) is the table's 记过
    return None


@dataclass(frozen=True)
class Period:
    """One influence period: from ``start`` through ``last`` (inclusive; None = no end).

    ``last_hi`` is the latest the last day can be when a date is known only to
    its month; equal to ``last`` for day-precise data.
    """

    kind: str
    months: int | None
    start: date
    last: date | None
    last_hi: date | None
    blocks: tuple[str, ...]
    ref: str
    basis: str

    def inside(self, day: date) -> bool | None:
        """True/False when ``day`` surely is/is not inside; None when month precision cannot tell.

        >>> p = Period("记过", 12, date(2022, 3, 1), date(2023, 2, 28), date(2023, 2, 28), BOTH, "", "")
        >>> p.inside(date(2023, 2, 28)), p.inside(date(2023, 3, 1)), p.inside(date(2022, 2, 28))
        (True, False, False)
        """
        lo, hi = day, latest(day)
        s_lo, s_hi = self.start, latest(self.start)
        if hi < s_lo or (self.last_hi is not None and lo > self.last_hi):
            return False
        if lo >= s_hi and (self.last is None or hi <= self.last):
            return True
        return None

    def text(self) -> str:
        """``2022-03-01 受记过处分，影响期 12 个月至 2023-02-28``."""
        verb = "受" + self.kind + ("" if self.kind == "诫勉" else
                                   "处理" if self.kind in MEASURES else
                                   "处分" if self.kind in DEFAULT_KINDS else "")
        if self.last is None:
            return f"{fmt(self.start)} {verb}，影响期无期限"
        end = fmt(self.last) if self.last == self.last_hi else \
            f"{fmt(self.last)}～{fmt(self.last_hi)}"
        return f"{fmt(self.start)} {verb}，影响期 {self.months} 个月至 {end}"


def _months(rec: Discipline, kind: str, spec: Kind) -> tuple[int | None, date]:
    """Total months and the day they count from."""
    if rec.influence_months is not None:
        return rec.influence_months, rec.decided_on
    if spec.months is None:
        return None, rec.decided_on
    if spec.after_probation:
        if rec.closed_on is not None:  # rights restored on closed_on: 24 months from then
            return spec.after_probation, rec.closed_on
        m = _PROBATION.search(rec.kind)
        probation = spec.months
        if m:
            probation = 24 if m.group(1) in "二两2" else 12
        extra = rec.extra.get("察看期") or rec.extra.get("probation_months")
        if extra:
            digits = re.sub(r"\D", "", str(extra))
            probation = int(digits) if digits else probation
        return probation + spec.after_probation, rec.decided_on
    return spec.months, rec.decided_on


def period_of(rec: Discipline, table: Mapping[str, Kind], ref: str = "") -> Period | None:
    """The influence period of one record, or None when its kind has none.

    >>> from guanxi.graph.records import Discipline
    >>> p = period_of(Discipline(person_id="P", kind="留党察看二年", decided_on=date(2020, 5, 1)), DEFAULT_KINDS)
    >>> p.months, p.last
    (48, datetime.date(2024, 4, 30))
    """
    kind = kind_of(rec.kind, table)
    if kind is None:
        return None
    spec = table[kind]
    months, since = _months(rec, kind, spec)
    if months is None:
        return Period(kind, None, rec.decided_on, None, None, spec.blocks, ref, spec.basis)
    last = add_months(since, months) - timedelta(days=1)
    last_hi = add_months(latest(since), months) - timedelta(days=1) if is_month_only(since) else last
    return Period(kind, months, rec.decided_on, last, last_hi, spec.blocks, ref, spec.basis)


def periods_by_person(store: GraphStore, table: Mapping[str, Kind]) -> dict[str, list[Period]]:
    """Every person's influence periods, latest end first (one pass over ``disciplines``)."""
    def make() -> dict[str, list[Period]]:
        out: dict[str, list[Period]] = {}
        for i, rec in enumerate(store.records("disciplines")):
            p = period_of(rec, table, f"discipline/{i}")
            if p is not None:
                out.setdefault(rec.person_id, []).append(p)
        far = date.max
        for ps in out.values():
            ps.sort(key=lambda p: (p.last_hi or far, p.start), reverse=True)
        return out

    key = "influence:" + repr(sorted((k, v.months, v.blocks) for k, v in table.items()))
    return store.memo(key, make)  # type: ignore[no-any-return]


def covering(periods: Iterable[Period], day: date, what: str) -> tuple[Period | None, list[Period]]:
    """The period that surely covers ``day`` for ``what`` (the later end wins), and the undecidable ones.

    >>> a = Period("记过", 12, date(2022, 3, 1), date(2023, 2, 28), date(2023, 2, 28), BOTH, "", "")
    >>> b = Period("党内警告", 12, date(2022, 6, 1), date(2023, 5, 31), date(2023, 5, 31), BOTH, "", "")
    >>> covering([a, b], date(2022, 12, 1), "提拔")[0].kind
    '党内警告'
    """
    best: Period | None = None
    unsure: list[Period] = []
    far = date.max
    for p in periods:
        if what not in p.blocks:
            continue
        got = p.inside(day)
        if got and (best is None or (p.last or far) > (best.last or far)):
            best = p
        elif got is None:
            unsure.append(p)
    return best, ([] if best is not None else unsure)


def check_section(raw: Any, where: str) -> dict[str, Any]:
    """Validate the config's ``[influence]`` section; a ``ValueError`` names the bad key.

    >>> check_section({"通报批评": 6, "诫勉": {"months": 12, "blocks": ["提拔"]}}, "f")["通报批评"]
    6
    >>> check_section({"通报批评": "六"}, "f")
    Traceback (most recent call last):
    ...
    ValueError: f：[influence] 通报批评 应为月数（整数）或 {months = 6, blocks = ["提拔", "考察"]}，实际为 '六'
    """
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}：[influence] 应为一节“种类 = 月数”")
    out: dict[str, Any] = {}
    for name, spec in raw.items():
        months, blocks = (spec.get("months"), spec.get("blocks", list(BOTH))) \
            if isinstance(spec, Mapping) else (spec, list(BOTH))
        extra = set(spec) - {"months", "blocks"} if isinstance(spec, Mapping) else set()
        ok = (isinstance(months, int) and not isinstance(months, bool) and months >= 0
              and isinstance(blocks, list) and set(blocks) <= set(BOTH) and not extra)
        if not ok:
            raise ValueError(f"{where}：[influence] {name} 应为月数（整数）或 "
                             f"{{months = 6, blocks = [\"提拔\", \"考察\"]}}，实际为 {spec!r}")
        out[str(name)] = spec
    return out


def render_section() -> list[str]:
    """The ``[influence]`` section of the default config: the built-in table as comments."""
    lines = ["[influence]",
             "# 影响期（月）：自处分/处理决定之日起算，至周年前一日止；重叠时取较晚者。内置种类如下，",
             "# 本节可覆盖内置月数或增加本地规定的种类，如：\"通报批评\" = 6 或",
             "# \"诫勉\" = {months = 12, blocks = [\"提拔\"]}（种类名须加英文引号）",
             "# blocks：影响“提拔”和/或“考察”（列为考察对象），默认两者。留党察看为察看期（默认 12 个月，",
             "# 种类写作“留党察看二年”时为 24 个月）加 24 个月；处分记录的 influence_months 优先。"]
    for name, k in DEFAULT_KINDS.items():
        months = "无期限" if k.months is None else f"{k.months}" + (
            f" + {k.after_probation}" if k.after_probation else "")
        lines.append(f"# \"{name}\" = {months}  （{k.basis}）")
    return lines
