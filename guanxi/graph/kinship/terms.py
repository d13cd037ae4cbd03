"""称谓 as written on forms -> chains of primitive steps.

The table holds base terms; :func:`normalize` strips notes (父亲（已故）),
ordinals (大哥, 二姐, 长子), splits 之/的 compositions (兄之子) and resolves
爱人/配偶 through the form owner's gender.
"""

from __future__ import annotations

import re
from itertools import product

from pydantic import BaseModel

from guanxi.graph.kinship.steps import Chain


class TermSpec(BaseModel):
    """What a base term means: its chains and the ego gender it presumes."""

    chains: list[Chain]
    ego: str | None = None  # "男"/"女" when only one gender can use the term
    note: str = ""  # e.g. 拟制血亲


def _t(*chains: str, ego: str | None = None, note: str = "") -> TermSpec:
    return TermSpec(chains=[tuple(c.split()) for c in chains], ego=ego, note=note)


_SIB_M = ("elder_brother", "younger_brother")
_SIB_F = ("elder_sister", "younger_sister")

#: base terms; spaces separate steps, each string one chain
TERMS: dict[str, TermSpec] = {
    # spouse
    "妻子": _t("wife"), "妻": _t("wife"), "老婆": _t("wife"), "夫人": _t("wife"),
    "丈夫": _t("husband"), "夫": _t("husband"), "老公": _t("husband"),
    # parents and children
    "父亲": _t("father"), "父": _t("father"), "爸爸": _t("father"),
    "母亲": _t("mother"), "母": _t("mother"), "妈妈": _t("mother"),
    "儿子": _t("son"), "子": _t("son"), "女儿": _t("daughter"), "女": _t("daughter"),
    "养父": _t("father", note="拟制血亲"), "养母": _t("mother", note="拟制血亲"),
    "继父": _t("father", note="拟制血亲"), "继母": _t("mother", note="拟制血亲"),
    "养子": _t("son", note="拟制血亲"), "养女": _t("daughter", note="拟制血亲"),
    "继子": _t("son", note="拟制血亲"), "继女": _t("daughter", note="拟制血亲"),
    # siblings
    "哥哥": _t("elder_brother"), "兄": _t("elder_brother"), "哥": _t("elder_brother"),
    "弟弟": _t("younger_brother"), "弟": _t("younger_brother"),
    "姐姐": _t("elder_sister"), "姐": _t("elder_sister"),
    "妹妹": _t("younger_sister"), "妹": _t("younger_sister"),
    "兄弟": _t("brother"), "姐妹": _t("sister"), "兄弟姐妹": _t("sibling"),
    # grandparents and grandchildren
    "祖父": _t("father father"), "爷爷": _t("father father"),
    "祖母": _t("father mother"), "奶奶": _t("father mother"),
    "外祖父": _t("mother father"), "外公": _t("mother father"), "姥爷": _t("mother father"),
    "外祖母": _t("mother mother"), "外婆": _t("mother mother"), "姥姥": _t("mother mother"),
    "孙子": _t("son son"), "孙女": _t("son daughter"),
    "外孙": _t("daughter son"), "外孙女": _t("daughter daughter"),
    "曾祖父": _t("father father father"), "曾祖母": _t("father father mother"),
    # uncles and aunts
    "伯父": _t("father elder_brother"), "伯伯": _t("father elder_brother"),
    "叔叔": _t("father younger_brother"), "叔父": _t("father younger_brother"),
    "姑姑": _t("father sister"), "姑妈": _t("father sister"), "姑母": _t("father sister"),
    "舅舅": _t("mother brother"), "舅父": _t("mother brother"),
    "姨妈": _t("mother sister"), "姨母": _t("mother sister"), "姨": _t("mother sister"),
    "伯母": _t("father elder_brother wife"), "婶婶": _t("father younger_brother wife"),
    "姑父": _t("father sister husband"), "舅妈": _t("mother brother wife"),
    "姨父": _t("mother sister husband"),
    # cousins
    "堂兄": _t("father brother son"), "堂弟": _t("father brother son"),
    "堂姐": _t("father brother daughter"), "堂妹": _t("father brother daughter"),
    "表兄": _t("father sister son", "mother brother son", "mother sister son"),
    "表哥": _t("father sister son", "mother brother son", "mother sister son"),
    "表弟": _t("father sister son", "mother brother son", "mother sister son"),
    "表姐": _t("father sister daughter", "mother brother daughter", "mother sister daughter"),
    "表妹": _t("father sister daughter", "mother brother daughter", "mother sister daughter"),
    # nephews and nieces
    "侄子": _t("brother son"), "侄女": _t("brother daughter"),
    "外甥": _t("sister son"), "外甥女": _t("sister daughter"),
    # in-laws
    "岳父": _t("wife father", ego="男"), "岳母": _t("wife mother", ego="男"),
    "丈人": _t("wife father", ego="男"), "丈母娘": _t("wife mother", ego="男"),
    "公公": _t("husband father", ego="女"), "婆婆": _t("husband mother", ego="女"),
    "儿媳": _t("son wife"), "儿媳妇": _t("son wife"), "女婿": _t("daughter husband"),
    "嫂子": _t("elder_brother wife"), "嫂": _t("elder_brother wife"),
    "弟媳": _t("younger_brother wife"), "弟妹": _t("younger_brother wife"),
    "姐夫": _t("elder_sister husband"), "妹夫": _t("younger_sister husband"),
    "内兄": _t("wife elder_brother", ego="男"), "内弟": _t("wife younger_brother", ego="男"),
    "大舅子": _t("wife elder_brother", ego="男"), "小舅子": _t("wife younger_brother", ego="男"),
    "大姨子": _t("wife elder_sister", ego="男"), "小姨子": _t("wife younger_sister", ego="男"),
    "大伯子": _t("husband elder_brother", ego="女"), "小叔子": _t("husband younger_brother", ego="女"),
    "大姑子": _t("husband elder_sister", ego="女"), "小姑子": _t("husband younger_sister", ego="女"),
    "连襟": _t("wife sister husband", ego="男"), "妯娌": _t("husband brother wife", ego="女"),
    "亲家": _t("son wife father", "son wife mother", "daughter husband father",
               "daughter husband mother"),
    "内侄": _t("wife brother son", ego="男"), "内侄女": _t("wife brother daughter", ego="男"),
    "孙媳": _t("son son wife"), "孙女婿": _t("son daughter husband"),
}

