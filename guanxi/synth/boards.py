"""Deciding meetings for background selection cases: the entity's leaders in post that day.

A background 纪实 is written before the entity's later leaders exist, so its
meeting id is reserved at once and the meeting row is written at the end, when
every leadership post is known. Members related to the candidate stay away
(they recuse themselves), and the quorum always reaches two thirds, so the
background stays clean for the procedure and avoidance rules.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from guanxi.synth.model import Person

if TYPE_CHECKING:  # pragma: no cover
    from guanxi.synth.world import World

LEADER_ROLES = ("主要负责人", "副职")


class Boards:
    """Leadership posts per entity and the meetings waiting for them."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.body: dict[str, str] = {}
        self._posts: dict[str, list[tuple[Person, date, date | None]]] = defaultdict(list)
        self._pending: list[tuple[str, str, date, Person]] = []

    def unit(self, uid: str, entity: str, body: str = "") -> None:
        """Register a unit: its legal entity and (for an entity) the party body that decides."""
        self.parent[uid] = entity
        if body:
            self.body[uid] = body

    def post(self, p: Person, unit: str, role: str, start: date, end: date | None) -> None:
        if role in LEADER_ROLES:
            self._posts[unit].append((p, start, end))

    def defer(self, mid: str, unit: str, decided: date, candidate: Person) -> None:
        self._pending.append((mid, self.parent.get(unit, unit), decided, candidate))

    def flush(self, w: World) -> None:
        """Write every reserved meeting: members in post that day, kin of the candidate absent."""
        for mid, entity, day, cand in self._pending:
            members = [p for p, s, e in self._posts.get(entity, []) if s <= day and (e is None or day < e)]
            members = list({id(p): p for p in members}.values())
            came = [p for p in members if p is not cand and not _kin(p, cand) and not _kin(cand, p)]
            expected = len(members)
            if 3 * len(came) < 2 * expected:
                expected = len(came)
            w.out.row("meetings", (mid, entity, day.isoformat(), self.body.get(entity, "党委会"),
                                   expected or "", "、".join(p.pid for p in came)))
        self._pending.clear()


def _kin(a: Person, b: Person) -> bool:
    """Related within two family steps on either side (in-laws, uncles, grandparents included)."""
    near = _family(a)
    if any(x is b for x in near):
        return True
    return any(y is b for x in near for y in _family(x))


def _family(a: object) -> list[object]:
    out: list[object] = []
    for v in (getattr(a, "fam", None) or {}).values():
        out.extend(v if isinstance(v, list) else [v])
    out.extend(r[1] for r in getattr(a, "rows", None) or [])  # planted people's own form rows
    return out
