"""Benchmark of kin-link derivation: a synthetic store of families, timed and measured.

Run: ``python benchmarks/kinship_bench.py [--persons 1000000]``. Prints the
size of the store, the time and the peak RSS of :func:`derive_links`.

Families: roster siblings (1–4 per family) declare the same 父亲 and 母亲;
each married person declares either a roster spouse or a described one, and
half of them also name their spouse's parent (岳父/公公), the node their
spouse's siblings call 父亲 — so siblings, 连襟/妯娌 and in-laws must be found
through shared relatives, three relation rows per person on average.

Measured on the 2-core development machine (Python 3.11, networkx store):
1,000,000 persons, 3,000,000 rows, 2,239,181 nodes → derive_links 58 s,
2,700,966 links (2,551,207 through shared relatives), +2.5 GB peak RSS over
the 3.9 GB store (200,000 persons: 10 s, +0.5 GB).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guanxi.graph.dataset import Dataset
from guanxi.graph.kinship.derive import derive_links
from guanxi.graph.kinship.terms import normalize
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import KIN, PERSON, RELATIVE, pnode


def _chains(term: str, gender: str | None) -> list[tuple[str, ...]]:
    m = normalize(term, gender)
    assert m is not None
    return m.chains


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(n_persons: int, seed: int = 7) -> tuple[NxStore, int]:
    """A store with ``n_persons`` roster people and about three relation rows each."""
    rnd = random.Random(seed)
    store = NxStore(Dataset())
    chains = {t + (g or ""): _chains(t, g) for t, g in (
        ("父亲", None), ("母亲", None), ("妻子", "男"), ("岳父", "男"), ("公公", "女"),
        ("配偶", "男"), ("配偶", "女"))}
    families: list[list[int]] = []
    pid = 0
    while pid < n_persons:
        size = min(rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)), n_persons - pid)
        families.append(list(range(pid, pid + size)))
        pid += size
    gender = [rnd.choice("男女") for _ in range(n_persons)]
    family_of = [0] * n_persons
    for f, members in enumerate(families):
        for p in members:
            family_of[p] = f
            store.add_node(pnode(str(p)), PERSON, name=f"人员{p}", gender=gender[p], roster=True)
        for who in ("father", "mother"):
            store.add_node(f"{RELATIVE}/{who}{f}", RELATIVE, name=f"{who}{f}", roster=False)
    rows = 0

    def kin(u: int, v: str, term: str, key: str) -> None:
        nonlocal rows
        store.add_edge(pnode(str(u)), v, f"relation/{rows}", KIN, term=term,
                       chains=chains[key], src=None)
        rows += 1

    singles = list(range(n_persons))
    rnd.shuffle(singles)
    spouse: dict[int, int] = {}
    for i in range(0, int(len(singles) * 0.6) - 1, 2):  # 30 % roster couples
        a, b = singles[i], singles[i + 1]
        if gender[a] != gender[b] and family_of[a] != family_of[b]:
            spouse[a], spouse[b] = b, a
    for p in range(n_persons):
        f, g = family_of[p], gender[p]
        kin(p, f"{RELATIVE}/father{f}", "父亲", "父亲")
        kin(p, f"{RELATIVE}/mother{f}", "母亲", "母亲")
        s = spouse.get(p)
        if s is not None:
            if g == "男":
                kin(p, pnode(str(s)), "妻子", "妻子男")
            else:  # the wife names the husband's father: 公公
                kin(p, f"{RELATIVE}/father{family_of[s]}", "公公", "公公女")
        elif rnd.random() < 0.5:
            other = rnd.randrange(len(families))  # a spouse off the roster, from another family
            term = "岳父" if g == "男" else "公公"
            kin(p, f"{RELATIVE}/father{other}", term, term + g)
        else:
            store.add_node(f"{RELATIVE}/spouse{p}", RELATIVE, name=f"配偶{p}", roster=False)
            kin(p, f"{RELATIVE}/spouse{p}", "配偶", "配偶" + g)
    return store, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--persons", type=int, default=1_000_000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    store, rows = build_store(args.persons)
    t1 = time.perf_counter()
    rss_before = _rss_mb()
    links = list(derive_links(store))
    t2 = time.perf_counter()
    derived = sum(1 for k in links if k.via is not None)
    print(f"roster persons: {args.persons:,}; relation rows: {rows:,}; "
          f"nodes: {store.size()[0]:,} (store built in {t1 - t0:.1f} s, "
          f"peak RSS {rss_before:,.0f} MB)")
    print(f"derive_links: {t2 - t1:.1f} s; links: {len(links):,} ({derived:,} through others); "
          f"peak RSS after: {_rss_mb():,.0f} MB (+{_rss_mb() - rss_before:,.0f} MB)")


if __name__ == "__main__":
    main()
