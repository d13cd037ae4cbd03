"""Planted procedure cases (PR01–PR10) with near-misses: full 纪实 rows written step by step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from guanxi.synth.dates import month as m
from guanxi.synth.dates import workday
from guanxi.synth.model import Person
from guanxi.synth.plant import Planter
from guanxi.synth.stage import HR, MEDICINE, NURSING, OFFICE, SURGERY, Stage
from guanxi.synth.units import head_title
from guanxi.synth.writer import HEADERS

#: contract column -> the Chinese header the generator writes (data-contract.md aliases)
COLUMNS = {
    "id": "纪实编号", "person_id": "人员编号", "unit_id": "机构编号", "title": "拟任职务",
    "rank_from": "原职级", "rank_to": "拟任职级", "kind": "任用方式", "proposed_on": "动议时间",
    "recommended_on": "民主推荐时间", "recommend_expected": "应参加人数",
    "recommend_attended": "实参加人数", "inspected_on": "考察时间",
    "archive_reviewed_on": "档案审核时间", "matters_checked_on": "个人事项核查时间",
    "discipline_opinion_on": "纪检意见时间", "petitions_checked_on": "信访核查时间",
    "decided_on": "讨论决定时间", "publicity_start": "公示开始", "publicity_end": "公示结束",
    "appointed_on": "任职发文时间", "approval_ref": "请示批复", "meeting_id": "会议编号",
}


def _d(day: date, k: int) -> date:
    return day + timedelta(days=k)


def steps(on: date) -> dict[str, Any]:
    """A clean record decided on ``on``: steps in order, four checks before, 5-working-day 公示."""
    start = workday(_d(on, 1))
    end = workday(start, 5)
    return {
        "kind": "提拔", "rank_from": "一般", "rank_to": "中层正职",
        "proposed_on": _d(on, -56), "recommended_on": _d(on, -42), "recommend_expected": 40,
        "recommend_attended": 36, "inspected_on": _d(on, -28), "archive_reviewed_on": _d(on, -21),
        "matters_checked_on": _d(on, -20), "discipline_opinion_on": _d(on, -19),
        "petitions_checked_on": _d(on, -18), "decided_on": on, "publicity_start": start,
        "publicity_end": end, "appointed_on": workday(_d(end, 1)),
    }


def case(pl: Planter, s: Stage, i: int, p: Person, on: date, board: list[Person],
         body: str = "党委会", expected: int | None = None, **over: Any) -> str:
    """``p`` (staff of department ``i`` since 2012) becomes its head on ``on``; writes the 纪实.

    ``over`` replaces any column (None leaves it empty; a string is written as given, so
    month-only dates can be planted as ``2023.05``). Returns the appointment id.
    """
    d = s.e.depts[i]
    s.staff(i, p, m(2012, 3), on)
    s.dept_head(i, p, on)
    mid = pl.w.meeting(s.e.uid, on, body, board, expected or len(board))
    title = head_title(d)
    values = {"id": pl.w.next_aid(), "person_id": p.pid, "unit_id": d.uid, "title": title,
              "meeting_id": mid, **steps(on), **over}
    cells = {COLUMNS[k]: v for k, v in values.items()}
    pl.w.out.row("appointments", [_cell(cells.get(h)) for h in HEADERS["appointments"]])
    return str(values["id"])


def _cell(v: Any) -> Any:
    return "" if v is None else (v.isoformat() if isinstance(v, date) else v)


def board(s: Stage, since: date) -> list[Person]:
    """A head and two deputies in post from ``since``: the deciding meeting's members."""
    h, x, y = s.person("男", 1966), s.person("女", 1970), s.person("男", 1972)
    s.head(h, since)
    s.deputy(x, since, supervises=(OFFICE, HR))
    s.deputy(y, since, supervises=(MEDICINE, SURGERY))
    return [h, x, y]


