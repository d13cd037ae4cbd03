"""The rule catalog: an explicit list, in the order of ``rules.md``."""

from guanxi.queries.rule import Rule
from guanxi.queries.rules import av01

RULES: list[Rule] = [
    av01.RULE,
]

__all__ = ["RULES"]
