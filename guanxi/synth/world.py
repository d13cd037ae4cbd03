"""The generation context: seeded randomness, id counters, name uniqueness, the writers."""

from __future__ import annotations

import random
import zlib
from datetime import date

from guanxi.synth import idcard
from guanxi.synth.boards import Boards
from guanxi.synth.dates import add_months, fmt, fmt_birth, rand_date, workday
from guanxi.synth.model import Person, Relative
from guanxi.synth.names import NameGen
from guanxi.synth.places import PlaceGen
from guanxi.synth.writer import Writer

EDUCATION = ("研究生", "大学", "大学", "大学", "大专", "大专", "中专", "硕士研究生", "大学本科")


class World:
    """Everything the generators share; one instance per ``generate`` call."""

    def __init__(self, writer: Writer, seed: int, persons: int) -> None:
        self.rng = random.Random(seed)
        self.names = NameGen(self.rng)
        self.places = PlaceGen(self.rng)
        self.out = writer
        self._pid = 0
        self._uid = 0
        self._aid = 0
        self._mid = 0
        #: leadership posts and the background meetings they will attend (synth.boards)
        self.boards = Boards()
        bits = 1 << max(20, (persons * 4 * 64).bit_length())
        self._mask = bits - 1
        self._seen = bytearray(bits // 8)

    # ---- ids ---------------------------------------------------------------------------
    def next_pid(self) -> str:
        self._pid += 1
        return f"P{self._pid:07d}"

    def next_uid(self) -> str:
        self._uid += 1
        return f"U{self._uid:06d}"

    def next_aid(self) -> str:
        self._aid += 1
        return f"A{self._aid:07d}"

    @property
    def person_count(self) -> int:
        return self._pid

    # ---- uniqueness: no two people share (name, birth month) or an ID number ------------
    def claim(self, key: str) -> bool:
        """Reserve ``key``; False if it (or a hash twin) was taken, so the caller redraws."""
        h = zlib.crc32(key.encode()) & self._mask
        byte, bit = h >> 3, 1 << (h & 7)
        if self._seen[byte] & bit:
            return False
        self._seen[byte] |= bit
        return True

    def unique_name(self, gender: str, birth: date, surname: str | None = None) -> str:
        for _ in range(200):
            name = self.names.name(gender, birth.year, surname)
            if self.claim(f"{name}|{birth.year}-{birth.month}"):
                return name
        raise RuntimeError("name space exhausted")  # pragma: no cover

    def id_number(self, region: str, birth: date, gender: str) -> str:
        while True:
            number = idcard.make(region, birth, int(self.rng.random() * 500), gender)
            if self.claim("I" + number):
                return number

    # ---- people --------------------------------------------------------------------------
    def person(self, gender: str | None, born_lo: int, born_hi: int, home: str,
               estab: str = "事业", surname: str | None = None,
               growth: str | None = None) -> Person:
        """A new roster person born in ``[born_lo, born_hi]`` and working in county ``home``."""
        rng = self.rng
        g = gender or ("男" if rng.random() < 0.48 else "女")
        birth = rand_date(rng, date(born_lo, 1, 1), date(born_hi, 12, 28))
        town, native, code = self.places.hometown(home)
        if growth:
            town = growth
        name = self.unique_name(g, birth, surname)
        work_start = add_months(birth, 12 * rng.randint(19, 25) + rng.randint(0, 11))
        party = add_months(work_start, 12 * rng.randint(1, 12)) if rng.random() < 0.45 else None
        return Person(
            pid=self.next_pid(), name=name, gender=g, birth=birth,
            idno=self.id_number(code, birth, g), native=native,
            birthplace=town if rng.random() < 0.8 else "", growth=town,
            edu=rng.choice(EDUCATION), work_start=work_start, party=party, estab=estab,
        )

    def relative(self, gender: str, born_lo: int, born_hi: int, surname: str | None = None,
                 work: str = "", with_id: float = 0.4, region: str = "330381") -> Relative:
        """A relative described on a form, unique by (name, birth month) and ID number."""
        rng = self.rng
        birth = rand_date(rng, date(born_lo, 1, 1), date(born_hi, 12, 28))
        name = self.unique_name(gender, birth, surname)
        idno = self.id_number(region, birth, gender) if rng.random() < with_id else None
        return Relative(name=name, gender=gender, birth=birth, idno=idno, work=work)

    # ---- rows ----------------------------------------------------------------------------
    def write_person(self, p: Person) -> None:
        rng = self.rng
        self.out.row("persons", (
            p.pid, p.name, p.gender, fmt_birth(rng, p.birth), p.idno, p.native, p.birthplace,
            p.growth, p.edu, fmt(rng, p.work_start), fmt(rng, p.party), p.estab, p.status,
            fmt(rng, p.status_date), p.hire_ok or ("是" if p.estab in ("编外", "劳务派遣") else ""),
        ))

    def posting(self, p: Person, unit: str, title: str, rank: str, role: str, start: date,
                end: date | None, change: str, work: str = "") -> None:
        rng = self.rng
        self.out.row("postings", (p.pid, unit, title, rank, role, fmt(rng, start),
                                  fmt(rng, end), change))
        self.boards.post(p, unit, role, start, end)
        if work and end is None:
            p.work = work

    def supervision(self, leader: Person, unit: str, start: date, end: date | None) -> None:
        self.out.row("supervision", (leader.pid, unit, fmt(self.rng, start), fmt(self.rng, end)))

    def appointment(self, p: Person, unit: str, title: str, rank_from: str, rank_to: str,
                    decided: date, *, kind: str = "提拔", approval: str = "",
                    recommenders: tuple[Person, ...] = (), meeting: str = "",
                    recused: tuple[Person, ...] = ()) -> str:
        """The 纪实 of a promotion decided on ``decided``, with its steps in order; returns its id."""
        d = decided.toordinal()
        iso = [date.fromordinal(d + k).isoformat() for k in (-56, -42, -28, -21, -20, -19, -18, 0)]
        # 公示 from the next working day for 5 working days (调休 and holidays), 发文 the day after
        start = workday(date.fromordinal(d + 1))
        end = workday(start, 5)
        issued = workday(date.fromordinal(end.toordinal() + 1))
        iso += [start.isoformat(), end.isoformat(), issued.isoformat()]
        if not meeting:  # background: the entity's leaders meet; the row is written at the end
            self._mid += 1
            meeting = f"M{self._mid:07d}"
            self.boards.defer(meeting, unit, decided, p)
        n = self.rng.randint(25, 60)
        aid = self.next_aid()
        self.out.row("appointments", (
            aid, p.pid, unit, title, rank_from, rank_to, kind, iso[0], iso[1], n,
            n - self.rng.randint(0, 4), iso[2], iso[3], iso[4], iso[5], iso[6], iso[7], iso[8],
            iso[9], iso[10], approval, "、".join(r.pid for r in recommenders), meeting,
            "、".join(r.pid for r in recused),
        ))
        return aid

    def meeting(self, unit: str, day: date, body: str, attendees: list[Person],
                expected: int) -> str:
        """A deciding meeting (会议) with its attendees; returns its id."""
        self._mid += 1
        mid = f"M{self._mid:07d}"
        self.out.row("meetings", (mid, unit, day.isoformat(), body, expected,
                                  "、".join(a.pid for a in attendees)))
        return mid

    def discipline(self, p: Person, kind: str, decided: date, conduct_from: date | None = None,
                   closed: date | None = None) -> None:
        """A sanction, measure or open case (处分处理); dates written in full (never month-only)."""
        rng = self.rng
        self.out.row("disciplines", (p.pid, kind, fmt(rng, decided, 0.0), fmt(rng, conduct_from, 0.0),
                                     fmt(rng, closed, 0.0)))

    def review(self, p: Person, year: int, result: str) -> None:
        """One annual review (年度考核)."""
        self.out.row("reviews", (p.pid, year, result))

    def inspection_team(self, appointment: str, members: list[Person]) -> None:
        """The 考察组 of one case, one row per member."""
        for m in members:
            self.out.row("inspection_teams", (appointment, m.pid))
