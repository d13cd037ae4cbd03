"""Primitive kinship steps, their inverses and how chains of them read in Chinese."""

from __future__ import annotations

from typing import Literal

Chain = tuple[str, ...]
Kind = Literal["up", "down", "spouse", "sibling"]

#: step -> (kind, gender of the person the step leads to, Chinese name)
STEPS: dict[str, tuple[Kind, str | None, str]] = {
    "father": ("up", "男", "父亲"),
    "mother": ("up", "女", "母亲"),
    "parent": ("up", None, "父母"),
    "son": ("down", "男", "儿子"),
    "daughter": ("down", "女", "女儿"),
    "child": ("down", None, "子女"),
    "husband": ("spouse", "男", "丈夫"),
    "wife": ("spouse", "女", "妻子"),
    "spouse": ("spouse", None, "配偶"),
    "elder_brother": ("sibling", "男", "哥哥"),
    "younger_brother": ("sibling", "男", "弟弟"),
    "brother": ("sibling", "男", "兄弟"),
    "elder_sister": ("sibling", "女", "姐姐"),
    "younger_sister": ("sibling", "女", "妹妹"),
    "sister": ("sibling", "女", "姐妹"),
    "sibling": ("sibling", None, "兄弟姐妹"),
}

_BY_KIND_GENDER: dict[tuple[Kind, str | None], str] = {
    ("up", "男"): "father",
    ("up", "女"): "mother",
    ("up", None): "parent",
    ("down", "男"): "son",
    ("down", "女"): "daughter",
    ("down", None): "child",
    ("spouse", "男"): "husband",
    ("spouse", "女"): "wife",
    ("spouse", None): "spouse",
    ("sibling", "男"): "brother",
    ("sibling", "女"): "sister",
    ("sibling", None): "sibling",
}

_INVERSE_KIND: dict[Kind, Kind] = {
    "up": "down",
    "down": "up",
    "spouse": "spouse",
    "sibling": "sibling",
}

_ELDER_YOUNGER = {
    "elder_brother": "younger",
    "elder_sister": "younger",
    "younger_brother": "elder",
    "younger_sister": "elder",
}


def kind(step: str) -> Kind:
    """The kind of a step: up, down, spouse or sibling."""
    return STEPS[step][0]


def gender_of(step: str) -> str | None:
    """Gender of the person a step leads to (None when the step does not say)."""
    return STEPS[step][1]


def step_for(k: Kind, gender: str | None) -> str:
    """The step of kind ``k`` leading to a person of ``gender``."""
    return _BY_KIND_GENDER[(k, gender)]


def ego_gender(chain: Chain, declared: str | None) -> str | None:
    """The ego's gender: as declared, or implied by a first spouse step (妻子 ⇒ 男)."""
    if declared in ("男", "女"):
        return declared
    if chain and kind(chain[0]) == "spouse":
        g = gender_of(chain[0])
        return {"男": "女", "女": "男"}.get(g or "")
    return None


def inverse(chain: Chain, ego: str | None) -> Chain:
    """The chain read from the far end back to the ego.

    ``ego`` is the gender of the person the chain starts from; the genders of
    the people in between come from the steps themselves.

    Examples
    --------
    >>> inverse(("wife", "father"), "男")
    ('daughter', 'husband')
    >>> inverse(("elder_brother",), "女")
    ('younger_sister',)
    """
    genders: list[str | None] = [ego_gender(chain, ego)]
    for step in chain:
        genders.append(gender_of(step))
    out: list[str] = []
    for i in range(len(chain) - 1, -1, -1):
        step, back_to = chain[i], genders[i]
        k = _INVERSE_KIND[kind(step)]
        if step in _ELDER_YOUNGER and back_to is not None:
            out.append(f"{_ELDER_YOUNGER[step]}_{'brother' if back_to == '男' else 'sister'}")
        else:
            out.append(step_for(k, back_to))
    return tuple(out)


def to_chinese(chain: Chain) -> str:
    """``('wife', 'father')`` -> ``妻子的父亲``."""
    return "的".join(STEPS[s][2] for s in chain)


def refines(specific: str, general: str) -> bool:
    """True when ``specific`` says at least what ``general`` says (哥哥 refines 兄弟).

    Examples
    --------
    >>> refines("elder_brother", "sibling"), refines("wife", "husband")
    (True, False)
    """
    if specific == general:
        return True
    if kind(specific) != kind(general):
        return False
    g = gender_of(general)
    if general in _ELDER_YOUNGER:
        return False
    return g is None or g == gender_of(specific)


def agree(a: Chain, b: Chain) -> bool:
    """True when two chains can describe the same relation (one refines the other step by step).

    Examples
    --------
    >>> agree(("elder_brother",), ("brother",)), agree(("wife",), ("elder_brother",))
    (True, False)
    """
    return len(a) == len(b) and all(refines(x, y) or refines(y, x) for x, y in zip(a, b))
