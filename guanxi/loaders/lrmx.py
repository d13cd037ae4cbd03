"""干部任免审批表 (``.lrmx``): the cadre and his 家庭主要成员及重要社会关系, as persons and relations.

An ``.lrmx`` file is the XML the 干部任免审批表 software writes: a ``<Person>`` root
with ``XingMing`` (姓名), ``XingBie``, ``ChuShengNianYue``, ``JiGuan``, ``ChuShengDi``,
``RuDangShiJian``, ``CanJiaGongZuoShiJian``, ``ShenFenZheng`` …, and
``JiaTingChengYuan/Item`` rows of ``ChengWei`` (称谓), ``XingMing``, ``ChuShengRiQi``,
``ZhengZhiMianMao`` and ``GongZuoDanWeiJiZhiWu``. The form's rows go through the same
column parsing and validation as a CSV (so errors name the form, the part and the
row); the form's owner is matched to the roster by ID number, then by name and
birth month, and becomes a new person only when neither matches.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from guanxi.graph.dataset import Dataset, Rejected
from guanxi.graph.dates import fmt
from guanxi.graph.records import Person, Source
from guanxi.loaders.convert import read_sheet
from guanxi.loaders.errors import DataError
from guanxi.loaders.readers import Sheet
from guanxi.loaders.resolve import month_key, name_key
from guanxi.loaders.schema import norm

PERSON_PART = "基本情况"
FAMILY_PART = "家庭主要成员及重要社会关系"
#: XML element -> the contract's Chinese column (persons)
PERSON_FIELDS = {"XingMing": "姓名", "XingBie": "性别", "ChuShengNianYue": "出生年月",
                 "JiGuan": "籍贯", "ChuShengDi": "出生地", "RuDangShiJian": "入党时间",
                 "CanJiaGongZuoShiJian": "参加工作时间", "ShenFenZheng": "身份证号"}
#: kept as extra attributes of the person (the photo is not kept)
PERSON_EXTRA = {"MinZu": "民族", "QuanRiZhiJiaoYu_XueLi": "全日制学历",
                "ZaiZhiJiaoYu_XueLi": "在职学历", "XianRenZhiWu": "现任职务",
                "NiRenZhiWu": "拟任职务", "NiMianZhiWu": "拟免职务", "JianLi": "简历",
                "NianDuKaoHeJieGuo": "年度考核结果", "JiangChengQingKuang": "奖惩情况",
                "ChengBaoDanWei": "呈报单位", "TianBiaoShiJian": "填表时间"}
FAMILY_FIELDS = {"ChengWei": "称谓", "XingMing": "亲属姓名", "ChuShengRiQi": "亲属出生日期",
                 "GongZuoDanWeiJiZhiWu": "工作单位及职务", "ZhengZhiMianMao": "政治面貌"}
_ENCODING = re.compile(r"""encoding=["']([A-Za-z0-9_-]+)""")
_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def parse_form(path: Path) -> ET.Element:
    """The ``<Person>`` element of a form, in its declared encoding (GB2312/GBK too) or GB18030.

    Expat reads no multi-byte encoding but UTF-8, so the bytes are decoded here and
    the declaration dropped.
    """
    data = path.read_bytes()
    m = _ENCODING.search(data[:200].decode("ascii", "ignore"))
    error: Exception | None = None
    for codec in dict.fromkeys([m.group(1).lower() if m else "utf-8", "utf-8-sig", "gb18030"]):
        try:
            text = _DECLARATION.sub("", data.decode(codec), count=1)
            root = ET.fromstring(text)
            break
        except (UnicodeDecodeError, LookupError, ET.ParseError) as exc:
            error = error or exc
    else:
        raise DataError(path.name, None, None, None,
                        f"不是有效的干部任免审批表（.lrmx）文件：{error}")
    if root.tag != "Person":
        inner = root.find(".//Person")
        root = inner if inner is not None else root
    return root


