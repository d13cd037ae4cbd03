"""Does the path query's graph (units and places capped at 500) fall apart into components?

Usage: ``python benchmarks/components.py benchmarks/data/p1000000-s1`` (a generated dataset).

It joins, with a union-find, everything a path hop could join, ignoring time (so it can only
join more than the search does): declared and derived relation edges between drawn nodes, all
members of each unit of at most 500 (colleagues), each unit's 分管 leaders with all its members
(a member reaches his leader whatever the unit's size), all people of each place of at most 500
(同乡) and recommendation pairs. Then measure.py's 100 path pairs (seed 7) are checked: a pair in
two components has no path at any length. A measurement for issue 7, not part of run.py.
"""
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from guanxi.loaders import load_dataset
from guanxi.graph import build
from guanxi.graph.store import POSTING, SUPERVISION, pnode
from guanxi.queries.indexes import places, recommendations
from guanxi.queries.paths import find_paths

ds = load_dataset(sys.argv[1]); store = build(ds)
t = time.time()
parent: dict[str, str] = {}
def find(x):
    root = x
    while parent.get(root, root) != root:
        root = parent[root]
    while parent.get(x, x) != root:
        parent[x], x = root, parent[x]
    return root
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[ra] = rb
g = store.g
for u, nbrs in g._succ.items():
    for v, kd in nbrs.items():
        if any(d["kind"] in ("kin", "tie", "derived_kin") for d in kd.values()):
            union(u, v)
CAP = 500
big_units = 0
for n in g._node:
    if not n.startswith("unit/"):
        continue
    members = [p for p, kd in g._pred[n].items() if any(d["kind"] == POSTING for d in kd.values())]
    leaders = [p for p, kd in g._pred[n].items() if any(d["kind"] == SUPERVISION for d in kd.values())]
    for leader in leaders:
        for p in members:
            union(leader, p)
    if len(members) > CAP:
        big_units += 1
        continue
    for p in members[1:]:
        union(members[0], p)
big_places = 0
for place, ids in places(store).items():
    if len(ids) > CAP:
        big_places += 1
        continue
    for p in ids[1:]:
        union(pnode(ids[0]), pnode(p))
for a, lst in recommendations(store).items():
    for b, *_ in lst:
        union(pnode(a), pnode(b))
persons = [pnode(p.id) for p in ds.persons]
sizes = Counter(find(p) for p in persons)
print(f"union-find {time.time()-t:.1f}s; units over cap {big_units}, places over cap {big_places}")
print(f"components among {len(persons):,} persons: {len(sizes):,}; largest {sizes.most_common(5)}")
ids = [p.id for p in ds.persons]
rnd = random.Random(7)
find_paths(store, ids[0], ids[1])
pairs = [(rnd.choice(ids), rnd.choice(ids)) for _ in range(100)]
apart = sum(find(pnode(a)) != find(pnode(b)) for a, b in pairs)
print(f"measure.py's 100 pairs: {apart} in different components")
