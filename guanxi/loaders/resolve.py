"""Resolve described relatives to roster people: ID number first, then name, birth month and work unit.

Score of a roster person for a relation row (name equality is required):

* same ID number → 1.0 (and a different ID number on both sides excludes the person, unless
  the roster's is invalid: kept as written for AR01, it proves nothing);
* same name → 0.4; same birth month → +0.4 (a different birth month excludes: homonyms are
  never merged); the work text (``工作单位及职务``) names a unit the person held a post in, or
  one of its parent units → +0.2.

Exactly one person at or above ``threshold`` (default 0.8: name and birth month) is merged
(``relative_id`` is set); otherwise plausible people are *candidates*, reported and not merged.
Judgements (see :mod:`guanxi.loaders.judgements`) win: a confirmation merges, a rejection
forbids that match. Indexes by ID number, name and (name, birth month) keep this near-linear.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date

from guanxi.graph.dataset import Candidate, Dataset
from guanxi.graph.dates import fmt_dot
from guanxi.graph.idnumber import valid_normalized
from guanxi.graph.records import Person, Relation, Source, Unit
from guanxi.loaders.judgements import Judgement, references

NAME, BIRTH, WORK = 0.4, 0.4, 0.2
DEFAULT_THRESHOLD = 0.8
MAX_HOMONYMS = 20  # a name shared by more people than this is no evidence without a birth month
MAX_WARNINGS = 200


def name_key(s: str | None) -> str:
    """A name as compared with the roster: full-width folded, no spaces (``张 三`` = ``张三``)."""
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def month_key(d: date | None) -> tuple[int, int] | None:
    """(year, month) of a date, the precision every register has."""
    return (d.year, d.month) if d is not None else None


class Resolver:
    """Indexes of one dataset's roster, built once and reused for every relation row."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.persons = {p.id: p for p in ds.persons}
        self.by_number = {p.id_number: p.id for p in ds.persons if p.id_number}
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        self.by_name_month: dict[tuple[str, tuple[int, int] | None], list[Person]] = defaultdict(list)
        for p in ds.persons:
            n = name_key(p.name)
            self.by_name[n].append(p)
            self.by_name_month[(n, month_key(p.birth_date))].append(p)
        self._posts: dict[str, dict[str, None]] | None = None  # units in posting order
        self._units: dict[str, Unit] = {}  # filled with _posts
        self._unit_names: dict[str, list[str]] = {}

    def unit_names(self, person_id: str) -> list[str]:
        """Names of the units a person held posts in, with their parent units."""
        if self._posts is None:
            self._posts = defaultdict(dict)
            for post in self.ds.postings:
                self._posts[post.person_id][post.unit_id] = None
            self._units = {u.id: u for u in self.ds.units}
        units = self._units
        out: list[str] = []
        for uid in self._posts.get(person_id, ()):
            if uid not in self._unit_names:
                names, cur, seen = [], uid, set()
                while cur in units and cur not in seen:
                    seen.add(cur)
                    names.append(name_key(units[cur].name))
                    cur = units[cur].parent_id or ""
                self._unit_names[uid] = [n for n in names if len(n) >= 2]
            out.extend(self._unit_names[uid])
        return out

    def score(self, rel: Relation, p: Person) -> tuple[float, list[str]] | None:
        """The score of ``p`` for ``rel`` and the reasons, or None when ``p`` is excluded."""
        if (rel.relative_id_number and p.id_number and p.id_number != rel.relative_id_number
                and valid_normalized(p.id_number)):  # an invalid number on the roster proves nothing
            return None
        score, why = NAME, ["姓名相同"]
        mine, theirs = month_key(rel.relative_birth_date), month_key(p.birth_date)
        if mine is not None and theirs is not None:
            if mine != theirs:
                return None
            score += BIRTH
            why.append(f"出生年月相同（{fmt_dot(rel.relative_birth_date)}）")
        if rel.relative_work:
            work = name_key(rel.relative_work)
            hit = next((n for n in self.unit_names(p.id) if n in work), None)
            if hit is not None:
                score += WORK
                why.append(f"工作单位含其任职机构“{hit}”")
        return round(score, 2), why

    def candidates(self, rel: Relation) -> list[tuple[float, list[str], Person]]:
        """Scored roster people who may be the relative of ``rel``, best first."""
        n = name_key(rel.relative_name)
        if n not in self.by_name:  # most described relatives share no name with the roster
            return []
        month = month_key(rel.relative_birth_date)
        if month is not None:
            pool = self.by_name_month.get((n, month), [])
            undated = self.by_name_month.get((n, None))
            if undated:
                pool = pool + undated
        else:
            pool = self.by_name.get(n, [])
            if len(pool) > MAX_HOMONYMS:
                return []
        out = []
        for p in pool:
            if p.id == rel.person_id:
                continue
            got = self.score(rel, p)
            if got is not None:
                out.append((got[0], got[1], p))
        out.sort(key=lambda x: (-x[0], x[2].id))
        return out


