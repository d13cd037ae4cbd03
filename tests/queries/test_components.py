"""The path graph's components: never apart when a path exists, and what an apart answer says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guanxi.graph import NxStore, build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Person, Posting, Relation, Supervision, Unit
from guanxi.graph.store import pnode
from guanxi.loaders import load_dataset
from guanxi.queries.components import components
from guanxi.queries.explore import path_between
from guanxi.queries.hops import Expander
from guanxi.queries.paths import find_paths
from guanxi.synth import generate
from guanxi.visualizations.explore import path_text


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> NxStore:
    d: Path = tmp_path_factory.mktemp("components")
    generate(d, 1000, seed=4)
    return build(load_dataset(d))


def _reachable(store: NxStore, start: str, cap: int) -> set[str]:
    """Every node the path search's hops reach from ``start``, at any length."""
    exp = Expander(store, unit_cap=cap, derived=False, leaves=False)
    seen, todo = {start}, [start]
    while todo:
        for hop in exp.hops(todo.pop()):
            if hop.dst not in seen:
                seen.add(hop.dst)
                todo.append(hop.dst)
    return seen


@pytest.mark.parametrize("cap", [500, 3])
def test_everyone_a_hop_reaches_shares_the_start_s_component(generated: NxStore, cap: int) -> None:
    comps = components(generated, cap)
    left = {pnode(p.id) for p in generated.persons()}
    groups = 0
    while left:
        start = left.pop()
        reached = _reachable(generated, start, cap)
        assert {comps.label(v) for v in reached} == {comps.label(start)}
        left -= reached
        groups += 1
    labels = {comps.label(pnode(p.id)) for p in generated.persons()}
    assert 1 < len(labels) <= groups  # some people are apart; never finer than the hops


def test_a_smaller_cap_only_splits_components(generated: NxStore) -> None:
    wide, narrow = components(generated, 500), components(generated, 3)
    people = [pnode(p.id) for p in generated.persons()]
    by_narrow: dict[int | None, set[int | None]] = {}
    for v in people:
        by_narrow.setdefault(narrow.label(v), set()).add(wide.label(v))
    assert all(len(w) == 1 for w in by_narrow.values())
    assert len(by_narrow) > len({wide.label(v) for v in people})


def test_apart_pairs_have_no_path_at_any_length(generated: NxStore) -> None:
    comps = components(generated, 3)
    people = [pnode(p.id) for p in generated.persons()]
    a = people[0]
    apart = [b for b in people if comps.label(b) != comps.label(a)][:20]
    assert apart
    for b in apart:
        got = find_paths(generated, a, b, unit_cap=3)
        assert got == [] and got.apart
        sides = sorted([comps.closed(comps.label(a)), comps.closed(comps.label(b))], key=len)
        assert got.skipped == (sides[0] if sides[0] else {})  # the shorter complete list
        searched = find_paths(generated, a, b, unit_cap=3, max_hops=40, apart_check=False)
        assert searched == [] and not searched.apart


def test_a_kept_relative_is_in_his_owner_s_component(generated: NxStore) -> None:
    comps = components(generated, 500)
    kept = [(u, v) for u, v, eid, _d in generated.edges()
            if eid.startswith("relation/") and v not in generated.g]
    assert kept
    for owner, relative in kept[:50]:
        assert comps.label(relative) == comps.label(owner) is not None
    assert comps.label("person/nobody") is None


def _office(leader: bool) -> NxStore:
    """财务科 U with three members; 孙八 (L) supervises it when ``leader``; 赵六 (D) is 王五's
    同学; 钱七 (E) is on his own."""
    people = [Person(id=i, name=n) for i, n in
              [("A", "张三"), ("B", "李四"), ("C", "王五"), ("L", "孙八"), ("D", "赵六"), ("E", "钱七")]]
    posts = [Posting(person_id=p, unit_id="U", title="科员", start_date=date(2019, 1, 1))
             for p in ("A", "B", "C")]
    sups = [Supervision(leader_id="L", unit_id="U", start_date=date(2018, 1, 1))] if leader else []
    return build(Dataset(persons=people, units=[Unit(id="U", name="财务科")], postings=posts,
                         supervision=sups, relations=[Relation(person_id="D", term="同学", relative_id="C")]))


def test_a_unit_over_the_cap_parts_its_members_and_is_named() -> None:
    store = _office(leader=False)
    got = find_paths(store, "A", "B", unit_cap=2, today=date(2024, 1, 1))
    assert got == [] and got.apart and got.skipped == {"unit/U": 3}
    assert got.notes()[-1] == ("两人不在同一关系网中，任何跳数都没有关系路径"
                               "（经过上列未展开的机构或地点的除外）")
    assert [p.text() for p in find_paths(store, "A", "B", today=date(2024, 1, 1))] == [
        "张三 —同事（财务科 2019.01–）→ 李四（财务科科员 2019.01–）"]
    tied = find_paths(store, "A", "D", today=date(2024, 1, 1))
    assert [p.nodes for p in tied] == [["person/A", "person/C", "person/D"]]
    assert [p.nodes for p in find_paths(store, "C", "D", unit_cap=2)] == [["person/C", "person/D"]]
    assert find_paths(store, "A", "D", unit_cap=2).skipped == {"unit/U": 3}  # both sides touch U
    alone = find_paths(store, "A", "E", today=date(2024, 1, 1))
    assert alone.apart and alone.skipped == {}  # 钱七 belongs to nothing: no path at any cap
    assert alone.notes() == ["两人不在同一关系网中，任何跳数都没有关系路径"]


def test_a_supervised_unit_over_the_cap_joins_its_members_through_the_leader() -> None:
    store = _office(leader=True)
    comps = components(store, 2)
    assert comps.label("person/A") == comps.label("person/B") == comps.label("person/L")
    for member in ("A", "B"):  # a member reaches his unit's leader whatever the unit's size
        got = find_paths(store, member, "L", unit_cap=2, today=date(2024, 1, 1))
        assert not got.apart and [p.nodes for p in got] == [[f"person/{member}", "person/L"]]


def test_the_answer_text_says_apart_without_a_hop_count() -> None:
    ans = path_between(_office(leader=False), "A", "C", unit_cap=2, today=date(2024, 1, 1))
    assert ans.apart and ans.to_json()["apart"] is True
    assert path_text(ans).splitlines()[1:] == [
        "没有找到关系路径。", "注：未展开人数过多的机构 U（3 人）",
        "注：两人不在同一关系网中，任何跳数都没有关系路径（经过上列未展开的机构或地点的除外）"]
