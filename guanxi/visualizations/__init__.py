"""Outputs of a scan: terminal table, JSON, NDJSON, CSV and the XLSX report; one render function.

This layer imports only ``guanxi.graph`` and ``guanxi.queries``.
"""

from guanxi.visualizations.names import Names, mask_id_numbers
from guanxi.visualizations.render import FORMATS, RenderError, json_document, render

__all__ = ["FORMATS", "Names", "RenderError", "json_document", "mask_id_numbers", "render"]
