"""AR01–AR02: archives — 三龄两历一身份 inconsistencies, and 裸官 in leadership posts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from guanxi.graph.dates import add_months, earliest, fmt, is_month_only, latest
from guanxi.graph.idnumber import (
    birth_from_id,
    birth_of_valid,
    check_digit,
    is_digits,
    mask_id,
    normalize_id,
    valid_normalized_many,
)
from guanxi.graph.kinship.steps import kind
from guanxi.graph.kinship.terms import normalize
from guanxi.graph.records import Person, Relation
from guanxi.graph.store import GraphStore, pnode
from guanxi.queries.careers import in_service_until, is_manager, month_index, sorted_posts
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.positions import CHIEF, DEPUTY, post_text, role_of
from guanxi.queries.rule import Param, Params, Rule

#: 学历 from lowest to highest; a written value is matched by the first key it contains
EDUCATION = ("初中", "高中", "中专", "大专", "大学", "研究生")
_EDU_WORDS = {"博士": "研究生", "硕士": "研究生", "研究生": "研究生", "本科": "大学", "大学": "大学",
              "大专": "大专", "专科": "大专", "中专": "中专", "中技": "中专", "高中": "高中", "初中": "初中"}


@lru_cache(maxsize=4096)
def education_level(text: str | None) -> int | None:
    """Position of a written 学历 on the ladder, or None.

    Examples
    --------
    >>> education_level("大学本科"), education_level("硕士研究生"), education_level("小学")
    (4, 5, None)
    """
    for word, level in _EDU_WORDS.items():
        if text and word in text:
            return EDUCATION.index(level)
    return None


#: the columns AR01 cross-checks (birth_date alone contradicts nothing)
_ARCHIVE_COLUMNS = ("id_number", "party_join_date", "work_start_date", "education_date")


def _birth(p: Person, got: date | None) -> tuple[date | None, str]:
    """The most precise consistent birth date: the ID number's day (``got``) refines a month-only record."""
    b = p.birth_date
    if b is None:
        return got, "身份证号"
    if got is not None and is_month_only(b) and month_index(got) == month_index(b):
        return got, "身份证号"
    return b, "出生日期"


def _age_check(p: Person, born: date, on: date | None, years: int, what: str,
               problems: list[str], unsure: list[str]) -> None:
    """Was ``on`` before the ``years``-th birthday? Only claimed when no unknown day can change it."""
    if on is None or on.year > born.year + years:
        return  # both bounds below fall in the year born.year + years
    lo, hi = add_months(earliest(born), 12 * years), add_months(latest(born), 12 * years)
    if latest(on) < lo:
        problems.append(f"{what} {fmt(on)} 时未满 {years} 周岁（出生 {fmt(born)}，{years} 周岁为 {fmt(lo)}）")
    elif earliest(on) < hi:
        unsure.append(f"{what} {fmt(on)} 与 {years} 周岁（出生 {fmt(born)}）在同一月内，月份精度无法判断")


def _id_check(p: Person, problems: list[str], valid: bool) -> date | None:
    """Check the ID number; return the birth date it holds (None when absent or invalid).

    ``valid``: the number is known to be written normalized and valid (length, digits, check
    character, birth date), so only its birth date is left to compare.
    """
    if not p.id_number:
        return None
    s = p.id_number
    if valid:
        got = birth_of_valid(s)
    else:
        s = normalize_id(s)
        if len(s) != 18 or not is_digits(s[:17]):
            problems.append(f"身份证号 {mask_id(s)} 不是 18 位有效号码")
            return birth_from_id(s)
        if check_digit(s[:17]) != s[17]:
            problems.append(f"身份证号 {mask_id(s)} 校验位应为 {check_digit(s[:17])}，实为 {s[17]}")
        got = birth_from_id(s)
    if got is None:
        problems.append(f"身份证号 {mask_id(s)} 所含出生日期无效")
    elif p.birth_date is not None:
        same = month_index(got) == month_index(p.birth_date) if is_month_only(p.birth_date) \
            else got == p.birth_date
        if not same:
            problems.append(f"身份证号所含出生日期 {got.isoformat()} 与登记的出生日期 {fmt(p.birth_date)} 不一致")
    return got


def _education_check(store: GraphStore, p: Person, need: int, problems: list[str],
                     unsure: list[str]) -> None:
    level = education_level(p.education)
    got = p.education_date
    if got is None or level is None or level < need:
        return
    for h in sorted_posts(store, p.id):
        if not is_manager(store, h):
            continue
        start = h.rec.start_date
        if earliest(got) > latest(start):
            problems.append(f"学历（{p.education}）取得时间 {fmt(got)} 晚于其任 {post_text(store, h)} 的时间 "
                            f"{fmt(start)}，该岗位要求 {EDUCATION[need]} 以上学历")
        elif latest(got) > earliest(start):
            unsure.append(f"学历取得时间 {fmt(got)} 与任职时间 {fmt(start)} 在同一月内，月份精度无法判断")
        return


