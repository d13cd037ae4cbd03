"""A person's career and surroundings over time, and a unit's leaders, inflow and outflow by year."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from pydantic import BaseModel

from guanxi.graph.dates import overlap
from guanxi.graph.kinship.explain import term_for
from guanxi.graph.kinship.steps import to_chinese
from guanxi.graph.nxstore import NxStore
from guanxi.graph.store import Held, node_key
from guanxi.queries.positions import CHIEF, DEPUTY, UNIT_DEPUTY, UNIT_HEAD, post_text, role_of

#: a gap shorter than this between two posts in one unit is a continuous spell
SPELL_GAP = timedelta(days=62)


class PostEntry(BaseModel):
    """One post held, as a timeline row."""

    edge: str
    person: str
    unit: str
    entity: str
    post: str
    title: str
    role: str
    start: date
    end: date | None = None
    change: str | None = None
    parttime: bool = False
    name: str = ""


class Event(BaseModel):
    """A dated record of another table: an appointment case or a discipline."""

    id: str
    date: date | None
    kind: str
    text: str


class RelativePost(BaseModel):
    """A relative's post in a legal entity where the person served at an overlapping time."""

    relative: str
    name: str
    relation: str
    post: PostEntry
    overlap_start: date
    overlap_end: date | None = None


class PersonTimeline(BaseModel):
    person: str
    name: str
    postings: list[PostEntry]
    appointments: list[Event]
    disciplines: list[Event]
    relatives: list[RelativePost]


class YearFlow(BaseModel):
    year: int
    inflow: int
    outflow: int


class UnitTimeline(BaseModel):
    unit: str
    name: str
    entity: str
    leaders: list[PostEntry]
    flows: list[YearFlow]


def entry(store: NxStore, h: Held) -> PostEntry:
    """A timeline row for one post."""
    r = h.rec
    return PostEntry(edge=h.eid, person=r.person_id, unit=r.unit_id, entity=h.entity,
                     post=post_text(store, h), title=r.title, role=role_of(store, h),
                     start=r.start_date, end=r.end_date, change=r.change,
                     parttime=bool(r.is_parttime), name=store.name(r.person_id))


def postings(store: NxStore, person_id: str) -> list[PostEntry]:
    """A person's posts, oldest first."""
    return sorted((entry(store, h) for h in store.postings_of(person_id)),
                  key=lambda e: (e.start, e.edge))


def person_timeline(store: NxStore, person_id: str) -> PersonTimeline:
    """Postings, appointment cases, disciplines and relatives' posts in the same entity.

    A relative is any roster person with a kin link (declared or derived); his
    post counts when it sits in a legal entity where ``person_id`` also served
    and the two periods overlap.

    Complexity: the person's and his relatives' postings, plus one pass over the
    appointments and disciplines tables.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Posting, Unit
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三")],
    ...     units=[Unit(id="U1", name="市财政局")], postings=[Posting(person_id="P1", unit_id="U1",
    ...     title="局长", start_date=date(2020, 1, 1))]))
    >>> [p.post for p in person_timeline(store, "P1").postings]
    ['市财政局 局长']
    """
    p = store.person(person_id)
    if p is None:
        raise ValueError(f"未找到人员：{person_id}")
    apps = [Event(id=a.id, date=a.decided_on or a.appointed_on or a.proposed_on,
                  kind=a.kind or "任用",
                  text=f"{store.name(a.unit_id)} {a.title or ''}".strip())
            for a in store.dataset.appointments if a.person_id == person_id]
    disc = [Event(id=f"discipline/{i}", date=d.decided_on, kind=d.kind,
                  text=f"{d.kind}（{d.decided_on.isoformat()}）")
            for i, d in enumerate(store.dataset.disciplines) if d.person_id == person_id]
    mine = store.postings_of(person_id)
    rel: list[RelativePost] = []
    for link in store.kin_links(person_id):
        a, b = node_key(link.a), node_key(link.b)
        other = b if a == person_id else a
        chain = link.best_chain()
        if a != person_id:
            i = link.chains.index(chain)
            chain = link.reverse_chains[i] if i < len(link.reverse_chains) else chain
        for theirs in store.postings_of(other):
            for h in mine:
                if h.entity != theirs.entity:
                    continue
                got = overlap(h.rec.start_date, h.rec.end_date, theirs.rec.start_date,
                              theirs.rec.end_date)
                if got is not None:
                    rel.append(RelativePost(relative=other, name=store.name(other),
                                            relation=term_for(chain) or to_chinese(chain), post=entry(store, theirs),
                                            overlap_start=got[0], overlap_end=got[1]))
                    break
    return PersonTimeline(
        person=person_id, name=p.name, postings=postings(store, person_id),
        appointments=sorted(apps, key=lambda e: (e.date or date.min, e.id)),
        disciplines=sorted(disc, key=lambda e: (e.date or date.min, e.id)),
        relatives=sorted(rel, key=lambda r: (r.post.start, r.relative, r.post.edge)))


