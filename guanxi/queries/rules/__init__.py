"""The rule catalog: an explicit list, in the order of ``rules.md``."""

from guanxi.queries.rule import Rule
from guanxi.queries.rules import av01, av02, av03, av04, np01, np02, np03, np04, np05, np06, pr11

RULES: list[Rule] = [
    av01.RULE,
    av02.RULE,
    av03.RULE,
    av04.RULE,
    np01.RULE,
    np02.RULE,
    np03.RULE,
    np04.RULE,
    np05.RULE,
    np06.RULE,
    pr11.RULE,
]

__all__ = ["RULES"]
