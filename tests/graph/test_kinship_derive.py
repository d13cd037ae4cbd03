"""Derived kinship: shared relatives merged across forms, joins, go-betweens, checks and explanations."""

from __future__ import annotations

from datetime import date

import pytest

from guanxi.graph.builder import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.kinship.explain import explain_pair, render_pair
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import Person, Relation, Source

D45 = date(1945, 3, 1)


def _ds(persons: list[tuple[str, str, str]], rels: list[tuple[str, str, dict]],
        births: dict[str, date] | None = None) -> Dataset:
    births = births or {}
    ps = [Person(id=i, name=n, gender=g, birth_date=births.get(i),  # type: ignore[arg-type]
                 src=Source(file="persons.csv", row=k + 2)) for k, (i, n, g) in enumerate(persons)]
    rs = [Relation(person_id=p, term=t, src=Source(file="relations.csv", row=k + 2), **kw)
          for k, (p, t, kw) in enumerate(rels)]
    return Dataset(persons=ps, relations=rs)


def _cat(store: NxStore, a: str, b: str) -> str | None:
    return explain_pair(store, a, b)["category"]


MEN = [("A", "张三", "男"), ("B", "王五", "男"), ("C", "李四", "女")]
LI = {"relative_name": "李某", "relative_birth_date": D45}


@pytest.mark.parametrize(("term_a", "term_b", "category"), [
    ("父亲", "父亲", "三代以内旁系血亲"),  # siblings through a shared father
    ("母亲", "母亲", "三代以内旁系血亲"),
    ("岳父", "岳父", "近姻亲"),  # 连襟 through a shared 岳父
    ("爷爷", "外公", "三代以内旁系血亲"),  # cousins through a shared grandparent
    ("爷爷", "爷爷", "三代以内旁系血亲"),  # 堂兄弟
    ("父亲", "岳父", "近姻亲"),  # B's wife is A's sister
    ("伯父", "父亲", "三代以内旁系血亲"),  # A's uncle is B's father: cousins
    ("儿子", "父亲", "直系血亲"),  # declared from both ends though nobody is on the roster twice
])
def test_shared_relative_between_two_men(term_a: str, term_b: str, category: str) -> None:
    store = build(_ds(MEN[:2], [("A", term_a, LI), ("B", term_b, LI)]))
    info = explain_pair(store, "A", "B")
    assert info["category"] == category
    assert info["via"] is not None
    assert "李某（1945.03）" in info["text"] and "为同一人" in info["text"]
    assert info["rows"] == ["relations.csv 第 2 行", "relations.csv 第 3 行"]


def test_lianjin_text_and_path() -> None:
    store = build(_ds(MEN[:2], [("A", "岳父", LI), ("B", "岳父", {**LI, "relative_birth_date":
                                                                    date(1945, 3, 20)})]))
    info = explain_pair(store, "A", "B")
    assert info["text"] == ("张三 的岳父 李某（1945.03） 与 王五 的岳父 为同一人"
                            "（relations.csv 第 2 行、relations.csv 第 3 行）")
    assert info["term"] == "连襟"
    assert info["path"] == "张三 —妻子→ （某） —父亲→ 李某 —女儿→ （某） —丈夫→ 王五"
    assert "类别：近姻亲" in render_pair(info)


def test_zhouli_through_a_shared_gonggong() -> None:
    women = [("A", "甲", "女"), ("B", "乙", "女")]
    store = build(_ds(women, [("A", "公公", LI), ("B", "公公", LI)]))
    assert _cat(store, "A", "B") == "近姻亲"


def test_qinjia_through_a_shared_couple_of_children() -> None:
    son = {"relative_name": "张小", "relative_birth_date": date(1990, 5, 1)}
    store = build(_ds(MEN[:2], [("A", "儿子", son), ("B", "女婿", son)]))
    assert _cat(store, "A", "B") == "近姻亲"
    assert explain_pair(store, "A", "B")["chain"] == ["son", "wife", "father"]


def test_composition_through_a_roster_go_between() -> None:
    store = build(_ds([("A", "张三", "男"), ("B", "张二", "男"), ("C", "钱七", "女")],
                      [("A", "哥哥", {"relative_id": "B"}), ("B", "妻子", {"relative_id": "C"})]))
    info = explain_pair(store, "A", "C")
    assert info["category"] == "近姻亲" and info["term"] == "嫂子"
    assert info["path"] == "张三 —哥哥→ 张二 —妻子→ 钱七"
    assert info["via"] == "B"


def test_two_intermediates_shared_father_then_a_declared_wife() -> None:
    """A and B share a father (off the roster); B's wife C is on the roster: A–C is 近姻亲."""
    store = build(_ds([("A", "张三", "男"), ("B", "张二", "男"), ("C", "钱七", "女")],
                      [("A", "父亲", LI), ("B", "父亲", LI), ("B", "妻子", {"relative_id": "C"})]))
    assert _cat(store, "A", "B") == "三代以内旁系血亲"
    assert _cat(store, "A", "C") == "近姻亲"


@pytest.mark.parametrize("second", [
    {"relative_name": "李某", "relative_birth_date": date(1945, 4, 1)},  # another month
    {"relative_name": "李某"},  # no birth date, no id
    {"relative_name": "李谋", "relative_birth_date": D45},  # another name
])
def test_homonyms_and_thin_descriptions_are_not_merged(second: dict) -> None:
    store = build(_ds(MEN[:2], [("A", "岳父", LI), ("B", "岳父", second)]))
    assert _cat(store, "A", "B") is None
    assert not list(store.kin_links())


