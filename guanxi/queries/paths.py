"""Shortest relationship paths between two people, by a lazy bidirectional search.

Semantics
---------
* Only paths of the minimal length are returned (every tie of that length, in a
  stable order: relation kinds, then people; at most ``max_paths``); longer paths
  are not padded in when there are fewer.
* A hop is one relation (see :mod:`guanxi.queries.hops`): colleagues, supervision
  and hometown hops pass through a unit or place without making it a node. Kin
  goes over declared edges only, through relatives on or off the roster; a
  derived link (two people naming the same relative) is walked as the two
  declared edges through that relative, so the path names him.
* ``as_of``: each relation must hold on that day. ``time_flow``: the dated
  starts along the path never go back in time (undated hops, such as blood kin
  or a hometown, fit anywhere), as in i2's Find Path.

Both searches grow one layer at a time from the smaller frontier. Under
``time_flow`` a node may come back in a later layer when it is reached with an
earlier clock (forward) or a later one (backward); a shorter prefix with a clock
no worse dominates, so minimal paths are never lost.

A new layer is first grown only onto the other side's last layer: that costs the
frontier's own edges and member lists, not an interval check and a hop for every
colleague of every unit. When the sides meet and the paths hold, the rest of the
layer is never built; otherwise the whole layer is grown and the search goes on
(the answer is the same either way).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from pydantic import BaseModel

from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import pnode
from guanxi.queries.components import components
from guanxi.queries.hop import ORDER, UNIT_CAP, Hop
from guanxi.queries.hops import Expander
from guanxi.queries.hoptables import paused_gc
from guanxi.queries.labels import current_post, label, name, post_label
from guanxi.queries.layers import Side, State, Undo, complete, grow

#: how many partial-path combinations one query may try before it stops
BUDGET = 20000
#: minimal paths gathered before sorting; the first ``max_paths`` in a stable order are kept
COLLECT = 1000


class Step(BaseModel):
    """One hop of a path; ``label`` says what ``dst`` is to ``src``."""

    src: str
    dst: str
    type: str
    label: str
    edges: list[str]
    via: str | None = None
    start: date | None = None
    end: date | None = None


class Path(BaseModel):
    """A chain of people from the first to the last; ``edges`` lists every step's edges."""

    nodes: list[str]
    names: list[str]
    edges: list[str]
    steps: list[Step]
    final_post: str = ""

    def text(self) -> str:
        """``张三 —妻子→ 李四 —哥哥→ 王五（财务科科长 2021.03–）``."""
        out = self.names[0]
        for s, n in zip(self.steps, self.names[1:]):
            out += f" —{s.label}→ {n}"
        return out + (f"（{self.final_post}）" if self.final_post else "")


class PathList(list[Path]):
    """The paths found, plus what the search left out.

    ``skipped`` maps units and places not expanded for their size to their member
    count; ``truncated`` is True when more minimal paths existed than returned;
    ``apart`` when the two are in different components (:mod:`guanxi.queries.components`):
    no path at any length, unless through a unit or place of ``skipped``.
    """

    skipped: dict[str, int]
    truncated: bool
    apart: bool = False

    def notes(self) -> list[str]:
        """Chinese lines for the report."""
        out = [f"未展开人数过多的{'地点' if k.startswith('place/') else '机构'} "
               f"{k.split('/', 1)[1]}（{n} 人）" for k, n in sorted(self.skipped.items())]
        if self.truncated:
            out.append(f"最短路径多于 {len(self)} 条，仅列出前 {len(self)} 条")
        if self.apart:
            out.append("两人不在同一关系网中，任何跳数都没有关系路径"
                       + ("（经过上列未展开的机构或地点的除外）" if self.skipped else ""))
        return out


