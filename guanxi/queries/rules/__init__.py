"""The rule catalog: an explicit list, in the order of ``rules.md``."""

from guanxi.queries.rule import Rule
from guanxi.queries.rules import av01, av02, av03, np01, np03, np05, np06

RULES: list[Rule] = [
    av01.RULE,
    av02.RULE,
    av03.RULE,
    np01.RULE,
    np03.RULE,
    np05.RULE,
    np06.RULE,
]

__all__ = ["RULES"]
