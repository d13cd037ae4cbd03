"""Planted NP03 cohorts: a new 主要负责人 followed by people from his former units or hometown."""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import add_months
from guanxi.synth.dates import month as m
from guanxi.synth.model import Person
from guanxi.synth.plant import Planter
from guanxi.synth.stage import MEDICINE, NURSING, OFFICE, SURGERY, Stage

_DEPTS = (MEDICINE, SURGERY, NURSING, OFFICE)


def _arrive(pl: Planter, s: Stage, start: date) -> Person:
    """Replace the filler head at ``start``: the old head leaves the system."""
    h0, st = s.filler(m(2009, 1), m(2011, 1))
    s.head(h0, st, start)
    h0.status, h0.status_date = "调出", start
    return h0


def _hire(s: Stage, on: date, k: int, growth: str | None = None) -> Person:
    p = s.person("女" if k % 2 else "男", on.year - 24 - k % 5, growth=growth)
    s.staff(_DEPTS[k % len(_DEPTS)], p, on)
    return p


def _transfer(src: Stage, dst: Stage, since: date, on: date, k: int) -> Person:
    p = src.person("男" if k % 2 else "女", since.year - 25 - k % 4)
    src.staff(_DEPTS[k % len(_DEPTS)], p, since, on)
    dst.staff(_DEPTS[(k + 1) % len(_DEPTS)], p, on, change="调入")
    return p


def _hires(s: Stage, start: date, offsets: tuple[int, ...], growth: str | None = None) -> list[Person]:
    return [_hire(s, add_months(start, o), k, growth) for k, o in enumerate(offsets)]


def np03_former_unit(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    home, start = pl.hometown(), m(2018, 9)
    lead = f.person("男", 1970, growth=home)
    f.deputy(lead, m(2012, 3), start, supervises=(MEDICINE,))
    _arrive(pl, e, start)
    e.head(lead, start, change="平级交流")
    linked = [_transfer(f, e, m(2010 + k, 4), add_months(start, o), k)
              for k, o in enumerate((3, 7, 12))]
    linked += _hires(e, start, (10,), home)
    _hires(e, start, (5, 15))
    _hires(e, start, (-20, -16, -12, -8, -4))
    f.finish()
    e.finish()
    pl.found("NP03", [lead, *linked], f"{lead.name}任{e.e.name}院长后24个月内调入的7人中，"
             f"3人来自其原任职的{f.e.name}、1人与其同为{home}人", match="subset")


def np03_hometown(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    home, start = pl.hometown(), m(2019, 4)
    lead = f.person("男", 1968, growth=home)
    f.deputy(lead, m(2013, 6), start, supervises=(SURGERY,))
    _arrive(pl, e, start)
    e.head(lead, start)
    linked = _hires(e, start, (2, 6, 9, 14), home)
    pro = e.person("男", 1984, growth=home)
    e.staff(MEDICINE, pro, m(2012, 5), add_months(start, 8))
    e.dept_head(SURGERY, pro, add_months(start, 8))
    _hires(e, start, (11,))
    _hires(e, start, (-22, -15, -9, -3))
    f.finish()
    e.finish()
    pl.found("NP03", [lead, *linked, pro], f"{lead.name}到任后新进及提拔的6人中5人成长地为{home}，"
             "与其相同", match="subset")


def np03_two_former_units(pl: Planter) -> None:
    f1, f2, e = pl.stage(), pl.stage(), pl.stage()
    start = m(2019, 10)
    lead = f1.person("男", 1967, growth=pl.hometown())
    f1.head(lead, m(2010, 3), m(2014, 6))
    f2.head(lead, m(2014, 6), start)
    _arrive(pl, e, start)
    e.head(lead, start)
    linked = [_transfer(f1, e, m(2011, 2), add_months(start, 4), 0),
              _transfer(f1, e, m(2012, 8), add_months(start, 9), 1),
              _transfer(f2, e, m(2015, 3), add_months(start, 6), 2),
              _transfer(f2, e, m(2016, 1), add_months(start, 14), 3)]
    _hires(e, start, (2, 18))
    _hires(e, start, (-21, -17, -11, -7, -2))
    for s in (f1, f2, e):
        s.finish()
    pl.found("NP03", [lead, *linked], f"{lead.name}到任后调入6人中4人来自其原任职的"
             f"{f1.e.name}、{f2.e.name}", match="subset")


def np03_near_misses(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    start = m(2020, 3)
    lead = f.person("男", 1971, growth=pl.hometown())
    f.deputy(lead, m(2013, 1), start, supervises=(NURSING,))
    _arrive(pl, e, start)
    e.head(lead, start)
    two = [_transfer(f, e, m(2014, 5), add_months(start, 5), 0),
           _transfer(f, e, m(2015, 7), add_months(start, 12), 1)]
    _hires(e, start, (1, 3, 6, 9, 13, 16, 19, 22))
    _hires(e, start, (-20, -14, -8, -3))
    f.finish()
    e.finish()
    pl.absent("NP03", [lead, *two], f"{lead.name}到任后仅2人来自其原单位，不足3人且比例不足30%")
    g = pl.stage()
    home, start = pl.hometown(), m(2019, 7)
    lead2 = g.person("男", 1969, growth=home)
    _arrive(pl, g, start)
    g.head(lead2, start, change="调入")
    _hires(g, start, (-22, -18, -13, -9, -5), home)
    _hires(g, start, (-2,))
    after = _hires(g, start, (3, 7, 11, 18), home)
    _hires(g, start, (15,))
    g.finish()
    pl.absent("NP03", [lead2, *after], f"{g.e.name}在{lead2.name}到任前两年新进人员已多来自{home}，"
              "到任后比例未显著升高")


SCENARIOS = [np03_former_unit, np03_hometown, np03_two_former_units, np03_near_misses]
