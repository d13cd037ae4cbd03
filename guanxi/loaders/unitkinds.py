"""Which units are 内设机构 where the 机构类型 cell is empty: by the unit's name.

(A kind written in another spelling, 内设科室 or 科室, is read by :mod:`guanxi.loaders.vocab`.)

Every rule that asks "the same legal entity" (AV01, AV02, NP01 …) reads ``Unit.kind``: a unit
is its own legal entity unless it is a 内设机构. A register that leaves 机构类型 out would make
every 科室 a legal entity of its own, and those rules would find nothing while saying they
checked. So a unit with a parent and no kind whose name ends like a 科室 (科, 室, 股) is read as
a 内设机构, and the load says which units were read so and which were not.
"""

from __future__ import annotations

from collections.abc import Sequence

from guanxi.graph.records import Unit

INTERNAL = "内设机构"
#: name endings of a 科室: 财务科, 办公室, 纪检监察室, 规划股. Not 处, 部, 中心, 队: a 管理处, a
#: 宣传部 or a 疾病预防控制中心 is as often a legal entity of its own as a 内设机构.
INTERNAL_ENDINGS = ("科", "室", "股")
SHOWN = 5  # unit names a warning lists before "等"


def settle_kinds(units: Sequence[Unit]) -> list[str]:
    """Write 内设机构 into the units without a kind whose name is a 科室's; a warning says which.

    Complexity: one pass over the units.

    >>> us = [Unit(id="U1", name="县卫健局"), Unit(id="U2", name="财务科", parent_id="U1"),
    ...       Unit(id="U3", name="县人民医院", parent_id="U1"), Unit(id="U4", name="医务科",
    ...       parent_id="U3", kind="事业单位")]
    >>> len(settle_kinds(us)), [u.kind for u in us]
    (1, [None, '内设机构', None, '事业单位'])
    """
    by_name: list[Unit] = []
    kept: list[Unit] = []
    for u in units:
        if (u.kind or "").strip() or not u.parent_id:
            continue
        elif u.name.strip().endswith(INTERNAL_ENDINGS):
            u.kind = INTERNAL
            by_name.append(u)
        else:
            kept.append(u)
    if not by_name and not kept:
        return []
    parts = []
    if by_name:
        parts.append(f"名称以“科”“室”“股”结尾的 {len(by_name)} 个视为内设机构（{_names(by_name)}）")
    if kept:
        parts.append(f"{'其余' if by_name else '名称不以“科”“室”“股”结尾的'} {len(kept)} 个视为独立的法人单位"
                     f"（{_names(kept)}）")
    first = (by_name or kept)[0].src
    where = first.place() if first else "机构表"
    return [f"{where}：{len(by_name) + len(kept)} 个有上级机构的机构未填机构类型，"
            + "；".join(parts)
            + "。亲属任职回避等规则按法人单位判断，如有误请在“机构类型”列填写 内设机构、机关 或 事业单位"]


def _names(units: list[Unit]) -> str:
    shown = "、".join(u.name for u in units[:SHOWN])
    return shown + ("等" if len(units) > SHOWN else "")
