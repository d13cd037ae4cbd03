"""guanxi: offline knowledge-graph detector of relationship conflicts in cadre selection."""

__version__ = "0.1.0"