def _text(el: ET.Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def person_sheet(path: Path, root: ET.Element) -> Sheet:
    """The form's owner as a one-row ``persons`` sheet, keyed by ID number or file name."""
    header = ["人员编号", *PERSON_FIELDS.values(), *PERSON_EXTRA.values()]
    values = [_text(root.find(k)) for k in PERSON_FIELDS]
    ident = values[list(PERSON_FIELDS).index("ShenFenZheng")] or path.stem
    row = [ident, *values, *(_text(root.find(k)) for k in PERSON_EXTRA)]
    return Sheet("persons", path.name, PERSON_PART, iter([(1, row)]), header=header)


def family_rows(root: ET.Element) -> list[list[str]]:
    rows = []
    for item in root.findall("./JiaTingChengYuan/Item"):
        cells = [_text(item.find(k)) for k in FAMILY_FIELDS]
        if not any(cells):
            continue
        rows.append(cells)  # a birth cell of 已故 or 不详 is read as no date, as in any register
    return rows


def family_sheet(path: Path, rows: list[list[str]], person_id: str) -> Sheet:
    """The form's family rows as a ``relations`` sheet of ``person_id``; row n is the n-th member."""
    header = ["人员编号", *FAMILY_FIELDS.values(), "来源"]
    numbered: Iterator[tuple[int, Sequence[Any]]] = iter(
        [(i, [person_id, *cells, "干部任免审批表"]) for i, cells in enumerate(rows, 1)])
    return Sheet("relations", path.name, FAMILY_PART, numbered, header=header)


def match_owner(form: Person, by_number: dict[str, Person],
                by_name: dict[tuple[str, tuple[int, int] | None], list[Person]]) -> Person | None:
    """The roster person a form belongs to: same ID number, else one person of that name and birth month."""
    if form.id_number and form.id_number in by_number:
        return by_number[form.id_number]
    if form.birth_date is None:
        return None
    got = by_name.get((name_key(form.name), month_key(form.birth_date)), [])
    return got[0] if len(got) == 1 else None


def fill_from_form(person: Person, form: Person, where: str) -> list[str]:
    """Copy what the roster lacks from the form; a conflicting birth month is a warning."""
    notes = []
    for name in ("id_number", "gender", "birth_date", "native_place", "birthplace",
                 "party_join_date", "work_start_date"):
        mine, theirs = getattr(person, name), getattr(form, name)
        if theirs is None:
            continue
        if mine is None:
            setattr(person, name, theirs)
        elif name == "birth_date" and fmt(mine)[:7] != fmt(theirs)[:7]:
            notes.append(f"{where}：出生年月 {fmt(theirs)} 与人员表中 {person.id} 的 "
                         f"{fmt(mine)} 不一致，以人员表为准")
    if form.extra:
        person.extra = {**form.extra, **person.extra}
    return notes


def merge_forms(forms: list[Path], tables: dict[str, list[Any]], ds: Dataset, *, lenient: bool,
                warned: set[tuple[str, str]], headers: dict[str, dict[str, str]]) -> None:
    """Add every form's owner (matched to the roster or new) and family rows to ``tables``.

    Complexity: one pass over the roster to index it, then O(rows) per form.
    """
    roster: list[Any] = tables.setdefault("persons", [])
    by_number = {p.id_number: p for p in roster if p.id_number}
    by_name: dict[tuple[str, tuple[int, int] | None], list[Person]] = {}
    for p in roster:
        if p.birth_date is not None:
            by_name.setdefault((name_key(p.name), month_key(p.birth_date)), []).append(p)
    ids = {p.id for p in roster}
    # the form's own fields beyond the contract are kept on purpose: no unknown-column warning
    warned.update(("persons", norm(h)) for h in PERSON_EXTRA.values())
    warned.add(("relations", norm(FAMILY_FIELDS["ZhengZhiMianMao"])))
    for path in forms:
        try:
            root = parse_form(path)
        except DataError as err:
            if not lenient:
                raise
            ds.rejected.append(Rejected(table="persons", source=Source(file=path.name),
                                        message=str(err)))
            continue
        got = read_sheet(person_sheet(path, root), lenient=lenient, warned=warned,
                         warnings=ds.warnings)
        ds.rejected.extend(got.rejected)
        for name, h in got.headers.items():
            headers.setdefault("persons", {}).setdefault(name, h)
        rows = family_rows(root)
        if not got.records:
            for i, _ in enumerate(rows, 1):
                ds.rejected.append(Rejected(
                    table="relations", source=Source(file=path.name, sheet=FAMILY_PART, row=i),
                    message=f"{path.name}：所属审批表的基本情况有误，家庭成员未读入"))
            continue
        form: Person = got.records[0]  # type: ignore[assignment]
        where = Source(file=path.name, sheet=PERSON_PART, row=1).label()
        owner = match_owner(form, by_number, by_name)
        if owner is None:
            if form.id in ids:
                raise DataError(path.name, PERSON_PART, 1, "人员编号",
                                f"人员编号“{form.id}”已被人员表中另一人使用，且姓名或出生年月不同")
            roster.append(form)
            ids.add(form.id)
            if form.id_number:
                by_number[form.id_number] = form
            owner = form
            ds.columns.setdefault("persons", set()).update(got.present)
        else:
            ds.warnings.extend(fill_from_form(owner, form, where))
            ds.columns.setdefault("persons", set()).update(got.present - {"id"})
        fam = read_sheet(family_sheet(path, rows, owner.id), lenient=lenient, warned=warned,
                         warnings=ds.warnings)
        tables.setdefault("relations", []).extend(fam.records)
        ds.columns.setdefault("relations", set()).update(fam.present)
        ds.rejected.extend(fam.rejected)
        for name, h in fam.headers.items():
            headers.setdefault("relations", {}).setdefault(name, h)
