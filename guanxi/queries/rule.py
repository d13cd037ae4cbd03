"""The rule framework: a rule declares its law, params and tables; detect() yields findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from guanxi.graph.kinship.category import KinScope
from guanxi.graph.store import GraphStore
from guanxi.queries.finding import (
    CATEGORY_NAMES,
    Evidence,
    Finding,
    NotChecked,
    Period,
    Severity,
    stable_id,
)
from guanxi.queries.workdays import WorkCalendar


@dataclass(frozen=True)
class Param:
    """One tunable number or switch of a rule, with its default and meaning (Chinese)."""

    name: str
    default: Any
    description: str


class Params(Mapping[str, Any]):
    """A rule's parameter values plus the settings every rule shares.

    ``scope`` is the kinship scope from the config's ``[kinship]`` section and
    ``as_of`` the check date (the scan date unless the user sets one);
    ``calendar`` the working-day calendar with the config's ``[calendar]`` days.
    """

    def __init__(self, values: Mapping[str, Any], scope: KinScope | None = None,
                 as_of: date | None = None, calendar: WorkCalendar | None = None,
                 influence: Mapping[str, Any] | None = None) -> None:
        self._values = dict(values)
        #: the config's ``[influence]`` entries (local kinds and months), see queries.influence
        self.influence = dict(influence or {})
        self.scope = scope or KinScope()
        self.as_of = as_of or date.today()
        self.calendar = calendar or WorkCalendar()

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


Detect = Callable[[GraphStore, Params], Iterable["Finding | NotChecked"]]


@dataclass(frozen=True)
class Rule:
    """A detection rule of the catalog (``rules.md``)."""

    code: str
    title: str
    category: str  # A, B, C or D
    basis: tuple[str, ...]
    needs: tuple[str, ...]
    detect: Detect
    params: tuple[Param, ...] = ()
    severity: Severity = "high"
    condition: str = ""
    optional: tuple[str, ...] = field(default=())
    #: groups of tables or columns of which at least one must be present: a promotion, for one,
    #: is read from postings.rank, postings.change or appointments, and without all three a
    #: promotion rule would report "no problems" on data that cannot show one
    needs_one_of: tuple[tuple[str, ...], ...] = field(default=())

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def missing(self, store: GraphStore) -> list[str]:
        """Required tables or columns absent from the data; an unmet group as ``a|b|c``."""
        out = [n for n in self.needs if not store.has(n)]
        out += ["|".join(g) for g in self.needs_one_of if not any(store.has(n) for n in g)]
        return out

    def finding(
        self,
        *,
        persons: Iterable[str],
        units: Iterable[str],
        start: date | None,
        end: date | None,
        explanation: str,
        nodes: Iterable[str] = (),
        edges: Iterable[str] = (),
        key: tuple[object, ...] | None = None,
        severity: Severity | None = None,
        facts: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a finding of this rule with sorted persons and a stable id.

        ``key`` identifies the case for the id; by default the persons, units
        and start date.
        """
        ps = sorted(set(persons))
        us = sorted(set(units), key=units_order(units))
        ident = key if key is not None else (ps, sorted(us), start.isoformat() if start else None)
        return Finding(
            id=stable_id(self.code, *ident),
            rule=self.code,
            title=self.title,
            severity=severity or self.severity,
            category=CATEGORY_NAMES[self.category],
            persons=ps,
            units=us,
            # populate_by_name: the field's own name is accepted beside its alias ``from``, which
            # the type checker does not know without pydantic's plugin
            period=Period(from_=start, to=end),  # type: ignore[call-arg]
            explanation=explanation,
            basis=list(self.basis),
            evidence=Evidence(nodes=_unique(nodes), edges=_unique(edges)),
            facts=facts or {},
        )

    def not_checked(self, reason: str, persons: Iterable[str] = ()) -> NotChecked:
        return NotChecked(rule=self.code, reason=reason, persons=sorted(set(persons)))


def units_order(units: Iterable[str]) -> Callable[[str], int]:
    """Keep units in the order the rule named them (entity first), without repeats."""
    order: dict[str, int] = {}
    for u in units:
        order.setdefault(u, len(order))
    return lambda u: order[u]


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)