@paused_gc()
def find_paths(store: NxStore, a: str, b: str, *, via: Iterable[str] | None = None,
               max_hops: int = 6, max_paths: int = 5, as_of: date | None = None,
               time_flow: bool = False, unit_cap: int | None = UNIT_CAP,
               today: date | None = None, apart_check: bool = True) -> PathList:
    """The shortest relationship paths between roster people ``a`` and ``b``.

    Parameters
    ----------
    store : the graph.
    a, b : roster ids (``P001``) or person node ids.
    via : relation types to walk (:data:`guanxi.queries.hop.TYPES`); default all.
    max_hops, max_paths : longest path and how many paths to return.
    as_of : only relations that hold on that day.
    time_flow : dated steps start no earlier than the previous dated step.
    unit_cap : units and places with more members are not expanded (None: all); a
        unit's 分管 leader and its members are joined whatever its size.
    today : the reference day telling colleagues from former colleagues.
    apart_check : first look the two up in the store's components (made on the first
        query: 12–14 s at 1,000,000 persons); when they are apart the answer is
        empty at once, ``apart`` is set and ``skipped`` lists closed units and places one
        of which any path would have to cross. False: always search (the same paths, but ``skipped``
        lists only what the search met within ``max_hops``).

    Complexity: bidirectional, so about ``2·d^(L/2)`` hops for branching ``d``
    and path length ``L``; each expansion touches only the node's own edges and
    the units and places it belongs to.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三", gender="男"),
    ...     Person(id="P2", name="李四", gender="女"), Person(id="P3", name="李五", gender="男")],
    ...     relations=[Relation(person_id="P1", term="妻子", relative_id="P2"),
    ...                Relation(person_id="P2", term="哥哥", relative_id="P3")]))
    >>> [p.text() for p in find_paths(store, "P1", "P3")]
    ['张三 —妻子→ 李四 —哥哥→ 李五']
    """
    a, b = (x if x.startswith("person/") else pnode(x) for x in (a, b))
    for x in (a, b):
        if x not in store:
            raise ValueError(f"未找到人员：{x.split('/', 1)[1]}")
    exp = Expander(store, via, as_of=as_of, unit_cap=unit_cap, today=today, derived=False,
                   leaves=False)
    found = PathList()
    found.truncated = False
    found.skipped = exp.skipped
    if a == b:
        return found
    if apart_check:
        comps = components(store, unit_cap)
        la, lb = comps.label(a), comps.label(b)
        if la is not None and lb is not None and la != lb:
            found.apart = True
            found.skipped = comps.between(la, lb)
            return found
    fw = Side(a, True, [{a: State(date.min, [])}], {a: date.min})
    bw = Side(b, False, [{b: State(date.max, [])}], {b: date.max})
    budget = [BUDGET]
    length = 1
    partial: tuple[Side, Undo] | None = None
    while length <= max_hops:
        fa, fb = len(fw.layers) - 1, len(bw.layers) - 1
        if length <= fa + fb:
            got = list(_join(fw, bw, length, time_flow, budget, COLLECT))
            if got:
                got.sort(key=_order)
                found.extend(_path(store, hops, as_of) for hops in got[:max_paths])
                found.truncated = len(got) > max_paths or budget[0] <= 0
                return found
            length += 1
            if partial is not None and length <= max_hops:
                complete(*partial, exp, time_flow)
            partial = None
            continue
        if not fw.layers[-1] or not bw.layers[-1]:
            break
        side, other = (fw, bw) if len(fw.layers[-1]) <= len(bw.layers[-1]) else (bw, fw)
        # first only the hops onto the other side's last layer: when they meet, the
        # rest of the new layer (the costly part: every member of every unit) is not needed
        into = other.last(exp, len(side.layers[-1]))
        before = (set(side.places), grow(side, exp, time_flow, into=into))
        if side.layers[-1]:
            partial = (side, before)
        elif length < max_hops:
            complete(side, before, exp, time_flow)
        else:
            # the last length allowed and the sides do not meet: the search is over, and the
            # partial pass noted every unit and place too big, as the whole layer would
            break
    found.truncated = budget[0] <= 0
    return found


def _partials(side: Side, k: int, v: str, budget: list[int]) -> Iterator[list[Hop]]:
    """Every recorded hop sequence from the side's origin to ``v`` in ``k`` hops."""
    if k == 0:
        yield []
        return
    st = side.layers[k][v]
    if not st.ordered:
        st.preds.sort(key=lambda p: (ORDER[p[1].type], p[0], p[1].edges))
        st.ordered = True
    for u, hop in st.preds:
        for rest in _partials(side, k - 1, u, budget):
            budget[0] -= 1
            if budget[0] < 0:
                return
            yield rest + [hop]


def _join(fw: Side, bw: Side, length: int, time_flow: bool, budget: list[int],
          limit: int) -> Iterator[list[Hop]]:
    """Paths of exactly ``length`` hops, split after ``kf`` forward hops."""
    kf = min(len(fw.layers) - 1, length)
    kb = length - kf
    meet = sorted(fw.layers[kf].keys() & bw.layers[kb].keys())
    n = 0
    for v in meet:
        if time_flow and fw.layers[kf][v].clock > bw.layers[kb][v].clock:
            continue
        for pre in _partials(fw, kf, v, budget):
            for suf in _partials(bw, kb, v, budget):
                hops = pre + [h.reversed() for h in reversed(suf)]
                if _valid(hops, time_flow):
                    yield hops
                    n += 1
                    if n >= limit:
                        return
            if budget[0] <= 0:
                return


def _order(hops: list[Hop]) -> tuple[tuple[int, ...], list[str], list[tuple[str, ...]]]:
    """Stable order of equally short paths: relation kinds, then people, then edges."""
    return tuple(ORDER[h.type] for h in hops), [h.dst for h in hops], [h.edges for h in hops]


def _valid(hops: list[Hop], time_flow: bool) -> bool:
    """A simple path, and under ``time_flow`` dated starts in order."""
    nodes = [hops[0].src] + [h.dst for h in hops]
    if len(set(nodes)) != len(nodes):
        return False
    if time_flow:
        clock = date.min
        for h in hops:
            if h.start is not None:
                if h.start < clock:
                    return False
                clock = h.start
    return True


def _path(store: NxStore, hops: list[Hop], as_of: date | None) -> Path:
    nodes = [hops[0].src] + [h.dst for h in hops]
    last = nodes[-1]
    post = current_post(store, last.split("/", 1)[1], as_of) if last.startswith("person/") else None
    steps = [Step(src=h.src, dst=h.dst, type=h.type, label=label(store, h), edges=list(h.edges),
                  via=h.via, start=h.start, end=h.end) for h in hops]
    return Path(nodes=nodes, names=[name(store, n) for n in nodes],
                edges=[e for h in hops for e in h.edges], steps=steps,
                final_post=post_label(store, post))