def pr01_02_03(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2013, 4))
    a, c, e, f = (s.person(g, y) for g, y in (("女", 1984), ("男", 1983), ("女", 1985), ("男", 1986)))
    case(pl, s, NURSING, a, date(2021, 6, 18), b, publicity_start=None, publicity_end=None,
         recommended_on=None)
    pl.found("PR01", [a], f"{a.name}提拔为护理部主任，纪实中无民主推荐、无公示")
    case(pl, s, MEDICINE, c, date(2022, 3, 11), b, inspected_on=date(2022, 3, 16))
    pl.found("PR02", [c], f"{c.name}提拔内科主任：2022-03-11 讨论决定，03-16 才考察")
    case(pl, s, SURGERY, e, date(2022, 9, 9), b, petitions_checked_on=date(2022, 9, 13))
    pl.found("PR03", [e], f"{e.name}提拔外科主任：信访核查 2022-09-13 晚于 09-09 讨论决定")
    case(pl, s, OFFICE, f, date(2023, 5, 26), b, kind="竞争上岗", recommended_on=None,
         inspected_on="2023.05", archive_reviewed_on="2023.05")
    s.finish()
    pl.absent("PR01", [f], f"{f.name}竞争上岗，无民主推荐不算简化程序")
    pl.absent("PR02", [f], f"{f.name}考察只记到 2023 年 5 月，与 5 月 26 日讨论决定的先后无法判断")
    pl.absent("PR03", [f], f"{f.name}档案审核只记到 2023 年 5 月，与讨论决定同月，不能判为晚于决定")


def pr04_05(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2013, 9))
    a, c, e, f = (s.person(g, y) for g, y in (("男", 1982), ("女", 1983), ("男", 1984), ("女", 1985)))
    case(pl, s, NURSING, a, date(2021, 4, 23), b, recommend_expected=30, recommend_attended=19)
    pl.found("PR04", [a], f"{a.name}：民主推荐应参加 30 人，实参加 19 人")
    case(pl, s, MEDICINE, c, date(2021, 11, 5), b, recommend_expected=30, recommend_attended=20)
    pl.absent("PR04", [c], f"{c.name}：民主推荐 30 人中 20 人参加，恰好三分之二")
    case(pl, s, SURGERY, e, date(2022, 6, 10), b, proposed_on=date(2021, 5, 20),
         recommended_on=date(2021, 6, 10))
    pl.found("PR05", [e], f"{e.name}：2021-06-10 推荐，2022-06-10 才讨论决定，推荐结果已满一年")
    case(pl, s, OFFICE, f, date(2022, 6, 9), b, proposed_on=date(2021, 5, 20),
         recommended_on=date(2021, 6, 10))
    s.finish()
    pl.absent("PR05", [f], f"{f.name}：2021-06-10 推荐，2022-06-09 讨论决定，仍在一年内")


def pr06_07(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2014, 2))
    a, c, e, f = (s.person(g, y) for g, y in (("女", 1983), ("男", 1981), ("女", 1986), ("男", 1984)))
    case(pl, s, NURSING, a, date(2021, 7, 9), b[:2], expected=4)
    pl.found("PR06", [a], f"{a.name}：决定会议应到 4 人，实到 2 人")
    case(pl, s, MEDICINE, c, date(2021, 12, 3), b, expected=4)
    pl.absent("PR06", [c], f"{c.name}：决定会议应到 4 人，实到 3 人，达到三分之二")
    case(pl, s, SURGERY, e, date(2022, 8, 12), b, body="院长办公会")
    pl.found("PR07", [e], f"{e.name}：由院长办公会讨论决定任外科主任")
    case(pl, s, OFFICE, f, date(2023, 2, 17), b, body="党总支委员会")
    s.finish()
    pl.absent("PR07", [f], f"{f.name}：由党总支委员会讨论决定")


