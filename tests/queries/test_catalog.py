"""Catalog-wide checks: every rule is documented, has fixtures, and the config file matches the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_rule_fixtures import FIXTURES, make_dataset

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Person, Posting, Relation, Unit
from guanxi.queries import ConfigError, load_config, scan
from guanxi.queries.config import DEFAULT_CONFIG, render_default_config
from guanxi.queries.rules import RULES

CHINESE = re.compile(r"[\u4e00-\u9fff]")
CODES = [r.code for r in RULES]


def test_registry_codes_are_unique_and_well_formed() -> None:
    assert len(CODES) == len(set(CODES))
    assert all(re.fullmatch(r"[A-Z]{2}\d{2}", c) for c in CODES)


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_is_documented(rule) -> None:
    assert rule.basis and all(CHINESE.search(b) for b in rule.basis)
    assert rule.category in ("A", "B", "C", "D")
    assert CHINESE.search(rule.title) and CHINESE.search(rule.condition)
    assert rule.needs and all(n.split(".")[0] in Dataset.model_fields for n in rule.needs)
    assert rule.severity in ("high", "medium", "low")
    for prm in rule.params:
        assert CHINESE.search(prm.description), f"{rule.code}.{prm.name} 缺少中文说明"


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_has_found_and_absent_fixture_cases(rule) -> None:
    path = FIXTURES / f"{rule.code}.yaml"
    assert path.exists(), f"缺少规则样例 {path}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c.get("expect") for c in cases.values()), "没有应当发现问题的样例"
    assert any(not c.get("expect") for c in cases.values()), "没有不应提示的样例"


def _found_cases():
    for rule in RULES:
        doc = yaml.safe_load((FIXTURES / f"{rule.code}.yaml").read_text(encoding="utf-8"))
        for case_id, case in doc["cases"].items():
            if case.get("expect") and not case.get("config"):
                yield rule.code, case_id, case


def test_finding_ids_are_stable_and_distinct() -> None:
    owners: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for code, case_id, case in _found_cases():
        first = scan(build(make_dataset(case["data"])), rules=[code]).findings
        again = scan(build(make_dataset(case["data"])), rules=[code]).findings
        assert [f.id for f in first] == [f.id for f in again], case_id
        for f in first:
            assert f.id.startswith(f"{code}-")
            what = (code, tuple(f.persons), tuple(f.units))
            if f.id in owners:
                # the same id may only come back for the same people in the same units
                assert owners[f.id][:2] == what[:2], (case_id, f.id)
            owners[f.id] = what
    assert len({o[:2] for o in owners.values()}) == len(owners)


def test_default_config_file_is_generated_from_the_registry() -> None:
    assert DEFAULT_CONFIG.read_text(encoding="utf-8") == render_default_config(), (
        "guanxi/data/guanxi.toml 与规则参数不一致，请重新生成：\n"
        "python -c \"from guanxi.queries.config import DEFAULT_CONFIG, render_default_config; "
        "DEFAULT_CONFIG.write_text(render_default_config(), encoding='utf-8')\"")


def test_default_config_file_loads_to_the_defaults() -> None:
    cfg = load_config(DEFAULT_CONFIG)
    for rule in RULES:
        assert dict(cfg.params_for(rule)) == rule.defaults(), rule.code


@pytest.mark.parametrize(("text", "key"), [
    ("[rules.XX99]\nfoo = 1\n", "XX99"),
    ("[rules.NP01]\nmin_sise = 2\n", "min_sise"),
    ("[rules.NP01]\nmin_size = \"三\"\n", "min_size"),
    ("[rules.NP01]\nwindow_start = \"2015年\"\n", "window_start"),
    ("[rules.NP03]\nalpha = true\n", "alpha"),
    ("[rules.AV02]\nfunctions = \"财务\"\n", "functions"),
    ("[rules.AV02]\nfunctions = [1, 2]\n", "functions"),
    ("[kinship]\nnei_zi = true\n", "nei_zi"),
    ("[kinship]\nnei_zhi = \"yes\"\n", "nei_zhi"),
    ("[rulez]\n", "rulez"),
])
def test_config_errors_name_the_file_and_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "my.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and key in str(err.value)


def test_config_overrides_reach_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_text("[rules.NP01]\nmin_size = 2\nwindow_start = 2010-01-01\n", encoding="utf-8")
    params = load_config(path).params_for(next(r for r in RULES if r.code == "NP01"))
    assert params["min_size"] == 2 and params["window_start"].year == 2010


def test_rule_without_its_column_is_not_checked() -> None:
    """AV02 needs units.function: without it the scan says so instead of reporting nothing."""
    from datetime import date

    ds = Dataset(
        persons=[Person(id="P1", name="张三", gender="男"), Person(id="P2", name="李四", gender="女")],
        units=[Unit(id="E", name="市人民医院"), Unit(id="U", name="财务科", kind="内设机构", parent_id="E")],
        postings=[Posting(person_id="P1", unit_id="E", title="院长", role="主要负责人",
                          start_date=date(2018, 1, 1)),
                  Posting(person_id="P2", unit_id="U", title="会计", start_date=date(2018, 1, 1))],
        relations=[Relation(person_id="P1", term="妻子", relative_id="P2")],
        columns={"persons": {"id", "name"}, "units": {"id", "name", "kind", "parent_id"},
                 "postings": {"person_id", "unit_id", "title", "start_date", "role"},
                 "relations": {"person_id", "term", "relative_id"}},
    )
    result = scan(build(ds))
    missing = {n.rule: n.reason for n in result.not_checked}
    assert "AV02" in missing and "units.function" in missing["AV02"]
    assert "AV02" not in {f.rule for f in result.findings}
    assert {"AV01", "NP01", "NP03"}.isdisjoint(missing)


def test_missing_table_is_named_in_chinese() -> None:
    result = scan(build(Dataset(columns={"persons": {"id", "name"}})))
    reasons = {n.rule: n.reason for n in result.not_checked}
    assert set(reasons) == set(CODES)
    assert "postings（任职经历）" in reasons["NP03"]
