"""Planted selection-case patterns (AV03, NP05, NP06) with their near-misses, in reserved entities."""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import month as m
from guanxi.synth.model import Person
from guanxi.synth.plant import Planter
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY, Stage
from guanxi.synth.units import head_title


def _promote(s: Stage, i: int, p: Person, since: date, on: date, **case: object) -> str:
    """``p`` works in department ``i`` from ``since`` and is promoted its head on ``on`` (with a 纪实)."""
    d = s.e.depts[i]
    s.staff(i, p, since, on)
    s.dept_head(i, p, on)
    title = head_title(d)
    return s.w.appointment(p, d.uid, title, "一般", "中层正职", on, **case)  # type: ignore[arg-type]


def _board(s: Stage, since: date) -> tuple[Person, Person, Person]:
    """A head and two deputies (the deciding meeting's members), in post from ``since``."""
    h, x, y = s.person("男", 1965), s.person("女", 1969), s.person("男", 1971)
    s.head(h, since)
    s.deputy(x, since, supervises=(OFFICE, HR))
    s.deputy(y, since, supervises=(MEDICINE, SURGERY))
    return h, x, y


def _leave(s: Stage, left: date) -> None:
    """A successor head from ``left`` (the planted head has just gone)."""
    succ, _ = s.filler(m(2009, 1), m(2011, 1))
    s.head(succ, left, change="平级交流")


# ---- AV03 -------------------------------------------------------------------------------
def av03_husband_in_meeting(pl: Planter) -> None:
    s = pl.stage()
    h, x, k = _board(s, m(2014, 3))
    c = s.person("女", 1976, pad=False)
    on = date(2021, 4, 16)
    mid = pl.w.meeting(s.e.uid, on, "党委会", [h, x, k], 3)
    aid = _promote(s, NURSING, c, m(2010, 9), on, meeting=mid)
    pl.w.inspection_team(aid, [x])
    k.rows.append(("妻子", c, "id"))
    s.finish()
    pl.found("AV03", [c, k], f"副院长{k.name}参加讨论决定其妻{c.name}任护理部主任的党委会，未回避")


def av03_uncle_in_team(pl: Planter) -> None:
    s = pl.stage()
    h, x, y = _board(s, m(2013, 8))
    g = pl.w.relative("女", 1958, 1962, None, "退休", with_id=0)
    u, c = s.person("男", 1964), s.person("男", 1988)
    s.dept_head(HR, u, m(2015, 2))
    on = date(2020, 11, 6)
    mid = pl.w.meeting(s.e.uid, on, "党委会", [h, x, y], 3)
    aid = _promote(s, SURGERY, c, m(2012, 7), on, meeting=mid)
    pl.w.inspection_team(aid, [u, x])
    c.rows.append(("母亲", g, ""))
    u.rows.append(("姐姐", g, ""))
    s.finish()
    pl.found("AV03", [c, u], f"人事科科长{u.name}是拟任人选{c.name}的舅舅（二人表上同填{g.name}，派生），"
             "担任其考察组成员未回避")


def av03_father_in_law_decides_and_inspects(pl: Planter) -> None:
    s = pl.stage()
    h, x, y = _board(s, m(2012, 10))
    c = s.person("女", 1986)
    on = date(2022, 5, 20)
    mid = pl.w.meeting(s.e.uid, on, "党委会", [h, x, y], 3)
    aid = _promote(s, MEDICINE, c, m(2011, 9), on, meeting=mid)
    pl.w.inspection_team(aid, [h, x])
    c.rows.append(("公公", h, "id"))
    s.finish()
    pl.found("AV03", [c, h], f"院长{h.name}既任其儿媳{c.name}的考察组成员，又参加讨论决定其任内科主任，均未回避")


def av03_near_misses(pl: Planter) -> None:
    s = pl.stage()
    h, x, k = _board(s, m(2014, 1))
    c = s.person("女", 1977, pad=False)
    on = date(2021, 6, 11)
    mid = pl.w.meeting(s.e.uid, on, "党委会", [h, x, k], 3)
    _promote(s, NURSING, c, m(2011, 3), on, meeting=mid, recused=(k,))
    k.rows.append(("妻子", c, "id"))
    pl.absent("AV03", [c, k], f"{k.name}虽在实到人员中，但纪实记录其已回避对其妻{c.name}的讨论")
    n = s.person("男", 1992)
    on2 = date(2022, 3, 18)
    mid2 = pl.w.meeting(s.e.uid, on2, "党委会", [h, x, k], 3)
    _promote(s, FINANCE, n, m(2015, 7), on2, meeting=mid2)
    h.rows.append(("内侄", n, "id"))
    pl.absent("AV03", [h, n], f"参会的院长{h.name}是{n.name}的姑父，{n.name}是其内侄（不在回避范围）")
    s.finish()


