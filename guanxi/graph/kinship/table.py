"""The base 称谓 table: every written base term and the chains of primitive steps it means."""

from __future__ import annotations

from pydantic import BaseModel

from guanxi.graph.kinship.steps import Chain

ADOPTIVE = "拟制血亲"
AMBIGUOUS_AYI = "称谓有歧义：按姨母（母亲的姐妹）处理，口语中也泛指长辈女性，须核实"


class TermSpec(BaseModel):
    """What a base term means: its chains and the ego gender it presumes."""

    chains: list[Chain]
    ego: str | None = None  # "男"/"女" when only one gender can use the term
    note: str = ""  # e.g. 拟制血亲


def _t(*chains: str, ego: str | None = None, note: str = "") -> TermSpec:
    return TermSpec(chains=[tuple(c.split()) for c in chains], ego=ego, note=note)


def _many(names: str, *chains: str, ego: str | None = None, note: str = "") -> dict[str, TermSpec]:
    spec = _t(*chains, ego=ego, note=note)
    return dict.fromkeys(names.split(), spec)


_F_SIS = "father sister"
_M_BRO = "mother brother"
_M_SIS = "mother sister"


def _cousins() -> dict[str, TermSpec]:
    """堂/表 cousins: 堂 through the father's brothers; 表 of three kinds (姑表, 舅表, 姨表)."""
    out: dict[str, TermSpec] = {}
    ends = {"兄": "son", "哥": "son", "弟": "son", "兄弟": "son", "姐": "daughter",
            "妹": "daughter", "姐妹": "daughter"}
    kinds = {"姑表": _F_SIS, "舅表": _M_BRO, "姨表": _M_SIS}
    for end, step in ends.items():
        out["堂" + end] = _t(f"father brother {step}")
        # 表哥 on a form may be any of the three kinds: keep all three readings
        out["表" + end] = _t(*(f"{via} {step}" for via in kinds.values()))
        for prefix, via in kinds.items():
            out[prefix + end] = _t(f"{via} {step}")
    out["堂兄弟姐妹"] = _t("father brother child")
    out["表兄弟姐妹"] = _t(*(f"{via} child" for via in kinds.values()))
    # a cousin's children, and the parents' cousins (beyond 三代以内旁系: out of scope by default)
    out["堂侄"] = _t("father brother son son", "father brother son daughter")  # as 侄: either
    out["堂侄女"] = _t("father brother son daughter")
    out["表侄"] = _t(*(f"{via} son {c}" for via in kinds.values() for c in ("son", "daughter")))
    out["表侄女"] = _t(*(f"{via} son daughter" for via in kinds.values()))
    for parent, names in (("father", ("表叔", "表伯")), ("mother", ("表舅",))):
        for name in names:
            out[name] = _t(f"{parent} father sister son", f"{parent} mother brother son",
                           f"{parent} mother sister son")
    out["表姑"] = _t("father father sister daughter", "father mother brother daughter",
                    "father mother sister daughter")
    out["表姨"] = _t("mother father sister daughter", "mother mother brother daughter",
                    "mother mother sister daughter")
    out["堂舅"] = _t("mother father brother son")
    out["堂姨"] = _t("mother father brother daughter")
    return out


