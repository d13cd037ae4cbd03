"""Planted 近亲繁殖 clusters (NP01) and hometown / former-unit cohorts (NP03), with near-misses."""

from __future__ import annotations

from guanxi.synth.dates import month as m
from guanxi.synth.names import surname_of
from guanxi.synth.plant import Planter
from guanxi.synth.stage import FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY, homonym


def np01_leader_family(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1966, pad=False), s.person("女", 1968, pad=False)
    c, d = s.person("男", 1972), s.person("男", 1995)
    s.head(a, m(2014, 1))
    s.staff(NURSING, b, m(2010, 6))
    s.dept_head(FINANCE, c, m(2016, 5))
    s.staff(MEDICINE, d, m(2020, 8))
    a.rows += [("妻子", b, "id"), ("儿子", d, "id")]
    b.rows.append(("弟弟", c, "id"))
    s.finish()
    pl.found("NP01", [a, b, c, d], f"院长{a.name}、其妻{b.name}、妻弟{c.name}、其子{d.name}均在{s.e.name}任职")


def np01_cousins(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1926, 1932, None, "已故", with_id=0)
    a = s.person("男", 1975, surname=surname_of(g.name))
    b = s.person("女", 1984, surname=surname_of(g.name))
    c = s.person("男", 1987)
    s.dept_head(SURGERY, a, m(2015, 4))
    s.staff(MEDICINE, b, m(2017, 9))
    s.staff(NURSING, c, m(2019, 3))
    a.rows.append(("爷爷", g, ""))
    b.rows.append(("祖父", g, ""))
    c.rows.append(("外公", g, ""))
    s.finish()
    pl.found("NP01", [a, b, c], f"{a.name}、{b.name}（爷爷）与{c.name}（外公）同填{g.name}，"
             "三人为堂、表兄弟姐妹（派生），同在一单位")


def np01_in_laws(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1944, 1948, None, "退休", with_id=0)
    a = s.person("男", 1970, pad=False)
    b = s.person("女", 1972, pad=False, surname=surname_of(g.name))
    c = s.person("女", 1976, pad=False, surname=surname_of(g.name))
    d = s.person("男", 1975, pad=False)
    s.deputy(a, m(2015, 8), supervises=(OFFICE,))
    s.staff(HR, b, m(2016, 2))
    s.staff(MEDICINE, c, m(2013, 4))
    s.staff(SURGERY, d, m(2020, 6), change="调入")
    a.rows.append(("妻子", b, "desc"))
    b.rows.append(("父亲", g, ""))
    c.rows += [("父亲", g, ""), ("丈夫", d, "id")]
    s.finish()
    pl.found("NP01", [a, b, c, d], f"副院长{a.name}、其妻{b.name}、妻妹{c.name}（同父{g.name}，派生）"
             f"及其夫{d.name}同在一单位")


def np01_near_misses(pl: Planter) -> None:
    s = pl.stage()
    w = pl.w
    a, b, c = s.person("男", 1972, pad=False), s.person("女", 1974, pad=False), s.person("男", 1968)
    s.dept_head(MEDICINE, a, m(2012, 2))
    s.staff(NURSING, b, m(2011, 5))
    s.staff(SURGERY, c, m(2008, 3), m(2013, 6))
    c.status, c.status_date = "调出", m(2013, 6)
    a.rows += [("妻子", b, "id"), ("哥哥", c, "id")]
    pl.absent("NP01", [a, b, c], "哥哥2013年已调离，2015年以来本单位只有夫妻二人")
    g = w.relative("男", 1946, 1949, None, "务农", with_id=0)
    d = s.person("男", 1975, pad=False, surname=surname_of(g.name))
    e = s.person("女", 1977, pad=False)
    f = s.person("男", 1980, surname=surname_of(g.name))
    s.staff(FINANCE, d, m(2015, 6))
    s.staff(MEDICINE, e, m(2016, 1))
    s.staff(OFFICE, f, m(2017, 11))
    d.rows += [("妻子", e, "id"), ("父亲", g, "")]
    f.rows.append(("父亲", homonym(w, g, 7), ""))
    pl.absent("NP01", [d, e, f], f"{f.name}之父与{d.name}之父同名{g.name}、出生年月不同，非同一人")
    h, k, n = s.person("男", 1970), s.person("女", 1967), s.person("男", 1993)
    s.staff(SURGERY, h, m(2014, 3))
    s.staff(HR, k, m(2015, 9))
    s.staff(NURSING, n, m(2019, 7))
    h.rows += [("姐姐", k, "id"), ("内侄", n, "id")]
    pl.absent("NP01", [h, k, n], "内侄不在回避亲属范围内，不能与姐弟二人连成一组")
    s.finish()


SCENARIOS = [np01_leader_family, np01_cousins, np01_in_laws, np01_near_misses]
