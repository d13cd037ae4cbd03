"""The 称谓 normaliser: coverage, ordinals, notes, 之-forms, spouse words, ties, and warnings."""

from __future__ import annotations

import pytest

from guanxi.graph.builder import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.kinship.table import TERMS
from guanxi.graph.kinship.terms import SPOUSE_WORDS, TIES, known_terms, normalize
from guanxi.graph.records import Person, Relation, Source


def test_at_least_120_distinct_written_terms() -> None:
    terms = known_terms()
    assert len(terms) >= 120
    assert all(normalize(t, "男") is not None or normalize(t, "女") is not None for t in terms)


# written form, owner gender, expected chains (space-separated steps), ego constraint
CASES = [
    ("大哥", None, ["elder_brother"], None),
    ("二姐", None, ["elder_sister"], None),
    ("三弟", None, ["younger_brother"], None),
    ("幺妹", None, ["younger_sister"], None),
    ("长子", None, ["son"], None),
    ("次女", None, ["daughter"], None),
    ("小女儿", None, ["daughter"], None),
    ("大伯", None, ["father elder_brother"], None),
    ("二叔", None, ["father younger_brother"], None),
    ("四婶", None, ["father younger_brother wife"], None),
    ("大嫂", None, ["elder_brother wife"], None),
    ("二姐夫", None, ["elder_sister husband"], None),
    ("大表哥", None, ["father sister son", "mother brother son", "mother sister son"], None),
    ("父亲（已故）", None, ["father"], None),
    ("母亲(退休)", None, ["mother"], None),
    ("父亲 已故", None, ["father"], None),
    ("兄之子", None, ["elder_brother son"], None),
    ("妻之兄", "男", ["wife elder_brother"], "男"),
    ("哥哥的儿子", None, ["elder_brother son"], None),
    ("兄之爱人", "女", ["elder_brother wife"], None),  # the 爱人 is the brother's
    ("姐之爱人", "男", ["elder_sister husband"], None),
    ("子女之配偶", None, ["son wife", "daughter husband"], None),
    ("爱人", "男", ["wife"], None),
    ("爱人", "女", ["husband"], None),
    ("配偶", None, ["spouse"], None),
    ("老公", "女", ["husband"], "女"),
    ("媳妇", "男", ["wife"], "男"),
    ("儿媳妇", None, ["son wife"], None),
    ("公公", "女", ["husband father"], "女"),
    ("丈人", "男", ["wife father"], "男"),
    ("岳父", "男", ["wife father"], "男"),
    ("舅子", "男", ["wife brother"], "男"),
    ("小姨子", "男", ["wife younger_sister"], "男"),
    ("大伯子", "女", ["husband elder_brother"], "女"),
    ("连襟", "男", ["wife sister husband"], "男"),
    ("妯娌", "女", ["husband brother wife"], "女"),
    ("亲家", None, ["son wife father", "son wife mother", "daughter husband father",
                    "daughter husband mother"], None),
    ("姥爷", None, ["mother father"], None),
    ("阿姨", None, ["mother sister"], None),
    ("姑表哥", None, ["father sister son"], None),
    ("舅表妹", None, ["mother brother daughter"], None),
    ("姨表姐", None, ["mother sister daughter"], None),
    ("堂弟", None, ["father brother son"], None),
    ("侄女", None, ["brother daughter"], None),
    ("外甥女", None, ["sister daughter"], None),
    ("舅妈", None, ["mother brother wife"], None),
    ("姨父", None, ["mother sister husband"], None),
    ("外孙女", None, ["daughter daughter"], None),
    ("曾祖父", None, ["father father father"], None),
    ("孙媳", None, ["son son wife"], None),
    ("孙女婿", None, ["son daughter husband"], None),
    ("内侄", "男", ["wife brother son"], "男"),
    ("堂侄", None, ["father brother son son", "father brother son daughter"], None),
    ("表舅", None, ["mother father sister son", "mother mother brother son", "mother mother sister son"], None),
    ("表姑", None, ["father father sister daughter", "father mother brother daughter",
                    "father mother sister daughter"], None),
    ("岳父母", "男", ["wife father", "wife mother"], "男"),
    ("公婆", "女", ["husband father", "husband mother"], "女"),
]


@pytest.mark.parametrize(("written", "gender", "chains", "ego"), CASES)
def test_written_forms(written: str, gender: str | None, chains: list[str],
                       ego: str | None) -> None:
    m = normalize(written, gender)
    assert m is not None
    assert m.chains == [tuple(c.split()) for c in chains]
    assert m.ego == ego
    assert m.written == written


@pytest.mark.parametrize("term", ["养父", "养母", "养子", "养女", "继父", "继母", "继子", "继女"])
def test_adoptive_and_step_relations_count_like_blood(term: str) -> None:
    m = normalize(term)
    assert m is not None and m.note == "拟制血亲"
    assert len(m.chains) == 1 and len(m.chains[0]) == 1


@pytest.mark.parametrize("term", ["堂侄", "表侄女", "表叔", "表舅", "表姨", "堂舅"])
def test_a_cousins_child_or_a_parents_cousin_is_kin_beyond_the_scope(term: str) -> None:
    """Read as kin (it used to be an unknown term kept as a social tie), outside 三代以内旁系."""
    from guanxi.graph.kinship.category import classify

    m = normalize(term)
    assert m is not None and {classify(c) for c in m.chains} == {"其他亲属"}


@pytest.mark.parametrize(("term", "kin"), [("妻子", True), ("妻子（离异）", False), ("爱人 已离婚", False),
                                          ("前妻", False), ("父亲（离异）", True)])
def test_a_divorced_spouse_is_a_tie_not_kin(term: str, kin: bool) -> None:
    """妻子（离异） was read as 妻子 (the note stripped): a divorced couple counted as 夫妻."""
    ds = Dataset(persons=[Person(id="P1", name="张三", gender="男"), Person(id="P3", name="王五")],
                 relations=[Relation(person_id="P1", term=term, relative_id="P3")])
    links = list(build(ds).kin_links())
    assert bool(links) is kin
    m = normalize(term, "男")
    assert m is not None and m.tie is not kin
    assert not ds.warnings  # recognised either way


def test_ayi_is_read_as_mothers_sister_with_a_note() -> None:
    m = normalize("阿姨")
    assert m is not None and "歧义" in m.note


def test_impossible_composition_is_unknown() -> None:
    assert normalize("姐之岳父") is None  # a sister has no 岳父


def test_ties_and_unknown() -> None:
    for t in ("秘书", "司机", "同学", "老部下"):
        m = normalize(t)
        assert m is not None and m.tie and m.chains == []
    assert normalize("邻居") is None
    assert normalize("") is None
    assert not (TIES & set(TERMS)) and not (SPOUSE_WORDS & set(TERMS))


def test_unknown_term_is_a_warning_naming_file_and_row() -> None:
    ds = Dataset(persons=[Person(id="P1", name="张三", gender="男")],
                 relations=[Relation(person_id="P1", term="干爹", relative_name="某",
                                     src=Source(file="relations.csv", row=7))])
    store = build(ds)
    assert any("relations.csv 第 7 行" in w and "干爹" in w for w in ds.warnings)
    assert not list(store.kin_links())
    # kept as a tie, not dropped
    assert [d["kind"] for _u, _v, _e, d in store.edges()] == ["tie"]
