"""Planted AV04 (地域回避), NP02 (同姓聚集), NP04 (随带身边工作人员) and PR11 (突击提拔), with near-misses."""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import add_months
from guanxi.synth.dates import month as m
from guanxi.synth.model import Person
from guanxi.synth.plant import Planter
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY, Stage
from guanxi.synth.units import head_title

_DEPTS = (MEDICINE, SURGERY, NURSING, FINANCE, HR)


def _county_body(pl: Planter, name: str, region: str, level: str = "正科") -> str:
    """A county-level body outside the health system (机关, no 内设机构), written as one units row."""
    w = pl.w
    uid = w.next_uid()
    w.out.row("units", (uid, name, "", "机关", level, region, "", 5, ""))
    return uid


def _post(pl: Planter, p: Person, uid: str, title: str, role: str, start: date,
          end: date | None = None, change: str = "平级交流") -> None:
    pl.w.posting(p, uid, title, "正科" if role == "主要负责人" else "副科", role, start, end, change)


# ---- AV04 -------------------------------------------------------------------------------
def av04_police_chief_at_home(pl: Planter) -> None:
    s = pl.stage()
    uid = _county_body(pl, "泰顺县公安局", "330329")
    chief = s.person("男", 1972, growth="泰顺县罗阳镇")
    _post(pl, chief, uid, "局长", "主要负责人", date(2019, 7, 16))
    deputy = s.person("男", 1975, growth="泰顺县罗阳镇")
    _post(pl, deputy, uid, "副局长", "副职", date(2018, 3, 12))
    s.finish()
    pl.found("AV04", [chief], f"{chief.name}任泰顺县公安局局长，成长地泰顺县罗阳镇，所在地代码 330329")
    pl.absent("AV04", [deputy], f"{deputy.name}同为泰顺县人，但任副局长，不属主要负责人")


def av04_organisation_head_by_birthplace(pl: Planter) -> None:
    s = pl.stage()
    uid = _county_body(pl, "中共文成县委组织部", "文成县")
    chief = s.person("女", 1974)
    chief.growth, chief.birthplace = "", "浙江省文成县大峃镇"
    _post(pl, chief, uid, "部长", "主要负责人", date(2020, 11, 9))
    s.finish()
    pl.found("AV04", [chief], f"{chief.name}任文成县委组织部部长，未填成长地，出生地为文成县大峃镇")


def av04_near_misses(pl: Planter) -> None:
    s = pl.stage()
    uid = _county_body(pl, "乐清市纪委监委", "330382")
    chief = s.person("男", 1970, growth="永嘉县桥头镇")
    _post(pl, chief, uid, "书记、主任", "主要负责人", date(2018, 5, 14))
    hosp = s.person("男", 1968, growth="瑞安市塘下镇")
    s.head(hosp, date(2016, 4, 18))
    s.finish()
    pl.absent("AV04", [chief], f"{chief.name}任乐清市纪委监委主要负责人，成长地为永嘉县，不在本地")
    pl.absent("AV04", [hosp], f"{hosp.name}在瑞安市任卫生院院长，卫生院不属地域回避范围")


# ---- NP02 -------------------------------------------------------------------------------
def np02_rare_surname_cluster(pl: Planter) -> None:
    s = pl.stage()
    same = [s.person("男" if k % 2 else "女", 1968 + 3 * k, surname="岑") for k in range(7)]
    for k, p in enumerate(same):
        s.staff(_DEPTS[k % len(_DEPTS)], p, date(2012 + k, 3 + k, 10))
    s.finish()
    pl.found("NP02", same, f"{s.e.name}在岗约 25 人中 7 人姓岑（稀有姓氏）", match="subset")


def np02_near_miss(pl: Planter) -> None:
    s = pl.stage()
    same = [s.person("女" if k % 2 else "男", 1975 + 4 * k, surname="陈") for k in range(3)]
    for k, p in enumerate(same):
        s.staff(_DEPTS[k], p, date(2015 + k, 6, 11))
    s.finish()
    pl.absent("NP02", same, f"{s.e.name}有 3 人姓陈，陈为本地常见姓氏，不显著")


# ---- NP04 -------------------------------------------------------------------------------
def _move(old: Stage, new: Stage, lead: Person, start: date, moved: date) -> None:
    """``lead`` heads ``old`` from ``start``, then ``new`` from ``moved`` (whose old head leaves)."""
    h0, st = new.filler(m(2009, 1), m(2011, 1))
    new.head(h0, st, moved)
    h0.status, h0.status_date = "调出", moved
    old.head(lead, start, moved)
    new.head(lead, moved, change="平级交流")


