"""The generator's own light records: roster people, relatives described on forms, units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Relative:
    """A relative who is not on the roster: only what a form says about him."""

    name: str
    gender: str
    birth: date
    idno: str | None = None
    work: str = ""
    #: holds foreign nationality or permanent residence (移居国（境）外)
    emigrated: bool = False


@dataclass(slots=True)
class Person:
    """A roster person, with the family the forms will describe."""

    pid: str
    name: str
    gender: str
    birth: date
    idno: str
    native: str
    birthplace: str
    growth: str
    edu: str
    work_start: date | None
    party: date | None
    estab: str
    status: str = "在职"
    status_date: date | None = None
    work: str = ""
    #: family slots: father, mother, spouse -> Relative | Person; children, siblings -> list
    fam: dict[str, Any] = field(default_factory=dict)
    #: explicit form rows: (term, target, how) with how "id" | "desc" | ""
    rows: list[tuple[str, Any, str]] = field(default_factory=list)
    #: True when the planting code wrote the whole form itself
    scripted: bool = False
    #: 用工审批 as written (是/否); empty means 是 for 编外 and 劳务派遣 staff
    hire_ok: str = ""

    def age(self, on: date) -> int:
        return on.year - self.birth.year - ((on.month, on.day) < (self.birth.month, self.birth.day))


@dataclass(slots=True)
class Unit:
    """A legal entity or one of its 内设机构."""

    uid: str
    name: str
    parent: str
    kind: str  # 机关 / 事业单位 / 内设机构
    level: str
    region: str
    function: str = ""
    leader_quota: int | None = None
    mid_quota: int | None = None
    depts: list[Unit] = field(default_factory=list)
    #: entity style: 局 / 医院 / 卫生院 / 中心, used for titles
    style: str = ""
    staff_titles: tuple[str, ...] = ()
    head_title: str = ""
