"""Where load and build spend their time: each file and step of the load, each part of the build.

Usage: ``python benchmarks/parts.py benchmarks/data/p1000000-s1`` (a generated dataset).

The load is timed through ``load_dataset``'s own progress messages (one per file, then the
cross-file references and the matching of described relatives to roster people). The build
repeats :func:`guanxi.graph.builder.build`'s steps one by one, with the collector paused as
``build`` pauses it, and times each. A profile for issue 7, not part of run.py (which times
the load and the build as a whole).
"""
import gc
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from guanxi.graph import builder
from guanxi.graph.kinship.checks import check_kinship
from guanxi.graph.kinship.derive import derive_links
from guanxi.graph.kinship.relatives import resolve_relatives
from guanxi.graph.kinship.terms import normalize
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import UNIT_PARENT, unode
from guanxi.loaders import load_dataset

marks: list[tuple[float, str]] = []
t0 = time.perf_counter()
ds = load_dataset(sys.argv[1], progress=lambda m: marks.append((time.perf_counter(), m)))
t1 = time.perf_counter()
for i, (at, msg) in enumerate(marks):
    print(f"load   {msg:<28} {(marks[i + 1][0] if i + 1 < len(marks) else t1) - at:7.1f} s")
print(f"load   {'total':<28} {t1 - t0:7.1f} s")

gc.collect()
gc.disable()
parts: dict[str, float] = {}
last = [time.perf_counter()]


def tick(name: str) -> None:
    now = time.perf_counter()
    parts[name] = now - last[0]
    last[0] = now


store = NxStore(ds)
for u in ds.units:
    store.add_unit(u)
for i, u in enumerate(ds.units):
    if u.parent_id:
        store.add_edge(unode(u.parent_id), unode(u.id), f"{UNIT_PARENT}/{i}", UNIT_PARENT, src=u.src)
for p in ds.persons:
    store.add_person(p)
tick("units and persons")
for i, post in enumerate(ds.postings):
    store.add_posting(f"posting/{i}", post)
for i, sup in enumerate(ds.supervision):
    store.add_supervision(f"supervision/{i}", sup)
tick("postings and supervision")
seen: dict[tuple[str, str | None], object] = {}
matches = []
for rel in ds.relations:
    owner = store.person(rel.person_id)
    k = (rel.term, owner.gender if owner else None)
    if k not in seen:
        seen[k] = normalize(*k)
    matches.append(seen[k])
tick("term readings")
res = resolve_relatives(ds.relations, matches)
store.set_relatives(res.nodes, matches, res.gender)
tick("relative resolution")
named = Counter(res.nodes)
for i, (rel, match) in enumerate(zip(ds.relations, matches)):
    builder._add_relation(store, ds, i, rel, match, res, named)
tick("relation rows into the graph")
check_kinship(store)
tick("kinship checks")
for link in derive_links(store):
    store.add_link(link)
tick("kin derivation")
for name, s in parts.items():
    print(f"build  {name:<28} {s:7.1f} s")
print(f"build  {'total':<28} {sum(parts.values()):7.1f} s")
