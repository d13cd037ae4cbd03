"""QL05 违规越级提拔: a rank jump of two rungs without approval, or of three or more.

Promotions come from :mod:`guanxi.queries.moves`: ``appointments`` (``rank_from``
→ ``rank_to``, ``approval_ref``) merged with postings (the previous post's rank →
the new post's). Rungs are counted on the ladders of :mod:`guanxi.queries.ranks`
(一般 < 副科 < 正科 < 副处 …; 一般 < 中层副职 < 中层正职).
"""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.moves import PROMOTION_SOURCES, promotions
from guanxi.queries.ranks import steps
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.ql_common import promo_text


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per promotion that climbs too many rungs (O(promotions))."""
    need_approval = int(params["approval_steps"])
    never = int(params["forbidden_steps"])
    for pid, moves in sorted(promotions(store).items()):
        for m in moves:
            n = steps(m.rank_from, m.rank_to)
            if n is None or n < need_approval:
                continue
            if n < never and m.approval:
                continue
            why = (f"越 {n - 1} 级提拔，超过“不得越两级提拔”的限制" if n >= never else
                   f"越 {n - 1} 级提拔，未见上级组织（人事）部门的请示批复")
            if n >= never and m.approval:
                why += f"（虽有批复 {m.approval}）"
            yield RULE.finding(
                persons=[pid], units=[m.unit_id], start=m.day, end=None,
                explanation=f"{promo_text(store, m)}，跨 {n} 个职级；{why}",
                nodes=[pnode(pid), unode(m.unit_id)], edges=list(m.edges),
                key=(pid, m.day.isoformat(), m.edges), facts={"steps": n, "approval": m.approval})


RULE = Rule(
    code="QL05", title="违规越级提拔", category="B",
    basis=("《党政领导干部选拔任用工作条例》第九条",
           "《安吉县医疗保障局中层干部选拔任用工作制度》三（二）"),
    needs=("persons", "postings"), optional=("appointments",), needs_one_of=(PROMOTION_SOURCES,),
    detect=detect,
    params=(Param("approval_steps", 2, "跨越职级数达到此数须有上级请示批复（2 = 越一级）"),
            Param("forbidden_steps", 3, "跨越职级数达到此数一律违规（3 = 越两级）")),
    condition="一次提拔跨 2 个职级（越一级）而无请示批复，或跨 3 个及以上职级（越两级）",
)
