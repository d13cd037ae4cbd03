"""Kinship: primitive steps, 称谓 normalisation, legal categories and derived links."""

from guanxi.graph.kinship.category import (
    AFFINAL,
    CATEGORIES,
    COLLATERAL,
    EXCLUDED,
    IN_SCOPE,
    LINEAL,
    OTHER,
    SPOUSE,
    KinScope,
    classify,
)
from guanxi.graph.kinship.explain import explain_pair, explain_term, render_pair, render_term
from guanxi.graph.kinship.steps import Chain, inverse, to_chinese
from guanxi.graph.kinship.terms import TERMS, TermMatch, normalize

__all__ = [
    "AFFINAL", "CATEGORIES", "COLLATERAL", "EXCLUDED", "IN_SCOPE", "LINEAL", "OTHER", "SPOUSE",
    "TERMS", "Chain", "KinScope", "TermMatch", "classify", "explain_pair", "explain_term",
    "inverse", "normalize", "render_pair", "render_term", "to_chinese",
]
