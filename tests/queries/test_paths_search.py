"""The bidirectional path search against a plain depth-first enumeration on random registers.

The reference walks every simple path hop by hop (the same :class:`Expander`, no
pruning, no meeting in the middle) and keeps those of the least length; the search
must return exactly that set, with and without ``time_flow`` and ``as_of``. Hometown
hops are left out: the search expands each place once per side on purpose.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import Person, Posting, Relation, Supervision, Unit
from guanxi.graph.store import pnode
from guanxi.queries.hop import TYPES
from guanxi.queries.hops import Expander
from guanxi.queries.paths import find_paths

TODAY = date(2024, 1, 1)
VIA = set(TYPES) - {"hometown"}
TIES = ["同学", "朋友", "秘书", "司机", "战友"]


def registers(seed: int, n: int = 40) -> NxStore:
    """``n`` people in six small units over 2005-2023, with ties, brothers and 分管 leaders."""
    rnd = random.Random(seed)
    persons = [Person(id=f"P{i}", name=f"人{i}", gender="男") for i in range(n)]
    units = [Unit(id=f"U{k}", name=f"科{k}") for k in range(6)]
    postings, relations = [], []
    for i in range(n):
        start = date(rnd.randint(2005, 2016), rnd.randint(1, 12), 1)
        for _ in range(rnd.choice([1, 1, 2])):
            end = date(start.year + rnd.randint(1, 6), rnd.randint(1, 12), 1)
            postings.append(Posting(person_id=f"P{i}", unit_id=f"U{rnd.randrange(6)}", title="科员",
                                    start_date=start, end_date=None if end > TODAY else end))
            start = end
    for _ in range(n // 2):
        a, b = rnd.sample(range(n), 2)
        relations.append(Relation(person_id=f"P{a}", term=rnd.choice(TIES), relative_id=f"P{b}",
                                  start_date=date(rnd.randint(2005, 2022), 1, 1)))
    for _ in range(n // 8):
        a, b = rnd.sample(range(n), 2)
        relations.append(Relation(person_id=f"P{a}", term="哥哥", relative_id=f"P{b}"))
    sup = [Supervision(leader_id=f"P{rnd.randrange(n)}", unit_id=f"U{k}",
                       start_date=date(rnd.randint(2008, 2018), 1, 1)) for k in range(0, 6, 2)]
    tables = dict(persons=persons, units=units, postings=postings, relations=relations,
                  supervision=sup)
    return build(Dataset(columns={t: set() for t in tables}, **tables))


def reference(store: NxStore, a: str, b: str, max_hops: int, time_flow: bool,
              as_of: date | None) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every least-length simple path from ``a`` to ``b`` as (nodes, edges), depth first."""
    exp = Expander(store, VIA, as_of=as_of, today=TODAY, derived=False)
    hops = {}
    for limit in range(1, max_hops + 1):
        found: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()

        # walk runs to the end within its own iteration: ``found`` and ``limit`` are that iteration's
        def walk(node: str, nodes: list[str], edges: list[str], clock: date) -> None:
            if node == pnode(b):
                found.add((tuple(nodes), tuple(edges)))  # noqa: B023
                return
            if len(nodes) > limit:  # noqa: B023
                return
            if node not in hops:
                hops[node] = exp.hops(node)
            for h in hops[node]:
                if h.dst in nodes:
                    continue
                if time_flow and h.start is not None and h.start < clock:
                    continue
                walk(h.dst, nodes + [h.dst], edges + list(h.edges),
                     clock if not time_flow or h.start is None else h.start)

        walk(pnode(a), [pnode(a)], [], date.min)
        if found:
            return found
    return set()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("time_flow,as_of", [(False, None), (True, None),
                                             (False, date(2015, 6, 1)), (True, date(2019, 1, 1))])
def test_search_finds_exactly_the_least_length_paths(seed: int, time_flow: bool,
                                                     as_of: date | None) -> None:
    store = registers(seed)
    rnd = random.Random(seed)
    met = 0
    for _ in range(25):
        a, b = (f"P{i}" for i in rnd.sample(range(40), 2))
        want = reference(store, a, b, 5, time_flow, as_of)
        got = find_paths(store, a, b, via=VIA, max_hops=5, max_paths=10_000, as_of=as_of,
                         time_flow=time_flow, today=TODAY)
        assert not got.truncated
        assert {(tuple(p.nodes), tuple(p.edges)) for p in got} == want, (a, b)
        met += bool(want)
    assert met >= 5  # the registers are connected enough for the test to mean something


def test_time_flow_falls_back_to_a_longer_path_after_the_sides_meet() -> None:
    # A -2015-> M -2010-> B goes back in time; A -2011-> N1 -2012-> N2 -2013-> B does not
    persons = [Person(id=x, name=x, gender="男") for x in ("A", "M", "N1", "N2", "B")]
    tie = [("A", "M", 2015), ("M", "B", 2010), ("A", "N1", 2011), ("N1", "N2", 2012),
           ("N2", "B", 2013)]
    relations = [Relation(person_id=p, term="朋友", relative_id=q, start_date=date(y, 1, 1))
                 for p, q, y in tie]
    store = build(Dataset(persons=persons, relations=relations))
    assert [p.text() for p in find_paths(store, "A", "B")] == ["A —朋友→ M —朋友→ B"]
    assert [p.text() for p in find_paths(store, "A", "B", time_flow=True)] == [
        "A —朋友→ N1 —朋友→ N2 —朋友→ B"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_unit_above_the_cap_is_crossed_alike_from_either_end(seed: int) -> None:
    """With every unit above the cap, colleagues are never joined but a unit's 分管 leader and
    its members still are, whichever of the two the search starts from."""
    store = registers(seed)
    rnd = random.Random(seed)
    met = 0
    for _ in range(40):
        a, b = (f"P{i}" for i in rnd.sample(range(40), 2))
        there = find_paths(store, a, b, via=VIA, max_hops=5, max_paths=10_000, unit_cap=3,
                           today=TODAY)
        back = find_paths(store, b, a, via=VIA, max_hops=5, max_paths=10_000, unit_cap=3,
                          today=TODAY)
        assert {tuple(p.nodes) for p in there} == {tuple(reversed(p.nodes)) for p in back}, (a, b)
        met += any("supervision" in {s.type for s in p.steps} for p in there)
    assert met >= 3  # paths through a leader of a closed unit were among those compared
