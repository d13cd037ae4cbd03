"""称谓 as written on forms -> chains of primitive steps.

The table (:mod:`guanxi.graph.kinship.table`) holds base terms; :func:`normalize`
strips notes (父亲（已故）), ordinals (大哥, 二姐, 长子), splits 之/的 compositions
(兄之子) and resolves 爱人/配偶 through the gender of whoever the word belongs to.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from guanxi.graph.kinship.steps import Chain, gender_of
from guanxi.graph.kinship.table import TERMS, TermSpec, _t

#: 爱人 / 配偶: the chain depends on the gender of the person whose spouse it is
SPOUSE_WORDS = {"爱人", "配偶"}

#: non-kin ties that the relations table may carry
TIES = {"秘书", "司机", "同学", "老部下", "部下", "同事", "战友", "朋友", "警卫", "办公室", "老乡",
        "师生", "老师", "学生", "前同事", "工作人员", "老领导", "领导", "下属", "同乡", "室友"}

#: a spouse no longer: a tie, not kin (《公务员回避规定》 counts 夫妻关系, a marriage that holds)
FORMER_SPOUSE = {"前妻", "前夫", "前配偶", "前爱人", "前任妻子", "前任丈夫"}
_DIVORCED = re.compile(r"已?离(?:异|婚)")
_NOTE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_STATUS = re.compile(r"(已故|已去世|去世|已逝|病故|已退休|退休|健在|在世|离异)$")
_ORDINAL = re.compile(
    r"^(大|二|三|四|五|六|七|八|九|十|小|老|幺|长|次|独生|独|胞)"
    r"(?=[哥弟姐妹兄舅姨叔伯姑爷儿女嫂婶表堂子孙])")


class TermMatch(BaseModel):
    """A normalised term: what was written, the base terms found and their chains.

    ``ego`` is the gender the form owner must have for the term to make sense
    (岳父 ⇒ 男); ``note`` carries 拟制血亲 and ambiguity notes.
    """

    written: str
    base: str
    chains: list[Chain]
    ego: str | None = None
    note: str = ""
    tie: bool = False


def _strip(term: str) -> str:
    t = _NOTE.sub("", term)
    t = re.sub(r"[\s\u3000]", "", t)
    return _STATUS.sub("", t)


def clean(term: str) -> str:
    """Strip notes in brackets, spaces, status words and ordinals: ``二姐（已故）`` -> ``姐``.

    A base term that starts like an ordinal (小姨子, 大伯子, 大娘) is kept whole.

    Examples
    --------
    >>> clean("二姐（已故）"), clean("小姨子"), clean("长子"), clean("母亲(退休)")
    ('姐', '小姨子', '子', '母亲')
    """
    t = _strip(term)
    if t in TERMS or t in SPOUSE_WORDS or t in TIES:
        return t
    stripped = _ORDINAL.sub("", t)
    return stripped if stripped else t


def _lookup(part: str, owner: str | None) -> TermSpec | None:
    if part in TERMS:
        return TERMS[part]
    if part in SPOUSE_WORDS:
        if owner == "男":
            return _t("wife")
        if owner == "女":
            return _t("husband")
        return _t("spouse")
    return None


def _compose(parts: list[str], gender: str | None) -> tuple[list[Chain], list[TermSpec]] | None:
    """Chains of ``a之b之c``: each later part is read from the end of the chain so far."""
    partial: list[tuple[Chain, str | None]] = [((), gender)]
    specs: list[TermSpec] = []
    for part in parts:
        grown: list[tuple[Chain, str | None]] = []
        for chain, owner in partial:
            spec = _lookup(part, owner)
            if spec is None:
                return None
            if spec.ego and owner and spec.ego != owner and chain:
                continue  # 姐之岳父: nobody can be that
            for c in spec.chains:
                new = chain + c
                grown.append((new, gender_of(new[-1])))
            if spec not in specs:
                specs.append(spec)
        partial = grown
    chains = list(dict.fromkeys(c for c, _ in partial if c))
    return (chains, specs) if chains else None


def normalize(term: str, gender: str | None = None) -> TermMatch | None:
    """Read a 称谓 as written; None when it is neither kinship nor a known tie.

    ``gender`` is the form owner's (the ego's) gender; it resolves 爱人/配偶. In a
    之-form each later word belongs to the person reached so far, so in 兄之爱人
    the 爱人 is the brother's wife.

    Examples
    --------
    >>> normalize("二姐（已故）").chains
    [('elder_sister',)]
    >>> normalize("兄之子").chains
    [('elder_brother', 'son')]
    >>> normalize("爱人", "女").chains
    [('husband',)]
    >>> normalize("兄之爱人", "女").chains
    [('elder_brother', 'wife')]
    >>> normalize("岳父").ego, normalize("秘书").tie, normalize("邻居") is None
    ('男', True, True)
    >>> normalize("妻子（离异）").tie, normalize("前夫").base, normalize("父亲（离异）").chains
    (True, '前配偶', [('father',)])
    """
    base = clean(term)
    if not base:
        return None
    if base in TIES:
        return TermMatch(written=term, base=base, chains=[], tie=True)
    if base in FORMER_SPOUSE or (_DIVORCED.search(term) and _is_spouse(_DIVORCED.sub("", base))):
        return TermMatch(written=term, base="前配偶", chains=[], tie=True, note="已离异，不计为夫妻关系")
    if base in TERMS or base in SPOUSE_WORDS:
        parts = [base]
    else:
        parts = [clean(p) for p in re.split(r"[之的]", base) if p]
    got = _compose(parts, gender)
    if got is None:
        return None
    chains, specs = got
    note = "；".join(dict.fromkeys(sp.note for sp in specs if sp.note))
    first = _lookup(parts[0], gender)
    ego = first.ego if first is not None else None
    return TermMatch(written=term, base=base, chains=chains, ego=ego, note=note)


def _is_spouse(base: str) -> bool:
    spec = TERMS.get(base)
    return base in SPOUSE_WORDS or (spec is not None and all(c in (("wife",), ("husband",), ("spouse",))
                                                              for c in spec.chains))


def known_terms() -> list[str]:
    """Every base term the table knows, plus 爱人/配偶."""
    return sorted(set(TERMS) | SPOUSE_WORDS)


__all__ = ["FORMER_SPOUSE", "SPOUSE_WORDS", "TERMS", "TIES", "TermMatch", "TermSpec", "clean", "known_terms",
           "normalize"]
