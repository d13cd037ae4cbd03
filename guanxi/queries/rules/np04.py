"""NP04 违规随带身边工作人员: a leader's 秘书/司机/办公室 staff follow him to his new unit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from guanxi.graph.dates import add_months, certain_overlap, fmt
from guanxi.graph.records import Relation
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.careers import person_name
from guanxi.queries.finding import Finding
from guanxi.queries.positions import CHIEF, leader_posts, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule

TIE_TERMS = ("秘书", "司机", "办公室", "工作人员", "警卫", "驾驶员")
OFFICE_UNITS = ("办公室", "党政办", "院办", "局办", "综合办", "秘书科")


@dataclass(frozen=True)
class Move:
    """A leader leaving a leadership post in one entity for a leadership post in another."""

    old: Held
    new: Held


def _moves(lead: list[Held], gap_months: int = 6) -> list[Move]:
    """A person's leadership posts (``lead``) followed (within ``gap_months``) by one in another entity."""
    out = []
    for old in lead:
        end = old.rec.end_date
        if end is None:
            continue
        for new in lead:
            s = new.rec.start_date
            if new.entity != old.entity and end - timedelta(days=31) <= s <= add_months(end, gap_months):
                out.append(Move(old, new))
    return out


@dataclass(frozen=True)
class Aide:
    """Why somebody counts as the leader's 身边工作人员, with the evidence."""

    person: str
    reason: str
    edges: tuple[str, ...]


def _declared_aides(store: GraphStore, pid: str, terms: list[str]) -> list[Aide]:
    """Roster people the leader's own form names as 秘书/司机/… (relations with relative_id)."""
    idx: dict[str, list[tuple[int, Relation]]] = store.memo("np04.ties", lambda: _ties(store))
    out = []
    for i, rel in idx.get(pid, []):
        if rel.relative_id and any(t in rel.term for t in terms):
            src = rel.src.label() if rel.src else "relations"
            out.append(Aide(rel.relative_id, f"其{rel.term}，{src}", (f"relation/{i}",)))
    return out


def _ties(store: GraphStore) -> dict[str, list[tuple[int, Relation]]]:
    out: dict[str, list[tuple[int, Relation]]] = {}
    for i, rel in enumerate(store.records("relations")):
        if rel.relative_id:
            out.setdefault(rel.person_id, []).append((i, rel))
    return out


def _office_aides(store: GraphStore, old: Held, offices: list[str]) -> list[Aide]:
    """People in the entity's office while the leader led the entity (or supervised the office)."""
    pid = old.rec.person_id
    chief = role_of(store, old) == CHIEF
    sup = {s.unit_id: (eid, s) for eid, s in store.supervisions_of(pid)}
    index: dict[str, list[Held]] = store.memo("np04.offices:" + "|".join(offices),
                                              lambda: _office_posts(store, offices))
    out = []
    for h in index.get(old.entity, []):
        if h.rec.person_id == pid:
            continue
        lo, hi, edges = old.rec.start_date, old.rec.end_date, [h.eid]
        if not chief:
            got = sup.get(h.rec.unit_id)
            if got is None:
                continue
            edges.append(got[0])
            t = certain_overlap(lo, hi, got[1].start_date, got[1].end_date)
            if t is None:
                continue
            lo, hi = t
        t = certain_overlap(lo, hi, h.rec.start_date, h.rec.end_date)
        if t is None:
            continue
        how = "任主要负责人" if chief else "分管该机构"
        out.append(Aide(h.rec.person_id, f"{fmt(h.rec.start_date)}–{fmt(h.rec.end_date, '今')} 在 "
                        f"{post_text(store, h)}，其间 {person_name(store, pid)} {how}", tuple(edges)))
    return out


def _office_posts(store: GraphStore, offices: list[str]) -> dict[str, list[Held]]:
    """Posts held in office-like 内设机构, by legal entity."""
    out: dict[str, list[Held]] = {}
    for u in store.records("units"):
        if u.kind != "内设机构" or not any(k in u.name for k in offices):
            continue
        ent = store.entity_of(u.id)
        out.setdefault(ent, []).extend(h for h in store.postings_in(ent) if h.rec.unit_id == u.id)
    return out



