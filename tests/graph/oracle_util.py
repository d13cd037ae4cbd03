"""Translate the relationship.js calculator's selectors into our chains (test helper)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from relationship import Relationship
from relationship.selector import get_selectors

#: relationship.js step letters -> our primitive steps
STEP = {"f": "father", "m": "mother", "h": "husband", "w": "wife", "s": "son", "d": "daughter",
        "ob": "elder_brother", "lb": "younger_brother", "xb": "brother",
        "os": "elder_sister", "ls": "younger_sister", "xs": "sister"}


@lru_cache(maxsize=1)
def _calc() -> Relationship:
    return Relationship()


def _expand(selector: str) -> list[str]:
    """``[s,w|d,h],[f|m]`` -> every plain alternative."""
    m = re.search(r"\[([^\[\]]*)\]", selector)
    if not m:
        return [selector]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out += _expand(selector[:m.start()] + alt + selector[m.end():])
    return out


def oracle_chains(term: str) -> set[tuple[str, ...]] | None:
    """Chains the calculator gives for a term; None when it does not know the term.

    Age marks on the last person (``s&o``: an older son/cousin) and ordinals (``&1``)
    are dropped: our steps carry age only for siblings.
    """
    sels = get_selectors(term, _calc().cache_data)
    if not sels:
        return None
    out: set[tuple[str, ...]] = set()
    for sel in sels:
        for plain in _expand(sel.strip(",")):
            steps = [re.sub(r"&.*$", "", s) for s in plain.split(",") if s]
            if not steps or any(s not in STEP for s in steps):
                return None
            out.add(tuple(STEP[s] for s in steps))
    return out


__all__ = ["STEP", "oracle_chains", "product"]
