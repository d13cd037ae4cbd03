"""Find roster people by id, node id, name or ID number, for the commands that take a person."""

from __future__ import annotations

from collections import defaultdict

from guanxi.graph.nxstore import NxStore
from guanxi.queries.positions import post_text


def _names(store: NxStore) -> dict[str, list[str]]:
    def make() -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for p in store.persons():
            index[p.name.strip()].append(p.id)
            if p.id_number:
                index[p.id_number.strip().upper()].append(p.id)
        return {k: sorted(set(v)) for k, v in index.items()}
    return store.memo("queries.names", make)  # type: ignore[no-any-return]


def find_person(store: NxStore, text: str) -> list[str]:
    """Roster ids that ``text`` may mean: an id, ``person/<id>``, an exact name or an ID number.

    An id wins over a name. A name shared by several people returns them all
    (sorted), so the caller can list the candidates; no match returns ``[]``.

    Complexity: O(1) after a one-off O(N) name index kept with the store.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person
    >>> store = build(Dataset(persons=[Person(id="P1", name="张伟"), Person(id="P2", name="张伟"),
    ...                                Person(id="P3", name="李娜")]))
    >>> find_person(store, "张伟"), find_person(store, "P3"), find_person(store, "王五")
    (['P1', 'P2'], ['P3'], [])
    """
    key = text.strip()
    if key.startswith("person/"):
        key = key.split("/", 1)[1]
    if store.person(key) is not None:
        return [key]
    return list(_names(store).get(key, _names(store).get(key.upper(), [])))


def describe_candidates(store: NxStore, ids: list[str]) -> list[str]:
    """One Chinese line per candidate for an ambiguous name: id, name, birth, current post.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person
    >>> store = build(Dataset(persons=[Person(id="P1", name="张伟")]))
    >>> describe_candidates(store, ["P1"])
    ['P1 张伟']
    """
    out = []
    for pid in ids:
        p = store.person(pid)
        if p is None:
            continue
        bits = [pid, p.name]
        if p.birth_date:
            bits.append(f"{p.birth_date.year}.{p.birth_date.month:02d} 生")
        current = [h for h in store.postings_of(pid) if h.rec.end_date is None]
        if current:  # the post with its legal entity: 市人民医院 财务科 出纳
            bits.append(post_text(store, max(current, key=lambda h: h.rec.start_date)))
        out.append(" ".join(bits))
    return out


def find_unit(store: NxStore, text: str) -> list[str]:
    """Unit ids that ``text`` may mean: an id, ``unit/<id>`` or an exact unit name.

    An id wins over a name; a name shared by several units (every entity has its
    办公室) returns them all, sorted.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Unit
    >>> store = build(Dataset(units=[Unit(id="E1", name="市财政局"), Unit(id="E2", name="市审计局"),
    ...     Unit(id="U1", name="办公室", parent_id="E1"), Unit(id="U2", name="办公室", parent_id="E2")]))
    >>> find_unit(store, "办公室"), find_unit(store, "unit/E1"), find_unit(store, "E9")
    (['U1', 'U2'], ['E1'], [])
    """
    key = text.strip()
    if key.startswith("unit/"):
        key = key.split("/", 1)[1]
    if store.unit(key) is not None:
        return [key]

    def make() -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for rec in store.records("units"):
            index[rec.name.strip()].append(rec.id)
        return {k: sorted(set(v)) for k, v in index.items()}
    return list(store.memo("queries.unit_names", make).get(key, []))


def describe_units(store: NxStore, ids: list[str]) -> list[str]:
    """One Chinese line per candidate unit: id, name and the legal entity it belongs to.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Unit
    >>> store = build(Dataset(units=[Unit(id="E1", name="市财政局"),
    ...     Unit(id="U1", name="办公室", kind="内设机构", parent_id="E1")]))
    >>> describe_units(store, ["U1", "E1"])
    ['U1 办公室（市财政局）', 'E1 市财政局']
    """
    out = []
    for uid in ids:
        u = store.unit(uid)
        if u is None:
            continue
        entity = store.entity_of(uid)
        owner = store.unit(entity) if entity != uid else None
        out.append(f"{uid} {u.name}" + (f"（{owner.name}）" if owner is not None else ""))
    return out