def pr08_holidays(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2014, 6))
    a, c, e, f = (s.person(g, y) for g, y in (("男", 1985), ("女", 1984), ("男", 1983), ("女", 1986)))
    case(pl, s, NURSING, a, date(2025, 9, 26), b, publicity_start=date(2025, 9, 29),
         publicity_end=date(2025, 10, 10), appointed_on=date(2025, 10, 13))
    pl.found("PR08", [a], f"{a.name}：公示 2025-09-29 至 10-10，国庆放假，仅 4 个工作日")
    case(pl, s, MEDICINE, c, date(2025, 9, 26), b, publicity_start=date(2025, 9, 29),
         publicity_end=date(2025, 10, 11), appointed_on=date(2025, 10, 13))
    pl.absent("PR08", [c], f"{c.name}：公示至 2025-10-11（调休上班的周六），恰好 5 个工作日")
    case(pl, s, SURGERY, e, date(2024, 2, 7), b, publicity_start=date(2024, 2, 8),
         publicity_end=date(2024, 2, 18), appointed_on=date(2024, 2, 19))
    pl.found("PR08", [e], f"{e.name}：公示 2024-02-08 至 02-18，春节放假，仅 3 个工作日")
    case(pl, s, OFFICE, f, date(2024, 2, 7), b, publicity_start=date(2024, 2, 8),
         publicity_end=date(2024, 2, 20), appointed_on=date(2024, 2, 21))
    s.finish()
    pl.absent("PR08", [f], f"{f.name}：公示 2024-02-08 至 02-20，5 个工作日")


def pr09_10(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2014, 10))
    a, c, e, f = (s.person(g, y) for g, y in (("女", 1982), ("男", 1985), ("女", 1984), ("男", 1983)))
    on = date(2023, 6, 2)
    case(pl, s, NURSING, a, on, b, publicity_start=date(2023, 6, 5),
         publicity_end=date(2023, 6, 9), appointed_on=date(2023, 6, 12))
    pl.w.out.row("petitions", (a.pid, "2023-06-07", "是", ""))
    pl.found("PR09", [a], f"{a.name}：公示期间 2023-06-07 收到举报，发文时未办结")
    case(pl, s, MEDICINE, c, on, b, publicity_start=date(2023, 6, 5),
         publicity_end=date(2023, 6, 9), appointed_on=date(2023, 6, 12))
    pl.w.out.row("petitions", (c.pid, "2023-06-07", "是", "2023-06-12"))
    pl.absent("PR09", [c], f"{c.name}：公示期间的举报在发文当天办结")
    case(pl, s, SURGERY, e, date(2022, 4, 15), b, kind="破格", rank_from="一般")
    pl.found("PR10", [e], f"{e.name}破格提拔为外科主任，无请示批复")
    case(pl, s, OFFICE, f, date(2022, 10, 14), b, kind="破格", approval_ref="卫党干〔2022〕12号")
    s.finish()
    pl.absent("PR10", [f], f"{f.name}破格提拔，有上级批复")


def pr10_kin(pl: Planter) -> None:
    s = pl.stage()
    b = board(s, m(2014, 11))
    h, x = b[0], b[1]
    wife, son = s.person("女", 1968, pad=False), s.person("男", 1992, pad=False)
    h.rows.append(("妻子", wife, "id"))
    x.rows.append(("儿子", son, "id"))
    case(pl, s, NURSING, wife, date(2021, 9, 17), [b[1], b[2]], expected=3)
    pl.found("PR10", [h, wife], f"院长{h.name}之妻{wife.name}在本院提拔为护理部主任，无请示批复")
    case(pl, s, MEDICINE, son, date(2022, 11, 18), [b[0], b[2]], expected=3,
         approval_ref="卫党干〔2022〕31号")
    s.finish()
    pl.absent("PR10", [son, x], f"副院长{x.name}之子{son.name}在本院提拔，有上级批复")


SCENARIOS = [pr01_02_03, pr04_05, pr06_07, pr08_holidays, pr09_10, pr10_kin]
