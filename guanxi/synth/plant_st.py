"""Planted staffing cases (ST01–ST03) with near-misses: quotas, unit levels, unapproved hires."""

from __future__ import annotations

from datetime import date

from guanxi.synth.dates import month as m
from guanxi.synth.plant import Planter
from guanxi.synth.stage import MEDICINE, NURSING, SURGERY


def st01_five_leaders(pl: Planter) -> None:
    """Leader quota 4: a head and four deputies hold posts together for a while."""
    s = pl.stage()
    h = s.person("男", 1966)
    s.head(h, m(2012, 5))
    deps = [s.person(g, y) for g, y in (("女", 1969), ("男", 1971), ("女", 1972))]
    for i, d in enumerate(deps):
        s.deputy(d, m(2012, 5), supervises=((NURSING, MEDICINE, SURGERY)[i],))
    extra = s.person("男", 1975)
    s.deputy(extra, date(2021, 3, 15), end=date(2022, 9, 30))
    s.finish()
    pl.found("ST01", [h, *deps, extra],
             f"领导职数 4 名，{extra.name}2021-03-15 任副院长后 5 名领导同时在任至 2022-09-30")


def st01_handover(pl: Planter) -> None:
    """The fourth deputy arrives the day the third one leaves: never over quota."""
    s = pl.stage()
    h = s.person("女", 1967)
    s.head(h, m(2012, 8))
    deps = [s.person(g, y) for g, y in (("男", 1968), ("女", 1970))]
    for d in deps:
        s.deputy(d, m(2012, 8))
    old, new = s.person("男", 1965), s.person("女", 1976)
    s.deputy(old, m(2013, 2), end=date(2021, 6, 18))
    s.deputy(new, date(2021, 6, 18))
    s.finish()
    pl.absent("ST01", [old, new], f"{old.name}2021-06-18 免职、{new.name}同日接任副院长，不超职数")


def st02_level(pl: Planter) -> None:
    """A 正科 hospital whose head is ranked 副处 (above its level); its deputies are 副科."""
    s = pl.stage()
    h = s.person("男", 1965)
    e = s.e
    pl.w.posting(h, e.uid, e.head_title, "副处", "主要负责人", date(2019, 7, 1), None, "提拔",
                 f"{e.name} {e.head_title}")
    s.has_head = True
    d = s.person("女", 1972)
    s.deputy(d, date(2019, 7, 1))
    s.finish()
    pl.found("ST02", [h], f"正科级单位院长{h.name}定为副处级")
    pl.absent("ST02", [d], f"副院长{d.name}为副科级，符合正科级单位副职规格")


def st03_hires(pl: Planter) -> None:
    """Two 编外 nurses: one hired without approval, one approved."""
    s = pl.stage()
    a, b = s.person("女", 1995), s.person("女", 1996)
    a.estab, b.estab = "编外", "编外"
    a.hire_ok, b.hire_ok = "否", "是"
    s.staff(NURSING, a, date(2022, 3, 1), title="护士")
    s.staff(NURSING, b, date(2022, 3, 1), title="护士")
    s.finish()
    pl.found("ST03", [a], f"编外护士{a.name}用工审批为“否”")
    pl.absent("ST03", [b], f"编外护士{b.name}经审批")


SCENARIOS = [st01_five_leaders, st01_handover, st02_level, st03_hires]