#: base terms; spaces separate steps, each string one chain
TERMS: dict[str, TermSpec] = {
    # spouse (爱人/配偶 depend on the owner's gender: see terms.SPOUSE_WORDS)
    **_many("妻子 妻 老婆 夫人 媳妇 内人 太太", "wife", ego="男"),
    **_many("丈夫 夫 老公 先生", "husband", ego="女"),
    # parents and children
    **_many("父亲 父 爸爸 爸 爹", "father"), **_many("母亲 母 妈妈 妈 娘", "mother"),
    **_many("父母", "father", "mother"),
    "岳父母": _t("wife father", "wife mother", ego="男"), "公婆": _t("husband father", "husband mother", ego="女"),
    **_many("儿子 子 儿", "son"), **_many("女儿 女 闺女", "daughter"),
    **_many("子女 儿女 孩子", "son", "daughter"),
    **_many("养父 继父 后爸", "father", note=ADOPTIVE),
    **_many("养母 继母 后妈", "mother", note=ADOPTIVE),
    **_many("养子 继子", "son", note=ADOPTIVE), **_many("养女 继女", "daughter", note=ADOPTIVE),
    # siblings
    **_many("哥哥 兄 哥 兄长 胞兄", "elder_brother"),
    **_many("弟弟 弟 胞弟", "younger_brother"),
    **_many("姐姐 姐 胞姐", "elder_sister"), **_many("妹妹 妹 胞妹", "younger_sister"),
    "兄弟": _t("brother"), "姐妹": _t("sister"), "兄弟姐妹": _t("sibling"),
    # grandparents and grandchildren
    **_many("祖父 爷爷", "father father"), **_many("祖母 奶奶", "father mother"),
    **_many("外祖父 外公 姥爷 姥爷", "mother father"),
    **_many("外祖母 外婆 姥姥", "mother mother"),
    "孙子": _t("son son"), "孙女": _t("son daughter"), "孙": _t("son son", "son daughter"),
    **_many("外孙 外孙子", "daughter son"), "外孙女": _t("daughter daughter"),
    "曾祖父": _t("father father father"), "曾祖母": _t("father father mother"),
    "外曾祖父": _t("mother father father"), "外曾祖母": _t("mother father mother"),
    "曾孙": _t("son son son"), "曾孙女": _t("son son daughter"),
    # uncles and aunts, and their spouses
    **_many("伯父 伯伯 伯 大爷", "father elder_brother"),
    **_many("叔叔 叔父 叔", "father younger_brother"),
    **_many("姑姑 姑妈 姑母 姑", _F_SIS),
    **_many("舅舅 舅父 舅", _M_BRO),
    **_many("姨妈 姨母 姨", _M_SIS),
    "阿姨": _t(_M_SIS, note=AMBIGUOUS_AYI),
    **_many("伯母 大娘 大妈", "father elder_brother wife"),
    **_many("婶婶 婶母 婶 婶子", "father younger_brother wife"),
    **_many("姑父 姑丈", "father sister husband"),
    **_many("舅妈 舅母", "mother brother wife"),
    **_many("姨父 姨丈", "mother sister husband"),
    # cousins
    **_cousins(),
    # nephews and nieces
    **_many("侄子 侄儿", "brother son"), "侄女": _t("brother daughter"),
    "侄": _t("brother son", "brother daughter"),
    **_many("外甥", "sister son"), "外甥女": _t("sister daughter"),
    "侄媳": _t("brother son wife"), "侄女婿": _t("brother daughter husband"),
    "外甥媳妇": _t("sister son wife"), "外甥女婿": _t("sister daughter husband"),
    # the spouse's family
    **_many("岳父 丈人 老丈人 岳丈", "wife father", ego="男"),
    **_many("岳母 丈母娘", "wife mother", ego="男"),
    "公公": _t("husband father", ego="女"), "婆婆": _t("husband mother", ego="女"),
    **_many("内兄 大舅子 妻兄", "wife elder_brother", ego="男"),
    **_many("内弟 小舅子 妻弟", "wife younger_brother", ego="男"),
    "舅子": _t("wife brother", ego="男"),
    **_many("大姨子 妻姐", "wife elder_sister", ego="男"),
    **_many("小姨子 妻妹", "wife younger_sister", ego="男"),
    "姨子": _t("wife sister", ego="男"),
    **_many("大伯子 夫兄", "husband elder_brother", ego="女"),
    **_many("小叔子 夫弟", "husband younger_brother", ego="女"),
    **_many("大姑子 夫姐", "husband elder_sister", ego="女"),
    **_many("小姑子 夫妹", "husband younger_sister", ego="女"),
    "姑子": _t("husband sister", ego="女"),
    **_many("连襟 连桥", "wife sister husband", ego="男"),
    "襟兄": _t("wife elder_sister husband", ego="男"),
    "襟弟": _t("wife younger_sister husband", ego="男"),
    "妯娌": _t("husband brother wife", ego="女"),
    # the family's spouses
    **_many("儿媳 儿媳妇", "son wife"), "女婿": _t("daughter husband"),
    **_many("嫂子 嫂 嫂嫂", "elder_brother wife"),
    **_many("弟媳 弟妹 弟媳妇", "younger_brother wife"),
    **_many("姐夫", "elder_sister husband"), **_many("妹夫", "younger_sister husband"),
    # 亲家: the parents of a child's spouse
    "亲家": _t("son wife father", "son wife mother", "daughter husband father",
               "daughter husband mother"),
    "亲家公": _t("son wife father", "daughter husband father"),
    "亲家母": _t("son wife mother", "daughter husband mother"),
    # out of scope by default (KinScope switches)
    "内侄": _t("wife brother son", ego="男"), "内侄女": _t("wife brother daughter", ego="男"),
    **_many("孙媳 孙媳妇", "son son wife"), "孙女婿": _t("son daughter husband"),
    "外孙媳": _t("daughter son wife"), "外孙女婿": _t("daughter daughter husband"),
}
