"""A hop (one relation between two people, as path and neighbour queries walk it) and the
relation types a query may ask for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from guanxi.graph.store import DERIVED_KIN, KIN, TIE

#: relation types a query may ask for, with their Chinese names, in display order
TYPES: dict[str, str] = {
    "kin": "亲属", "spouse": "夫妻", "colleague": "同事", "former_colleague": "原同事",
    "supervision": "分管", "recommendation": "推荐", "hometown": "同乡",
    "secretary": "身边工作人员", "tie": "其他社会关系",
}
ORDER = {t: i for i, t in enumerate(TYPES)}
#: tie terms that make someone part of a leader's personal staff
SECRETARY_WORDS = ("秘书", "司机", "办公室")
#: units (and places) with more members than this are not expanded unless asked
UNIT_CAP = 500
#: edge kinds that relate two people directly
RELATIONS = (KIN, TIE, DERIVED_KIN)


class Hop(NamedTuple):
    """One relation from ``src`` to ``dst``.

    ``edges`` are in travel order; ``via`` is the unit, place or appointment the
    hop goes through; ``forward`` is True when ``src`` is the side the record
    speaks for (the form owner, the leader, the recommender). ``start``/``end``
    bound the time the relation held (None: timeless or unknown). A named tuple:
    a search makes one per candidate, and it is the cheapest record to make.
    """

    src: str
    dst: str
    type: str
    edges: tuple[str, ...]
    start: date | None = None
    end: date | None = None
    via: str | None = None
    forward: bool = True

    def reversed(self) -> Hop:
        """The same relation walked the other way."""
        return Hop(self.dst, self.src, self.type, self.edges[::-1], self.start, self.end,
                   self.via, not self.forward)


def resolve_types(via: Iterable[str] | None, as_of: date | None = None) -> frozenset[str]:
    """The relation types a query walks; unknown names raise ``ValueError``.

    ``kin`` includes ``spouse``. By default every type is walked, except that with
    ``as_of`` former colleagues are left out (they do not hold on that date)
    unless named.

    Examples
    --------
    >>> sorted(resolve_types(["kin"]))
    ['kin', 'spouse']
    >>> "former_colleague" in resolve_types(None, date(2020, 1, 1))
    False
    """
    if via is None:
        got = set(TYPES)
        if as_of is not None:
            got.discard("former_colleague")
        return frozenset(got)
    got = set(via)
    bad = got - set(TYPES)
    if bad:
        raise ValueError(f"未知的关系类型：{'、'.join(sorted(bad))}（可选：{'、'.join(TYPES)}）")
    if "kin" in got:
        got.add("spouse")
    return frozenset(got)


def is_spouse(chains: list[tuple[str, ...]]) -> bool:
    """True when a kin edge means husband or wife (a single spouse step).

    Examples
    --------
    >>> is_spouse([("wife",)]), is_spouse([("wife", "father")])
    (True, False)
    """
    return any(len(c) == 1 and c[0] in ("wife", "husband", "spouse") for c in chains)