#: 爱人 / 配偶: the chain depends on the form owner's gender
SPOUSE_WORDS = {"爱人", "配偶", "对象"}

#: non-kin ties that the relations table may carry
TIES = {"秘书", "司机", "同学", "老部下", "部下", "同事", "战友", "朋友", "警卫", "办公室", "老乡",
        "师生", "老师", "学生", "前同事", "工作人员"}

_NOTE = re.compile(r"[（(][^）)]*[）)]")
_ORDINAL = re.compile(r"^(大|二|三|四|五|六|七|八|九|十|小|老|幺)(?=[哥弟姐妹兄舅姨叔伯姑爷])")
_CHILD_ORDINAL = re.compile(r"^(长|次|三|四|五|幺|小)(?=[子女]$)")


class TermMatch(BaseModel):
    """A normalised term: what was written, the base terms found and their chains."""

    written: str
    base: str
    chains: list[Chain]
    ego: str | None = None
    note: str = ""
    tie: bool = False


def clean(term: str) -> str:
    """Strip notes in brackets, spaces and ordinals: ``二姐（已故）`` -> ``姐``."""
    t = _NOTE.sub("", term).strip().replace(" ", "").replace("\u3000", "")
    t = _ORDINAL.sub("", t)
    t = _CHILD_ORDINAL.sub("", t)
    return t


def _lookup(part: str, gender: str | None) -> TermSpec | None:
    if part in TERMS:
        return TERMS[part]
    if part in SPOUSE_WORDS:
        if gender == "男":
            return _t("wife")
        if gender == "女":
            return _t("husband")
        return _t("spouse")
    return None


def normalize(term: str, gender: str | None = None) -> TermMatch | None:
    """Read a 称谓 as written; None when it is neither kinship nor a known tie.

    ``gender`` is the form owner's (the ego's) gender; it resolves 爱人/配偶.

    Examples
    --------
    >>> normalize("二姐（已故）").chains
    [('elder_sister',)]
    >>> normalize("兄之子").chains
    [('elder_brother', 'son')]
    >>> normalize("爱人", "女").chains
    [('husband',)]
    """
    base = clean(term)
    if not base:
        return None
    if base in TIES:
        return TermMatch(written=term, base=base, chains=[], tie=True)
    parts = [clean(p) for p in re.split(r"[之的]", base) if p] if len(base) > 1 else [base]
    if len(parts) > 1 and base in TERMS:
        parts = [base]  # a base term that happens to contain 之/的
    specs: list[TermSpec] = []
    for i, part in enumerate(parts):
        spec = _lookup(part, gender if i == 0 else None)
        if spec is None:
            return None
        specs.append(spec)
    chains = [tuple(s for c in combo for s in c) for combo in product(*(sp.chains for sp in specs))]
    note = "；".join(sp.note for sp in specs if sp.note)
    return TermMatch(written=term, base=base, chains=chains, ego=specs[0].ego, note=note)
