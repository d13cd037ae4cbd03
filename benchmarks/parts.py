"""Where load and build spend their time: each file and step of the load, each part of the build.

Usage: ``python benchmarks/parts.py benchmarks/data/p1000000-s1`` (a generated dataset).

The load is timed through ``load_dataset``'s own progress messages (one per file, then the
cross-file references and the matching of described relatives to roster people). The build
calls the steps of :mod:`guanxi.graph.builder` (its private functions) one by one, in ``build``'s order and with the
collector paused as ``build`` pauses it, and times each. A profile for issue 7, not part of
run.py (which times the load and the build as a whole).
"""
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from guanxi.graph import builder
from guanxi.graph.kinship.checks import check_kinship
from guanxi.graph.kinship.relatives import resolve_relatives
from guanxi.graph.nxstore import NxStore
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
builder._add_units_and_persons(store, ds)
tick("units and persons")
builder._add_posts(store, ds)
tick("postings and supervision")
matches = builder._term_readings(store, ds)
tick("term readings")
res = resolve_relatives(ds.relations, matches)
store.set_relatives(res.nodes, matches, res.gender)
tick("relative resolution")
builder._add_relation_rows(store, ds, matches, res)
tick("relation rows into the graph")
check_kinship(store)
tick("kinship checks")
builder._add_links(store)
tick("kin derivation")
for name, s in parts.items():
    print(f"build  {name:<28} {s:7.1f} s")
print(f"build  {'total':<28} {sum(parts.values()):7.1f} s")
