"""Validated records: one pydantic dataclass per table of the data contract.

Field names are the contract's English column names. Every record carries
``src`` (file, sheet, row as the user sees it) so a finding can cite the row it
rests on, and ``extra`` with the columns the contract does not know.

Records are slotted pydantic *dataclasses*, not ``BaseModel``s: validation is the
same (pydantic-core, the same error messages), but an instance is a plain slotted
object of about 200 bytes instead of about 1.3 kB with its ``__dict__`` and
fields-set. A province's registers hold millions of rows (issue 7).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NoReturn

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic.dataclasses import dataclass

from guanxi.graph.dates import fmt

if TYPE_CHECKING:
    from pydantic._internal._decorators import DecoratorInfos
    from pydantic.fields import FieldInfo
    from pydantic_core import SchemaValidator

_RECORD_CONFIG = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class _NoExtra(dict[str, Any]):
    """The shared, read-only empty ``extra`` of records that have no unknown columns.

    One object for millions of records instead of one empty dict each (64 bytes).
    """

    # so a dataclass accepts it as a default (dict declares ``__hash__ = None``)
    __hash__ = object.__hash__  # type: ignore[assignment]

    def _read_only(self, *_a: Any, **_k: Any) -> NoReturn:
        raise TypeError("记录的 extra 为空时只读；请整体赋值 rec.extra = {...}")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _read_only


NO_EXTRA: dict[str, Any] = _NoExtra()


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: file, sheet (XLSX only) and the row number a user sees.

    A plain dataclass: the loader makes one per row from values it has already read,
    so it is not validated again (pydantic-core checks it only as a field type).
    """

    file: str
    sheet: str | None = None
    row: int | None = None

    def place(self) -> str:
        """``persons.csv`` / ``data.xlsx[人员]``: the file and sheet, without the row."""
        return self.file + (f"[{self.sheet}]" if self.sheet else "")

    def label(self) -> str:
        """``persons.csv 第 12 行`` / ``data.xlsx[人员] 第 12 行``."""
        where = self.place()
        return f"{where} 第 {self.row} 行" if self.row is not None else where


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Record:
    """Common base: the source row and the unknown columns kept as they were."""

    src: Source | None = None
    extra: dict[str, Any] = NO_EXTRA

    if TYPE_CHECKING:  # set on every record class by pydantic's decorator; the loaders read them
        __pydantic_fields__: ClassVar[dict[str, FieldInfo]]
        __pydantic_decorators__: ClassVar[DecoratorInfos]
        __pydantic_validator__: ClassVar[SchemaValidator]


def record_fields(rec: Record) -> dict[str, Any]:
    """A record's fields by name, in declaration order (``src`` and ``extra`` included)."""
    return {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)}


Gender = Literal["男", "女"]


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Person(Record):
    id: str
    name: str
    gender: Gender | None = None
    birth_date: date | None = None
    id_number: str | None = None
    native_place: str | None = None
    birthplace: str | None = None
    growth_place: str | None = None
    education: str | None = None
    education_date: date | None = None
    party_join_date: date | None = None
    work_start_date: date | None = None
    establishment: str | None = None
    hire_date: date | None = None
    hire_approved: bool | None = None
    probation_months: int | None = None
    status: str | None = None
    status_date: date | None = None
    emigrated: bool | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Unit(Record):
    id: str
    name: str
    parent_id: str | None = None
    kind: str | None = None
    level: str | None = None
    region: str | None = None
    function: str | None = None
    leader_quota: int | None = None
    mid_quota: int | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Interval(Record):
    """A record that holds over ``[start_date, end_date)``; an empty end means current."""

    start_date: date | None = None
    end_date: date | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Interval:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(
                f"end_date: 结束时间 {fmt(self.end_date)} 早于开始时间 {fmt(self.start_date)}"
            )
        return self


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Posting(Interval):
    person_id: str
    unit_id: str
    title: str
    start_date: date
    rank: str | None = None
    role: str | None = None
    change: str | None = None
    probation_end: date | None = None
    is_parttime: bool | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Supervision(Interval):
    leader_id: str
    unit_id: str


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Relation(Interval):
    """One relative or tie as written on somebody's form."""

    person_id: str
    term: str
    relative_id: str | None = None
    relative_name: str | None = None
    relative_birth_date: date | None = None
    relative_id_number: str | None = None
    relative_work: str | None = None
    emigrated: bool | None = None
    source: str | None = None

    @field_validator("term")
    @classmethod
    def _term_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("term: 称谓不能为空")
        return v.strip()


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Appointment(Record):
    id: str
    person_id: str
    unit_id: str
    title: str | None = None
    rank_from: str | None = None
    rank_to: str | None = None
    kind: str | None = None
    approval_ref: str | None = None
    proposed_on: date | None = None
    recommended_on: date | None = None
    recommend_expected: int | None = None
    recommend_attended: int | None = None
    recommenders: list[str] = Field(default_factory=list)
    inspected_on: date | None = None
    archive_reviewed_on: date | None = None
    matters_checked_on: date | None = None
    discipline_opinion_on: date | None = None
    petitions_checked_on: date | None = None
    meeting_id: str | None = None
    decided_on: date | None = None
    publicity_start: date | None = None
    publicity_end: date | None = None
    appointed_on: date | None = None
    recused_ids: list[str] = Field(default_factory=list)


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Meeting(Record):
    id: str
    date: _dt.date  # the slot named ``date`` shadows the type inside the class body
    unit_id: str | None = None
    body: str | None = None
    members_expected: int | None = None
    attendee_ids: list[str] = Field(default_factory=list)


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class InspectionTeamMember(Record):
    appointment_id: str
    member_id: str


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Discipline(Record):
    person_id: str
    kind: str
    decided_on: date
    conduct_from: date | None = None
    closed_on: date | None = None
    influence_months: int | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Review(Record):
    person_id: str
    year: int
    result: str


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class ParttimeJob(Interval):
    person_id: str
    organization: str
    paid: bool | None = None
    approved: bool | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Payroll(Record):
    person_id: str
    unit_id: str
    month: date
    amount: float | None = None


@dataclass(slots=True, kw_only=True, config=_RECORD_CONFIG)
class Petition(Record):
    person_id: str
    received_on: date
    specific: bool | None = None
    closed_on: date | None = None


#: table name -> record model, in the order the contract lists them
TABLES: dict[str, type[Record]] = {
    "persons": Person,
    "units": Unit,
    "postings": Posting,
    "supervision": Supervision,
    "relations": Relation,
    "appointments": Appointment,
    "meetings": Meeting,
    "inspection_teams": InspectionTeamMember,
    "disciplines": Discipline,
    "reviews": Review,
    "parttime_jobs": ParttimeJob,
    "payroll": Payroll,
    "petitions": Petition,
}
