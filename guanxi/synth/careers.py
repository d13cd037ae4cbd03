"""Background careers inside one legal entity: 副职 lines, 内设机构负责人 lines, ordinary staff."""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import TODAY, add_months, rand_date
from guanxi.synth.families import link
from guanxi.synth.model import Person, Unit
from guanxi.synth.names import surname_of
from guanxi.synth.units import deputy_title, full_name, head_title
from guanxi.synth.world import World


class Crew:
    """The people of one group (a county system) while it is being generated."""

    def __init__(self, w: World, home: str, entities: list[Unit]) -> None:
        self.w = w
        self.home = home
        self.entities = entities
        self.people: list[Person] = []

    def estab(self, e: Unit) -> str:
        r = self.w.rng.random()
        if e.style == "局":
            return "行政" if r < 0.7 else ("参公" if r < 0.9 else "编外")
        return "事业" if r < 0.85 else ("编外" if r < 0.95 else "劳务派遣")

    def new(self, e: Unit, born_lo: int, born_hi: int, gender: str | None = None) -> Person:
        w = self.w
        kin: tuple[Person, str] | None = None
        surname = None
        # kin of an earlier recruit stay inside the asked birth years: a post never starts
        # after its holder's retirement
        if self.people and w.rng.random() < 0.05:
            q = self.people[int(w.rng.random() * len(self.people))]
            y = q.birth.year
            if born_lo <= y + 26 <= born_hi:
                kin, born_lo, born_hi = (q, "child"), max(born_lo, y + 24), min(born_hi, y + 34)
                surname = surname_of(q.name) if q.gender == "男" else None
            elif born_lo - 4 <= y <= born_hi + 4 and "spouse" not in q.fam and q.gender != gender:
                kin, born_lo, born_hi = (q, "spouse"), max(born_lo, y - 4), min(born_hi, y + 4)
                gender = "女" if q.gender == "男" else "男"
            elif born_lo - 6 <= y <= born_hi + 6:
                kin, born_lo, born_hi = (q, "sibling"), max(born_lo, y - 6), min(born_hi, y + 6)
                surname = surname_of(q.name)
        p = w.person(gender, born_lo, born_hi, self.home, self.estab(e), surname)
        if kin is not None:
            link(w, kin[0], p, kin[1])
        self.people.append(p)
        return p

    def close(self, p: Person, end: date | None) -> date | None:
        """The end of ``p``'s last post: as planned, or at 60 if he retires first."""
        retire = date(p.birth.year + 60, p.birth.month, min(p.birth.day, 28))
        if retire < TODAY and (end is None or retire < end):
            p.status, p.status_date = "退休", retire
            return retire
        return end

    def leave(self, p: Person, end: date) -> None:
        if p.status == "在职":
            p.status, p.status_date = ("退休" if p.age(end) >= 57 else "调出"), end


def qualified(p: Person) -> Person:
    """A background cadre meets the record rules: 在编, 学历 大专 or above (QL03, QL07)."""
    if p.estab not in ("行政", "参公", "事业"):
        p.estab = "事业"
    if p.edu in ("中专", "高中", "初中"):
        p.edu = "大专"
    return p


def dept_heads(c: Crew, e: Unit, d: Unit) -> None:
    """One line of heads for ``d``: each rises from its staff and steps back or retires."""
    w, rng = c.w, c.w.rng
    t = rand_date(rng, date(2003, 1, 1), date(2011, 12, 1))
    while t < TODAY:
        end: date | None = add_months(t, rng.randint(48, 120))
        if end is not None and end >= TODAY:
            end = None
        p = qualified(c.new(e, t.year - 40, t.year - 30))
        # a year or more as 中层副职 first (seed 003), entered at 40 or younger
        dep = add_months(t, -rng.randint(12, 36))
        hire = max(p.work_start or dep, add_months(dep, -12 * rng.randint(3, 10)))
        if hire < dep:
            w.posting(p, d.uid, rng.choice(d.staff_titles), "一般", "一般", hire, dep, "新录用")
        w.posting(p, d.uid, "副" + d.head_title, "中层副职", "副职", dep, t, "提拔")
        end2 = c.close(p, end)
        title = head_title(d)
        w.posting(p, d.uid, title, "中层正职", "内设机构负责人", t, end2, "提拔",
                  full_name(e, d) + " " + title)
        w.appointment(p, d.uid, title, "中层副职", "中层正职", t)
        if end is not None and end2 == end:
            if p.age(end) >= 55:
                c.leave(p, end)
            else:
                w.posting(p, d.uid, rng.choice(d.staff_titles), "一般", "一般", end,
                          c.close(p, None), "退出中层", full_name(e, d))
        t = end or TODAY


def deputies(c: Crew, e: Unit, line: int, lines: int) -> None:
    """One line of 副职; each holder supervises every ``lines``-th 内设机构 while in post."""
    w, rng = c.w, c.w.rng
    t = rand_date(rng, date(2004, 1, 1), date(2011, 12, 1))
    covered = [d for i, d in enumerate(e.depts) if i % lines == line]
    while t < TODAY:
        end: date | None = add_months(t, rng.randint(48, 108))
        if end is not None and end >= TODAY:
            end = None
        p = qualified(c.new(e, t.year - 50, t.year - 36))
        d = rng.choice(e.depts)
        prior = add_months(t, -12 * rng.randint(3, 8))
        if (p.work_start or prior) < prior:
            w.posting(p, d.uid, "副" + d.head_title, "中层副职", "一般",
                      prior, t, "调入")
        end2 = c.close(p, end)
        title = deputy_title(e)
        w.posting(p, e.uid, title, "副科", "副职", t, end2, "提拔", e.name + " " + title)
        w.appointment(p, e.uid, title, "中层正职", "副科", t)
        for cd in covered:
            w.supervision(p, cd.uid, t, end2)
        if end is not None and end2 == end:
            c.leave(p, end)
        t = end or TODAY


def staff(c: Crew, e: Unit, count: int) -> None:
    """``count`` ordinary staff: hired, then often moved between departments or entities."""
    w, rng = c.w, c.w.rng
    others = [x for x in c.entities if x is not e]
    for _ in range(count):
        p = c.new(e, 1962, 2001)
        lo = max(p.work_start or date(1990, 1, 1), date(1992, 1, 1))
        hi = min(TODAY, date(p.birth.year + 59, p.birth.month, 1))
        start = rand_date(rng, lo, max(add_months(lo, 1), hi))
        r = rng.random()
        moves = (1 if r < 0.62 else 0) + (1 if r < 0.22 else 0)
        if add_months(start, 24 * moves) >= TODAY:
            moves = 0
        stops = sorted(rand_date(rng, add_months(start, 12), TODAY) for _ in range(moves))
        outside = moves > 0 and others and rng.random() < 0.2
        change = "新录用"
        for k, stop in enumerate([*stops, None]):
            unit = rng.choice(others) if outside and k == 0 else e
            d = rng.choice(unit.depts)
            title = rng.choice(d.staff_titles)
            end = c.close(p, stop)
            w.posting(p, d.uid, title, "一般", "一般", start, end, change,
                      f"{full_name(unit, d)} {title}")
            if end != stop or stop is None or end == start:
                break
            start, change = stop, ("调入" if outside and k == 0 else "平级交流")
