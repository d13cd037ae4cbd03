"""Kin links as derivation makes them: the sentence a finding cites is written on first read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guanxi.graph.kinship.steps import Chain
from guanxi.graph.store import KinLink

if TYPE_CHECKING:
    from guanxi.graph.nxstore import NxStore

Side = tuple[tuple[Chain, ...], tuple[Chain, ...]]  # chains N→R and, parallel, R→N
#: (person N, side index, edge id, True when the edge is N's own declaration, edge data)
Entry = tuple[str, int, str, bool, dict[str, Any]]
#: where a link was found: the node joined on and the two entries (None through a go-between)
Route = tuple[str, Entry | None, Entry | None]


class LazyLink(KinLink):
    """A :class:`KinLink` whose sentence is written only when somebody reads it.

    ``val`` is derivation's record of the pair: ``[side index, edge ids, route, direct]``.
    """

    # set by ``__init__`` through ``__dict__`` (declared here for the type checker only)
    _text: str | None
    _store: NxStore
    _val: list[Any]
    _declared: list[Chain] | None

    def __init__(self, store: NxStore, key: tuple[str, str], val: list[Any],
                 side: Side) -> None:
        # set the dataclass fields directly: millions of links are made at once
        self.__dict__.update(a=key[0], b=key[1], chains=list(side[0]), edges=val[1],
                             via=None if val[3] else val[2][0], reverse_chains=list(side[1]),
                             _text=None, _store=store, _val=val, _declared=None)

    def declared_chains(self) -> list[Chain]:
        if self._declared is None:
            out: list[Chain] = []
            if self._val[3]:  # only a direct link has edges between the two themselves
                for eid in self.edges:
                    e = self._store.edge(eid)
                    if {e.get("u"), e.get("v")} == {self.a, self.b}:
                        out.extend(tuple(c) for c in e.get("chains") or ())
            self._declared = out
        return self._declared

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = _text(self._store, (self.a, self.b), self._val)
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value or None


def _edge_text(store: NxStore, owner: str, other: str, data: dict[str, Any]) -> str:
    from guanxi.graph.builder import describe_relative

    return f"{store.name(owner)} 填报 {describe_relative(store, other)} 为其{data.get('term', '')}"


def _rows(*datas: dict[str, Any] | None) -> str:
    labels = [d["src"].label() for d in datas if d is not None and d.get("src") is not None]
    return f"（{'、'.join(dict.fromkeys(labels))}）" if labels else ""


def _text(store: NxStore, key: tuple[str, str], val: list[Any]) -> str:
    """The sentence a finding cites: who named whom, and which rows say so."""
    from guanxi.graph.builder import describe_relative

    _side, edges, (r, e1, e2), direct = val
    if direct and e1 is not None:
        n, _s, _eid, own, data = e1
        owner, other = (n, r) if own else (r, n)
        return _edge_text(store, owner, other, data) + _rows(data)
    if e1 is None or e2 is None:  # through a roster go-between: the declarations it rests on
        return "；".join(_declared_text(store, e) for e in edges)
    (n1, _s1, _i1, own1, d1), (n2, _s2, _i2, own2, d2) = e1, e2
    if own1 and own2:
        return (f"{store.name(n1)} 的{d1.get('term', '')} {describe_relative(store, r)} 与 "
                f"{store.name(n2)} 的{d2.get('term', '')} 为同一人{_rows(d1, d2)}")
    parts = [_edge_text(store, n, r, d) if own else _edge_text(store, r, n, d)
             for n, own, d in ((n1, own1, d1), (n2, own2, d2))]
    return "；".join(parts) + _rows(d1, d2)


def _declared_text(store: NxStore, eid: str) -> str:
    e = store.edge(eid)
    return _edge_text(store, e["u"], e["v"], e) + _rows(e)
