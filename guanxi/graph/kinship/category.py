"""The legal category of a kinship chain, computed from its shape.

Law (《公务员回避规定》第五条, 《事业单位人事管理回避规定》第六条, 《公务员法》第七十四条):
夫妻; 直系血亲; 三代以内旁系血亲 (common ancestor at most two generations up on
each side, no spouse step); 近姻亲 (配偶的父母, 配偶的兄弟姐妹及其配偶, 子女的配偶
及子女配偶的父母, 三代以内旁系血亲的配偶). Adoptive and step relations are steps like
any other, so they count like blood relations.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from guanxi.graph.kinship.steps import Chain, kind

SPOUSE = "夫妻"
LINEAL = "直系血亲"
COLLATERAL = "三代以内旁系血亲"
AFFINAL = "近姻亲"
OTHER = "其他亲属"
EXCLUDED = "范围外"

#: the categories the avoidance rules act on, most serious first
IN_SCOPE = (SPOUSE, LINEAL, COLLATERAL, AFFINAL)
CATEGORIES = (SPOUSE, LINEAL, COLLATERAL, AFFINAL, OTHER, EXCLUDED)


class KinScope(BaseModel):
    """Which borderline relations count (config section ``[kinship]``).

    Each switch names a relation the catalog keeps out of scope by default.
    """

    model_config = ConfigDict(use_attribute_docstrings=True)

    great_grandparents: bool = False
    """曾祖父母、曾孙子女 (直系血亲 four generations apart)."""
    grandchild_spouse: bool = False
    """孙媳、孙女婿 (and, read the other way, 配偶的祖父母)."""
    nei_zhi: bool = False
    """内侄、内侄女 (配偶的兄弟的子女) and the other children of a spouse's siblings."""

    def in_scope(self, category: str | None) -> bool:
        return category in IN_SCOPE


def _segments(chain: Chain) -> list[tuple[int, int] | None] | None:
    """Split at spouse steps; each blood segment becomes (ups, downs).

    A sibling step counts as one up and one down. A segment that goes down
    and then up again (a child's other parent) is not blood: None.
    """
    segments: list[tuple[int, int] | None] = []
    ups = downs = 0
    valid = True
    for step in chain:
        k = kind(step)
        if k == "spouse":
            segments.append((ups, downs) if valid else None)
            ups = downs = 0
            valid = True
            continue
        if k == "up":
            if downs:
                valid = False
            ups += 1
        elif k == "down":
            downs += 1
        else:  # sibling
            if downs:
                valid = False
            ups += 1
            downs += 1
    segments.append((ups, downs) if valid else None)
    return segments


def _blood(seg: tuple[int, int], scope: KinScope) -> str | None:
    ups, downs = seg
    if ups == 0 and downs == 0:
        return None
    if ups == 0 or downs == 0:
        depth = ups + downs
        if depth <= 2:
            return LINEAL
        if depth == 3:
            return LINEAL if scope.great_grandparents else EXCLUDED
        return OTHER
    if ups <= 2 and downs <= 2:
        return COLLATERAL
    return OTHER


def classify(chain: Chain, scope: KinScope | None = None) -> str | None:
    """The category of the relation a chain describes, read from the ego's side.

    Returns one of :data:`CATEGORIES`, or None for an empty chain (the ego).

    Examples
    --------
    >>> classify(("wife",))
    '夫妻'
    >>> classify(("wife", "father"))
    '近姻亲'
    >>> classify(("father", "brother", "son"))
    '三代以内旁系血亲'
    >>> classify(("wife", "sister", "husband"))
    '近姻亲'
    >>> classify(("wife", "brother", "son"))
    '范围外'
    """
    scope = scope or KinScope()
    if not chain:
        return None
    segs = _segments(chain)
    assert segs is not None
    if any(s is None for s in segs):
        return OTHER
    blood = [s for s in segs if s is not None]
    if len(blood) == 1:
        return _blood(blood[0], scope)
    if len(blood) == 2:
        (a0, b0), (a1, b1) = blood
        if (a0, b0) == (0, 0) and (a1, b1) == (0, 0):
            return SPOUSE
        if (a0, b0) == (0, 0):  # spouse first: the spouse's blood relatives
            if (a1, b1) in ((1, 0), (1, 1)):  # 配偶的父母, 配偶的兄弟姐妹
                return AFFINAL
            if (a1, b1) == (0, 1):  # 配偶的子女: own or step child
                return LINEAL
            if (a1, b1) == (1, 2):  # 内侄/内甥 and the like
                return AFFINAL if scope.nei_zhi else EXCLUDED
            if (a1, b1) == (2, 0):  # 配偶的祖父母: the grandchild-in-law read backwards
                return AFFINAL if scope.grandchild_spouse else EXCLUDED
            return OTHER
        if (a1, b1) == (0, 0):  # a blood relative's spouse
            if (a0, b0) == (0, 1):  # 子女的配偶
                return AFFINAL
            if (a0, b0) == (0, 2):  # 孙媳、孙女婿
                return AFFINAL if scope.grandchild_spouse else EXCLUDED
            if b0 == 0 and a0 <= 2:  # a parent's or grandparent's spouse (继父母)
                return LINEAL
            if a0 >= 1 and b0 >= 1 and a0 <= 2 and b0 <= 2:  # 三代以内旁系血亲的配偶
                return AFFINAL
            return OTHER
        if (a0, b0) == (0, 1) and (a1, b1) == (1, 0):  # 子女配偶的父母 (亲家)
            return AFFINAL
        return OTHER
    if len(blood) == 3 and blood[0] == (0, 0) and blood[1] == (1, 1) and blood[2] == (0, 0):
        return AFFINAL  # 配偶的兄弟姐妹的配偶 (连襟, 妯娌)
    return OTHER