def test_conflicting_id_numbers_are_not_merged() -> None:
    ids = ["11010519450301001X", "110105194503010028"]
    store = build(_ds(MEN[:2], [("A", "岳父", {**LI, "relative_id_number": ids[0]}),
                                ("B", "岳父", {**LI, "relative_id_number": ids[1]})]))
    assert _cat(store, "A", "B") is None


def test_conflicting_genders_are_not_merged() -> None:
    store = build(_ds(MEN[:2], [("A", "岳父", LI), ("B", "岳母", LI)]))
    assert _cat(store, "A", "B") is None


def test_same_id_number_merges_even_with_different_names() -> None:
    idn = {"relative_id_number": "11010519450301001X"}
    store = build(_ds(MEN[:2], [("A", "岳父", {"relative_name": "李某", **idn}),
                                ("B", "岳父", {"relative_name": "李 某", **idn})]))
    assert _cat(store, "A", "B") == "近姻亲"


def test_a_row_without_id_joins_the_only_matching_person() -> None:
    rows = [("A", "岳父", {**LI, "relative_id_number": "11010519450301001X"}), ("B", "岳父", LI)]
    assert _cat(build(_ds(MEN[:2], rows)), "A", "B") == "近姻亲"


def test_an_ambiguous_row_joins_nobody_and_says_so() -> None:
    persons = MEN[:2] + [("D", "赵六", "男")]
    rows = [("A", "岳父", {**LI, "relative_id_number": "11010519450301001X"}),
            ("D", "父亲", {**LI, "relative_id_number": "110105194503010117"}),
            ("B", "岳父", LI)]
    ds = _ds(persons, rows)
    store = build(ds)
    assert _cat(store, "A", "B") is None and _cat(store, "D", "B") is None
    assert any("relations.csv 第 4 行" in w and "未合并" in w for w in ds.warnings)


def test_declared_both_ways_disagree_warning_names_both_rows() -> None:
    ds = _ds([("A", "王五", "男"), ("B", "李四", "女")],
             [("A", "妻子", {"relative_id": "B"}), ("B", "哥哥", {"relative_id": "A"})])
    build(ds)
    w = [x for x in ds.warnings if "不一致" in x]
    assert len(w) == 1
    assert "relations.csv 第 2 行" in w[0] and "relations.csv 第 3 行" in w[0]


def test_declared_both_ways_agreeing_is_silent() -> None:
    ds = _ds([("A", "王五", "男"), ("B", "李四", "女")],
             [("A", "妻子", {"relative_id": "B"}), ("B", "丈夫", {"relative_id": "A"})])
    store = build(ds)
    assert not ds.warnings
    assert _cat(store, "A", "B") == "夫妻"


def test_a_father_younger_than_the_child() -> None:
    ds = _ds([("A", "张三", "男")],
             [("A", "父亲", {"relative_name": "张老", "relative_birth_date": date(1980, 1, 1)})],
             births={"A": date(1975, 1, 1)})
    build(ds)
    w = [x for x in ds.warnings if "出生日期矛盾" in x]
    assert len(w) == 1 and "relations.csv 第 2 行" in w[0] and "persons.csv 第 2 行" in w[0]


def test_adoptive_parent_may_be_close_in_age_but_not_younger() -> None:
    rel = {"relative_name": "张老", "relative_birth_date": date(1965, 1, 1)}
    ds = _ds([("A", "张三", "男")], [("A", "养父", rel)], births={"A": date(1975, 1, 1)})
    build(ds)
    assert not ds.warnings


@pytest.mark.parametrize(("persons", "term", "needle"), [
    ([("A", "李四", "女"), ("B", "王五", "男")], "岳父", "只适用于男性"),
    ([("A", "王五", "男"), ("B", "李四", "女")], "哥哥", "性别为女"),
])
def test_gender_contradictions(persons: list, term: str, needle: str) -> None:
    ds = _ds(persons, [("A", term, {"relative_id": "B"})])
    build(ds)
    assert any(needle in w and "relations.csv 第 2 行" in w for w in ds.warnings)


def test_same_relative_called_by_two_genders_is_a_warning() -> None:
    idn = {"relative_name": "李某", "relative_id_number": "11010519450301001X"}
    ds = _ds(MEN[:2], [("A", "岳父", idn), ("B", "岳母", idn)])
    build(ds)
    assert any("性别不一致" in w and "第 2 行" in w and "第 3 行" in w for w in ds.warnings)


def test_no_relation_explained() -> None:
    store = build(_ds(MEN[:2], []))
    info = explain_pair(store, "A", "B")
    assert info["category"] is None and "未发现" in render_pair(info)


def test_derivation_is_a_join_not_all_pairs() -> None:
    """Five thousand people with their own parents: no link, and no pair is ever composed."""
    persons = [(f"P{i}", f"人{i}", "男") for i in range(5000)]
    rels = [(f"P{i}", "父亲", {"relative_name": f"父{i}", "relative_birth_date": D45})
            for i in range(5000)]
    store = build(_ds(persons, rels))
    assert not list(store.kin_links())
