"""Everyone within k hops of a person, grouped by how they are related, capped per group."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel

from guanxi.graph.kinship.category import CATEGORIES
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import pnode
from guanxi.queries.hop import ORDER, TYPES, UNIT_CAP, Hop
from guanxi.queries.hops import Expander
from guanxi.queries.hoptables import paused_gc
from guanxi.queries.labels import category, current_post, label, name, post_label
from guanxi.queries.timeline import PostEntry, postings


class Member(BaseModel):
    """One person reached; ``text`` is the chain from the centre to him."""

    node: str
    name: str
    hops: int
    labels: list[str]
    edges: list[str]
    text: str
    post: str = ""


class Group(BaseModel):
    """People reached by the same sequence of relation kinds; ``more`` were left out."""

    key: str
    hops: int
    total: int
    members: list[Member]
    more: int = 0

    def more_text(self) -> str:
        """``另有 N 人`` or ''."""
        return f"另有 {self.more} 人" if self.more else ""


class Neighborhood(BaseModel):
    person: str
    name: str
    hops: int
    groups: list[Group]
    postings: list[PostEntry]
    notes: list[str] = []
    skipped: dict[str, int] = {}


def _kind(store: NxStore, hop: Hop) -> tuple[str, tuple[int, int]]:
    """Group word and sort rank of one hop: ``亲属（近姻亲）``, ``同事`` …"""
    if hop.type in ("kin", "spouse"):
        cat = category(store, hop) or "其他亲属"
        return f"亲属（{cat}）", (0, CATEGORIES.index(cat) if cat in CATEGORIES else 99)
    return TYPES[hop.type], (ORDER[hop.type], 0)


@paused_gc()
def neighbors(store: NxStore, a: str, *, hops: int = 1, via: Iterable[str] | None = None,
              cap: int = 20, as_of: date | None = None, unit_cap: int | None = UNIT_CAP,
              today: date | None = None) -> Neighborhood:
    """Everyone within ``hops`` relations of roster person ``a``, grouped and capped.

    Each person is reached once, by the first shortest chain in a stable order
    (kin before colleagues …). A group is the sequence of relation kinds along
    that chain (kin split by legal category, e.g. ``亲属（近姻亲） → 同事``); it
    lists at most ``cap`` people and counts the rest in ``more``. Kin links
    derived through a shared relative count as one hop here.

    Complexity: breadth-first over ``hops`` layers; wording is computed only
    for the people listed.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三", gender="男"),
    ...     Person(id="P2", name="李四", gender="女")],
    ...     relations=[Relation(person_id="P1", term="妻子", relative_id="P2")]))
    >>> [(g.key, [m.name for m in g.members]) for g in neighbors(store, "P1").groups]
    [('亲属（夫妻）', ['李四'])]
    """
    centre = a if a.startswith("person/") else pnode(a)
    pid = centre.split("/", 1)[1]
    if store.person(pid) is None:
        raise ValueError(f"未找到人员：{pid}")
    exp = Expander(store, via, as_of=as_of, unit_cap=unit_cap, today=today, derived=True)
    parent: dict[str, tuple[str, Hop, int]] = {centre: (centre, Hop(centre, centre, "kin", ()), 0)}
    frontier = [centre]
    seen: set[str] = set()
    for k in range(1, hops + 1):
        nxt: list[str] = []
        exp.new_layer()
        for u in frontier:
            # the members of a unit listed earlier in the layer may have been reached since
            fresh = [h for h in exp.hops(u, seen, parent) if h.dst not in parent]
            for h in sorted(fresh, key=lambda h: (ORDER[h.type], h.dst, h.edges)):
                if h.dst not in parent:
                    parent[h.dst] = (u, h, k)
                    nxt.append(h.dst)
        frontier = sorted(nxt)
    # parents come before children in ``parent``: each node's group extends its parent's
    kinds: dict[tuple[str, str], tuple[str, tuple[int, int]]] = {}
    path_of: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {centre: ("", ())}
    groups: dict[str, tuple[tuple[tuple[int, int], ...], list[str]]] = {}
    for node, (u, h, _k) in parent.items():
        if node == centre:
            continue
        sig = (h.type, h.edges[0] if h.type in ("kin", "spouse") else "")
        kind = kinds.get(sig)
        if kind is None:
            kind = kinds[sig] = _kind(store, h)
        up_key, up_rank = path_of[u]
        key = f"{up_key} → {kind[0]}" if up_key else kind[0]
        rank = up_rank + (kind[1],)
        path_of[node] = (key, rank)
        groups.setdefault(key, (rank, []))[1].append(node)
    out: list[Group] = []
    words: dict[Hop | str, str] = {}
    for key, (rank, nodes) in sorted(groups.items(), key=lambda kv: (len(kv[1][0]), kv[1][0])):
        nodes.sort()
        shown = [_member(store, _chain(parent, centre, n), as_of, words) for n in nodes[:cap]]
        out.append(Group(key=key, hops=len(rank), total=len(nodes), members=shown,
                         more=max(0, len(nodes) - cap)))
    notes = [f"未展开人数过多的{'地点' if k.startswith('place/') else '机构'} "
             f"{k.split('/', 1)[1]}（{n} 人）" for k, n in sorted(exp.skipped.items())]
    return Neighborhood(person=pid, name=name(store, centre), hops=hops, groups=out,
                        postings=postings(store, pid), notes=notes,
                        skipped=dict(exp.skipped))


def _chain(parent: dict[str, tuple[str, Hop, int]], centre: str, node: str) -> list[Hop]:
    """The hops from the centre to ``node``."""
    chain: list[Hop] = []
    while node != centre:
        node, h, _k = parent[node]
        chain.append(h)
    chain.reverse()
    return chain


def _member(store: NxStore, chain: list[Hop], as_of: date | None,
            words: dict[Hop | str, str]) -> Member:
    """One listed person; ``words`` keeps the names and labels already worded in this query
    (every chain starts at the centre, and many share their first hop)."""
    def word(key: Hop | str) -> str:
        got = words.get(key)
        if got is None:
            got = words[key] = name(store, key) if isinstance(key, str) else label(store, key)
        return got

    labels = [word(h) for h in chain]
    text = word(chain[0].src)
    for lab, h in zip(labels, chain):
        text += f" —{lab}→ {word(h.dst)}"
    node = chain[-1].dst
    held = current_post(store, node.split("/", 1)[1], as_of) if node.startswith("person/") else None
    return Member(node=node, name=word(node), hops=len(chain), labels=labels,
                  edges=[e for h in chain for e in h.edges], text=text,
                  post=post_label(store, held))
