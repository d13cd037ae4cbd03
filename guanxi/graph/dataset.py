"""The dataset: every validated record of one input, and what the loader noticed on the way."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guanxi.graph.records import (
    TABLES,
    Appointment,
    Discipline,
    InspectionTeamMember,
    Meeting,
    ParttimeJob,
    Payroll,
    Person,
    Petition,
    Posting,
    Relation,
    Review,
    Source,
    Supervision,
    Unit,
)


class Rejected(BaseModel):
    """A row skipped in lenient mode, with the reason a person can act on."""

    table: str
    source: Source
    column: str | None = None
    message: str


class Candidate(BaseModel):
    """A described relative matched, or only proposed, as a roster person, and why.

    ``decision`` is ``auto`` (merged: ``relative_id`` was set), ``candidate`` (below the
    threshold or ambiguous: reported, not merged), ``confirmed`` or ``rejected`` (an
    inspector's judgement). ``reference`` is what a judgements file names the relation by.
    """

    relation: Source
    reference: str
    person_id: str
    term: str
    relative_name: str | None = None
    candidate_id: str
    score: float
    reasons: list[str] = Field(default_factory=list)
    decision: Literal["auto", "candidate", "confirmed", "rejected"]


class Dataset(BaseModel):
    """Every validated record of one dataset, and what the loader noticed on the way."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    persons: list[Person] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    postings: list[Posting] = Field(default_factory=list)
    supervision: list[Supervision] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    appointments: list[Appointment] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    inspection_teams: list[InspectionTeamMember] = Field(default_factory=list)
    disciplines: list[Discipline] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)
    parttime_jobs: list[ParttimeJob] = Field(default_factory=list)
    payroll: list[Payroll] = Field(default_factory=list)
    petitions: list[Petition] = Field(default_factory=list)

    #: tables present in the input (even if empty) -> the contract columns they had
    columns: dict[str, set[str]] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    #: described relatives matched or proposed as roster people (see :class:`Candidate`)
    candidates: list[Candidate] = Field(default_factory=list)
    #: where it was read from, for the report
    origin: str = ""

    def has(self, need: str) -> bool:
        """True when a table (``postings``) or a column (``units.function``) was supplied."""
        table, _, column = need.partition(".")
        if table not in self.columns:
            return False
        return not column or column in self.columns[table]

    def counts(self) -> dict[str, int]:
        """Rows per table, for the summary."""
        return {t: len(getattr(self, t)) for t in TABLES if t in self.columns}
