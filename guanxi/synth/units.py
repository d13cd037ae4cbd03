"""Unit templates of a health system: the bureau, hospitals, township health centres."""

from __future__ import annotations

from guanxi.synth.model import Unit
from guanxi.synth.world import World

_NURSE = ("护士", "护师", "主管护师")
_DOC = ("医师", "主治医师", "副主任医师")
_CLERK = ("科员", "干事", "一级科员")
#: dept name -> (职能, head title, staff titles)
DEPTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # bureau
    "办公室": ("业务", "主任", _CLERK),
    "组织人事科": ("人事", "科长", _CLERK),
    "规划财务科": ("财务", "科长", ("科员", "会计")),
    "纪检监察室": ("纪检", "主任", _CLERK),
    "审计科": ("审计", "科长", ("科员", "审计员")),
    "医政医管科": ("业务", "科长", _CLERK),
    "疾病预防控制科": ("业务", "科长", _CLERK),
    "基层卫生健康科": ("业务", "科长", _CLERK),
    "中医科": ("业务", "科长", _CLERK),
    "老龄健康科": ("业务", "科长", _CLERK),
    # hospitals
    "党政办公室": ("业务", "主任", _CLERK),
    "人事科": ("人事", "科长", ("科员", "干事")),
    "财务科": ("财务", "科长", ("会计", "出纳", "会计师")),
    "纪检监察科": ("监察", "科长", ("科员", "干事")),
    "医务科": ("业务", "科长", ("科员", "医师")),
    "护理部": ("业务", "主任", _NURSE),
    "内科": ("业务", "主任", _DOC + _NURSE),
    "外科": ("业务", "主任", _DOC + _NURSE),
    "妇产科": ("业务", "主任", _DOC + _NURSE),
    "儿科": ("业务", "主任", _DOC + _NURSE),
    "急诊科": ("业务", "主任", _DOC + _NURSE),
    "药剂科": ("业务", "主任", ("药师", "主管药师")),
    "检验科": ("业务", "主任", ("检验师", "主管检验师")),
    "放射科": ("业务", "主任", ("技师", "医师")),
    "感染科": ("业务", "主任", _DOC + _NURSE),
    "信息科": ("业务", "科长", ("工程师", "科员")),
    # health centres
    "财务室": ("财务", "主任", ("会计", "出纳")),
    "全科诊室": ("业务", "主任", _DOC + _NURSE),
    "公共卫生科": ("业务", "科长", ("医师", "科员")),
    "预防保健科": ("业务", "科长", ("医师", "护士")),
    "中医馆": ("业务", "主任", ("中医师", "医师")),
}

BUREAU_DEPTS = ("办公室", "组织人事科", "规划财务科", "纪检监察室", "审计科", "医政医管科",
                "疾病预防控制科", "基层卫生健康科", "中医科", "老龄健康科")
HOSPITAL_DEPTS = ("党政办公室", "人事科", "财务科", "纪检监察科", "审计科", "医务科", "护理部", "内科",
                  "外科", "妇产科", "儿科", "急诊科", "药剂科", "检验科", "放射科", "感染科", "信息科")
CENTRE_DEPTS = ("办公室", "财务室", "全科诊室", "护理部", "公共卫生科", "预防保健科", "药剂科",
                "检验科", "中医馆")

#: style -> (机构类型, 机构规格, head title, deputy title)
STYLES: dict[str, tuple[str, str, str, str]] = {
    "局": ("机关", "正科", "局长", "副局长"),
    "医院": ("事业单位", "正科", "院长", "副院长"),
    "卫生院": ("事业单位", "股级", "院长", "副院长"),
    "中心": ("事业单位", "股级", "主任", "副主任"),
}


def entity(w: World, name: str, parent: str, style: str, region: str, ndepts: int,
           names: tuple[str, ...] | None = None) -> Unit:
    """Create and write a legal entity with its first ``ndepts`` standard 内设机构."""
    kind, level, head, deputy = STYLES[style]
    pool = names or {"局": BUREAU_DEPTS, "医院": HOSPITAL_DEPTS}.get(style, CENTRE_DEPTS)
    ndepts = max(3, min(ndepts, len(pool)))
    # every entity is 正科 so its 正科 head and 副科 deputies fit its level (ST02); quotas leave
    # room for a head, up to three deputy lines and a head plus a deputy per 内设机构 (ST01)
    level = "正科"
    e = Unit(uid=w.next_uid(), name=name, parent=parent, kind=kind, level=level, region=region,
             leader_quota=4 + min(1, ndepts // 12), mid_quota=2 * ndepts + 2, style=style,
             head_title=head, staff_titles=(deputy,))
    w.out.row("units", (e.uid, e.name, e.parent, e.kind, e.level, e.region, "",
                        e.leader_quota, e.mid_quota))
    w.boards.unit(e.uid, e.uid, "党组会" if style == "局" else "党委会")
    for dname in pool[:ndepts]:
        function, dhead, staff = DEPTS[dname]
        d = Unit(uid=w.next_uid(), name=dname, parent=e.uid, kind="内设机构", level="股级",
                 region=region, function=function, head_title=dhead, staff_titles=staff)
        w.out.row("units", (d.uid, d.name, d.parent, d.kind, d.level, "", d.function, "", ""))
        e.depts.append(d)
        w.boards.unit(d.uid, e.uid)
    return e


def head_title(d: Unit) -> str:
    """A 内设机构's head as a posting names him: ``党政办公室主任``, ``内科主任``, ``护士长``."""
    return d.name + d.head_title if d.head_title == "主任" else d.head_title


def deputy_title(e: Unit) -> str:
    return e.staff_titles[0]


def full_name(e: Unit, d: Unit | None = None) -> str:
    """``市人民医院 内科`` — how a form's 工作单位 column would write it."""
    return e.name if d is None else f"{e.name}{d.name}"