def np04_secretary_and_office_follow(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    lead = f.person("男", 1968)
    start, moved = date(2015, 4, 13), date(2019, 9, 16)
    _move(f, e, lead, start, moved)
    sec = f.person("男", 1988)
    f.staff(OFFICE, sec, date(2013, 8, 5), date(2020, 2, 17), title="科员")
    e.staff(OFFICE, sec, date(2020, 2, 17), change="调入", title="科员")
    lead.rows.append(("秘书", sec, "id"))
    off = f.person("女", 1985)
    f.staff(OFFICE, off, date(2016, 5, 9), date(2020, 6, 15), title="干事")
    e.staff(MEDICINE, off, date(2020, 6, 15), change="调入", title="科员")
    f.finish()
    e.finish()
    pl.found("NP04", [lead, sec, off], f"{lead.name}由{f.e.name}调任{e.e.name}院长后，其秘书{sec.name}"
             f"5个月后、原院办人员{off.name}9个月后相继调入")


def np04_driver_promoted(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    lead = f.person("男", 1966)
    moved = date(2018, 10, 15)
    _move(f, e, lead, date(2013, 6, 17), moved)
    drv = f.person("男", 1980)
    f.staff(OFFICE, drv, date(2010, 3, 8), date(2020, 5, 11), title="驾驶员")
    e.staff(OFFICE, drv, date(2020, 5, 11), date(2021, 4, 12), change="调入", title="科员")
    e.dept_head(OFFICE, drv, date(2021, 4, 12))
    lead.rows.append(("司机", drv, "id"))
    f.finish()
    e.finish()
    pl.found("NP04", [lead, drv], f"{lead.name}的司机{drv.name}在其调任{e.e.name}19个月后调入，"
             "次年在其任内被提拔为办公室主任")


def np04_near_misses(pl: Planter) -> None:
    f, e = pl.stage(), pl.stage()
    lead = f.person("男", 1969)
    start, moved = date(2016, 2, 15), date(2019, 3, 18)
    _move(f, e, lead, start, moved)
    late = f.person("女", 1987)
    f.staff(OFFICE, late, date(2012, 9, 10), date(2021, 1, 18), title="科员")
    e.staff(NURSING, late, date(2021, 1, 18), change="调入", title="护士")
    lead.rows.append(("秘书", late, "id"))
    old = f.person("男", 1982)
    f.staff(OFFICE, old, date(2009, 4, 13), date(2015, 11, 16), title="科员")
    f.staff(MEDICINE, old, date(2015, 11, 16), date(2019, 7, 15), title="医师")
    e.staff(MEDICINE, old, date(2019, 7, 15), change="调入", title="医师")
    f.finish()
    e.finish()
    pl.absent("NP04", [lead, late], f"{lead.name}的秘书{late.name}22个月后才调入且未提拔")
    pl.absent("NP04", [lead, old], f"{old.name}只在前任院长时期在办公室工作，{lead.name}到任时已转岗")


# ---- PR11 -------------------------------------------------------------------------------
def _promoted(s: Stage, i: int, p: Person, since: date, on: date, appoint: bool = False) -> None:
    s.staff(i, p, since, on)
    s.dept_head(i, p, on)
    if appoint:
        d = s.e.depts[i]
        s.w.appointment(p, d.uid, head_title(d), "一般", "中层正职", on)


def pr11_burst_before_leaving(pl: Planter) -> None:
    s, g = pl.stage(), pl.stage()
    lead = s.person("男", 1965)
    left = date(2021, 6, 21)
    s.head(lead, date(2016, 3, 14), left)
    g.head(lead, left, change="平级交流")
    burst = [s.person("女" if k % 2 else "男", 1978 + k) for k in range(4)]
    days = (date(2021, 4, 12), date(2021, 5, 10), date(2021, 5, 24), date(2021, 6, 7))
    for k, (p, on) in enumerate(zip(burst, days)):
        _promoted(s, _DEPTS[k], p, date(2010, 4, 12), on)
    s.finish()
    g.finish()
    pl.found("PR11", [lead, *burst], f"{lead.name}离任前 90 天内{s.e.name}提拔 4 人，任内此前几无提拔")


def pr11_after_move_decided(pl: Planter) -> None:
    s, g = pl.stage(), pl.stage()
    lead = s.person("男", 1966)
    left, decided = date(2022, 9, 19), date(2022, 4, 18)
    s.head(lead, date(2017, 8, 14), left)
    g.head(lead, left, change="提拔")
    pl.w.appointment(lead, g.e.uid, g.e.head_title, "正科", "副处", decided)
    burst = [s.person("男" if k % 2 else "女", 1980 + k) for k in range(3)]
    for k, (p, on) in enumerate(zip(burst, (date(2022, 5, 16), date(2022, 6, 13),
                                             date(2022, 8, 15)))):
        _promoted(s, _DEPTS[k], p, date(2011, 5, 9), on, appoint=True)
    s.finish()
    g.finish()
    pl.found("PR11", [lead, *burst], f"{lead.name}调任于 {decided} 已决定，其后至离任{s.e.name}提拔 3 人")


def pr11_near_miss_usual_rate(pl: Planter) -> None:
    s = pl.stage()
    lead = s.person("男", 1964)
    start, left = date(2018, 1, 15), date(2020, 1, 13)
    s.head(lead, start, left)
    lead.status, lead.status_date = "调出", left
    steady = [s.person("女" if k % 2 else "男", 1976 + k % 10) for k in range(15)]
    for k, p in enumerate(steady):
        s.staff(_DEPTS[k % len(_DEPTS)], p, date(2011, 2, 14), add_months(date(2018, 2, 12), k))
        s.w.posting(p, s.e.depts[_DEPTS[k % len(_DEPTS)]].uid, "副主任", "中层副职", "一般",
                    add_months(date(2018, 2, 12), k), None, "提拔")
    last = [s.person("男", 1985 + k) for k in range(3)]
    for k, p in enumerate(last):
        _promoted(s, (OFFICE, SURGERY, NURSING)[k], p, date(2012, 3, 12),
                  (date(2019, 10, 21), date(2019, 11, 18), date(2019, 12, 16))[k])
    s.finish()
    pl.absent("PR11", [lead, *last], f"{lead.name}任内每月约提拔 0.7 人，离任前 3 人与常规频率相当")


SCENARIOS = [av04_police_chief_at_home, av04_organisation_head_by_birthplace, av04_near_misses,
             np02_rare_surname_cluster, np02_near_miss,
             np04_secretary_and_office_follow, np04_driver_promoted, np04_near_misses,
             pr11_burst_before_leaving, pr11_after_move_decided, pr11_near_miss_usual_rate]
