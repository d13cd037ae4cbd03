"""Our 称谓 table against an independent calculator (python3-relationship, a port of relationship.js)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from oracle_util import oracle_chains

from guanxi.graph.kinship.category import CATEGORIES, classify
from guanxi.graph.kinship.terms import known_terms, normalize

#: generic steps are shorthand for the gendered ones the calculator lists
_EXPAND = {"sibling": ("brother", "sister"), "child": ("son", "daughter"),
           "spouse": ("husband", "wife"), "parent": ("father", "mother")}

_ADOPT = "拟制血亲 counted like blood (rules.md); the calculator has no 养/继 terms"
_YIBIAO = "姨表 cousins are 表 cousins too (rules.md: 表 includes 姑表, 舅表 and 姨表)"
_NEUTRAL = ("we read the gendered word as written (外甥 = son, 外甥女 = daughter); "
            "the calculator also reads it gender-neutrally")

#: every deliberate disagreement, with the reason; the test fails on any other one
DEVIATIONS: dict[str, str] = {
    **dict.fromkeys(("表兄", "表哥", "表弟", "表姐", "表妹", "表兄弟", "表姐妹", "表兄弟姐妹",
                     "表侄", "表侄女", "表叔", "表伯", "表舅", "表姑", "表姨"), _YIBIAO),
    **dict.fromkeys(("外甥", "外孙", "内侄", "曾孙"), _NEUTRAL),
    "亲家母": "on forms 亲家母 is the mother of a child's spouse; the calculator adds the "
              "regional 兄弟的妻子的母亲/姐妹的丈夫的母亲",
    "大爷": "northern 大爷 = 伯父; the calculator adds 祖父的哥哥 (another regional reading), "
            "which no form uses for a 家庭成员",
    "婶婶": "婶婶 on one's own form is the 叔叔's wife; the calculator adds 丈夫的弟弟的妻子 "
            "(addressing her as one's child does)",
    "婶子": "as 婶婶; the calculator adds 丈夫的兄弟的妻子",
}

#: terms the calculator does not know (not compared; listed so nothing is silently skipped)
UNKNOWN_TO_ORACLE = dict.fromkeys(("养父", "养母", "养子", "养女", "继父", "继母",
                                   "继子", "继女", "后爸", "后妈"), _ADOPT)


def _expand(chains: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for c in chains:
        todo = [c]
        while todo:
            cur = todo.pop()
            i = next((k for k, s in enumerate(cur) if s in _EXPAND), None)
            if i is None:
                out.add(cur)
            else:
                todo += [cur[:i] + (g,) + cur[i + 1:] for g in _EXPAND[cur[i]]]
    return out


def _compare() -> tuple[dict[str, tuple[set, set]], list[str]]:
    same: dict[str, tuple[set, set]] = {}
    unknown: list[str] = []
    for term in known_terms():
        theirs = oracle_chains(term)
        if theirs is None:
            unknown.append(term)
            continue
        m = normalize(term)
        assert m is not None
        same[term] = (_expand(m.chains), theirs)
    return same, unknown


COMPARED, UNKNOWN = _compare()


def test_more_than_a_hundred_terms_compared() -> None:
    assert len(COMPARED) >= 150


def test_only_listed_terms_are_unknown_to_the_oracle() -> None:
    assert sorted(UNKNOWN) == sorted(UNKNOWN_TO_ORACLE)


@pytest.mark.parametrize("term", sorted(COMPARED))
def test_chains_agree_unless_listed(term: str) -> None:
    ours, theirs = COMPARED[term]
    if term in DEVIATIONS:
        assert ours != theirs, f"{term} now agrees: drop it from DEVIATIONS"
    else:
        assert ours == theirs


def test_deviations_are_all_about_compared_terms() -> None:
    assert set(DEVIATIONS) <= set(COMPARED)


def _by_category() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for term, (ours, _theirs) in COMPARED.items():
        cats = {classify(c) for c in ours}
        groups[next(c for c in CATEGORIES if c in cats)].append(term)
    return groups


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c in _by_category()])
def test_category_by_category(category: str) -> None:
    """Within each category, the calculator's chains fall in the same category."""
    bad = []
    for term in _by_category()[category]:
        if term in DEVIATIONS:
            continue
        theirs = {classify(c) for c in COMPARED[term][1]}
        if theirs != {category}:
            bad.append((term, theirs))
    assert not bad


def test_each_in_scope_category_is_well_represented() -> None:
    groups = _by_category()
    for cat, least in (("夫妻", 5), ("直系血亲", 20), ("三代以内旁系血亲", 40), ("近姻亲", 40),
                       ("范围外", 5)):
        assert len(groups[cat]) >= least, cat


def test_deviations_keep_the_category() -> None:
    """Where we differ from the calculator, the legal category is still the same."""
    for term in DEVIATIONS:
        ours, theirs = COMPARED[term]
        if term in ("大爷", "婶婶", "婶子", "亲家母"):
            continue  # the extra regional readings are different relations
        assert {classify(c) for c in ours} == {classify(c) for c in theirs}, term
