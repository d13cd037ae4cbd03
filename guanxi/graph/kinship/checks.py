"""Consistency checks on declared kinship: both sides of a tie, genders, and birth dates.

Every warning names the rows it rests on (the relation row and the person or
relation row it contradicts), so an inspector can open both forms.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from guanxi.graph.dates import fmt_dot
from guanxi.graph.kinship.steps import Chain, agree, gender_of, inverse, kind

if TYPE_CHECKING:
    from guanxi.graph.store import NxStore

#: fewer years than this between a parent and a child (per generation) cannot be blood
MIN_GENERATION_YEARS = 12


def _row(data: dict[str, Any]) -> str:
    src = data.get("src")
    return src.label() if src is not None else "relations"


def _person_row(store: "NxStore", node: str) -> str:
    """``，persons.csv 第 3 行`` for a roster person with a known row, else ''."""
    rec = store.g.nodes[node].get("rec")
    src = getattr(rec, "src", None)
    if src is None or store.g.nodes[node].get("kind") != "person":
        return ""
    return f"，{src.label()}"


def _months(d: date) -> int:
    return d.year * 12 + d.month


def _birth(store: "NxStore", node: str) -> date | None:
    data = store.g.nodes[node]
    if data.get("kind") == "person":
        return getattr(data.get("rec"), "birth_date", None)
    born = data.get("birth_date")
    return born if isinstance(born, date) else None


def _gender(store: "NxStore", node: str) -> str | None:
    data = store.g.nodes[node]
    return data.get("gender") or getattr(data.get("rec"), "gender", None)


def _date_problem(chain: Chain, adoptive: bool, own: date, rel: date) -> str | None:
    """Why a single chain cannot hold between people born on ``own`` and ``rel``."""
    kinds = {kind(s) for s in chain}
    gap = _months(own) - _months(rel)  # > 0: the relative is older
    if kinds == {"up"}:
        need = 1 if adoptive else MIN_GENERATION_YEARS * 12 * len(chain)
        return None if gap >= need else "长辈出生晚于本人或年龄差过小"
    if kinds == {"down"}:
        need = 1 if adoptive else MIN_GENERATION_YEARS * 12 * len(chain)
        return None if -gap >= need else "晚辈出生早于本人或年龄差过小"
    if len(chain) == 1 and chain[0].startswith("elder_") and gap < 0:
        return "兄姐出生晚于本人"
    if len(chain) == 1 and chain[0].startswith("younger_") and gap > 0:
        return "弟妹出生早于本人"
    return None


def check_kinship(store: "NxStore") -> list[str]:
    """Warnings about declared kin edges that contradict each other or the known facts.

    * the two sides of a tie between roster people disagree (A 称 B 为妻子, B 称 A 为哥哥);
    * a term presumes the other gender of the form owner (a woman's 岳父), or the relative's
      recorded gender contradicts the term;
    * birth dates make the tie impossible (a 父亲 younger than the child).

    Complexity: O(E) over kin edges.
    """
    from guanxi.graph.store import KIN

    out: list[str] = []
    declared: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    said: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for u, v, data in store.g.edges(data=True):
        if data.get("kind") != KIN:
            continue
        chains: list[Chain] = data["chains"]
        owner_g, rel_g = _gender(store, u), _gender(store, v)
        ego = data.get("ego")
        if ego and owner_g and ego != owner_g:
            out.append(f"{_row(data)}：{store.name(u)}（{owner_g}{_person_row(store, u)}）"
                       f"填报“{data.get('term')}”，该称谓只适用于{ego}性")
        ends = {gender_of(c[-1]) for c in chains}
        if store.g.nodes[v].get("kind") == "person" and rel_g and len(ends) == 1 \
                and None not in ends and rel_g not in ends:
            out.append(f"{_row(data)}：{store.name(u)} 填报 {store.name(v)} 为其"
                       f"“{data.get('term')}”，但 {store.name(v)} 的性别为{rel_g}"
                       f"{_person_row(store, v)}")
        own, rel = _birth(store, u), _birth(store, v)
        if own is not None and rel is not None and len(chains) == 1:
            why = _date_problem(chains[0], "拟制" in str(data.get("note", "")), own, rel)
            if why:
                out.append(f"{_row(data)}：{store.name(u)}（{fmt_dot(own)}{_person_row(store, u)}）"
                           f"填报的{data.get('term')} {store.name(v)}（{fmt_dot(rel)}）"
                           f"{why}，关系与出生日期矛盾")
        if store.g.nodes[v].get("kind") == "person":
            declared[(u, v)].append(data)
        elif len(ends) == 1 and None not in ends:
            said[v].append((ends.pop(), data))
    for v, seen in said.items():
        for g, data in seen[1:]:
            if g != seen[0][0]:
                out.append(f"{_row(seen[0][1])} 与 {_row(data)}：同一亲属 {store.name(v)} 被分别填报为"
                           f"“{seen[0][1].get('term')}”和“{data.get('term')}”，性别不一致")
                break
    for (a, b), ab in declared.items():
        if b < a:
            continue
        for ba in declared.get((b, a), []):
            for d1 in ab:
                g_a = _gender(store, a)
                if not any(agree(inverse(c1, g_a), c2) for c1 in d1["chains"]
                           for c2 in ba["chains"]):
                    out.append(f"{_row(d1)} 与 {_row(ba)}：{store.name(a)} 填报 {store.name(b)} "
                               f"为其{d1.get('term')}，而 {store.name(b)} 填报 {store.name(a)} "
                               f"为其{ba.get('term')}，两者不一致")
    return out
