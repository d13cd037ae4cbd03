"""Planted discipline cases (DS01–DS03) with near-misses: influence periods, open cases, reviews.

Sanction dates are written in full (never month-only) and sit off the 1st, so the
period arithmetic is decidable at day precision: a 记过 of 2020-03-10 runs through
2021-03-09, and a promotion on 2021-03-10 is the near-miss.
"""

from __future__ import annotations

from datetime import date

from guanxi.synth.plant import Planter
from guanxi.synth.plant_ql import vice
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY
from guanxi.synth.units import head_title


def ds01_influence(pl: Planter) -> None:
    s = pl.stage()
    w = pl.w
    a, b, c = s.person("男", 1980), s.person("女", 1981), s.person("男", 1982)
    s.staff(FINANCE, a, date(2008, 3, 17), date(2021, 11, 15))
    vice(s, FINANCE, a, date(2021, 11, 15))
    w.discipline(a, "记过", date(2021, 3, 10))
    s.staff(MEDICINE, b, date(2009, 3, 16), date(2021, 3, 10))
    vice(s, MEDICINE, b, date(2021, 3, 10))
    w.discipline(b, "记过", date(2020, 3, 10))
    s.staff(SURGERY, c, date(2010, 3, 15), date(2022, 3, 16))
    vice(s, SURGERY, c, date(2022, 3, 16))
    w.discipline(c, "记过", date(2021, 1, 12))
    w.discipline(c, "党内警告", date(2021, 6, 15))
    s.finish()
    pl.found("DS01", [a], f"{a.name}2021-03-10 受记过处分（影响期至 2022-03-09），2021-11-15 被提拔")
    pl.absent("DS01", [b], f"{b.name}2020-03-10 受记过处分，影响期至 2021-03-09；2021-03-10 提拔时已期满")
    pl.found("DS01", [c], f"{c.name}记过影响期至 2022-01-11 已满，但党内警告影响期至 2022-06-14，"
             "2022-03-16 提拔在后者内（重叠时取较晚者）")


def ds02_case_open(pl: Planter) -> None:
    s = pl.stage()
    w = pl.w
    d, e, f = s.person("男", 1979), s.person("女", 1980), s.person("男", 1978)
    s.staff(HR, d, date(2007, 4, 16), date(2021, 5, 12))
    vice(s, HR, d, date(2021, 5, 12))
    w.discipline(d, "立案审查", date(2021, 2, 10), closed=date(2021, 9, 20))
    s.staff(NURSING, e, date(2007, 4, 16), date(2021, 5, 12))
    vice(s, NURSING, e, date(2021, 5, 12))
    w.discipline(e, "立案审查", date(2020, 2, 10), closed=date(2020, 8, 20))
    s.staff(OFFICE, f, date(2006, 4, 17), date(2020, 6, 15))
    vice(s, OFFICE, f, date(2020, 6, 15))
    w.discipline(f, "记过", date(2022, 3, 10), conduct_from=date(2019, 11, 11))
    s.finish()
    pl.found("DS02", [d], f"{d.name}2021-02-10 被立案审查、2021-09-20 结案，其间 2021-05-12 被提拔")
    pl.absent("DS02", [e], f"{e.name}的立案审查 2020-08-20 已结案，2021 年才提拔")
    pl.found("DS02", [f], f"{f.name}2020-06-15 提拔，2022-03-10 因 2019-11 起的违纪行为受记过处分")


def ds03_review(pl: Planter) -> None:
    s = pl.stage()
    w = pl.w
    g, h = s.person("女", 1983), s.person("男", 1984)
    for p, i in ((g, MEDICINE), (h, SURGERY)):
        dept = s.e.depts[i]
        s.staff(i, p, date(2008, 5, 19), date(2020, 6, 15))
        vice(s, i, p, date(2020, 6, 15), date(2021, 6, 21))
        s.dept_head(i, p, date(2021, 6, 21))
        title = head_title(dept)
        w.appointment(p, dept.uid, title, "中层副职", "中层正职", date(2021, 6, 21))
    w.review(g, 2020, "基本称职")
    w.review(h, 2019, "基本称职")
    w.review(h, 2020, "称职")
    s.finish()
    pl.found("DS03", [g], f"{g.name}2020 年度考核基本称职，2021 年被列为考察对象并提拔")
    pl.absent("DS03", [h], f"{h.name}基本称职是 2019 年度的，上一年（2020 年）称职")


SCENARIOS = [ds01_influence, ds02_case_open, ds03_review]
