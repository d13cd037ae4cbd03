"""The names users give tables and columns: English names and Chinese aliases, declared once.

Each table lists its columns as ``contract name -> aliases``; the first alias is the Chinese label
used in messages. Column kinds (date, bool, list …) and required columns come from the record
models in :mod:`guanxi.graph.records`, so the two cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from guanxi.graph.records import TABLES, Record

TABLE_ALIASES: dict[str, tuple[str, ...]] = {
    "persons": ("人员", "人员名册", "干部名册", "中层干部名册", "人员信息", "人员信息表", "花名册",
                "person", "people"),
    "units": ("机构", "单位", "机构名册", "单位名册", "机构设置", "组织机构", "unit"),
    "postings": ("任职经历", "任职", "任职情况", "任免记录", "工作经历", "履历", "posting"),
    "supervision": ("分管", "分管情况", "领导分工", "分工", "supervisions"),
    "relations": ("家庭成员及社会关系", "家庭主要成员及重要社会关系", "家庭成员", "社会关系",
                  "亲属关系", "家庭主要成员", "亲属", "relation", "relatives", "family"),
    "appointments": ("选拔任用纪实", "选拔任用", "任用纪实", "纪实", "appointment"),
    "meetings": ("会议", "会议记录", "会议纪要", "meeting"),
    "inspection_teams": ("考察组", "考察组成员", "inspection_team"),
    "disciplines": ("处分处理", "处分", "受处理情况", "违纪违法处理", "discipline"),
    "reviews": ("年度考核", "考核", "考核结果", "review"),
    "parttime_jobs": ("兼职", "兼职情况", "兼职清理", "parttime", "parttime_job"),
    "payroll": ("工资发放", "工资", "薪酬发放", "payrolls"),
    "petitions": ("信访举报", "信访", "举报", "petition"),
}

_INTERVAL = {"start_date": ("开始时间", "起始时间", "开始日期"),
             "end_date": ("结束时间", "终止时间", "结束日期")}

COLUMN_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "persons": {
        "id": ("人员编号", "编号", "人员代码", "工号"), "name": ("姓名", "名字"),
        "gender": ("性别",), "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
        "id_number": ("身份证号", "公民身份号码", "身份证号码", "身份证", "证件号码"),
        "native_place": ("籍贯",), "birthplace": ("出生地",), "growth_place": ("成长地",),
        "education": ("学历", "最高学历", "文化程度"), "education_date": ("学历取得时间", "毕业时间"),
        "party_join_date": ("入党时间", "入党日期"),
        "work_start_date": ("参加工作时间", "参加工作日期"),
        "establishment": ("编制类型", "人员身份", "编制性质", "身份类别"),
        "hire_date": ("录用时间", "聘用时间", "入职时间"), "hire_approved": ("用工审批", "是否审批"),
        "probation_months": ("试用期", "试用期月数", "试用期(月)"),
        "status": ("状态", "人员状态", "在职状态"), "status_date": ("状态时间", "状态变动时间"),
        "emigrated": ("移居国(境)外", "是否移居国(境)外", "移居国外"),
    },
    "units": {
        "id": ("机构编号", "单位编号", "编号", "机构代码"), "name": ("机构名称", "单位", "单位名称", "名称"),
        "parent_id": ("上级机构", "上级机构编号", "上级单位", "上级单位编号"),
        "kind": ("机构类型", "单位类型", "机构性质"), "level": ("机构规格", "规格", "机构级别"),
        "region": ("所在地", "行政区划", "所在地区"), "function": ("职能", "职能类别", "机构职能"),
        "leader_quota": ("领导职数",), "mid_quota": ("中层职数", "中层干部职数"),
    },
    "postings": {
        "person_id": ("人员编号",), "unit_id": ("机构编号", "单位编号", "任职机构编号"),
        "title": ("职务", "职务名称"), "rank": ("职级", "职务层次", "职务级别"),
        "role": ("岗位类别", "岗位类型"), "start_date": ("任职时间", "任职日期", "任职开始时间"),
        "end_date": ("免职时间", "免职日期", "任职结束时间", "离任时间"),
        "change": ("变动类型", "任职方式", "变动方式"), "probation_end": ("试用期满", "试用期满时间"),
        "is_parttime": ("兼任", "是否兼任"),
    },
    "supervision": {"leader_id": ("分管领导", "分管领导编号", "领导编号"),
                    "unit_id": ("分管机构", "分管机构编号", "机构编号"), **_INTERVAL},
    "relations": {
        "person_id": ("人员编号", "干部编号"), "term": ("称谓", "关系", "与本人关系"),
        "relative_id": ("亲属人员编号", "亲属编号"), "relative_name": ("亲属姓名", "姓名"),
        "relative_birth_date": ("亲属出生日期", "出生日期", "出生年月", "亲属出生年月"),
        "relative_id_number": ("亲属身份证号", "身份证号", "亲属公民身份号码"),
        "relative_work": ("工作单位及职务", "工作单位", "亲属工作单位及职务"),
        "emigrated": ("移居国(境)外", "是否移居国(境)外"), "source": ("来源", "信息来源"),
        **_INTERVAL,
    },
    "appointments": {
        "id": ("纪实编号", "编号"), "person_id": ("人员编号",), "unit_id": ("机构编号", "拟任机构编号"),
        "title": ("拟任职务",), "rank_from": ("原职级",), "rank_to": ("拟任职级",),
        "kind": ("任用方式", "选拔方式"), "approval_ref": ("请示批复",),
        "proposed_on": ("动议时间",), "recommended_on": ("民主推荐时间", "推荐时间"),
        "recommend_expected": ("应参加人数",), "recommend_attended": ("实参加人数",),
        "recommenders": ("推荐人", "署名推荐人"), "inspected_on": ("考察时间",),
        "archive_reviewed_on": ("档案审核时间",), "matters_checked_on": ("个人事项核查时间",),
        "discipline_opinion_on": ("纪检意见时间", "征求纪检意见时间"),
        "petitions_checked_on": ("信访核查时间",), "meeting_id": ("会议编号",),
        "decided_on": ("讨论决定时间", "决定时间"), "publicity_start": ("公示开始", "公示开始时间"),
        "publicity_end": ("公示结束", "公示结束时间"), "appointed_on": ("任职发文时间", "发文时间"),
        "recused_ids": ("回避人员",),
    },
    "meetings": {"id": ("会议编号", "编号"), "unit_id": ("机构编号", "单位编号"),
                 "date": ("会议时间", "会议日期", "日期"), "body": ("会议类型", "会议名称"),
                 "members_expected": ("应到", "应到人数"), "attendee_ids": ("实到人员", "参会人员")},
    "inspection_teams": {"appointment_id": ("纪实编号",), "member_id": ("考察组成员", "成员编号", "人员编号")},
    "disciplines": {"person_id": ("人员编号",), "kind": ("处分种类", "处理种类", "处分类型"),
                    "decided_on": ("处分时间", "处理时间", "决定时间"),
                    "conduct_from": ("违纪行为发生时间", "违纪时间"),
                    "closed_on": ("结案时间", "解除时间", "影响期满"),
                    "influence_months": ("影响期", "影响期月数")},
    "reviews": {"person_id": ("人员编号",), "year": ("年度", "考核年度"),
                "result": ("考核结果", "等次", "考核等次")},
    "parttime_jobs": {"person_id": ("人员编号",), "organization": ("兼职单位", "兼职机构", "兼职组织"),
                      "start_date": ("兼职开始时间", "开始时间"), "end_date": ("兼职结束时间", "结束时间"),
                      "paid": ("取酬", "是否取酬"), "approved": ("审批", "是否审批")},
    "payroll": {"person_id": ("人员编号",), "unit_id": ("发放单位", "发放单位编号", "机构编号"),
                "month": ("发放月份", "月份"), "amount": ("金额", "发放金额")},
    "petitions": {"person_id": ("人员编号", "被反映人编号"), "received_on": ("受理时间", "收到时间"),
                  "specific": ("线索具体", "是否具体"), "closed_on": ("核查办结", "办结时间")},
}

#: columns whose cells must be valid resident ID numbers (a relative's: used to match him)
ID_NUMBER_COLUMNS = {("relations", "relative_id_number")}
#: a person's own ID number: kept as written even when invalid, for AR01 to report
OWN_ID_NUMBER_COLUMNS = {("persons", "id_number")}


_NOTE_AFTER = re.compile(r"\([^()]*\)$")


def norm(name: Any) -> str:
    """Fold a table or column name for lookup: NFKC, no spaces, lower case, no ``*`` marker and
    no note in brackets after the name.

    Examples
    --------
    >>> norm(" 姓 名 "), norm("出生年月＊"), norm("移居国（境）外"), norm("Birth_Date")
    ('姓名', '出生年月', '移居国(境)外', 'birth_date')
    >>> norm("出生年月（年.月）"), norm("身份证号码(18位)*"), norm("(备注)")
    ('出生年月', '身份证号码', '(备注)')
    """
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name or ""))).strip("*")
    # a unit or format note after the name: 出生年月（年.月）, 身份证号码（18位）, 试用期（月）
    bare = _NOTE_AFTER.sub("", s).strip("*")
    return (bare or s).lower()


@dataclass(frozen=True)
class Column:
    """One contract column: its name, Chinese label, kind of cell and whether it is required."""

    name: str
    label: str
    kind: str
    required: bool


def _kind(table: str, name: str, annotation: Any) -> str:
    if (table, name) in ID_NUMBER_COLUMNS:
        return "id_number"
    if (table, name) in OWN_ID_NUMBER_COLUMNS:
        return "own_id_number"
    union = get_origin(annotation) in (Union, UnionType)
    for a in get_args(annotation) if union else (annotation,):
        if a is bool:
            return "bool"
        if a is int:
            return "int"
        if a is float:
            return "float"
        if a is date:
            return "date"
        if get_origin(a) is list:
            return "list"
        if get_origin(a) is Literal:
            return "gender"
    return "key" if name == "id" or name.endswith("_id") else "str"


def columns(table: str) -> dict[str, Column]:
    """The contract columns of ``table``, in declaration order.

    Examples
    --------
    >>> c = columns("postings")["start_date"]
    >>> c.label, c.kind, c.required
    ('任职时间', 'date', True)
    """
    model: type[Record] = TABLES[table]
    out = {}
    for name, field in model.__pydantic_fields__.items():
        if name in ("src", "extra"):
            continue
        aliases = COLUMN_ALIASES[table].get(name, ())
        out[name] = Column(name, aliases[0] if aliases else name,
                           _kind(table, name, field.annotation), field.is_required())
    return out


def column_lookup(table: str) -> dict[str, str]:
    """Folded header -> contract column name, for English names and every alias."""
    out = {norm(name): name for name in columns(table)}
    for name, aliases in COLUMN_ALIASES[table].items():
        for a in aliases:
            out.setdefault(norm(a), name)
    return out


_TABLE_EXACT = {norm(t): t for t in TABLES} | {
    norm(a): t for t, aliases in TABLE_ALIASES.items() for a in aliases
}
_TABLE_CONTAINED = sorted(((norm(a), t) for t, aliases in TABLE_ALIASES.items() for a in aliases
                           if not a.isascii() and len(a) >= 2), key=lambda x: -len(x[0]))


def table_for(name: str) -> str | None:
    """The contract table a file or sheet name stands for, or None.

    An exact English name or alias wins; otherwise the longest Chinese alias the name
    contains (``附件3 某医院中层干部名册`` is ``persons``).

    Examples
    --------
    >>> table_for("Persons"), table_for("02_任职经历"), table_for("某医院中层干部名册"), table_for("说明")
    ('persons', 'postings', 'persons', None)
    """
    n = norm(name)
    if n in _TABLE_EXACT:
        return _TABLE_EXACT[n]
    stripped = re.sub(r"^[\d_.\-、]+", "", n)
    if stripped in _TABLE_EXACT:
        return _TABLE_EXACT[stripped]
    for alias, table in _TABLE_CONTAINED:
        if alias in n:
            return table
    return None
