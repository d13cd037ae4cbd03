"""The guanxi side of ``benchmarks/run.py``: one dataset folder measured in this process.

Run by ``run.py`` in a subprocess per size, so that the peak resident memory
(``ru_maxrss``) belongs to that size alone: ``python benchmarks/measure.py DIR OUT.json``.

Stages, as ``guanxi scan DIR`` runs them: load + validate (``load_dataset``), graph
build (``build``; kin derivation timed apart by wrapping ``derive_links``), the full
scan (each rule timed from the scan's own progress messages), then the path and
neighbourhood queries over random persons, and the AV01 core join used to check the
peer (:mod:`peer`).
"""

from __future__ import annotations

import gc
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import guanxi.graph.builder as builder
from guanxi.graph.dates import certain_overlap
from guanxi.graph.store import GraphStore, KinLink, node_key, pnode
from guanxi.loaders import load_dataset
from guanxi.queries.components import components
from guanxi.queries.hop import UNIT_CAP
from guanxi.queries.neighbors import neighbors
from guanxi.queries.paths import find_paths
from guanxi.queries.scan import scan


def rss_gb() -> float:
    """Peak resident memory of this process so far, in GB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9


def pct(xs: list[float], q: float) -> float:
    """The ``q`` quantile of ``xs`` (nearest rank)."""
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def core_join(store: GraphStore, links: list[KinLink]) -> set[tuple[str, str]]:
    """AV01's core join: kin pairs holding posts in the same unit at overlapping times.

    The overlap is :func:`~guanxi.graph.dates.certain_overlap` (half-open intervals;
    a month-only start counts from the month's end, a month-only end from its start),
    the same test the Cypher in :mod:`peer` spells out. Pairs are ``(low id, high id)``.
    """
    out: set[tuple[str, str]] = set()
    for link in links:
        a, b = node_key(link.a), node_key(link.b)
        if a == b:
            continue
        posts_b: dict[str, list[Any]] = {}
        for held in store.postings_of(b):
            posts_b.setdefault(held.rec.unit_id, []).append(held.rec)
        if not posts_b:
            continue
        for held in store.postings_of(a):
            ra = held.rec
            for rb in posts_b.get(ra.unit_id, ()):
                if certain_overlap(ra.start_date, ra.end_date, rb.start_date, rb.end_date):
                    out.add((a, b) if a < b else (b, a))
                    break
    return out


def declared_with_id(store: GraphStore) -> list[KinLink]:
    """Links resting on a relation row whose relative id was written in the file.

    That is what a graph database sees when it loads the relations file as edges:
    not the relatives guanxi matched to roster people by ID number or name and
    birth month, nor kin derived through a shared relative.
    """
    ds = store.dataset
    matched = {(c.relation.file, c.relation.row) for c in ds.candidates
               if c.decision in ("auto", "confirmed")}
    rows = ds.relations
    out = []
    for link in store.kin_links():
        if link.via is not None:
            continue
        for eid in link.edges:
            kind, _, idx = eid.partition("/")
            if kind != "relation":
                continue
            rel = rows[int(idx)]
            src = rel.src
            if rel.relative_id and (src is None or (src.file, src.row) not in matched):
                out.append(link)
                break
    return out


def measure(data: Path, pairs: int, seed: int, out: Path) -> dict[str, Any]:
    """Every figure of one dataset, in seconds and GB; written to ``out`` after each stage.

    A run that dies (out of memory) leaves the figures of the stages it finished.
    """
    fig: dict[str, Any] = {}

    def save(stage: str) -> None:
        fig["stage_done"] = stage
        fig["cpu_s"] = time.process_time()
        fig["wall_s"] = time.perf_counter() - t0
        fig["peak_rss_gb"] = rss_gb()
        out.write_text(json.dumps(fig, ensure_ascii=False), encoding="utf-8")

    t0 = time.perf_counter()
    ds = load_dataset(data)
    t1 = time.perf_counter()
    fig["load_validate_s"] = t1 - t0
    fig["load_validate_cpu_s"] = time.process_time()
    save("load")
    fig["rows"] = ds.counts()
    fig["rss_after_load_gb"] = rss_gb()

    derive_s = [0.0]
    original = builder.derive_links

    def timed_derive(store):  # type: ignore[no-untyped-def]
        s = time.perf_counter()
        links = list(original(store))
        derive_s[0] += time.perf_counter() - s
        return links

    builder.derive_links = timed_derive
    try:
        store = builder.build(ds)
    finally:
        builder.derive_links = original
    t2 = time.perf_counter()
    fig["kin_derivation_s"] = derive_s[0]
    fig["graph_build_s"] = t2 - t1 - derive_s[0]
    # as if every relation row were drawn; the relatives kept as their row are counted apart
    fig["nodes"], fig["edges"], fig["relatives_kept_as_rows"] = store.size()
    links = list(store.kin_links())
    fig["kin_links"] = len(links)
    fig["kin_links_derived"] = sum(1 for k in links if k.via is not None)
    fig["rss_after_build_gb"] = rss_gb()
    save("build")

    marks: list[tuple[float, str]] = []
    s = time.perf_counter()
    result = scan(store, progress=lambda m: marks.append((time.perf_counter(), m)))
    t3 = time.perf_counter()
    fig["scan_s"] = t3 - s
    fig["end_to_end_s"] = t3 - t0
    fig["end_to_end_cpu_s"] = time.process_time()
    rules: dict[str, float] = {}
    for i, (at, msg) in enumerate(marks):
        code = msg.split()[1] if msg.startswith("检查 ") else msg
        rules[code] = (marks[i + 1][0] if i + 1 < len(marks) else t3) - at
    fig["rules_s"] = rules
    fig["findings"] = {code: sum(1 for f in result.findings if f.rule == code) for code in rules}
    fig["not_checked"] = sorted({n.rule for n in result.not_checked})
    fig["av01_raw_to_findings_s"] = fig["load_validate_s"] + fig["graph_build_s"] + \
        fig["kin_derivation_s"] + rules.get("AV01", 0.0)
    del result
    save("scan")

    s = time.perf_counter()
    pairs_all = core_join(store, links)
    fig["core_join_s"] = time.perf_counter() - s
    declared = declared_with_id(store)
    pairs_declared = core_join(store, declared)
    fig["core_join_pairs_all"] = len(pairs_all)
    fig["core_join_pairs_declared"] = len(pairs_declared)
    fig["kin_links_declared_with_id"] = len(declared)
    fig["_pairs_declared"] = sorted(pairs_declared)
    save("core_join")

    gc.collect()
    gc.freeze()  # the store lives on: keep the collector off it while querying
    ids = [p.id for p in ds.persons]
    rnd = random.Random(seed)
    s = time.perf_counter()
    components(store, UNIT_CAP)  # made by the first path query, once per store
    fig["path_components_s"] = time.perf_counter() - s
    fig["rss_after_components_gb"] = rss_gb()
    s = time.perf_counter()
    find_paths(store, ids[0], ids[1])  # builds the lazy place and name indexes
    fig["query_index_warmup_s"] = time.perf_counter() - s
    times, found, apart = [], 0, 0
    for _ in range(pairs):
        a, b = rnd.choice(ids), rnd.choice(ids)
        s = time.perf_counter()
        got = find_paths(store, a, b)
        times.append(time.perf_counter() - s)
        found += bool(got)
        apart += got.apart
    fig["path_median_ms"] = statistics.median(times) * 1000
    fig["path_p95_ms"] = pct(times, 0.95) * 1000
    fig["path_pairs"] = pairs
    fig["path_found"] = found
    fig["path_apart"] = apart
    times = []
    for _ in range(pairs):
        a = rnd.choice(ids)
        s = time.perf_counter()
        neighbors(store, a, hops=2)
        times.append(time.perf_counter() - s)
    fig["neighbors_median_ms"] = statistics.median(times) * 1000
    fig["neighbors_p95_ms"] = pct(times, 0.95) * 1000
    # random pairs are mostly apart at 1M, so the search itself is timed on pairs drawn
    # inside one component (a, then b among a's component): what a joined query costs
    comps = components(store, UNIT_CAP)
    by_comp: dict[int | None, list[str]] = {}
    for i in ids:
        by_comp.setdefault(comps.label(pnode(i)), []).append(i)
    rnd = random.Random(seed + 1)
    times, found = [], 0
    while len(times) < pairs:
        a = rnd.choice(ids)
        mates = by_comp[comps.label(pnode(a))]
        if len(mates) < 2:
            continue
        b = rnd.choice(mates)
        while b == a:
            b = rnd.choice(mates)
        s = time.perf_counter()
        got = find_paths(store, a, b)
        times.append(time.perf_counter() - s)
        found += bool(got)
    fig["path_joined_median_ms"] = statistics.median(times) * 1000
    fig["path_joined_p95_ms"] = pct(times, 0.95) * 1000
    fig["path_joined_found"] = found
    save("done")
    return fig


def main() -> None:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    measure(data, pairs, seed=7, out=out)


if __name__ == "__main__":
    main()