def unit_timeline(store: NxStore, unit_id: str) -> UnitTimeline:
    """A unit's leaders over time and how many people came and left each year.

    For a legal entity the leaders are its 主要负责人 and 副职, and the flows count
    the whole entity (moves between its 内设机构 are not flows); for a 内设机构
    they are its head and deputies, and the flows count that unit alone. Posts in
    the scope separated by less than two months make one continuous spell.

    Complexity: O(p log p) over the postings of the entity.

    Examples
    --------
    >>> from guanxi.graph import build
    >>> from guanxi.graph.dataset import Dataset
    >>> from guanxi.graph.records import Person, Posting, Unit
    >>> store = build(Dataset(persons=[Person(id="P1", name="张三")],
    ...     units=[Unit(id="U1", name="市财政局")], postings=[Posting(person_id="P1", unit_id="U1",
    ...     title="局长", start_date=date(2020, 1, 1), end_date=date(2023, 5, 1))]))
    >>> t = unit_timeline(store, "U1")
    >>> [(l.person, l.role) for l in t.leaders], [(f.year, f.inflow, f.outflow) for f in t.flows]
    ([('P1', '主要负责人')], [(2020, 1, 0), (2023, 0, 1)])
    """
    u = store.unit(unit_id)
    if u is None:
        raise ValueError(f"未找到机构：{unit_id}")
    entity = store.entity_of(unit_id)
    held = store.postings_in(entity)
    if unit_id != entity:
        held = [h for h in held if h.rec.unit_id == unit_id]
    wanted = (CHIEF, DEPUTY) if unit_id == entity else (UNIT_HEAD, UNIT_DEPUTY)
    leaders = sorted((entry(store, h) for h in held
                      if h.rec.unit_id == unit_id and role_of(store, h) in wanted),
                     key=lambda e: (e.start, e.role != wanted[0], e.edge))
    inflow: Counter[int] = Counter()
    outflow: Counter[int] = Counter()
    by_person: dict[str, list[Held]] = {}
    for h in held:
        by_person.setdefault(h.rec.person_id, []).append(h)
    for posts in by_person.values():
        posts.sort(key=lambda h: h.rec.start_date)
        start, end = posts[0].rec.start_date, posts[0].rec.end_date
        for h in posts[1:]:
            if end is not None and h.rec.start_date - end > SPELL_GAP:
                inflow[start.year] += 1
                outflow[end.year] += 1
                start, end = h.rec.start_date, h.rec.end_date
            elif end is not None:
                end = None if h.rec.end_date is None else max(end, h.rec.end_date)
        inflow[start.year] += 1
        if end is not None:
            outflow[end.year] += 1
    years = sorted(set(inflow) | set(outflow))
    return UnitTimeline(unit=unit_id, name=u.name, entity=entity, leaders=leaders,
                        flows=[YearFlow(year=y, inflow=inflow[y], outflow=outflow[y])
                               for y in years])
