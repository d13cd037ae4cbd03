"""Loaders: read a dataset written to the data contract (CSV/XLSX folder, workbook, JSON).

Public API: :func:`load_dataset` and :class:`DataError`.
"""

from guanxi.loaders.dataset import load_dataset
from guanxi.loaders.errors import DataError
from guanxi.loaders.judgements import Judgement, read_judgements
from guanxi.loaders.resolve import DEFAULT_THRESHOLD, resolve_relatives

__all__ = [
    "DEFAULT_THRESHOLD", "DataError", "Judgement", "load_dataset", "read_judgements",
    "resolve_relatives",
]
