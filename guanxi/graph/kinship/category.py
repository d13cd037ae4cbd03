"""The legal category of a kinship chain, computed from its shape.

Law (《公务员回避规定》第五条, 《事业单位人事管理回避规定》第六条, 《公务员法》第七十四条):
夫妻; 直系血亲; 三代以内旁系血亲 (common ancestor at most two generations up on
each side, no spouse step); 近姻亲 (配偶的父母, 配偶的兄弟姐妹及其配偶, 子女的配偶
及子女配偶的父母, 三代以内旁系血亲的配偶). Adoptive and step relations are steps like
any other, so they count like blood relations.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from pydantic import BaseModel, ConfigDict

from guanxi.graph.kinship.steps import Chain, gender_of, kind

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
    """曾祖父母、曾孙子女（相隔四代的直系血亲）"""
    grandchild_spouse: bool = False
    """孙媳、孙女婿（反过来即配偶的祖父母）"""
    nei_zhi: bool = False
    """内侄、内侄女等配偶的兄弟姐妹的子女（仅对推得的关系和填报为内侄的关系起作用；填报为姑父、姨父等的，按三代以内旁系血亲的配偶计入）"""

    def in_scope(self, category: str | None) -> bool:
        """True when the avoidance rules act on ``category``."""
        return category in IN_SCOPE


_DEFAULT = KinScope()
#: a scope's switches in field order: with the chain, what a category depends on
_switches = attrgetter(*KinScope.model_fields)

#: every switch on: the widest scope any configuration can ask for
FULL_SCOPE = KinScope(great_grandparents=True, grandchild_spouse=True, nei_zhi=True)


Segment = tuple[int, int]


def _segments(chain: Chain) -> list[Segment | None]:
    """Split at spouse steps; each blood segment becomes (ups, downs) to its apex.

    A sibling step is one up and one down. Three readings keep composed chains
    honest without inventing ties:

    * an ancestor's spouse counts as that ancestor (继父母 are 拟制血亲), so a
      spouse step right after a purely upward segment is absorbed;
    * a sibling's sibling is a sibling, and a sibling's parent a parent;
    * going up after going down reaches the person we came down from (same
      gender) or that person's spouse (other gender); when neither gender is
      known, or the walk would come back to the ego's own generation through
      the ego's child, the segment is not blood: None.
    """
    segments: list[Segment | None] = []
    ups = downs = 0
    valid = True
    came_from: list[str | None] = []  # gender of the person each down step left
    here: str | None = None  # gender of the person reached so far

    def close() -> None:
        nonlocal ups, downs, valid
        segments.append((ups, downs) if valid else None)
        ups = downs = 0
        valid = True
        came_from.clear()

    for step in chain:
        k, g = kind(step), gender_of(step)
        if k == "spouse":
            if valid and ups and not downs:
                here = g
                continue  # an ancestor's spouse: 继父母 count like parents
            close()
        elif k == "up":
            if not downs:
                ups += 1
            else:
                left = came_from.pop()
                downs -= 1
                if not valid or (downs == 0 and ups):
                    pass  # back at an ancestor (or its spouse, absorbed)
                elif ups == 0 and downs == 0:
                    valid = False  # the ego's child's parent: the ego or a co-parent
                elif g is not None and left is not None and g != left:
                    close()  # the blood relative's spouse
                elif g is None or left is None:
                    valid = False
        elif k == "down":
            came_from.append(here)
            downs += 1
        elif not downs:  # sibling from an ancestor line
            ups += 1
            downs += 1
            came_from.append(None)
        # a sibling after going down stays in the same generation: nothing changes
        here = g
    close()
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
    return _classify(tuple(chain), _switches(scope or _DEFAULT))


@lru_cache(maxsize=1 << 14)  # a register's chains are a few hundred shapes; rules ask millions of times
def _classify(chain: Chain, switches: tuple[bool, ...]) -> str | None:
    scope = KinScope(**dict(zip(KinScope.model_fields, switches)))
    if not chain:
        return None
    if len(chain) > 1 and kind(chain[0]) == "spouse" and kind(chain[1]) == "down":
        chain = chain[1:]  # the spouse's child is one's own or step child (拟制血亲)
    segs = _segments(chain)
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
            if (a1, b1) in ((0, 1), (0, 2)):  # 配偶的子女、孙子女: own or step
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
