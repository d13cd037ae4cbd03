"""Categories from chain shape (rules.md, kinship scope), for table terms and composed chains."""

from __future__ import annotations

import pytest

from guanxi.graph.kinship.category import (
    AFFINAL,
    COLLATERAL,
    EXCLUDED,
    FULL_SCOPE,
    LINEAL,
    OTHER,
    SPOUSE,
    KinScope,
    classify,
)
from guanxi.graph.kinship.explain import explain_term, render_term
from guanxi.graph.kinship.steps import inverse

# chain (space-separated), category under the default scope
COMPOSED = [
    ("wife", SPOUSE), ("husband", SPOUSE), ("spouse", SPOUSE),
    ("father", LINEAL), ("mother father", LINEAL), ("son", LINEAL), ("daughter son", LINEAL),
    ("father wife", LINEAL),  # 继母
    ("wife son", LINEAL), ("husband daughter son", LINEAL),
    ("elder_brother", COLLATERAL), ("father son", COLLATERAL), ("mother daughter", COLLATERAL),
    ("father elder_brother", COLLATERAL), ("mother sister", COLLATERAL),
    ("father father son", COLLATERAL),  # 伯叔 through the grandfather
    ("father father son son", COLLATERAL),  # 堂兄弟
    ("mother mother daughter daughter", COLLATERAL),  # 姨表
    ("brother son", COLLATERAL), ("sister daughter", COLLATERAL),
    ("brother sister", COLLATERAL), ("elder_brother father", LINEAL),
    ("wife father", AFFINAL), ("husband mother", AFFINAL), ("wife sister", AFFINAL),
    ("wife father daughter", AFFINAL),  # the wife's sister through a shared 岳父
    ("wife sister husband", AFFINAL),  # 连襟
    ("wife father daughter husband", AFFINAL),  # 连襟 through a shared 岳父
    ("husband father son wife", AFFINAL),  # 妯娌 through a shared 公公
    ("son wife", AFFINAL), ("daughter husband", AFFINAL),
    ("son wife father", AFFINAL), ("daughter husband mother", AFFINAL),  # 亲家
    ("elder_brother wife", AFFINAL), ("father sister husband", AFFINAL),
    ("father brother son wife", AFFINAL), ("brother son wife", AFFINAL),
    ("wife father wife", AFFINAL),  # the 岳父's wife
    ("son son mother", AFFINAL),  # a grandson's mother: the son's wife
    ("father father father", EXCLUDED), ("son son son", EXCLUDED),
    ("son son wife", EXCLUDED), ("wife father father", EXCLUDED),
    ("wife brother son", EXCLUDED),  # 内侄
    ("brother son son", OTHER),  # 侄孙
    ("father father brother son son", OTHER), ("father father father son", OTHER),
    ("son mother", OTHER),  # a child's mother: the ego or a co-parent, not known
    ("sister husband sister", OTHER), ("wife brother wife sister", OTHER),
    ("son wife father son", OTHER), ("wife sister husband brother", OTHER),
]


@pytest.mark.parametrize(("chain", "category"), COMPOSED)
def test_composed_chains(chain: str, category: str) -> None:
    assert classify(tuple(chain.split())) == category


SWITCHED = [
    ("father father father", "great_grandparents", LINEAL),
    ("son son daughter", "great_grandparents", LINEAL),
    ("son son wife", "grandchild_spouse", AFFINAL),
    ("daughter daughter husband", "grandchild_spouse", AFFINAL),
    ("wife brother son", "nei_zhi", AFFINAL),
    ("husband sister daughter", "nei_zhi", AFFINAL),
]


@pytest.mark.parametrize(("chain", "switch", "category"), SWITCHED)
def test_config_switches(chain: str, switch: str, category: str) -> None:
    c = tuple(chain.split())
    assert classify(c) == EXCLUDED
    assert classify(c, KinScope(**{switch: True})) == category
    assert classify(c, FULL_SCOPE) == category


def test_empty_chain_is_the_ego() -> None:
    assert classify(()) is None


@pytest.mark.parametrize(("chain", "ego"), [
    ("wife father", "男"), ("wife sister husband", "男"), ("husband brother wife", "女"),
    ("son wife father", "男"), ("daughter husband mother", "女"), ("wife father wife", "男"),
    ("elder_brother wife", "男"), ("wife son wife", "男"),
    ("father father son son", "男"), ("mother mother daughter daughter", "女"),
])
def test_pairs_read_backwards_stay_in_scope(chain: str, ego: str) -> None:
    """岳父 ↔ 女婿, 连襟 ↔ 连襟, 亲家 ↔ 亲家: both readings are in the law's scope."""
    c = tuple(chain.split())
    back = inverse(c, ego)
    assert classify(c) in {SPOUSE, LINEAL, COLLATERAL, AFFINAL}
    assert classify(back) in {SPOUSE, LINEAL, COLLATERAL, AFFINAL}, back


def test_the_law_is_asymmetric_for_nei_zhi() -> None:
    """内侄 is out by default, yet read from the nephew the ego is his 姑父 (旁系血亲的配偶).

    rules.md names both ends, so KinLink.category takes a declared reading as the
    form states it (tests/queries/fixtures/AV01.yaml: 内侄 declared is out, 姑父
    declared is in) and lets the switch decide a derived pair.
    """
    c = ("wife", "brother", "son")
    assert classify(c) == EXCLUDED
    assert classify(inverse(c, "男")) == AFFINAL


@pytest.mark.parametrize(("term", "category"), [
    ("妻子", SPOUSE), ("爱人", SPOUSE), ("养父", LINEAL), ("外孙女", LINEAL), ("表哥", COLLATERAL),
    ("姨表妹", COLLATERAL), ("外甥", COLLATERAL), ("岳母", AFFINAL), ("连襟", AFFINAL),
    ("妯娌", AFFINAL), ("亲家", AFFINAL), ("舅妈", AFFINAL), ("曾祖父", EXCLUDED),
    ("孙女婿", EXCLUDED), ("内侄", EXCLUDED), ("秘书", None), ("邻居", None),
])
def test_explain_term(term: str, category: str | None) -> None:
    info = explain_term(term)
    assert info["category"] == category
    assert info["term"] == term
    assert all(isinstance(c, list) for c in info["chains"])
    assert render_term(info).startswith(f"称谓：{term}")


def test_explain_term_respects_scope() -> None:
    assert explain_term("内侄", scope=KinScope(nei_zhi=True))["category"] == AFFINAL


def test_a_scope_changed_between_calls_gives_the_new_category() -> None:
    """Categories are remembered per chain and switches: the switches are read at each call."""
    scope = KinScope()
    chain = ("wife", "brother", "son")
    assert classify(chain, scope) == EXCLUDED
    scope.nei_zhi = True
    assert classify(chain, scope) == AFFINAL
    assert classify(list(chain), scope) == AFFINAL  # type: ignore[arg-type]
