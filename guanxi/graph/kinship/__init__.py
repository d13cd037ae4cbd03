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
from guanxi.graph.kinship.steps import Chain, inverse, to_chinese
from guanxi.graph.kinship.terms import TERMS, TermMatch, normalize

__all__ = [
    "AFFINAL", "CATEGORIES", "COLLATERAL", "EXCLUDED", "IN_SCOPE", "LINEAL", "OTHER", "SPOUSE",
    "Chain", "KinScope", "TERMS", "TermMatch", "classify", "inverse", "normalize", "to_chinese",
]
