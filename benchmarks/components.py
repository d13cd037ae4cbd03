"""How the path query's graph (units and places capped at 500) falls apart into components.

Usage: ``python benchmarks/components.py benchmarks/data/p1000000-s1`` (a generated dataset).

It builds :func:`guanxi.queries.components.components` (what a path hop could ever join,
time ignored; see that module for the rules) and prints its build time, how many components
the persons fall into, the largest, and how many of measure.py's 100 random path pairs
(seed 7) lie in different components, i.e. have no path at any length. A measurement for
issue 7, not part of run.py (which times the same build as ``path_components_s``).
"""
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from guanxi.graph import build
from guanxi.graph.store import pnode
from guanxi.loaders import load_dataset
from guanxi.queries.components import components
from guanxi.queries.hop import UNIT_CAP

ds = load_dataset(sys.argv[1])
store = build(ds)
t = time.perf_counter()
comps = components(store, UNIT_CAP)
built = time.perf_counter() - t
persons = [pnode(p.id) for p in ds.persons]
sizes = Counter(comps.label(p) for p in persons)
closed = {k for lab in sizes for k in comps.closed(lab)}
print(f"components built in {built:.1f}s; units and places over the cap {len(closed)}")
print(f"components among {len(persons):,} persons: {len(sizes):,}; largest {sizes.most_common(3)}")
ids = [p.id for p in ds.persons]
rnd = random.Random(7)
pairs = [(rnd.choice(ids), rnd.choice(ids)) for _ in range(100)]
apart = sum(comps.label(pnode(a)) != comps.label(pnode(b)) for a, b in pairs)
print(f"measure.py's 100 pairs: {apart} in different components")
