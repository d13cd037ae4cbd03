"""The house style's static checks hold: ``ruff`` and ``mypy --strict`` report nothing.

Both read their settings from pyproject.toml (``[tool.ruff]``, ``[tool.mypy]``), so the
suite checks exactly what a developer runs by hand. mypy's first run on a fresh clone
takes about 20 s; later runs reuse ``.mypy_cache`` and take about a second.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _check(*command: str) -> None:
    """Run ``python -m <command>`` at the project root; fail with its report unless it exits 0."""
    proc = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    if proc.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited {proc.returncode}:\n{proc.stdout}{proc.stderr}",
                    pytrace=False)


def test_ruff_is_clean() -> None:
    _check("ruff", "check", "guanxi", "tests", "benchmarks")


def test_mypy_strict_is_clean() -> None:
    _check("mypy", "guanxi")
