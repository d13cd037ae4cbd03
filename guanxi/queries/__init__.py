"""Queries over the graph: the rule catalog, the scan, and the inspector's questions.

This layer imports only ``guanxi.graph``.
"""

from guanxi.queries.config import Config, ConfigError, load_config
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.rules import RULES
from guanxi.queries.scan import ScanResult, scan, select_rules

__all__ = [
    "RULES", "Config", "ConfigError", "Finding", "NotChecked", "ScanResult", "load_config",
    "scan", "select_rules",
]
