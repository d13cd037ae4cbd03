"""Kin links as the rules use them: in-scope filtering and a sentence a person can check."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.kinship.category import KinScope
from guanxi.graph.kinship.explain import term_for
from guanxi.graph.kinship.steps import to_chinese
from guanxi.graph.store import GraphStore, KinLink, node_key


def in_scope_links(store: GraphStore, scope: KinScope) -> Iterator[KinLink]:
    """Every kin link between two roster people whose category the law covers."""
    for link in store.kin_links():
        if link.in_scope(scope):
            yield link


def other(link: KinLink, person_id: str) -> str:
    """The roster id at the other end of a link."""
    a, b = node_key(link.a), node_key(link.b)
    return b if person_id == a else a


def kin_sentence(store: GraphStore, link: KinLink, ego: str, scope: KinScope) -> str:
    """``李四 是 张三 的妻子（夫妻；张三 填报 李四 为其妻子（relations.csv 第 3 行））``.

    ``ego`` is the roster id the sentence starts from.
    """
    a, b = node_key(link.a), node_key(link.b)
    category = link.category(scope)
    chain = link.best_chain(scope)
    if ego == b:
        idx = link.chains.index(chain)
        chain = link.reverse_chains[idx] if idx < len(link.reverse_chains) else chain
    alter = b if ego == a else a
    name = getattr(store.person(ego), "name", ego)
    alter_name = getattr(store.person(alter), "name", alter)
    basis = f"；{link.text}" if link.text else ""
    said, term = to_chinese(chain), term_for(chain)
    if term and term != said:  # 父亲的儿子 is a 兄弟: named, with the chain a reader can check
        return f"{alter_name} 是 {name} 的{term}（{said}；{category}{basis}）"
    return f"{alter_name} 是 {name} 的{said}（{category}{basis}）"


def link_nodes(link: KinLink) -> list[str]:
    """Nodes a link rests on: both people and the shared relative if any."""
    return [link.a, link.b] + ([link.via] if link.via else [])
