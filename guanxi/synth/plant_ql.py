"""Planted qualification cases (QL01, QL03–QL08) with near-misses, in reserved entities.

Critical dates avoid the 1st of a month, so the writer never shortens them to the
month and every case stays decidable at day precision. QL02 (县处级 only) is not
planted: the reserved entities are 科级 health centres.
"""

from __future__ import annotations

from datetime import date

from guanxi.synth.careers import qualified
from guanxi.synth.model import Person
from guanxi.synth.plant import Planter
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY, Stage
from guanxi.synth.units import head_title


def vice(s: Stage, i: int, p: Person, start: date, end: date | None = None) -> None:
    """``p`` becomes 中层副职 of department ``i`` (promoted) from ``start``."""
    d = s.e.depts[i]
    qualified(p)
    s.w.posting(p, d.uid, "副" + d.head_title, "中层副职", "副职", start, end, "提拔")


def rise(s: Stage, i: int, p: Person, hired: date, vice_on: date, head_on: date | None,
         head_end: date | None = None) -> None:
    """Staff of department ``i`` from ``hired``, its 中层副职 from ``vice_on``, its head from ``head_on``."""
    s.staff(i, p, hired, vice_on)
    vice(s, i, p, vice_on, head_on)
    if head_on is not None:
        s.dept_head(i, p, head_on, head_end)


def ql01_tenure(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("女", 1982), s.person("男", 1983)
    rise(s, FINANCE, a, date(2010, 3, 10), date(2020, 6, 10), date(2021, 2, 10))
    rise(s, SURGERY, b, date(2011, 4, 12), date(2019, 5, 13), date(2020, 5, 13))
    s.finish()
    pl.found("QL01", [a], f"{a.name}任财务科副科长 8 个月即提任科长（中层正职须任副职满 1 年）")
    pl.found("QL06", [a], f"{a.name}任职年限不足、无请示批复，属违规破格提拔")
    pl.absent("QL01", [b], f"{b.name}任外科副主任恰满 1 年（2019-05-13 至 2020-05-13）后提任")
    pl.absent("QL06", [b], f"{b.name}任职年限已满，不属破格")
    pl.absent("QL08", [b], f"{b.name}两次提拔恰隔 12 个月，试用期已满")


def ql03_education(pl: Planter) -> None:
    s = pl.stage()
    c, d = s.person("男", 1980), s.person("女", 1981)
    rise(s, OFFICE, c, date(2005, 7, 11), date(2015, 3, 16), date(2018, 4, 17))
    rise(s, HR, d, date(2006, 7, 11), date(2016, 3, 16), date(2019, 4, 17))
    c.edu, d.edu = "中专", "大专"
    s.finish()
    pl.found("QL03", [c], f"{c.name}学历中专，2015、2018 年两次被提拔为中层干部")
    pl.found("QL06", [c], f"{c.name}学历不符合条件且无请示批复，属违规破格提拔")
    pl.absent("QL03", [d], f"{d.name}学历大专，符合大学专科以上要求")


def ql04_age(pl: Planter) -> None:
    s = pl.stage()
    e, f = s.person("男", 1975), s.person("女", 1981)
    s.staff(MEDICINE, e, date(2003, 8, 18), date(2021, 3, 10))
    vice(s, MEDICINE, e, date(2021, 3, 10))
    birthday = date(f.birth.year + 40, f.birth.month, f.birth.day)
    s.staff(NURSING, f, date(2004, 8, 18), birthday)
    vice(s, NURSING, f, birthday)
    s.finish()
    pl.found("QL04", [e], f"{e.name}{e.birth.year}年出生，2021-03-10 新提任中层副职时已超过 40 周岁")
    pl.absent("QL04", [f], f"{f.name}在 40 周岁生日当天（{birthday}）提任中层副职，未超过 40 周岁")


def ql05_skip(pl: Planter) -> None:
    s = pl.stage()
    g, h = s.person("男", 1984), s.person("女", 1985)
    for p, i, ref in ((g, MEDICINE, ""), (h, SURGERY, "瑞卫组函〔2020〕7号")):
        dept = s.e.depts[i]
        s.staff(i, p, date(2009, 9, 14), date(2020, 9, 22))
        s.dept_head(i, p, date(2020, 9, 22))
        title = head_title(dept)
        s.w.appointment(p, dept.uid, title, "一般", "中层正职", date(2020, 9, 22),
                        kind="越级" if ref else "提拔", approval=ref)
    s.finish()
    pl.found("QL05", [g], f"{g.name}由一般干部直接提任中层正职（越一级），无请示批复")
    pl.absent("QL05", [h], f"{h.name}越一级提任中层正职，有县委组织部批复")


def ql07_contract_staff(pl: Planter) -> None:
    s = pl.stage()
    i, j = s.person("女", 1986), s.person("男", 1990)
    rise(s, NURSING, i, date(2012, 5, 14), date(2017, 6, 19), date(2019, 6, 18))
    s.staff(OFFICE, j, date(2016, 5, 16))
    i.estab, j.estab = "编外", "编外"
    s.finish()
    pl.found("QL07", [i], f"编外人员{i.name}担任护理部副主任、主任")
    pl.absent("QL07", [j], f"编外人员{j.name}只任一般岗位")


def ql08_probation(pl: Planter) -> None:
    for late in (False, True):
        s = pl.stage()
        p = s.person("男", 1978 + late)
        first = date(2019 - late, 5, 16)
        again = date(2020, 1, 14) if not late else date(2019, 5, 16)
        rise(s, HR, p, date(2004, 2, 16), date(2010, 5, 18), date(2013, 5, 16), first)
        s.deputy(p, first, again)
        s.head(p, again, change="提拔")
        s.finish()
        if not late:
            pl.found("QL08", [p], f"{p.name}{first} 提任副院长（试用期一年），{again} 又提任院长")
        else:
            pl.absent("QL08", [p], f"{p.name}任副院长恰满一年（{first} 至 {again}）后提任院长")


SCENARIOS = [ql01_tenure, ql03_education, ql04_age, ql05_skip, ql07_contract_staff, ql08_probation]
