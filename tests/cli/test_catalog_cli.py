"""``guanxi rules``, ``config``, ``term``, ``--version``, ``-h`` and the generated README table."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from guanxi import __version__
from guanxi.cli import COMMANDS, main
from guanxi.queries import RULES

PACKAGED_CONFIG = Path(__file__).resolve().parents[2] / "guanxi" / "data" / "guanxi.toml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0 and r.stdout == f"guanxi {__version__}\n"


@pytest.mark.parametrize("cmd", [[]] + [[c.name] for c in COMMANDS])
def test_every_command_has_chinese_help_with_an_example(cmd: list[str]) -> None:
    for flag in ("-h", "--help"):
        r = run(*cmd, flag)
        assert r.exit_code == 0, r.output
        assert r.stdout.startswith("用法：guanxi")
        assert "示例：" in r.stdout and "显示本帮助并退出" in r.stdout


def test_main_lists_its_commands_in_order() -> None:
    out = run("-h").stdout
    section = out.split("命令:")[1]
    names = [line.split()[0] for line in section.strip().splitlines()]
    assert names == ["scan", "validate", "template", "rules", "config", "demo", "generate", "term", "kin",
                     "path", "neighbors", "timeline", "show", "triage"]


def test_rules_lists_every_registered_code() -> None:
    r = run("rules")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == f"规则目录（共 {len(RULES)} 条；guanxi rules 编号 查看判定条件和参数）"
    codes = [ln.split()[0] for ln in lines[2:] if ln and not ln.startswith(" ")]
    assert codes == [rule.code for rule in RULES]


def test_one_rule_in_full() -> None:
    rule = RULES[0]
    r = run("rules", rule.code.lower())
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == f"{rule.code}  {rule.title}"
    assert f"      判定条件：{rule.condition}" in r.stdout
    assert "依据：" + "；".join(rule.basis) in r.stdout
    for p in rule.params:
        assert f"        {p.name} = " in r.stdout and p.description in r.stdout


def test_rules_json() -> None:
    r = run("rules", "-f", "json")
    doc = json.loads(r.stdout)
    assert [d["code"] for d in doc] == [rule.code for rule in RULES]
    assert all(d["basis"] and "params" in d and d["needs"] for d in doc)


def test_unknown_rule_is_a_usage_error() -> None:
    r = run("rules", "XX99")
    assert r.exit_code == 2
    assert r.stderr.startswith("错误：未知规则 XX99（可用：") and r.stdout == ""


def test_config_is_valid_toml_and_equals_the_packaged_file() -> None:
    r = run("config")
    assert r.exit_code == 0
    tomllib.loads(r.stdout)
    assert r.stdout == PACKAGED_CONFIG.read_text(encoding="utf-8"), \
        "guanxi/data/guanxi.toml is stale: regenerate it with `guanxi config > guanxi/data/guanxi.toml`"


def test_term_table_and_json() -> None:
    r = run("term", "岳父")
    assert r.exit_code == 0
    assert r.stdout == "称谓：岳父（仅适用于男性本人）\n关系链：妻子的父亲 —— 近姻亲\n类别：近姻亲\n"
    doc = json.loads(run("term", "表哥", "-f", "json").stdout)
    assert doc["term"] == "表哥" and doc["category"] == "三代以内旁系血亲"


def test_bad_option_value_exits_2() -> None:
    assert run("term", "岳父", "--gender", "x").exit_code == 2
    assert run("scan", "x", "-f", "pdf").exit_code == 2
    assert run("nosuchcommand").exit_code == 2


@pytest.mark.parametrize("args,said", [
    (["scan"], "错误：缺少参数 DATA"),
    (["scan", ".", "--bogus"], "错误：没有选项 --bogus"),
    (["scan", ".", "--show-i"], "错误：没有选项 --show-i，是否要用 --show-id？"),
    (["scan", ".", "-f", "pdf"], "错误：'-f' / '--format' 的值无效：“pdf”不是可选值（"),
    (["demo", "--persons", "10"], "错误：'--persons' 的值无效：10 不在允许的范围（x>=50）内"),
    (["demo", "--persons", "many"], "错误：'--persons' 的值无效：“many”不是数字"),
    (["nosuch"], "错误：没有命令 nosuch"),
    (["--bogus"], "错误：没有选项 --bogus"),
    (["scan", ".", "extra"], "错误：多余的参数：extra"),
])
def test_usage_errors_are_worded_in_chinese(args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2
    assert said in r.stderr and "Error" not in r.stderr and "Try '" not in r.stderr
    assert r.stderr.startswith("用法：guanxi") and "-h 显示帮助）" in r.stderr


@pytest.mark.parametrize("cmd", [[]] + [[c.name] for c in COMMANDS])
def test_help_has_no_space_after_chinese_punctuation(cmd: list[str]) -> None:
    """A docstring line broken after '，' must not reach the reader as '， ' (click joins lines)."""
    out = run(*cmd, "-h").stdout
    assert not re.findall(r"[，。；：、）] [\u4e00-\u9fff]", out)
