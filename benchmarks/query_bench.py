"""Benchmark of the path and neighbourhood queries on a synthetic store built straight from records.

Usage: ``python benchmarks/query_bench.py [N] [--seed S] [--pairs P]`` (N persons, default 100,000),
or ``python benchmarks/query_bench.py --data DIR`` to time the same queries on a dataset on disk
(e.g. one written by ``guanxi generate``).

The synthetic data: legal entities of about 200 people with 8 内设机构 each; every
person holds one or two posts (a past one and a current one, 70 % in the same
entity); 40 % are married on the roster, siblings share a parent who is not on
the roster, 5 % have a roster child; native places follow a Zipf law over N/300
places (big ones exceed the unit cap and are skipped, as in a province-wide set);
each entity has two 分管 leaders, 2 % of people declare a 秘书 and 5 % of people
were recommended by name.

Figures: 100 random pairs / centres, all relation types, max 6 hops, neighbours at 2 hops capped
at 20 a group; wall time (and process CPU time: the 2 cores were shared, load 3.5-5, so wall was
about 2x CPU).

Before (2026-11-22, up to commit c10dee2): synthetic N=100,000 path median 218 ms, p95 978 ms,
neighbours median 541 ms, p95 2.8 s; ``guanxi generate --persons 100000 --seed 1`` (the data of
``benchmarks/measure.py``, pairs drawn as there, seed 7): path median 99 ms, p95 450 ms (CPU 70 /
301 ms), neighbours median 45 ms, p95 136 ms (CPU 28 / 90 ms). An unrecorded 1M run of
``measure.py`` with that code (21:07 UTC, loaded machine; not in ``results.json``): path median
4.0 s, p95 8.4 s (1 pair of 100 connected within 6 hops, so nearly every query was an exhaustive
search), neighbours median 144 ms, p95 448 ms.

After (2026-11-22 22:00-22:10 UTC; meet-first layers, direct adjacency reads, per-unit posting
tables, paused GC; answers identical, see ``tests/queries/test_paths_search.py``):
- generated 100k (measure.py's pairs, store unpickled), at commit ef41aa3 on a quiet machine
  (load 1.5, wall = CPU): path median 15 ms, p95 56 ms, max 73 ms; neighbours median 14 ms,
  p95 36 ms, max 246 ms. Old and new interleaved on the same pairs, CPU: path median 73 -> 14 ms,
  p95 314 -> 54 ms; neighbours median 24 -> 14 ms, p95 80 -> 32 ms. With places cut off as they
  are at 1M (``unit_cap=100``: 28 of 30 pairs have no path, the search is exhaustive): path
  median 223 -> 43 ms CPU.
- synthetic N=100,000 (160,209 nodes, 372,208 edges, peak RSS 0.7 GB), two runs (the second
  at commit c15c640 while the test suite ran alongside): path median 16 / 17 ms, p95 108 / 166 ms (CPU
  8 / 9, p95 53 / 80 ms); neighbours median 131 / 160 ms, p95 736 / 866 ms (CPU 71 / 80, p95
  382 / 437 ms; median 5,224 people within 2 hops).
- synthetic N=1,000,000 (1,600,561 nodes, 3,719,410 edges; records 169 s + build 384 s, peak RSS
  6.4 GB; code of commit d726553): path median 41 ms, p95 248 ms, max 594 ms (CPU 37 / 184 ms;
  all 100 found, median 4 hops); neighbours median 116 ms, p95 613 ms (CPU 66 / 369 ms; median
  3,808 people within 2 hops).

Where the rest goes: a search that meets costs the full layers it grew before meeting (every
member of every unit of the frontier, one overlap check and one hop each); one that does not
meet (disconnected registers, as at 1M) grows every layer up to the hop limit. A component
index would answer such pairs at once, but the answer also lists the units and places too big
to expand that the search met (its notes), and only the layered search knows them. A neighbourhood
costs about 17 us per person reached plus the wording of the listed ones; the synthetic
neighbourhoods are large because its small native places (under the cap of 500) are expanded.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Appointment, Person, Posting, Relation, Supervision, Unit
from guanxi.queries.neighbors import neighbors
from guanxi.queries.paths import find_paths

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌辉俊峰建国"


def synth(n: int, seed: int) -> Dataset:
    """A dataset of ``n`` validated records around ``n`` persons."""
    rnd = random.Random(seed)
    n_ent = max(1, n // 200)
    units: list[Unit] = []
    subunits: list[list[str]] = []
    for e in range(n_ent):
        units.append(Unit(id=f"E{e}", name=f"单位{e}", kind="事业单位"))
        subs = [f"E{e}U{k}" for k in range(8)]
        units += [Unit(id=s, name=f"单位{e}第{k}科", kind="内设机构",
                                       parent_id=f"E{e}") for k, s in enumerate(subs)]
        subunits.append(subs)
    n_places = max(1, n // 300)
    weights = [1 / (i + 1) for i in range(n_places)]
    places = rnd.choices([f"地{i}" for i in range(n_places)], weights, k=n)
    persons, postings = [], []
    for i in range(n):
        gender = rnd.choice("男女")
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN + " ").strip()
        persons.append(Person(id=f"P{i}", name=name, gender=gender,
                                              native_place=places[i]))
        e = rnd.randrange(n_ent)
        first = date(rnd.randint(2000, 2014), rnd.randint(1, 12), 1)
        if rnd.random() < 0.6:
            switch = date(first.year + rnd.randint(2, 8), rnd.randint(1, 12), 1)
            postings.append(Posting(
                person_id=f"P{i}", unit_id=rnd.choice(subunits[e]), title="科员",
                start_date=first, end_date=switch))
            if rnd.random() > 0.7:
                e = rnd.randrange(n_ent)
            first = switch
        postings.append(Posting(
            person_id=f"P{i}", unit_id=rnd.choice(subunits[e]),
            title=rnd.choice(["科员", "科员", "科员", "副科长", "科长"]), start_date=first))
    relations: list[Relation] = []
    order = list(range(n))
    rnd.shuffle(order)
    for k in range(0, int(n * 0.4) - 1, 2):
        a, b = order[k], order[k + 1]
        term = "妻子" if persons[a].gender == "男" else "丈夫"
        relations.append(Relation(
            person_id=f"P{a}", term=term, relative_id=f"P{b}", start_date=date(2005, 1, 1)))
    i = 0
    while i < n:
        size = rnd.choice([1, 1, 2, 2, 3])
        born = date(1940 + rnd.randrange(20), rnd.randint(1, 12), 1)
        for j in range(i, min(n, i + size)):
            relations.append(Relation(
                person_id=f"P{order[j]}", term="父亲", relative_name=f"父{i}",
                relative_birth_date=born))
        i += size
    for _ in range(n // 20):
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a != b:
            relations.append(Relation(
                person_id=f"P{a}", term=rnd.choice(["儿子", "女儿"]), relative_id=f"P{b}"))
    for _ in range(n // 50):
        a, b = rnd.randrange(n), rnd.randrange(n)
        relations.append(Relation(
            person_id=f"P{a}", term=rnd.choice(["秘书", "司机"]), relative_id=f"P{b}",
            start_date=date(rnd.randint(2010, 2022), 1, 1)))
    sup = [Supervision(leader_id=f"P{rnd.randrange(n)}", unit_id=u,
                                       start_date=date(2015, 1, 1))
           for subs in subunits for u in rnd.sample(subs, 3)]
    apps = [Appointment(id=f"A{k}", person_id=f"P{rnd.randrange(n)}",
                                        unit_id=rnd.choice(rnd.choice(subunits)),
                                        recommenders=[f"P{rnd.randrange(n)}"],
                                        recommended_on=date(2020, 1, 1))
            for k in range(n // 20)]
    tables = dict(persons=persons, units=units, postings=postings, relations=relations,
                  supervision=sup, appointments=apps)
    return Dataset(columns={t: set() for t in tables}, origin="synth", **tables)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def spread(wall: list[float], cpu: list[float]) -> str:
    """``median 21 ms, p95 80 ms, max 120 ms (CPU: median 20 ms, p95 75 ms)``."""
    def ms(x: float) -> str:
        return f"{x * 1000:.0f} ms"
    return (f"median {ms(statistics.median(wall))}, p95 {ms(pct(wall, 0.95))}, "
            f"max {ms(max(wall))} (CPU: median {ms(statistics.median(cpu))}, "
            f"p95 {ms(pct(cpu, 0.95))})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--data", type=Path, default=None, help="a dataset to load instead of synth")
    args = ap.parse_args()
    t0 = time.perf_counter()
    if args.data is not None:
        from guanxi.loaders import load_dataset

        ds = load_dataset(args.data)
    else:
        ds = synth(args.n, args.seed)
    ids = [p.id for p in ds.persons]
    args.n = len(ids)
    t1 = time.perf_counter()
    store = build(ds)
    t2 = time.perf_counter()
    # the store is long-lived: keep the collector from re-walking it on every query
    gc.collect()
    gc.freeze()
    nodes, edges, rows = store.size()
    print(f"N={args.n:,}: records {t1 - t0:.1f} s, build {t2 - t1:.1f} s, "
          f"{nodes:,} nodes, {edges:,} edges ({rows:,} relatives kept as rows), "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.1f} GB")
    rnd = random.Random(args.seed + 1)
    find_paths(store, ids[0], ids[1])  # build the lazy place and name indexes once
    times, cpu, lengths, found = [], [], [], 0
    for _ in range(args.pairs):
        a, b = rnd.choice(ids), rnd.choice(ids)
        s, c = time.perf_counter(), time.process_time()
        got = find_paths(store, a, b)
        times.append(time.perf_counter() - s)
        cpu.append(time.process_time() - c)
        if got:
            found += 1
            lengths.append(len(got[0].steps))
    print(f"path  ({args.pairs} random pairs, all types, max 6 hops): {spread(times, cpu)}; "
          f"found {found}, median length {statistics.median(lengths) if lengths else '-'}")
    times, cpu, sizes = [], [], []
    for _ in range(args.pairs):
        a = rnd.choice(ids)
        s, c = time.perf_counter(), time.process_time()
        hood = neighbors(store, a, hops=2)
        times.append(time.perf_counter() - s)
        cpu.append(time.process_time() - c)
        sizes.append(sum(g.total for g in hood.groups))
    print(f"neighbors (2 hops, cap 20): {spread(times, cpu)}; "
          f"median {statistics.median(sizes):.0f} people")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.1f} GB")


if __name__ == "__main__":
    main()
