"""The layers of the bidirectional path search: growing one (meet-first or whole) and completing it."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from guanxi.queries.hop import Hop
from guanxi.queries.hops import Expander, Reach

#: a layer is indexed by unit for the other side's meet-first pass up to this many times its size
REACH_RATIO = 3


class State:
    """How a node was reached in one layer: the earliest (latest) clock and every predecessor."""

    __slots__ = ("clock", "ordered", "preds")

    def __init__(self, clock: date, preds: list[tuple[str, Hop]]) -> None:
        self.clock, self.preds, self.ordered = clock, preds, False


@dataclass
class Side:
    """One end of the search: its origin, direction, layers, best clocks and places expanded."""

    origin: str
    forward: bool
    layers: list[dict[str, State]]
    best: dict[str, date]
    places: set[str] = field(default_factory=set)
    reach: Reach | None = None

    def last(self, exp: Expander, frontier: int) -> Container[str]:
        """The last layer as a :class:`Reach` (made once per layer) when it is worth it.

        Listing the units of the layer's people costs their own edges; it saves reading
        the members of the other ``frontier`` people's other units. Past a few times the
        frontier's size it costs more than it saves, and the layer itself is returned.
        """
        last = self.layers[-1]
        if self.reach is not None and self.reach.nodes is last:
            return self.reach
        if len(last) > REACH_RATIO * frontier:
            return last
        self.reach = Reach(exp, last)
        return self.reach


Undo = tuple[set[str], dict[str, date | None]]


def complete(side: Side, undo: Undo, exp: Expander, time_flow: bool) -> None:
    """Replace the side's last layer, grown only onto the other side, by the whole layer.

    ``undo`` holds the places expanded and the clocks the partial layer overwrote.
    """
    side.layers.pop()
    side.places = undo[0]
    for v, clock in undo[1].items():
        if clock is None:
            del side.best[v]
        else:
            side.best[v] = clock
    grow(side, exp, time_flow)


def grow(side: Side, exp: Expander, time_flow: bool,
          into: Container[str] | None = None) -> dict[str, date | None]:
    """Add the next layer to one side of the search (only nodes of ``into`` when given).

    Returns the clocks the new layer overwrote (None: the node was not reached before).

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="甲", gender="男"),
    ...     Person(id="P2", name="乙", gender="女")],
    ...     relations=[Relation(person_id="P1", term="妻子", relative_id="P2")]))
    >>> side = Side("person/P1", True, [{"person/P1": State(date.min, [])}], {"person/P1": date.min})
    >>> grow(side, Expander(store), time_flow=False)
    {'person/P2': None}
    >>> [(u, h.type) for u, h in side.layers[1]["person/P2"].preds]
    [('person/P1', 'spouse')]
    """
    new: dict[str, State] = {}
    forward, origin, best = side.forward, side.origin, side.best
    exp.new_layer()
    if not time_flow:
        # every hop the expander gives leads out of ``best`` (the origin is in it), and
        # the clock stays the origin's: no check is left to make
        clock = date.min if forward else date.max
        for u in side.layers[-1]:
            for hop in exp.hops(u, side.places, best, into):
                s = new.get(hop.dst)
                if s is None:
                    new[hop.dst] = State(clock, [(u, hop)])
                else:
                    s.preds.append((u, hop))
        side.layers.append(new)
        prev: dict[str, date | None] = dict.fromkeys(new)
        best.update(dict.fromkeys(new, clock))
        return prev
    for u, st in side.layers[-1].items():
        for hop in exp.hops(u, None, (), into):
            v = hop.dst
            if v == origin:
                continue
            clock = st.clock
            if hop.start is not None:
                if forward:
                    if hop.start < clock:
                        continue
                    clock = max(clock, hop.start)
                else:
                    if hop.start > clock:
                        continue
                    clock = min(clock, hop.start)
            old = best.get(v)
            if old is not None and not (clock < old if forward else clock > old):
                continue
            s = new.get(v)
            if s is None:
                new[v] = State(clock, [(u, hop)])
            else:
                s.preds.append((u, hop))
                s.clock = min(s.clock, clock) if forward else max(s.clock, clock)
    prev = {v: best.get(v) for v in new}
    for v, s in new.items():
        best[v] = s.clock
    side.layers.append(new)
    return prev
