"""Kin links between roster people: declared on either side, or through one shared relative.

For every node R (a roster person or a relative named on forms) we gather the
people whose forms name R, with the chain from each of them to R. Two roster
people A and B who both reach R are related by ``chain(A→R) + inverse(chain(B→R))``;
if R is on the roster, A and R are related directly. This is a join on R, so
the cost is the sum over R of (people naming R)², not all pairs of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from guanxi.graph.kinship.steps import Chain, gender_of, inverse, to_chinese

if TYPE_CHECKING:
    from guanxi.graph.store import KinLink, NxStore

#: chains longer than this are never in the law's scope, so they are not composed
MAX_CHAIN = 5


def _gender(store: "NxStore", node_id: str, fallback: str | None = None) -> str | None:
    data = store.g.nodes[node_id]
    rec = data.get("rec")
    g = getattr(rec, "gender", None) if data.get("kind") == "person" else None
    return g or fallback


def derive_links(store: "NxStore") -> Iterator["KinLink"]:
    """Yield one :class:`KinLink` per related pair of roster people (a before b).

    Complexity: O(sum over shared relatives of k²) where k is how many forms
    name that relative; for real forms k is small, so this is near-linear.
    """
    from guanxi.graph.store import KIN, KinLink, PERSON

    # node R -> [(person node N, chains N->R, edge id)]
    reach: dict[str, list[tuple[str, list[Chain], str]]] = defaultdict(list)
    for u, v, eid, data in store.g.edges(keys=True, data=True):
        if data.get("kind") != KIN:
            continue
        chains: list[Chain] = data["chains"]
        reach[v].append((u, chains, eid))
        if store.g.nodes[v].get("kind") == PERSON:
            # the relative is on the roster: the same tie read from his side
            g_u = _gender(store, u)
            back = [inverse(c, g_u) for c in chains]
            reach[u].append((v, back, eid))

    pairs: dict[tuple[str, str], KinLink] = {}

    def add(a: str, b: str, chains: list[Chain], edges: list[str], via: str | None,
            text: str) -> None:
        if a == b:
            return
        if b < a:
            g_a = _gender(store, a)
            chains_b = [inverse(c, g_a) for c in chains]
            a, b, chains = b, a, chains_b
        key = (a, b)
        link = pairs.get(key)
        if link is None:
            g_a = _gender(store, a)
            pairs[key] = KinLink(a=a, b=b, chains=list(chains), edges=list(edges), via=via,
                                 text=text,
                                 reverse_chains=[inverse(c, g_a) for c in chains])
            return
        # a second route between the same two people: keep all readings and evidence
        g_a = _gender(store, a)
        for c in chains:
            if c not in link.chains:
                link.chains.append(c)
                link.reverse_chains.append(inverse(c, g_a))
        for e in edges:
            if e not in link.edges:
                link.edges.append(e)
        if link.via is not None and via is None:
            link.via, link.text = None, text

    for r, entries in reach.items():
        r_is_person = store.g.nodes[r].get("kind") == PERSON
        persons = [(n, cs, e) for n, cs, e in entries if store.g.nodes[n].get("kind") == PERSON]
        if r_is_person:
            for n, cs, e in persons:
                add(n, r, cs, [e], None, _direct_text(store, n, r, e))
        for i in range(len(persons)):
            n1, cs1, e1 = persons[i]
            for j in range(i + 1, len(persons)):
                n2, cs2, e2 = persons[j]
                if n1 == n2 or n1 == r or n2 == r:
                    continue
                g2 = _gender(store, n2)
                composed = [c1 + inverse(c2, g2) for c1 in cs1 for c2 in cs2
                            if len(c1) + len(c2) <= MAX_CHAIN]
                if composed:
                    add(n1, n2, composed, [e1, e2], r, _via_text(store, n1, n2, r, e1, e2))
    return iter(pairs.values())


def _term(store: "NxStore", eid: str) -> str:
    return str(store.edge(eid).get("term", ""))


def _direct_text(store: "NxStore", a: str, b: str, eid: str) -> str:
    e = store.edge(eid)
    owner, other = e["u"], e["v"]
    src = e.get("src")
    where = f"（{src.label()}）" if src is not None else ""
    return f"{store.name(owner)} 填报 {store.name(other)} 为其{e.get('term', '')}{where}"


def _via_text(store: "NxStore", a: str, b: str, r: str, e1: str, e2: str) -> str:
    from guanxi.graph.builder import describe_relative

    d1, d2 = store.edge(e1), store.edge(e2)
    rows = "、".join(d["src"].label() for d in (d1, d2) if d.get("src") is not None)
    rows = f"（{rows}）" if rows else ""
    if d1["u"] == a and d2["u"] == b:
        who = describe_relative(store, r)
        return (f"{store.name(a)} 的{d1.get('term', '')} {who} 与 {store.name(b)} 的"
                f"{d2.get('term', '')}为同一人{rows}")
    return "；".join(f"{store.name(d['u'])} 填报 {describe_relative(store, d['v'])} 为其"
                    f"{d.get('term', '')}" for d in (d1, d2)) + rows


def chain_text(chain: Chain) -> str:
    """Chinese reading of a chain, e.g. ``妻子的父亲``."""
    return to_chinese(chain)


__all__ = ["derive_links", "chain_text", "gender_of"]