def _follows(store: GraphStore, aide: str, move: Move, months: int) -> tuple[str, list[str]] | None:
    """How the aide followed the leader to the new entity, or None."""
    arrive = move.new.rec.start_date
    lead_end = move.new.rec.end_date
    there = sorted((h for h in store.postings_of(aide) if h.entity == move.new.entity),
                   key=lambda h: h.rec.start_date)
    if not there or there[0].rec.start_date < arrive:
        return None
    first = there[0]
    if first.rec.start_date <= add_months(arrive, months):
        text = (f"于 {fmt(first.rec.start_date)} 到 {post_text(store, first)}"
                f"（{person_name(store, move.new.rec.person_id)} 到任后 "
                f"{_months(arrive, first.rec.start_date)} 个月）")
        return text, [first.eid]
    for h in there:
        if (h.rec.change or "").strip() == "提拔" and (lead_end is None or h.rec.start_date < lead_end):
            text = (f"于 {fmt(first.rec.start_date)} 调入该单位，{fmt(h.rec.start_date)} 在其任内被提拔为 "
                    f"{post_text(store, h)}")
            return text, [first.eid, h.eid]
    return None


def _months(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per leader move that 身边工作人员 followed.

    Cost: per leader, his moves × (his declared ties + the office posts of his old entity).
    """
    terms, offices = list(params["tie_terms"]), list(params["office_units"])
    months = int(params["follow_months"])
    leads = leader_posts(store)
    for person in store.records("persons"):
        pid = person.id
        for mv in _moves(leads.get(pid, [])):
            aides: dict[str, Aide] = {}
            for a in _declared_aides(store, pid, terms) + _office_aides(store, mv.old, offices):
                aides.setdefault(a.person, a)
            hits = []
            for a in aides.values():
                if a.person == pid:
                    continue
                got = _follows(store, a.person, mv, months)
                if got is not None:
                    hits.append((a, got))
            if hits:
                yield _finding(store, mv, hits)


def _finding(store: GraphStore, mv: Move, hits: list[tuple[Aide, tuple[str, list[str]]]]) -> Finding:
    pid = mv.old.rec.person_id
    lead = (f"{person_name(store, pid)} 原任 {post_text(store, mv.old)}（至 {fmt(mv.old.rec.end_date)}），"
            f"{fmt(mv.new.rec.start_date)} 起任 {post_text(store, mv.new)}")
    who = "；".join(f"{person_name(store, a.person)}（{a.reason}）{text}" for a, (text, _) in hits)
    edges = [mv.old.eid, mv.new.eid]
    for a, (_, es) in hits:
        edges += list(a.edges) + es
    persons = [pid, *(a.person for a, _ in hits)]
    return RULE.finding(
        persons=persons, units=[mv.new.entity, mv.old.entity], start=mv.new.rec.start_date,
        end=None, explanation=f"{lead}；其身边工作人员随之到新单位：{who}",
        nodes=[pnode(p) for p in persons] + [unode(mv.old.entity), unode(mv.new.entity)],
        edges=edges, key=(sorted(persons), mv.new.entity, mv.new.rec.start_date.isoformat()),
        facts={"leader": pid, "aides": [a.person for a, _ in hits]},
    )


RULE = Rule(
    code="NP04",
    title="违规随带身边工作人员",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（领导干部违规提任、随带身边工作人员）",),
    needs=("persons", "postings"),
    optional=("relations", "supervision"),
    detect=detect,
    params=(
        Param("tie_terms", TIE_TERMS, "身边工作人员称谓：领导本人表中社会关系称谓含其中任一词即视为其身边工作人员"),
        Param("office_units", OFFICE_UNITS,
              "办公室类内设机构：名称含其中任一词，其人员在该领导任主要负责人（或分管该机构）期间任职的视为身边工作人员"),
        Param("follow_months", 12, "随调期限（月）：领导到新单位后此月数内调入即视为随带；超过期限但在其任内被提拔的同样提示"),  # noqa: E501
    ),
    severity="medium",
    condition="领导干部调任新单位领导职务后 12 个月内，其秘书、司机等身边工作人员（社会关系登记，"
              "或在其任主要负责人期间在本单位办公室任职的人员）调入该新单位，或调入后在其任内被提拔",
)
