"""Planted 亲属任职回避 cases (AV01, AV02) and their near-misses, one reserved entity each."""

from __future__ import annotations

from guanxi.synth.dates import month as m
from guanxi.synth.names import surname_of
from guanxi.synth.plant import Planter
from guanxi.synth.stage import AUDIT, DISCIPLINE, FINANCE, HR, MEDICINE, NURSING, OFFICE, SURGERY, homonym


def av01_spouse_head_staff(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1975, pad=False), s.person("女", 1978, pad=False)
    s.dept_head(MEDICINE, a, m(2016, 4))
    s.staff(MEDICINE, b, m(2013, 7), title="主管护师")
    a.rows.append(("妻子", b, "id"))
    s.finish()
    pl.found("AV01", [a, b], f"{a.name}（{s.e.name}内科主任）与其妻子{b.name}同在内科，直接上下级")


def av01_siblings_shared_father(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1944, 1948, None, "退休", with_id=0)
    a = s.person("男", 1974, surname=surname_of(g.name))
    b = s.person("男", 1979, surname=surname_of(g.name))
    s.dept_head(SURGERY, a, m(2015, 3))
    s.staff(SURGERY, b, m(2018, 9), change="调入")
    a.rows.append(("父亲", g, ""))
    b.rows.append(("父亲", g, ""))
    s.finish()
    pl.found("AV01", [a, b], f"{a.name}与{b.name}的表上均填父亲{g.name}（同名同出生年月），"
             "系兄弟（派生关系），外科主任与本科室人员")


def av01_lianjin_head_deputy(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1942, 1946, None, "退休", with_id=0)
    a, b = s.person("男", 1970), s.person("男", 1973)
    s.head(a, m(2017, 5))
    s.deputy(b, m(2014, 2), supervises=(MEDICINE, SURGERY))
    a.rows.append(("岳父", g, ""))
    b.rows.append(("岳父", g, ""))
    s.finish()
    pl.found("AV01", [a, b], f"{a.name}（院长）与{b.name}（副院长）均填岳父{g.name}，"
             "系连襟（派生近姻亲），同一班子正副职")


def av01_cousins_deputies(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1925, 1930, None, "已故", with_id=0)
    a, b = s.person("男", 1972, surname=surname_of(g.name)), s.person("女", 1975)
    s.deputy(a, m(2015, 6), supervises=(MEDICINE, NURSING))
    s.deputy(b, m(2016, 10), supervises=(SURGERY, OFFICE))
    a.rows.append(("爷爷", g, ""))
    b.rows.append(("外公", g, ""))
    s.finish()
    pl.found("AV01", [a, b], f"{a.name}的爷爷与{b.name}的外公同为{g.name}，系表兄妹（派生），"
             "同为副院长")


def av01_supervisor_nephew(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1966), s.person("男", 1982)
    s.deputy(a, m(2014, 1), supervises=(FINANCE, MEDICINE))
    s.dept_head(MEDICINE, b, m(2016, 8))
    b.rows.append(("舅舅", a, "id"))
    s.finish()
    pl.found("AV01", [a, b], f"{b.name}（内科主任）在表上填舅舅{a.name}，{a.name}分管内科")


def av01_two_heads_same_leader(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1971), s.person("男", 1978)
    f, start = s.filler(m(2008, 1), m(2011, 1))
    s.deputy(f, start, supervises=(SURGERY, NURSING))
    s.dept_head(SURGERY, a, m(2015, 11))
    s.dept_head(NURSING, b, m(2017, 4))
    b.rows.append(("姐夫", a, "desc"))
    s.finish()
    pl.found("AV01", [a, b], f"{b.name}填姐夫{a.name}（姓名、出生年月、身份证号），"
             f"二人分任外科、护理部负责人，同受{f.name}分管")


def av01_head_unsupervised_dept(pl: Planter) -> None:
    s = pl.stage()
    s.uncovered.add(OFFICE)
    a, b = s.person("男", 1966), s.person("女", 1991)
    s.head(a, m(2015, 2))
    s.staff(NURSING, b, m(2014, 8), m(2021, 3))
    s.dept_head(OFFICE, b, m(2021, 3))
    a.rows.append(("女儿", b, "id"))
    s.finish()
    pl.found("AV01", [a, b], f"{a.name}（院长）之女{b.name}任无分管领导的党政办公室主任，由院长直接领导")


