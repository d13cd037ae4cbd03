"""Which people a relationship path could ever join: the components of the path graph.

A path hop (:mod:`guanxi.queries.hops`) joins two people by a relation edge, a unit both
served in, a unit and its 分管 leader, a place both come from, or a recommendation. Dates,
``as_of``, ``time_flow`` and the relation types asked for only take hops away, so joining
everything a hop could ever join splits the people into components, and two people in
different components have no path at any length. The path search need not grow three
layers on each side to learn that (issue 7: at 1,000,000 cadres 99 of 100 random pairs are
so, and each such search read about 42,000 hops).

What joins, for a unit and place cap (``None``: no cap):

* every declared or derived relation edge between drawn nodes (a relative kept as his row
  has one edge: he is read as his owner);
* a unit joins its members when it has at most ``cap`` of them, *or* when it has a 分管
  leader: a member always reaches his unit's leader, whatever the unit's size, so every
  member and the leader are one component;
* a place joins the people who come from or grew up there when it has at most ``cap``;
* a recommendation joins recommender and recommended.

A unit or place left closed by the cap is remembered with the components of its people:
a path the cap stopped would have to leave one component, and enter the other, through one
of those.

Built once per store and cap (:meth:`NxStore.memo`): one pass over the adjacency, then a
vectorised union (hook every edge's larger label to its smaller one, then pointer jumping
until each label is its root), O((N + E) log N): about 1 s at 100,000 persons, 12–14 s at
1,000,000.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import repeat

import numpy as np

from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import DERIVED_KIN, KIN, POSTING, SUPERVISION, TIE, pnode
from guanxi.queries.indexes import places, recommendations

_RELATIONS = frozenset((KIN, TIE, DERIVED_KIN))


class Components:
    """The component label of every node a path can reach, and the closed units and places."""

    def __init__(self, store: NxStore, index: dict[str, int], labels: np.ndarray,
                 closed: dict[int, dict[str, int]]) -> None:
        self.store, self.index, self.labels, self._closed = store, index, labels, closed

    def label(self, node: str) -> int | None:
        """The component of a node; a relative kept as his row is his owner's; None if unknown."""
        i = self.index.get(node)
        if i is None:
            if node not in self.store:
                return None
            owners = [u for u, _v, _eid, _d in self.store.adjacent(node)]
            i = self.index.get(owners[0]) if len(owners) == 1 else None
            if i is None:
                return None
        return int(self.labels[i])

    def closed(self, label: int) -> dict[str, int]:
        """Units and places the cap left closed that people of the component belong to (-> size)."""
        return self._closed.get(label, {})

    def between(self, a: int, b: int) -> dict[str, int]:
        """Closed units and places one of which any path from component ``a`` to ``b`` crosses.

        Such a path leaves ``a`` through one of ``a``'s and enters ``b`` through one of ``b``'s,
        so either list is complete: the shorter is given. When either is empty no path joins
        the two whatever the cap, and nothing is listed.
        """
        ca, cb = self.closed(a), self.closed(b)
        if not ca or not cb:
            return {}
        return ca if (len(ca), sorted(ca)) <= (len(cb), sorted(cb)) else cb


def components(store: NxStore, cap: int | None) -> Components:
    """The :class:`Components` of the store under a unit and place cap, made once per store.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三"), Person(id="P2", name="李四"),
    ...     Person(id="P3", name="王五")], relations=[Relation(person_id="P1", term="妻子", relative_id="P2")]))
    >>> c = components(store, 500)
    >>> c.label("person/P1") == c.label("person/P2") != c.label("person/P3")
    True
    """
    return store.memo(f"queries.components/{cap}", lambda: _build(store, cap))  # type: ignore[no-any-return]


def _build(store: NxStore, cap: int | None) -> Components:
    succ = store.g._succ
    index = {node: i for i, node in enumerate(store.g._node)}
    src: list[int] = []  # joined pairs (relations, supervision, open places, recommendations)
    dst: list[int] = []
    post_p: list[int] = []  # posting person -> unit
    post_u: list[int] = []
    supervised: set[int] = set()
    for u, nbrs in succ.items():
        iu = index[u]
        for v, kd in nbrs.items():
            for d in kd.values():
                k = d["kind"]
                if k in _RELATIONS:
                    src.append(iu)
                    dst.append(index[v])
                elif k == POSTING:
                    post_p.append(iu)
                    post_u.append(index[v])
                elif k == SUPERVISION:
                    iv = index[v]
                    src.append(iu)
                    dst.append(iv)
                    supervised.add(iv)
    n_nodes = len(index)
    pp, pu = np.array(post_p, dtype=np.int64), np.array(post_u, dtype=np.int64)
    # members of a unit: distinct people with a posting there
    pairs = np.unique(pu * n_nodes + pp) if len(pu) else np.zeros(0, dtype=np.int64)
    mu, mp = pairs // n_nodes, pairs % n_nodes
    size = np.bincount(mu, minlength=n_nodes)
    is_open = np.ones(n_nodes, dtype=bool) if cap is None else size <= cap
    if supervised:
        is_open[np.fromiter(supervised, dtype=np.int64)] = True
    joins = is_open[mu]
    nodes = list(index) if not joins.all() else []
    closed_units = []  # (unit node, members, their node numbers); ``mu`` is sorted
    for i in np.unique(mu[~joins]).tolist():
        lo, hi = np.searchsorted(mu, [i, i + 1])
        closed_units.append((nodes[i], int(size[i]), mp[lo:hi]))

    nxt = n_nodes  # a place is a node of its own, numbered after the graph's
    closed_places = []
    for place, ids in places(store).items():
        people = [index[pnode(p)] for p in ids]
        if cap is not None and len(people) > cap:
            closed_places.append((f"place/{place}", len(people), np.array(people, dtype=np.int64)))
        else:
            src.extend(repeat(nxt, len(people)))
            dst.extend(people)
            nxt += 1
    for a, lst in recommendations(store).items():
        ia = index.get(pnode(a))
        for b, *_ in lst:
            ib = index.get(pnode(b))
            if ia is not None and ib is not None:
                src.append(ia)
                dst.append(ib)
    s = np.concatenate([np.array(src, dtype=np.int64), mp[joins]])
    t = np.concatenate([np.array(dst, dtype=np.int64), mu[joins]])
    labels = _labels(nxt, s, t)
    closed: dict[int, dict[str, int]] = defaultdict(dict)
    for node, n, members in closed_units + closed_places:
        for lab in np.unique(labels[members]).tolist():
            closed[lab][node] = n
    return Components(store, index, labels[:n_nodes].copy(), dict(closed))


def _labels(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Connected-component labels (each the smallest node number of its component).

    Examples
    --------
    >>> _labels(6, np.array([1, 4, 3]), np.array([2, 5, 5])).tolist()
    [0, 1, 1, 3, 3, 3]
    """
    labels = np.arange(n, dtype=np.int64)
    while len(src):
        ls, ld = labels[src], labels[dst]
        live = ls != ld  # an edge inside one tree stays inside it: it is dropped
        src, dst, ls, ld = src[live], dst[live], ls[live], ld[live]
        if not len(src):
            break
        # every label is a root here: hook the larger root under the smaller one
        np.minimum.at(labels, np.maximum(ls, ld), np.minimum(ls, ld))
        while True:  # pointer jumping until every node points at its root
            up = labels[labels]
            if np.array_equal(up, labels):
                break
            labels = up
    return labels
