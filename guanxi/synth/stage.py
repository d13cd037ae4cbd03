"""Reserved entities for planted cases: scripted posts, then non-kin fillers for the rest."""

from __future__ import annotations

from datetime import date

from guanxi.synth.careers import qualified
from guanxi.synth.dates import add_months, rand_date
from guanxi.synth.families import emit
from guanxi.synth.model import Person, Relative, Unit
from guanxi.synth.places import RESERVED_HOMETOWNS
from guanxi.synth.units import deputy_title, entity, full_name, head_title
from guanxi.synth.world import World

PLANT_DEPTS = ("党政办公室", "人事科", "财务科", "纪检监察科", "内科", "外科", "护理部")
#: index of each department in a stage, for readable scenarios
OFFICE, HR, FINANCE, DISCIPLINE, MEDICINE, SURGERY, NURSING = range(7)
AUDIT = 7  # only in stages built with ``audit=True``


class Stage:
    """One reserved legal entity; only scripted people are kin of anybody in it."""

    def __init__(self, w: World, root: str, name: str, audit: bool = False,
                 since: date = date(2011, 1, 1)) -> None:
        self.w = w
        keep = PLANT_DEPTS + (("审计科",) if audit else ())
        self.e: Unit = entity(w, name, root, "医院", "瑞安市", len(keep), keep)
        self.since = since
        self.people: list[Person] = []
        self.has_head = False
        self.deputies = 0
        self.covered: set[int] = set()
        self.uncovered: set[int] = set()
        self.heads: set[int] = set()
        self.staffed: set[int] = set()

    # ---- people ------------------------------------------------------------------------
    def person(self, gender: str, born: int, *, surname: str | None = None,
               growth: str | None = None, pad: bool = True) -> Person:
        """A planted person: his form holds only the rows the scenario adds (plus a spouse)."""
        w = self.w
        p = w.person(gender, born, born, "瑞安市", "事业", surname, growth)
        if growth is None and p.growth in RESERVED_HOMETOWNS:  # pragma: no cover
            p.growth = "瑞安市安阳街道"
        p.scripted = True
        if pad and born < 1996:
            g = "女" if gender == "男" else "男"
            sp = w.relative(g, born - 2, born + 2, None, "瑞安市某公司 职员", 0.4)
            p.rows.append(("妻子" if gender == "男" else "丈夫", sp, ""))
        self.people.append(p)
        return p

    def filler(self, start_lo: date, start_hi: date) -> tuple[Person, date]:
        w = self.w
        start = rand_date(w.rng, start_lo, start_hi)
        p = w.person(None, start.year - 50, start.year - 26, "瑞安市", "事业")
        self.people.append(p)
        return p, start

    # ---- posts -------------------------------------------------------------------------
    def head(self, p: Person, start: date, end: date | None = None, change: str = "平级交流") -> None:
        e = self.e
        qualified(p)
        self.w.posting(p, e.uid, e.head_title, "正科", "主要负责人", start, end, change,
                       f"{e.name} {e.head_title}")
        self.has_head = True

    def deputy(self, p: Person, start: date, end: date | None = None,
               supervises: tuple[int, ...] = (), change: str = "提拔") -> None:
        e, w = self.e, self.w
        qualified(p)
        title = deputy_title(e)
        w.posting(p, e.uid, title, "副科", "副职", start, end, change, f"{e.name} {title}")
        for i in supervises:
            w.supervision(p, e.depts[i].uid, start, end)
            self.covered.add(i)
        self.deputies += 1

    def dept_head(self, i: int, p: Person, start: date, end: date | None = None,
                  change: str = "提拔") -> None:
        d = self.e.depts[i]
        qualified(p)
        title = head_title(d)
        self.w.posting(p, d.uid, title, "中层正职", "内设机构负责人", start, end, change,
                       f"{full_name(self.e, d)} {title}")
        self.heads.add(i)

    def staff(self, i: int, p: Person, start: date, end: date | None = None,
              change: str = "新录用", title: str | None = None) -> None:
        d = self.e.depts[i]
        t = title or self.w.rng.choice(d.staff_titles)
        self.w.posting(p, d.uid, t, "一般", "一般", start, end, change,
                       f"{full_name(self.e, d)} {t}")
        self.staffed.add(i)

    # ---- the rest ----------------------------------------------------------------------
    def finish(self) -> None:
        """Fill vacant posts with fillers who start well before any planted window."""
        lo, hi = add_months(self.since, -48), self.since
        if not self.has_head:
            p, s = self.filler(lo, hi)
            self.head(p, s)
        free = [i for i in range(len(self.e.depts))
                if i not in self.covered and i not in self.uncovered]
        n = max(0, 2 - self.deputies)
        for k in range(n):
            p, s = self.filler(lo, hi)
            self.deputy(p, s, supervises=tuple(free[k::n]))
        for i in range(len(self.e.depts)):
            if i not in self.heads:
                p, s = self.filler(lo, hi)
                self.dept_head(i, p, s)
            if i not in self.staffed:
                p, s = self.filler(lo, hi)
                self.staff(i, p, s)
        for p in self.people:
            emit(self.w, p)
            self.w.write_person(p)


def homonym(w: World, r: Relative, months: int) -> Relative:
    """Another relative with ``r``'s name, born ``months`` later (a different person)."""
    for shift in range(months, months + 24):
        birth = add_months(r.birth, shift)
        if w.claim(f"{r.name}|{birth.year}-{birth.month}"):
            return Relative(name=r.name, gender=r.gender, birth=birth, work=r.work)
    raise RuntimeError("no free homonym")  # pragma: no cover