# ---- NP05 -------------------------------------------------------------------------------
def np05_recommends_after_leaving(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    lead, left = s.person("男", 1966), m(2018, 6)
    s.head(lead, m(2012, 3), left)
    t.head(lead, left)
    _leave(s, left)
    c = s.person("女", 1981)
    _promote(s, SURGERY, c, m(2008, 9), m(2019, 5), recommenders=(lead,))
    s.finish()
    t.finish()
    pl.found("NP05", [lead, c], f"{lead.name}2018年6月调离{s.e.name}后，署名推荐原单位{c.name}，"
             "2019年5月被提拔为外科主任")


def np05_daughter_after_deputy_left(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    d, left = s.person("男", 1964), m(2017, 3)
    s.deputy(d, m(2011, 5), left, supervises=(FINANCE,))
    t.deputy(d, left)
    dau = s.person("女", 1989)
    _promote(s, OFFICE, dau, m(2013, 8), m(2018, 10))
    d.rows.append(("女儿", dau, "id"))
    s.finish()
    t.finish()
    pl.found("NP05", [d, dau], f"副院长{d.name}2017年3月调离后19个月，其女{dau.name}在原单位被提拔为党政办公室主任")


def np05_nephew_recommended_after_leaving(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    d, left = s.person("女", 1966), m(2019, 2)
    s.deputy(d, m(2013, 7), left, supervises=(NURSING, OFFICE))
    t.head(d, left, change="提拔")
    nep = s.person("男", 1990)
    _promote(s, HR, nep, m(2014, 3), date(2020, 12, 4), recommenders=(d,))
    nep.rows.append(("姨妈", d, "id"))
    s.finish()
    t.finish()
    pl.found("NP05", [d, nep], f"副院长{d.name}2019年2月调任{t.e.name}院长后，署名推荐其外甥{nep.name}"
             "在原单位任人事科科长")


def np05_near_misses(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    a, left_a = s.person("男", 1963), m(2016, 1)
    s.head(a, m(2010, 6), left_a)
    t.deputy(a, left_a)
    _leave(s, left_a)
    c = s.person("男", 1982)
    _promote(s, MEDICINE, c, m(2009, 4), m(2018, 7), recommenders=(a,))
    pl.absent("NP05", [a, c], f"{a.name}离任30个月后才署名推荐{c.name}，超出24个月观察期")
    b, left_b = s.person("女", 1968), m(2019, 9)
    s.deputy(b, m(2012, 2), left_b, supervises=(NURSING,))
    t.deputy(b, left_b)
    e = s.person("女", 1985)
    _promote(s, NURSING, e, m(2010, 2), date(2019, 10, 10), recommenders=(b,))
    pl.absent("NP05", [b, e], f"{b.name}在任时（2019-08-29 民主推荐）署名推荐{e.name}，离任后才作决定")
    s.finish()
    t.finish()


# ---- NP06 -------------------------------------------------------------------------------
def np06_chief_son(pl: Planter) -> None:
    s = pl.stage()
    h, son = s.person("男", 1964), s.person("男", 1990)
    s.head(h, m(2013, 5))
    _promote(s, MEDICINE, son, m(2014, 9), date(2020, 9, 25))
    h.rows.append(("儿子", son, "id"))
    s.finish()
    pl.found("NP06", [h, son], f"院长{h.name}之子{son.name}在本院被提拔为内科主任，无请示批复")


def np06_supervisor_sister_in_law(pl: Planter) -> None:
    s = pl.stage()
    d, w = s.person("男", 1968), s.person("女", 1979)
    s.deputy(d, m(2014, 4), supervises=(FINANCE, NURSING))
    _promote(s, FINANCE, w, m(2011, 6), date(2021, 1, 15))
    d.rows.append(("弟媳", w, "id"))
    s.finish()
    pl.found("NP06", [d, w], f"分管财务科的副院长{d.name}之弟媳{w.name}被提拔为财务科科长，无请示批复")


def np06_recommends_nephew(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    h, nep = s.person("男", 1962), t.person("男", 1987)
    s.head(h, m(2012, 11))
    _promote(t, SURGERY, nep, m(2011, 8), date(2019, 12, 6), recommenders=(h,))
    h.rows.append(("侄子", nep, "id"))
    s.finish()
    t.finish()
    pl.found("NP06", [h, nep], f"{s.e.name}院长{h.name}署名推荐其侄子{nep.name}在{t.e.name}任外科主任")


def np06_near_misses(pl: Planter) -> None:
    s = pl.stage()
    h, dau = s.person("男", 1963), s.person("女", 1989)
    s.head(h, m(2012, 4))
    _promote(s, NURSING, dau, m(2012, 9), date(2020, 6, 5), approval="卫组复〔2020〕17号")
    h.rows.append(("女儿", dau, "id"))
    pl.absent("NP06", [h, dau], f"院长{h.name}之女{dau.name}的提拔已按报告事项报批（卫组复〔2020〕17号）")
    n = s.person("男", 1991)
    _promote(s, SURGERY, n, m(2015, 3), date(2021, 5, 14))
    h.rows.append(("内侄", n, "id"))
    pl.absent("NP06", [h, n], f"{n.name}是院长{h.name}的内侄，不在回避亲属范围")
    s.finish()


SCENARIOS = [
    av03_husband_in_meeting, av03_uncle_in_team, av03_father_in_law_decides_and_inspects,
    av03_near_misses,
    np05_recommends_after_leaving, np05_daughter_after_deputy_left,
    np05_nephew_recommended_after_leaving, np05_near_misses,
    np06_chief_son, np06_supervisor_sister_in_law, np06_recommends_nephew, np06_near_misses,
]
