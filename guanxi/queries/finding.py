"""Findings: what a rule reports, with a stable id and the evidence it rests on."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["high", "medium", "low"]

#: the seed's three problem categories (seed 000 整治重点) and daily supervision
CATEGORY_NAMES = {
    "A": "选人用人导向扶正纠偏不力",
    "B": "违规提拔任用和违规招聘",
    "C": "违反干部选拔任用程序规定",
    "D": "干部日常监督管理",
}


class Period(BaseModel):
    """When the problem held; ``to`` None means it still holds."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(default=None, alias="from")
    to: date | None = None


class Evidence(BaseModel):
    """Node and edge ids of the graph the finding rests on."""

    nodes: list[str] = Field(default_factory=list)
    edges: list[str] = Field(default_factory=list)


class Finding(BaseModel):
    """One problem lead, explained in one checkable Chinese sentence."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    rule: str
    title: str
    severity: Severity
    category: str
    persons: list[str]
    units: list[str]
    period: Period
    explanation: str
    basis: list[str]
    evidence: Evidence
    facts: dict[str, Any] = Field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON shape (``period.from``, ISO dates)."""
        return self.model_dump(mode="json", by_alias=True)


class NotChecked(BaseModel):
    """A rule, or one case of it, that could not be decided, and why."""

    rule: str
    reason: str
    persons: list[str] = Field(default_factory=list)


def stable_id(rule: str, *key: object) -> str:
    """``AV01-3f2a9c81d0``: the rule code and a hash of what identifies the case.

    The key should name the people, units and the start of the problem, not
    wording, so the id survives a re-run and an improved explanation.

    Examples
    --------
    >>> stable_id("AV01", ["P1", "P2"], "U1") == stable_id("AV01", ["P1", "P2"], "U1")
    True
    >>> stable_id("AV01", "x").startswith("AV01-")
    True
    """
    text = "|".join(repr(k) for k in key)
    return f"{rule}-{hashlib.sha1(f'{rule}|{text}'.encode()).hexdigest()[:10]}"
