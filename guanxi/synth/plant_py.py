"""Planted pay cases (PY01–PY03): pay after retirement or without a post, pay not moved, paid part-time jobs.

Payroll is written only here: for the planted people of these stages and for
the months around each case (a sample, so a 1,000,000-person dataset stays
small). Months are written ``YYYY-MM`` as the contract asks.
"""

from __future__ import annotations

from datetime import date

from guanxi.synth.model import Person, Unit
from guanxi.synth.plant import Planter
from guanxi.synth.stage import MEDICINE, NURSING, SURGERY


def pay(pl: Planter, p: Person, unit: Unit, first: date, months: int, amount: int = 7800) -> None:
    """Monthly pay rows for ``months`` months from ``first``'s month."""
    for k in range(months):
        y, m = divmod(first.month - 1 + k, 12)
        pl.w.out.row("payroll", (p.pid, unit.uid, f"{first.year + y:04d}-{m + 1:02d}", amount))


def job(pl: Planter, p: Person, org: str, start: date, paid: bool, approved: bool) -> None:
    pl.w.out.row("parttime_jobs", (p.pid, org, start.isoformat(), "", "是" if paid else "否",
                                   "是" if approved else "否"))


def py01_ghost_pay(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    a, b, c = s.person("男", 1962), s.person("女", 1962), s.person("男", 1985)
    s.staff(MEDICINE, a, date(1985, 7, 15), date(2024, 7, 15))
    a.status, a.status_date = "退休", date(2024, 7, 15)
    pay(pl, a, s.e, date(2024, 1, 1), 11)
    s.staff(SURGERY, b, date(1985, 8, 12), date(2024, 7, 15))
    b.status, b.status_date = "退休", date(2024, 7, 15)
    pay(pl, b, s.e, date(2024, 1, 1), 7)
    s.staff(NURSING, c, date(2010, 8, 16))
    pay(pl, c, s.e, date(2025, 1, 1), 6)
    pay(pl, c, t.e, date(2025, 1, 1), 6, 3500)
    s.finish()
    t.finish()
    pl.found("PY01", [a], f"{a.name}2024-07-15 退休，{s.e.name}仍发放 2024-08 至 2024-11 工资")
    pl.absent("PY01", [b], f"{b.name}2024-07-15 退休，工资发至退休当月")
    pl.found("PY01", [c], f"{c.name}从未在{t.e.name}任职，却由其发放 2025-01 至 2025-06 工资")


def py02_pay_not_moved(pl: Planter) -> None:
    s, t = pl.stage(), pl.stage()
    a, b = s.person("男", 1980), s.person("女", 1982)
    for p, last in ((a, 8), (b, 5)):
        s.staff(MEDICINE, p, date(2006, 7, 17), date(2024, 3, 15))
        t.staff(SURGERY, p, date(2024, 3, 15), change="调入")
        pay(pl, p, s.e, date(2024, 1, 1), last)
        pay(pl, p, t.e, date(2024, 4, 1), 10)
    s.finish()
    t.finish()
    pl.found("PY02", [a], f"{a.name}2024-03-15 调往{t.e.name}，原单位发至 2024-08，超过 2 个月")
    pl.absent("PY02", [b], f"{b.name}2024-03-15 调出，原单位发至 2024-05，恰在 2 个月期限内")
    pl.absent("PY01", [a], f"{a.name}调出后原单位多发的工资属 PY02，不作吃空饷提示")
    pl.absent("PY01", [b], f"{b.name}调出后原单位在期限内发放工资，不属吃空饷")


def py03_parttime(pl: Planter) -> None:
    s = pl.stage()
    a, b, c = s.person("男", 1975), s.person("女", 1977), s.person("男", 1976)
    for i, p in ((MEDICINE, a), (SURGERY, b), (NURSING, c)):
        s.staff(i, p, date(2001, 7, 16))
    job(pl, a, "瑞安市某医药有限公司", date(2022, 3, 14), paid=True, approved=False)
    job(pl, b, "瑞安市医学会", date(2021, 5, 17), paid=False, approved=False)
    job(pl, c, "瑞安市医学会", date(2021, 5, 17), paid=False, approved=True)
    s.finish()
    pl.found("PY03", [a], f"{a.name}在企业兼职并取酬，未经审批")
    pl.found("PY03", [b], f"{b.name}在学会兼职未经审批")
    pl.absent("PY03", [c], f"{c.name}经批准在学会兼职且不取酬")


SCENARIOS = [py01_ghost_pay, py02_pay_not_moved, py03_parttime]
