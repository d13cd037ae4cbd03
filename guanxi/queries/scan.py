"""Run the catalog (or some rules of it) over a graph and collect the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from guanxi.graph.dataset import Rejected
from guanxi.graph.store import GraphStore
from guanxi.queries.config import Config
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.hoptables import paused_gc
from guanxi.queries.rule import Rule

TABLE_ZH = {
    "persons": "人员", "units": "机构", "postings": "任职经历", "supervision": "分管",
    "relations": "家庭成员及社会关系", "appointments": "选拔任用纪实", "meetings": "会议",
    "inspection_teams": "考察组", "disciplines": "处分处理", "reviews": "年度考核",
    "parttime_jobs": "兼职", "payroll": "工资发放", "petitions": "信访举报",
}


class ScanResult(BaseModel):
    """Everything a scan says: findings, what could not be checked, rows rejected."""

    dataset: dict[str, Any] = Field(default_factory=dict)
    rules: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    not_checked: list[NotChecked] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON document."""
        return {
            "dataset": self.dataset,
            "rules": self.rules,
            "findings": [f.to_json() for f in self.findings],
            "not_checked": [n.model_dump(mode="json") for n in self.not_checked],
            "rejected": [r.model_dump(mode="json") for r in self.rejected],
            "warnings": self.warnings,
        }


def need_text(need: str) -> str:
    """``payroll（工资发放）表`` / ``units.function 列``; a group ``a|b`` as ``a 或 b（有其一即可）``.

    >>> need_text("postings.rank|postings.change|appointments")
    'postings.rank 列、postings.change 列或 appointments（选拔任用纪实）表（有其一即可）'
    """
    if "|" in need:
        *first, last = (need_text(n) for n in need.split("|"))
        return f"{'、'.join(first)}或 {last}（有其一即可）" if first else last
    table, _, column = need.partition(".")
    return f"{need} 列" if column else f"{table}（{TABLE_ZH.get(table, table)}）表"


def missing_reason(missing: list[str]) -> str:
    """``缺少 payroll（工资发放）表`` / ``缺少 units.function 列``."""
    return "；".join(f"缺少 {need_text(n)}" for n in missing)


def select_rules(codes: list[str] | None) -> list[Rule]:
    """The registry's rules, or the named ones in registry order; unknown codes are an error."""
    from guanxi.queries.rules import RULES

    if not codes:
        return list(RULES)
    wanted = {c.strip().upper() for c in codes if c.strip()}
    known = {r.code for r in RULES}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(f"未知规则：{', '.join(unknown)}（可用：{', '.join(sorted(known))}）")
    return [r for r in RULES if r.code in wanted]


def scan(
    store: GraphStore,
    config: Config | None = None,
    rules: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> ScanResult:
    """Run rules over a store.

    A rule whose tables are absent is listed under ``not_checked`` with the
    reason, never silently passed. Findings are deduplicated by id and sorted
    by rule (catalog order), then persons.

    Examples
    --------
    >>> from guanxi.graph import Dataset, build
    >>> result = scan(build(Dataset()), rules=["AV01"])
    >>> result.not_checked[0].reason.startswith("缺少")
    True
    """
    cfg = config or Config()
    say = progress or (lambda _m: None)
    chosen = select_rules(rules)
    result = ScanResult(dataset=store.dataset.counts(), rules=[r.code for r in chosen],
                        rejected=list(store.dataset.rejected),
                        warnings=list(store.dataset.warnings))
    seen: set[str] = set()
    # Rules make millions of small acyclic objects (indexes, candidates, findings), and the
    # collector would re-walk the ones still alive again and again: about a tenth of a 100k
    # scan. A scan of the generated 20k and 100k sets leaves no cyclic garbage (gc.collect()
    # afterwards finds none), so pausing it costs no memory there.
    with paused_gc():
        for rule in chosen:
            missing = rule.missing(store)
            if missing:
                result.not_checked.append(rule.not_checked(missing_reason(missing)))
                continue
            say(f"检查 {rule.code} {rule.title}")
            for item in rule.detect(store, cfg.params_for(rule)):
                if isinstance(item, NotChecked):
                    result.not_checked.append(item)
                elif item.id not in seen:
                    seen.add(item.id)
                    result.findings.append(item)
    order = {r.code: i for i, r in enumerate(chosen)}
    result.findings.sort(key=lambda f: (order[f.rule], f.persons, f.id))
    return result
