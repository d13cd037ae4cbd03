"""Explanations for people: what a 称谓 means, and how two roster people are related."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guanxi.graph.kinship.category import CATEGORIES, KinScope, classify
from guanxi.graph.kinship.steps import STEPS, Chain, inverse, kind, step_for, to_chinese
from guanxi.graph.kinship.table import TERMS
from guanxi.graph.kinship.terms import normalize

if TYPE_CHECKING:
    from guanxi.graph.nxstore import NxStore

#: names for chains whose table terms all carry an age (堂兄/堂弟 -> 堂兄弟), or name one the
#: chain does not know (the table's 姑表兄 is 父亲的姐妹的儿子, older or not)
_DISPLAY = {("father", "brother", "son"): "堂兄弟", ("father", "brother", "daughter"): "堂姐妹",
            ("brother", "son"): "侄子", ("sister", "son"): "外甥",
            ("father", "sister", "son"): "姑表兄弟", ("father", "sister", "daughter"): "姑表姐妹",
            ("mother", "sister", "son"): "姨表兄弟", ("mother", "sister", "daughter"): "姨表姐妹",
            ("mother", "brother", "son"): "舅表兄弟", ("mother", "brother", "daughter"): "舅表姐妹"}


def _index() -> dict[Chain, str]:
    out: dict[Chain, str] = {}
    for term, spec in TERMS.items():
        if len(spec.chains) == 1 and not spec.note and spec.chains[0] not in out:
            out[spec.chains[0]] = term
    out.update(_DISPLAY)
    return out


_NAMES = _index()


def canonical(chain: Chain) -> Chain:
    """Read a parent's child as a sibling: ``妻子的父亲的女儿`` -> ``妻子的姐妹``.

    Examples
    --------
    >>> canonical(("wife", "father", "daughter", "husband"))
    ('wife', 'sister', 'husband')
    """
    out = list(chain)
    i = 0
    while i < len(out) - 1:
        if kind(out[i]) == "up" and kind(out[i + 1]) == "down":
            out[i:i + 2] = [step_for("sibling", STEPS[out[i + 1]][1])]
            i = max(i - 1, 0)
        else:
            i += 1
    return tuple(out)


def term_for(chain: Chain) -> str:
    """A 称谓 for a chain when the table has one (``妻子的姐妹的丈夫`` -> 连襟), else ''."""
    return _NAMES.get(chain) or _NAMES.get(canonical(chain), "")


def chain_name(chain: Chain) -> str:
    """The chain in words, named by its 称谓 when that says more: ``兄弟（父亲的儿子）``.

    >>> chain_name(("father", "son")), chain_name(("wife",))
    ('兄弟（父亲的儿子）', '妻子')
    """
    said, term = to_chinese(chain), term_for(chain)
    return f"{term}（{said}）" if term and term != said else said


def most_serious(categories: list[str | None]) -> str | None:
    """The first of :data:`CATEGORIES` present, or None."""
    return next((c for c in CATEGORIES if c in categories), None)


def explain_term(term: str, gender: str | None = None,
                 scope: KinScope | None = None) -> dict[str, Any]:
    """What a 称谓 means: its chains and the most serious category over them.

    ``category`` is None when the term is not kinship (a tie such as 秘书, or unknown).

    Examples
    --------
    >>> explain_term("连襟")["category"], explain_term("连襟")["chains"]
    ('近姻亲', [['wife', 'sister', 'husband']])
    >>> explain_term("秘书")["category"] is None
    True
    """
    m = normalize(term, gender)
    chains = [list(c) for c in m.chains] if m else []
    cats = [classify(tuple(c), scope) for c in chains]
    return {
        "term": term,
        "gender": gender,
        "known": m is not None,
        "tie": bool(m and m.tie),
        "chains": chains,
        "chains_zh": [to_chinese(tuple(c)) for c in chains],
        "categories": cats,
        "category": most_serious(cats),
        "ego": m.ego if m else None,
        "note": m.note if m else "",
    }


def render_term(info: dict[str, Any]) -> str:
    """Chinese text for :func:`explain_term`'s result, one reading a line.

    Examples
    --------
    >>> print(render_term(explain_term("岳父")))
    称谓：岳父（仅适用于男性本人）
    关系链：妻子的父亲 —— 近姻亲
    类别：近姻亲
    """
    head = f"称谓：{info['term']}"
    if info.get("ego"):
        head += f"（仅适用于{info['ego']}性本人）"
    lines = [head]
    if not info["known"]:
        return "\n".join(lines + ["无法识别的称谓，不作为亲属关系处理"])
    if info["tie"]:
        return "\n".join(lines + ["非亲属关系（其他社会关系）"])
    for zh, cat in zip(info["chains_zh"], info["categories"]):
        lines.append(f"关系链：{zh} —— {cat}")
    if info.get("note"):
        lines.append(f"说明：{info['note']}")
    lines.append(f"类别：{info['category']}")
    return "\n".join(lines)


def _path(store: NxStore, a: str, b: str, edges: list[str], chain: Chain) -> str:
    """``张三 —妻子→ 李某 —父亲→ （某） …``: names where the evidence has nodes."""
    ends = {e: store.edge(e) for e in edges}

    def walk(at: str, used: list[str]) -> list[tuple[str, str, bool]] | None:
        if at == b:
            return []
        for e, d in ends.items():
            if e in used:
                continue
            for nxt, fwd in ((d["v"], True), (d["u"], False)):
                if (d["u"] if fwd else d["v"]) == at:
                    rest = walk(nxt, used + [e])
                    if rest is not None:
                        return [(e, nxt, fwd)] + rest
        return None

    hops = walk(a, []) or []
    names: dict[int, str] = {0: store.name(a)}
    pos = 0
    for e, nxt, fwd in hops:
        d = ends[e]
        owner = store.node(d["u"])
        gender = owner.get("gender") or getattr(owner.get("rec"), "gender", None)
        options = [c if fwd else inverse(c, gender) for c in d["chains"]]
        step = next((c for c in options if chain[pos:pos + len(c)] == c), options[0])
        pos += len(step)
        names[pos] = store.name(nxt)
    names[len(chain)] = store.name(b)
    out = names[0]
    for i, s in enumerate(chain, 1):
        out += f" —{STEPS[s][2]}→ {names.get(i, '（某）')}"
    return out


def explain_pair(store: NxStore, a_id: str, b_id: str,
                 scope: KinScope | None = None) -> dict[str, Any]:
    """How two roster people are related: category, the chain as a path, and the rows.

    Examples
    --------
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> from guanxi.graph.builder import build
    >>> ds = Dataset(persons=[Person(id="A", name="张三", gender="男"),
    ...                       Person(id="B", name="李四", gender="女")],
    ...              relations=[Relation(person_id="A", term="妻子", relative_id="B")])
    >>> explain_pair(build(ds), "A", "B")["path"]
    '张三 —妻子→ 李四'
    """
    from guanxi.graph.store import node_key, pnode

    a, b = pnode(a_id), pnode(b_id)
    link = next((k for k in store.kin_links(a_id) if {k.a, k.b} == {a, b}), None)
    if link is None:
        return {"a": a_id, "b": b_id, "category": None, "chain": [], "chain_zh": "", "term": "",
                "path": "", "text": f"未发现 {store.name(a)} 与 {store.name(b)} 之间的亲属关系",
                "rows": [], "edges": [], "via": None}
    best = link.best_chain(scope)
    chain = best if link.a == a else link.reverse_chains[link.chains.index(best)]
    rows = [store.edge(e)["src"].label() for e in link.edges if store.edge(e).get("src")]
    return {
        "a": a_id, "b": b_id, "category": link.category(scope),
        "chain": list(chain), "chain_zh": to_chinese(chain), "term": term_for(chain),
        "path": _path(store, a, b, link.edges, chain), "text": link.text,
        "rows": list(dict.fromkeys(rows)), "edges": list(link.edges),
        "via": node_key(link.via) if link.via else None,
    }


def render_pair(info: dict[str, Any]) -> str:
    """Chinese multi-line text for :func:`explain_pair`'s result."""
    if info["category"] is None:
        text: str = info["text"]
        return text
    term = f"（{info['term']}）" if info["term"] else ""
    lines = [f"类别：{info['category']}", f"关系：{info['chain_zh']}{term}",
             f"路径：{info['path']}", f"依据：{info['text']}"]
    lines += [f"  - {r}" for r in info["rows"]]
    return "\n".join(lines)
