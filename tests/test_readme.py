"""The README: its two set-up commands match CI, and its rule table matches the registry."""

from __future__ import annotations

import re
from pathlib import Path

from guanxi.cli.docs import README, with_table
from guanxi.cli.docs import main as docs_main
from guanxi.queries import RULES

ROOT = Path(__file__).resolve().parents[1]
TEST_COMMAND = 'pip install ".[test]" && pytest'
DEMO_COMMAND = "pip install . && guanxi demo"


def test_readme_rule_table_matches_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "README 规则表已过期：运行 python -m guanxi.cli.docs"
    for rule in RULES:
        assert f"| {rule.code} | {rule.title} |" in text
    assert docs_main(["--check", str(README)]) == 0


def test_docs_check_reports_drift(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    stale.write_text("x\n<!-- rules:start -->\n| old |\n<!-- rules:end -->\ny\n", encoding="utf-8")
    assert docs_main(["--check", str(stale)]) == 1
    assert docs_main([str(stale)]) == 0 and docs_main(["--check", str(stale)]) == 0


def test_two_setup_commands_and_ci_runs_the_same_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    chinese = text.split("## English")[0]
    blocks = re.findall(r"```bash\n(.*?)```", chinese.split("## 快速上手")[0], re.S)
    assert [b.strip() for b in blocks] == [DEMO_COMMAND, TEST_COMMAND]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\n" + TEST_COMMAND + "\n" in ci
    assert "set -euo pipefail" in ci and "lint-imports" in ci