def _candidate(rel: Relation, refs: tuple[str, ...], pid: str, score: float, why: list[str],
               decision: str) -> Candidate:
    """A match or candidate for ``rel`` as recorded in ``Dataset.candidates``."""
    return Candidate(relation=rel.src or Source(file="relations"),
                     reference=refs[0] if refs else references(rel)[0], person_id=rel.person_id,
                     term=rel.term, relative_name=rel.relative_name, candidate_id=pid, score=score,
                     reasons=why, decision=decision)  # type: ignore[arg-type]


def resolve_relatives(ds: Dataset, *, threshold: float = DEFAULT_THRESHOLD,
                      judgements: list[Judgement] = ()) -> None:  # type: ignore[assignment]
    """Set ``relative_id`` on relation rows whose described relative is a roster person.

    Records every match and every candidate in ``ds.candidates`` and a Chinese warning for
    each candidate not merged (the first :data:`MAX_WARNINGS`, then a count).

    Examples
    --------
    >>> from datetime import date
    >>> from guanxi.graph.records import Person, Relation
    >>> ds = Dataset(persons=[Person(id="P1", name="张三"),
    ...                       Person(id="P2", name="李梅", birth_date=date(1980, 3, 9))],
    ...              relations=[Relation(person_id="P1", term="妻子", relative_name="李梅",
    ...                                  relative_birth_date=date(1980, 3, 1))])
    >>> resolve_relatives(ds)
    >>> ds.relations[0].relative_id, ds.candidates[0].decision
    ('P2', 'auto')
    """
    res = Resolver(ds)
    judged: dict[str, list[Judgement]] = defaultdict(list)
    for j in judgements:
        judged[j.reference].append(j)
    used: set[str] = set()
    shown = hidden = 0
    for rel in ds.relations:
        if judged:
            refs = references(rel)
            mine = [j for r in refs for j in judged.get(r, ())]
            used.update(r for r in refs if r in judged)
        elif rel.relative_id is not None or not (rel.relative_name or rel.relative_id_number):
            continue
        else:  # no judgements at all: the references are written only for a candidate
            refs, mine = (), []
        rejected = {j.person_id for j in mine if not j.confirm} if mine else set()
        made: list[Candidate] = []
        if mine and (confirmed := [j for j in mine if j.confirm and j.person_id not in rejected]):
            j = confirmed[0]
            if j.person_id in res.persons:
                rel.relative_id = j.person_id
                made.append(_candidate(rel, refs, j.person_id, 1.0, [
                    f"人工确认（{j.who} {j.when} {j.why}）".replace("  ", " ")], "confirmed"))
            else:
                ds.warnings.append(f"{j.where}：研判确认的人员编号“{j.person_id}”不在人员表中，已忽略")
        elif rel.relative_id is None:
            pid = res.by_number.get(rel.relative_id_number or "")
            if pid is not None and pid != rel.person_id and pid not in rejected:
                rel.relative_id = pid
                made.append(_candidate(rel, refs, pid, 1.0, ["身份证号一致"], "auto"))
            elif rel.relative_name:
                scored = res.candidates(rel)
                if not scored:
                    continue
                for pid in [p.id for _, _, p in scored if p.id in rejected]:  # best first
                    made.append(_candidate(rel, refs, pid, 0.0, ["人工否定"], "rejected"))
                scored = [s for s in scored if s[2].id not in rejected]
                sure = [s for s in scored if s[0] >= threshold]
                if len(sure) == 1:
                    rel.relative_id = sure[0][2].id
                    made.append(_candidate(rel, refs, sure[0][2].id, sure[0][0], sure[0][1], "auto"))
                else:
                    for score, why, p in scored:
                        if score > NAME or len(scored) == 1:
                            if len(sure) > 1:
                                why = why + ["多人条件相同，无法确定"]
                            made.append(_candidate(rel, refs, p.id, score, why, "candidate"))
        for c in made:
            if c.decision != "candidate":
                continue
            if shown < MAX_WARNINGS:
                shown += 1
                where = rel.src.label() if rel.src else "relations"
                ds.warnings.append(
                    f"{where}：{rel.person_id} 的{rel.term} {rel.relative_name} 可能是人员 "
                    f"{c.candidate_id}（{'、'.join(c.reasons)}，得分 {c.score:.2f}），未合并；"
                    f"如确认，请在研判文件中写入 引用“{c.reference}”、人员编号“{c.candidate_id}”、结论“确认”")
            else:
                hidden += 1
        ds.candidates.extend(made)
    if hidden:
        ds.warnings.append(f"另有 {hidden} 条候选亲属匹配未逐条列出，见 candidates")
    for ref, js in judged.items():
        if ref not in used:
            for j in js:
                ds.warnings.append(f"{j.where}：研判引用“{ref}”找不到对应的家庭成员及社会关系行，已忽略")
