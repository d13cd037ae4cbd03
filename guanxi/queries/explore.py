"""A path query's whole answer (endpoints, options, paths, notes) as one object a renderer can take."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel

from guanxi.graph.kinship.category import FULL_SCOPE
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import node_key, pnode
from guanxi.queries.hop import TYPES, UNIT_CAP, resolve_types
from guanxi.queries.kin import kin_sentence
from guanxi.queries.labels import current_post, name, post_label
from guanxi.queries.paths import Path, find_paths


class Endpoint(BaseModel):
    """A roster person at one end of a query: id, node id, name and the post held."""

    id: str
    node: str
    name: str
    post: str = ""


class PathAnswer(BaseModel):
    """The shortest paths from ``source`` to ``target`` and the options that produced them.

    ``via`` lists the relation types walked (keys of :data:`guanxi.queries.hop.TYPES`),
    ``all_types`` says they are the default set (every type; with ``as_of`` all
    but former colleagues); ``skipped`` maps units and places too big to expand
    to their size; ``apart`` says the two are in different components (no path at
    any length but through a unit or place of ``skipped``); ``notes`` are the
    Chinese lines saying so and whether more paths existed than returned.
    """

    source: Endpoint
    target: Endpoint
    via: list[str]
    all_types: bool = False
    max_hops: int
    max_paths: int
    as_of: date | None = None
    time_flow: bool = False
    paths: list[Path]
    truncated: bool = False
    apart: bool = False
    skipped: dict[str, int] = {}
    notes: list[str] = []

    def options_text(self) -> str:
        """The options in Chinese: ``关系：亲属、夫妻；截至 2020-06-01；时间顺序``."""
        kinds = "全部" if self.all_types else "、".join(TYPES[t] for t in self.via)
        bits = [f"关系：{kinds}", f"最多 {self.max_hops} 跳"]
        if self.as_of is not None:
            bits.append(f"截至 {self.as_of.isoformat()}")
        if self.time_flow:
            bits.append("按时间先后")
        return "；".join(bits)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, each path with node and edge ids."""
        doc = self.model_dump(mode="json")
        for p, path in zip(doc["paths"], self.paths):
            p["text"] = path.text()
        return doc


def endpoint(store: NxStore, person_id: str, as_of: date | None = None) -> Endpoint:
    """The :class:`Endpoint` of a roster id (its post on ``as_of``, or now)."""
    node = pnode(person_id)
    return Endpoint(id=person_id, node=node, name=name(store, node),
                    post=post_label(store, current_post(store, person_id, as_of)))


def path_between(store: NxStore, a: str, b: str, *, via: Iterable[str] | None = None,
                 max_hops: int = 6, max_paths: int = 5, as_of: date | None = None,
                 time_flow: bool = False, unit_cap: int | None = UNIT_CAP,
                 today: date | None = None) -> PathAnswer:
    """:func:`guanxi.queries.paths.find_paths` with its endpoints and options, as one answer.

    Parameters are those of ``find_paths``; ``a`` and ``b`` are roster ids (or
    person node ids). Unknown ids and relation types raise ``ValueError``.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Relation
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三", gender="男"),
    ...     Person(id="P2", name="李四", gender="女")],
    ...     relations=[Relation(person_id="P1", term="妻子", relative_id="P2")]))
    >>> ans = path_between(store, "P1", "P2", via=["kin"])
    >>> ans.options_text(), [p.text() for p in ans.paths], ans.to_json()["paths"][0]["edges"]
    ('关系：亲属、夫妻；最多 6 跳', ['张三 —妻子→ 李四'], ['relation/0'])
    """
    kinds = resolve_types(via, as_of)
    found = find_paths(store, a, b, via=kinds, max_hops=max_hops, max_paths=max_paths,
                       as_of=as_of, time_flow=time_flow, unit_cap=unit_cap, today=today)
    ida, idb = (node_key(x) if x.startswith("person/") else x for x in (a, b))
    notes = found.notes()
    if "kin" in kinds and not any(all(s.type in ("kin", "spouse") for s in p.steps) for p in found):
        # the shortest path is not the kinship (colleagues who are also brothers): say it anyway
        link = next((k for k in store.kin_links(ida) if {k.a, k.b} == {pnode(ida), pnode(idb)}), None)
        if link is not None:
            notes.append("二人另有亲属关系，不在最短路径上：" + kin_sentence(store, link, ida, FULL_SCOPE))
    return PathAnswer(
        source=endpoint(store, ida, as_of),
        target=endpoint(store, idb, as_of),
        via=[t for t in TYPES if t in kinds], all_types=kinds == resolve_types(None, as_of),
        max_hops=max_hops, max_paths=max_paths,
        as_of=as_of, time_flow=time_flow, paths=list(found), truncated=found.truncated,
        apart=found.apart, skipped=dict(found.skipped), notes=notes)
