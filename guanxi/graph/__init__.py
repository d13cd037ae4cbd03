"""The data model and the store: records, dates, kinship, and the graph built from them.

This layer imports nothing else of guanxi.
"""

from guanxi.graph.builder import build
from guanxi.graph.dataset import Dataset, Rejected
from guanxi.graph.nxstore import NxStore
from guanxi.graph.records import TABLES, Source
from guanxi.graph.store import GraphStore, Held, KinLink, pnode, unode

__all__ = [
    "TABLES", "Dataset", "GraphStore", "Held", "KinLink", "NxStore", "Rejected", "Source",
    "build", "pnode", "unode",
]