def detect_ar01(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per person whose archive facts contradict each other. O(persons + posts)."""
    have = store.dataset.columns.get("persons", set()) & set(_ARCHIVE_COLUMNS)
    if not have:
        yield AR01.not_checked("缺少 persons 表的 " + "、".join(_ARCHIVE_COLUMNS) + " 列，无可核对的档案信息")
        return
    party, work = int(params["party_min_age"]), int(params["work_min_age"])
    need = education_level(str(params["manager_education"]))
    persons = store.dataset.persons
    # most numbers are valid as written: tested all at once instead of a digit sum per person
    valid = valid_normalized_many([p.id_number or "" for p in persons])
    for p, ok in zip(persons, valid):
        problems: list[str] = []
        unsure: list[str] = []
        born, _ = _birth(p, _id_check(p, problems, ok))
        if born is not None:
            _age_check(p, born, p.party_join_date, party, "入党", problems, unsure)
            _age_check(p, born, p.work_start_date, work, "参加工作", problems, unsure)
        if need is not None:
            _education_check(store, p, need, problems, unsure)
        if problems:
            posts = store.postings_of(p.id)
            yield AR01.finding(
                persons=[p.id], units=[h.entity for h in posts[-1:]], start=None, end=None,
                explanation=f"{p.name}：" + "；".join(problems), nodes=[pnode(p.id)],
                edges=[f"persons/{p.id}"] + [h.eid for h in posts],
                key=(p.id,), facts={"problems": problems},
            )
        elif unsure:
            yield AR01.not_checked(f"{p.name}：" + "；".join(unsure), [p.id])


def _kin_kind(rel: Relation, gender: str | None) -> str | None:
    """``spouse`` or ``child`` for a one-step term, else None."""
    m = normalize(rel.term, gender)
    if m is None or m.tie or not m.chains or any(len(c) != 1 for c in m.chains):
        return None
    kinds = {kind(c[0]) for c in m.chains}
    if kinds == {"spouse"}:
        return "spouse"
    if kinds == {"down"}:
        return "child"
    return None


def _emigrated(store: GraphStore, rel: Relation) -> bool:
    if rel.emigrated:
        return True
    other = store.person(rel.relative_id) if rel.relative_id else None
    return bool(other is not None and other.emigrated)


def detect_ar02(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """Leaders on the check date whose spouse emigrated, or who have no spouse and all children abroad."""
    as_of, middle = params.as_of, bool(params["include_middle"])
    if not (store.has("relations.emigrated") or store.has("persons.emigrated")):
        yield AR02.not_checked("缺少 relations.emigrated 列（或 persons.emigrated 列），无法判断亲属是否移居国（境）外")
        return
    family: dict[str, list[tuple[int, Relation]]] = defaultdict(list)
    for i, rel in enumerate(store.dataset.relations):
        if rel.end_date is None or rel.end_date > as_of:
            family[rel.person_id].append((i, rel))
    for pid, rows in family.items():
        p = store.person(pid)
        if p is None or not in_service_until(p, as_of):
            continue
        posts = [h for h in store.postings_of(pid) if h.rec.start_date <= as_of
                 and (h.rec.end_date is None or h.rec.end_date > as_of)
                 and (role_of(store, h) in (CHIEF, DEPUTY) or (middle and is_manager(store, h)))]
        if not posts:
            continue
        spouses = [(i, r) for i, r in rows if _kin_kind(r, p.gender) == "spouse" and "故" not in r.term]
        kids = [(i, r) for i, r in rows if _kin_kind(r, p.gender) == "child"]
        abroad_sp = [(i, r) for i, r in spouses if _emigrated(store, r)]
        if abroad_sp:
            why, cited = f"配偶 {_rname(store, abroad_sp[0][1])} 已移居国（境）外", abroad_sp
        elif not spouses and kids and all(_emigrated(store, r) for _, r in kids):
            names = "、".join(_rname(store, r) for _, r in kids)
            why, cited = f"无配偶，子女（{names}）均已移居国（境）外", kids
        else:
            continue
        post = "、".join(post_text(store, h) for h in posts)
        yield AR02.finding(
            persons=[pid], units=[h.entity for h in posts], start=None, end=None,
            explanation=f"截至 {fmt(as_of)}，{p.name} 任 {post}（领导职务），{why}",
            nodes=[pnode(pid)], edges=[f"relation/{i}" for i, _ in cited] + [h.eid for h in posts],
            key=(pid,), facts={"as_of": as_of.isoformat()},
        )


def _rname(store: GraphStore, rel: Relation) -> str:
    other = store.person(rel.relative_id) if rel.relative_id else None
    return f"{rel.term} {other.name if other else rel.relative_name or ''}".strip()


AR01 = Rule(
    code="AR01", title="档案“三龄两历一身份”疑点", category="D",
    basis=("《干部人事档案造假问题处理办法（试行）》第五条", "《干部人事档案工作条例》",
           "《公民身份号码》（GB 11643—1999）"),
    needs=("persons",), optional=("postings",), detect=detect_ar01, severity="medium",
    params=(Param("party_min_age", 18, "入党时应年满的周岁数"),
            Param("work_min_age", 16, "参加工作时应年满的周岁数"),
            Param("manager_education", "大专", "担任领导职务或中层岗位要求的最低学历（学历取得时间晚于首次任职即提示）")),  # noqa: E501
    condition="身份证号校验位错误或所含出生日期与登记的出生日期不一致；入党时未满 18 周岁；参加工作时未满 16 周岁；"
              "大专以上学历的取得时间晚于首次担任领导职务或中层岗位的时间（日期只精确到月而无法判断时列为未检查）",
)

AR02 = Rule(
    code="AR02", title="“裸官”任职岗位", category="D",
    basis=("《配偶已移居国（境）外的国家工作人员任职岗位管理办法》",),
    needs=("persons", "postings", "relations"), detect=detect_ar02,
    params=(Param("include_middle", False, "是否将内设机构负责人（中层）也视为领导职务"),),
    condition="截至检查基准日担任领导职务（主要负责人、副职），且配偶已移居国（境）外，或没有配偶、子女均已移居国（境）外"
              "（依据家庭成员表或亲属本人的“移居国（境）外”记录）",
)
