"""The kin sentence a finding cites: a composed chain is named by its 称谓 when it has one."""

from __future__ import annotations

from datetime import date

import pytest

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.kinship.category import FULL_SCOPE
from guanxi.graph.records import Person, Relation
from guanxi.queries.kin import kin_sentence

BORN = date(1940, 5, 1)


def _sentence(a_term: str, b_term: str, b_gender: str) -> str:
    """A and B each name the same relative 何某 (one node): the sentence about B from A."""
    ds = Dataset(persons=[Person(id="A", name="甲", gender="男"), Person(id="B", name="乙", gender=b_gender)],
                 relations=[Relation(person_id="A", term=a_term, relative_name="何某", relative_birth_date=BORN),
                            Relation(person_id="B", term=b_term, relative_name="何某", relative_birth_date=BORN)])
    store = build(ds)
    (link,) = list(store.kin_links())
    return kin_sentence(store, link, "A", FULL_SCOPE)


@pytest.mark.parametrize("a_term,b_term,b_gender,said", [
    ("父亲", "父亲", "男", "乙 是 甲 的兄弟（父亲的儿子；三代以内旁系血亲；"),
    ("爷爷", "外公", "女", "乙 是 甲 的姑表姐妹（父亲的父亲的女儿的女儿；三代以内旁系血亲；"),
])
def test_a_composed_chain_is_named_and_kept(a_term: str, b_term: str, b_gender: str, said: str) -> None:
    assert _sentence(a_term, b_term, b_gender).startswith(said)


def test_a_one_step_chain_reads_as_it_is() -> None:
    ds = Dataset(persons=[Person(id="A", name="甲", gender="男"), Person(id="B", name="乙", gender="女")],
                 relations=[Relation(person_id="A", term="妻子", relative_id="B")])
    store = build(ds)
    (link,) = list(store.kin_links())
    assert kin_sentence(store, link, "A", FULL_SCOPE).startswith("乙 是 甲 的妻子（夫妻；")


def test_guanxi_kin_names_a_cousin_without_claiming_an_age() -> None:
    """The table's 姑表姐 is 父亲的姐妹的女儿 *older*; a derived cousin's age is unknown."""
    from guanxi.graph.kinship.explain import explain_pair

    ds = Dataset(persons=[Person(id="A", name="甲", gender="男"), Person(id="B", name="乙", gender="女")],
                 relations=[Relation(person_id="A", term="爷爷", relative_name="何某", relative_birth_date=BORN),
                            Relation(person_id="B", term="外公", relative_name="何某", relative_birth_date=BORN)])
    info = explain_pair(build(ds), "A", "B")
    assert (info["chain_zh"], info["term"]) == ("父亲的父亲的女儿的女儿", "姑表姐妹")