def av01_near_misses(pl: Planter) -> None:
    s = pl.stage()
    w = pl.w
    # siblings, both ordinary staff in different departments
    a, b = s.person("女", 1985), s.person("女", 1988)
    s.staff(MEDICINE, a, m(2015, 5))
    s.staff(SURGERY, b, m(2017, 3))
    a.rows.append(("妹妹", b, "id"))
    pl.absent("AV01", [a, b], "姐妹二人均为一般人员，分在内科、外科，不构成直接上下级")
    # spouses in one department, never at the same time
    c, d = s.person("女", 1980, pad=False), s.person("男", 1978, pad=False)
    s.staff(FINANCE, c, m(2011, 3), m(2015, 6))
    c.status, c.status_date = "调出", m(2015, 6)
    s.dept_head(FINANCE, d, m(2016, 3))
    d.rows.append(("妻子", c, "id"))
    pl.absent("AV01", [c, d], "夫妻先后在财务科任职，任职时间不重叠")
    # 内侄 (out of scope) under his uncle-by-marriage
    e, f = s.person("男", 1968), s.person("男", 1992)
    s.dept_head(SURGERY, e, m(2014, 6))
    s.staff(SURGERY, f, m(2018, 7))
    e.rows.append(("内侄", f, "id"))
    pl.absent("AV01", [e, f], "内侄不在回避亲属范围内")
    # homonym fathers: same name, different birth month
    g = w.relative("男", 1948, 1950, None, "务农", with_id=0)
    g2 = homonym(w, g, 5)
    h = s.person("男", 1976, surname=surname_of(g.name))
    k = s.person("男", 1983, surname=surname_of(g.name))
    s.dept_head(NURSING, h, m(2015, 9))
    s.staff(NURSING, k, m(2016, 2))
    h.rows.append(("父亲", g, ""))
    k.rows.append(("父亲", g2, ""))
    pl.absent("AV01", [h, k], f"二人父亲同名{g.name}但出生年月不同，不是同一人，不能认定为兄弟")
    s.finish()
    # kin in different legal entities
    t = pl.stage()
    x, y = t.person("男", 1973), t.person("男", 1981)
    t.dept_head(MEDICINE, x, m(2015, 1))
    t2 = pl.stage()
    t2.staff(MEDICINE, y, m(2016, 6))
    y.rows.append(("哥哥", x, "id"))
    t.finish()
    t2.finish()
    pl.absent("AV01", [x, y], "兄弟分属两个法人单位，不存在隶属关系")


def av02_spouse_finance(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1969, pad=False), s.person("女", 1972, pad=False)
    s.head(a, m(2016, 1))
    s.staff(FINANCE, b, m(2012, 4), title="会计")
    a.rows.append(("妻子", b, "id"))
    s.finish()
    pl.found("AV02", [a, b], f"院长{a.name}之妻{b.name}在本单位财务科任会计")


def av02_lianjin_hr(pl: Planter) -> None:
    s = pl.stage()
    g = pl.w.relative("男", 1943, 1947, None, "退休", with_id=1.0)
    a, b = s.person("男", 1972), s.person("男", 1976)
    s.deputy(a, m(2015, 7), supervises=(OFFICE,))
    s.dept_head(HR, b, m(2017, 2))
    a.rows.append(("岳父", g, ""))
    b.rows.append(("丈人", g, ""))
    s.finish()
    pl.found("AV02", [a, b], f"副院长{a.name}与人事科科长{b.name}的岳父同为{g.name}（身份证号相同），系连襟")


def av02_daughter_in_law_discipline(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1964), s.person("女", 1992)
    s.head(a, m(2014, 9))
    s.staff(DISCIPLINE, b, m(2019, 5))
    b.rows.append(("公公", a, "id"))
    s.finish()
    pl.found("AV02", [a, b], f"{b.name}（纪检监察科）在表上填公公{a.name}（院长）")


def av02_sibling_shared_mother_audit(pl: Planter) -> None:
    s = pl.stage(audit=True)
    mo = pl.w.relative("女", 1946, 1950, None, "退休", with_id=1.0)
    a, b = s.person("男", 1973), s.person("女", 1977)
    s.deputy(a, m(2016, 4), supervises=(MEDICINE,))
    s.dept_head(AUDIT, b, m(2015, 10))
    a.rows.append(("母亲", mo, ""))
    b.rows.append(("母亲", mo, ""))
    s.finish()
    pl.found("AV02", [a, b], f"副院长{a.name}与审计科科长{b.name}均填母亲{mo.name}，系兄妹（派生）")


def av02_near_misses(pl: Planter) -> None:
    s = pl.stage()
    a, b = s.person("男", 1968, pad=False), s.person("女", 1971, pad=False)
    s.head(a, m(2015, 4))
    s.staff(MEDICINE, b, m(2014, 2))
    a.rows.append(("妻子", b, "id"))
    pl.absent("AV02", [a, b], "院长之妻在内科（业务科室），不属于组织人事、财务等岗位")
    c, d = s.person("男", 1970), s.person("男", 1976)
    s.deputy(c, m(2018, 3), supervises=(SURGERY,))
    s.staff(FINANCE, d, m(2010, 3), m(2016, 9))
    s.staff(SURGERY, d, m(2016, 9), change="平级交流")
    c.rows.append(("弟弟", d, "id"))
    pl.absent("AV02", [c, d], "弟弟2016年已调离财务科，兄长2018年才任副院长，时间不重叠")
    e, f = s.person("男", 1966), s.person("男", 1991)
    s.staff(HR, f, m(2017, 8))
    s.deputy(e, m(2013, 5), change="平级交流")
    e.rows.append(("内侄", f, "id"))
    pl.absent("AV02", [e, f], "内侄不在回避亲属范围内")
    s.finish()


SCENARIOS = [
    av01_spouse_head_staff, av01_siblings_shared_father, av01_lianjin_head_deputy,
    av01_cousins_deputies, av01_supervisor_nephew, av01_two_heads_same_leader,
    av01_head_unsupervised_dept, av01_near_misses,
    av02_spouse_finance, av02_lianjin_hr, av02_daughter_in_law_discipline,
    av02_sibling_shared_mother_audit, av02_near_misses,
]
