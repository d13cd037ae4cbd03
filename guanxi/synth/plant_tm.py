"""Planted tenure (TM01–TM03) and archive (AR01–AR02) cases, each with near-misses on the boundary.

Dates that decide a case are off the 1st of the month, so the writer never
shortens them to a month-only form; a near-miss sits just outside the rule
(three changes spread over 37 months, a new post 5 months after leaving 中层).
"""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import add_months
from guanxi.synth.plant import Planter
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY


def tm01_frequent(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1983), s.person("女", 1984)
    s.staff(MEDICINE, a, date(2008, 3, 17), date(2021, 2, 8))
    s.dept_head(SURGERY, a, date(2021, 2, 8), date(2022, 1, 12))
    s.dept_head(NURSING, a, date(2022, 1, 12), date(2023, 6, 19), change="平级交流")
    s.dept_head(OFFICE, a, date(2023, 6, 19), change="平级交流")
    s.staff(FINANCE, b, date(2009, 3, 16), date(2019, 2, 11))
    s.dept_head(FINANCE, b, date(2019, 2, 11), date(2020, 8, 10))
    s.dept_head(HR, b, date(2020, 8, 10), date(2022, 3, 14), change="平级交流")
    s.dept_head(MEDICINE, b, date(2022, 3, 14), change="平级交流")
    s.finish()
    pl.found("TM01", [a], f"{a.name}2021-02-08 至 2023-06-19 的 28 个月内岗位变动 3 次")
    pl.absent("TM01", [b], f"{b.name}三次岗位变动 2019-02-11、2020-08-10、2022-03-14 跨 37 个月，不在 36 个月内")


def tm02_long_tenure(pl: Planter) -> None:
    s = pl.stage(since=date(2021, 1, 1))
    a, b = s.person("男", 1972), s.person("女", 1975)
    s.deputy(a, date(2010, 6, 15), supervises=(MEDICINE,))
    s.dept_head(FINANCE, b, date(2009, 5, 12), date(2021, 5, 12))
    s.dept_head(HR, b, date(2021, 5, 12), change="平级交流")
    s.finish()
    pl.found("TM02", [a], f"{a.name}自 2010-06-15 起任{s.e.name}副院长至今超过 10 年")
    pl.absent("TM02", [b], f"{b.name}任中层 17 年，但 2021-05-12 由财务科转任人事科，现岗位不满 10 年")


def tm03_no_post(pl: Planter) -> None:
    s = pl.stage()
    a, b, c = s.person("男", 1974), s.person("女", 1976), s.person("男", 1964)
    s.staff(SURGERY, a, date(2003, 7, 14), date(2013, 5, 13))
    s.dept_head(SURGERY, a, date(2013, 5, 13), date(2021, 9, 15))
    s.staff(NURSING, b, date(2004, 7, 12), date(2014, 3, 17))
    s.dept_head(NURSING, b, date(2014, 3, 17), date(2022, 4, 12))
    s.staff(NURSING, b, date(2022, 9, 20), change="退出中层")
    s.staff(OFFICE, c, date(1996, 7, 15), date(2012, 3, 12))
    s.dept_head(OFFICE, c, date(2012, 3, 12), date(2023, 2, 10))
    c.status, c.status_date = "退休", date(2023, 5, 20)
    s.finish()
    pl.found("TM03", [a], f"{a.name}2021-09-15 免去外科主任后至今未安排工作，仍在职")
    pl.absent("TM03", [b], f"{b.name}2022-04-12 退出中层，2022-09-20（5 个月后）安排在护理部工作")
    pl.absent("TM03", [c], f"{c.name}2023-02-10 免去办公室主任，3 个月后（2023-05-20）退休")


def ar01_archive(pl: Planter) -> None:
    s = pl.stage()
    a, b, c = s.person("男", 1978), s.person("女", 1980), s.person("男", 1979)
    for p in (a, b, c):
        p.work_start = add_months(p.birth, 12 * 21 + 2)
    a.party = add_months(a.birth, 12 * 17 - 2)
    b.party = add_months(b.birth, 12 * 18 + 2)
    c.work_start = add_months(c.birth, 12 * 15 + 1)
    s.staff(MEDICINE, a, add_months(a.birth, 12 * 23))
    s.staff(SURGERY, b, add_months(b.birth, 12 * 23))
    s.staff(NURSING, c, add_months(c.birth, 12 * 23))
    s.finish()
    pl.found("AR01", [a], f"{a.name}入党时未满 18 周岁（出生 {a.birth}，入党 {a.party}）")
    pl.absent("AR01", [b], f"{b.name}入党时 18 周岁零 2 个月")
    pl.found("AR01", [c], f"{c.name}参加工作时 15 周岁（出生 {c.birth}，参加工作 {c.work_start}）")


def ar02_naked_official(pl: Planter) -> None:
    s, w = pl.stage(), pl.w
    a, b = s.person("男", 1970), s.person("女", 1971, pad=False)
    c, d = s.person("男", 1972), s.person("男", 1973)
    a.rows[0][1].emigrated = True
    for g in ("男", "女"):
        kid = w.relative(g, 1995, 1999, None, "在国外", 0.3)
        kid.emigrated = True
        b.rows.append(("儿子" if g == "男" else "女儿", kid, ""))
    kid = w.relative("女", 1996, 2000, None, "在国外", 0.3)
    kid.emigrated = True
    c.rows.append(("女儿", kid, ""))
    d.rows[0][1].emigrated = True
    s.deputy(a, date(2016, 4, 18), supervises=(MEDICINE,))
    s.deputy(b, date(2017, 9, 11), supervises=(SURGERY,))
    s.head(c, date(2018, 3, 12))
    s.staff(NURSING, d, date(2001, 7, 16))
    s.finish()
    pl.found("AR02", [a], f"{a.name}任副院长，其妻已移居国（境）外")
    pl.found("AR02", [b], f"{b.name}任副院长，无配偶，两个子女均已移居国（境）外")
    pl.absent("AR02", [c], f"{c.name}任院长，女儿移居国外但配偶在国内")
    pl.absent("AR02", [d], f"{d.name}妻子已移居国外，但本人为一般工作人员")


SCENARIOS = [tm01_frequent, tm02_long_tenure, tm03_no_post, ar01_archive, ar02_naked_official]
