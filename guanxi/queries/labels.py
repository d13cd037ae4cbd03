"""Chinese wording of hops, people and posts for the path, neighbour and timeline queries."""

from __future__ import annotations

from datetime import date

from guanxi.graph.builder import describe_relative
from guanxi.graph.dates import contains, fmt_dot
from guanxi.graph.kinship.category import CATEGORIES, classify
from guanxi.graph.kinship.explain import chain_name
from guanxi.graph.kinship.steps import Chain, inverse
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import KIN, Held, node_key
from guanxi.queries.hop import Hop

#: ties that read the same from both ends
SYMMETRIC_TIES = ("同学", "同事", "战友", "朋友", "老乡", "同乡", "室友", "前同事")


def name(store: NxStore, node: str) -> str:
    """Display name of a node: the roster name, or ``李某（1945.03）`` for a relative."""
    if node in store:
        return describe_relative(store, node)
    return node


def period(start: date | None, end: date | None) -> str:
    """``2019.03–2021.06``; an open end leaves the dash: ``2019.03–``.

    Examples
    --------
    >>> period(date(2019, 3, 1), None)
    '2019.03–'
    """
    return f"{fmt_dot(start) if start and start != date.min else ''}–{fmt_dot(end)}"


def _gender(store: NxStore, node: str) -> str | None:
    rec = store.node(node).get("rec") if node in store else None
    return getattr(rec, "gender", None) if node.startswith("person/") else None


def _shortest(chains: list[Chain]) -> Chain:
    return min(chains, key=len)


def kin_chain(store: NxStore, hop: Hop) -> Chain | None:
    """The chain of a kin hop read from its ``src`` (None for other hops)."""
    if hop.type not in ("kin", "spouse"):
        return None
    e = store.edge(hop.edges[0])
    chain = _shortest(e["chains"])
    return chain if hop.forward else inverse(chain, _gender(store, e["u"]))


def category(store: NxStore, hop: Hop) -> str | None:
    """The legal category of a kin hop (夫妻, 直系血亲 …), the most serious reading."""
    if hop.type not in ("kin", "spouse"):
        return None
    chains = store.edge(hop.edges[0])["chains"]
    # the rows of one term share one chains list: classify it once per store
    known: dict[int, tuple[list[Chain], str | None]] = store.memo("labels.category", dict)
    got = known.get(id(chains))
    if got is None or got[0] is not chains:
        cats = [classify(c) for c in chains]
        ranked = [c for c in CATEGORIES if c in cats]
        got = known[id(chains)] = (chains, ranked[0] if ranked else None)
    return got[1]


def _unit_name(store: NxStore, unit_node: str | None) -> str:
    if unit_node is None:
        return ""
    u = store.unit(node_key(unit_node))
    return u.name if u is not None else node_key(unit_node)


def label(store: NxStore, hop: Hop) -> str:
    """What ``dst`` is to ``src``: ``妻子``, ``同事（财务科 2019.03–2021.06）``, ``分管（…）``.

    A kin hop walked from the form owner reads the term as written; walked the
    other way it reads the inverse chain, from the owner's gender.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三", gender="男"),
    ...     Person(id="P2", name="李四", gender="女")],
    ...     relations=[Relation(person_id="P1", term="爱人", relative_id="P2")]))
    >>> hop = Hop("person/P1", "person/P2", "spouse", ("relation/0",))
    >>> label(store, hop), label(store, hop.reversed())
    ('爱人', '丈夫')
    """
    t = hop.type
    if t in ("kin", "spouse"):
        e = store.edge(hop.edges[0])
        if e["kind"] == KIN and hop.forward:
            return str(e.get("term", ""))
        chain = kin_chain(store, hop)
        return chain_name(chain) if chain else ""
    if t in ("secretary", "tie"):
        term = str(store.edge(hop.edges[0]).get("term", ""))
        return term if hop.forward or term in SYMMETRIC_TIES else f"为其{term}"
    when = period(hop.start, hop.end)
    if t in ("colleague", "former_colleague"):
        word = "同事" if t == "colleague" else "原同事"
        return f"{word}（{_unit_name(store, hop.via)} {when}）"
    if t == "supervision":
        word = "分管" if hop.forward else "分管领导"
        return f"{word}（{_unit_name(store, hop.via)} {when}）"
    if t == "recommendation":
        word = "推荐" if hop.forward else "推荐人"
        app = node_key(hop.via or "/")
        return f"{word}（纪实 {app}{' ' + fmt_dot(hop.start) if hop.start else ''}）"
    if t == "hometown":
        return f"同乡（{node_key(hop.via or '/')}）"
    return t


def current_post(store: NxStore, person_id: str, as_of: date | None = None) -> Held | None:
    """The post a person holds now (or on ``as_of``): a main post before a part-time one,
    then the latest start."""
    held = [h for h in store.postings_of(person_id)
            if (h.rec.end_date is None if as_of is None
                else contains(h.rec.start_date, h.rec.end_date, as_of))]
    if not held:
        return None
    return max(held, key=lambda h: (not h.rec.is_parttime, h.rec.start_date, h.eid))


def post_label(store: NxStore, held: Held | None) -> str:
    """``财务科科长 2021.03–`` for a post, '' for none.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Posting, Unit
    >>> from datetime import date
    >>> store = build(Dataset(persons=[Person(id="P1", name="钱芳")],
    ...     units=[Unit(id="U1", name="外科")], postings=[
    ...     Posting(person_id="P1", unit_id="U1", title="外科主任", start_date=date(2015, 5, 1)),
    ...     Posting(person_id="P1", unit_id="U1", title="主治医师", start_date=date(2010, 5, 1))]))
    >>> [post_label(store, h) for h in store.postings_of("P1")]
    ['外科主任 2015.05–', '外科主治医师 2010.05–']
    """
    if held is None:
        return ""
    u = store.unit(held.rec.unit_id)
    unit = u.name if u is not None else held.rec.unit_id
    title = held.rec.title
    # a title that already names its unit (外科主任 in 外科) is not prefixed again
    post = title if title.startswith(unit) else f"{unit}{title}"
    return f"{post} {period(held.rec.start_date, held.rec.end_date)}"
