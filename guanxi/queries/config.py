"""The TOML configuration: rule params, kinship scope, scan settings; validated at load."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from guanxi.graph.kinship.category import KinScope
from guanxi.queries.influence import check_section, render_section
from guanxi.queries.rule import Params, Rule
from guanxi.queries.workdays import CalendarSettings

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "data" / "guanxi.toml"


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


class ScanSettings(BaseModel):
    """``[scan]``: settings every rule shares."""

    as_of: date | None = None
    """检查基准日（默认为运行当天）。"""


class Config(BaseModel):
    """A validated configuration."""

    scan: ScanSettings = Field(default_factory=ScanSettings)
    kinship: KinScope = Field(default_factory=KinScope)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    influence: dict[str, Any] = Field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    source: str = "（内置默认值）"

    def params_for(self, rule: Rule) -> Params:
        """The rule's defaults overlaid with what the file sets."""
        values = rule.defaults()
        values.update(self.rules.get(rule.code, {}))
        return Params(values, scope=self.kinship, as_of=self.scan.as_of,
                      calendar=self.calendar.calendar(), influence=self.influence)


def _coerce(where: str, default: Any, value: Any) -> Any:
    """Check a value against its default's type; say what was expected."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{where}：应为 true 或 false，实际为 {value!r}")
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{where}：应为整数，实际为 {value!r}")
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(f"{where}：应为数字，实际为 {value!r}")
    if isinstance(default, date):
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise ConfigError(f"{where}：应为日期（如 2015-01-01），实际为 {value!r}")
    if isinstance(default, (list, tuple)):
        if isinstance(value, list):
            kinds = {type(x) for x in default}
            if kinds and not all(type(x) in kinds for x in value):
                raise ConfigError(f"{where}：列表元素类型应与默认值 {list(default)!r} 一致，实际为 {value!r}")
            return type(default)(value)
        raise ConfigError(f"{where}：应为列表（如 [\"组织\", \"人事\"]），实际为 {value!r}")
    if isinstance(default, str):
        if isinstance(value, str):
            return value
        raise ConfigError(f"{where}：应为文本，实际为 {value!r}")
    return value


def load_config(path: str | Path | None, rules: list[Rule] | None = None) -> Config:
    """Read and validate a TOML config; None gives the built-in defaults.

    Unknown sections, rules or parameters and values of the wrong type are
    errors naming the file and the key.

    Examples
    --------
    >>> load_config(None).kinship.nei_zhi
    False
    """
    from guanxi.queries.rules import RULES

    catalog = {r.code: r for r in (rules or RULES)}
    if path is None:
        return Config()
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"配置文件 {p} 不存在") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {p} 不是有效的 TOML：{exc}") from exc
    unknown = set(raw) - {"scan", "kinship", "calendar", "influence", "rules"}
    if unknown:
        raise ConfigError(f"配置文件 {p}：未知的节 [{', '.join(sorted(unknown))}]，"
                          "可用的节为 [scan]、[kinship]、[calendar]、[influence]、[rules.<规则编号>]")
    try:
        influence = check_section(raw.get("influence") or {}, f"配置文件 {p}")
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    rule_values: dict[str, dict[str, Any]] = {}
    for code, values in (raw.get("rules") or {}).items():
        rule = catalog.get(code)
        if rule is None:
            raise ConfigError(f"配置文件 {p}：未知规则 [rules.{code}]（用 guanxi rules 查看规则列表）")
        if not isinstance(values, dict):
            raise ConfigError(f"配置文件 {p}：[rules.{code}] 应为一节参数")
        defaults = rule.defaults()
        for name, value in values.items():
            if name not in defaults:
                known = "、".join(defaults) or "（无参数）"
                raise ConfigError(f"配置文件 {p}：规则 {code} 没有参数 {name}，可用参数：{known}")
            where = f"配置文件 {p}：[rules.{code}] {name}"
            rule_values.setdefault(code, {})[name] = _coerce(where, defaults[name], value)
    for section, model in (("scan", ScanSettings), ("kinship", KinScope),
                           ("calendar", CalendarSettings)):
        extra = set(raw.get(section) or {}) - set(model.model_fields)
        if extra:
            raise ConfigError(f"配置文件 {p}：[{section}] 中未知的键 {', '.join(sorted(extra))}")
        for key, value in (raw.get(section) or {}).items():
            default = model.model_fields[key].default
            if default is not None:  # pydantic alone would take "yes" for true
                _coerce(f"配置文件 {p}：[{section}] {key}", default, value)
    try:
        return Config(scan=ScanSettings(**(raw.get("scan") or {})),
                      kinship=KinScope(**(raw.get("kinship") or {})),
                      calendar=CalendarSettings(**(raw.get("calendar") or {})),
                      influence=influence,
                      rules=rule_values, source=str(p))
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        raise ConfigError(f"配置文件 {p}：{key} 取值无效（{err['msg']}）") from exc


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_default_config(rules: list[Rule] | None = None) -> str:
    """The documented default config file, generated from the rule registry."""
    from guanxi.queries.rules import RULES

    lines = [
        "# guanxi 配置文件（默认值）。复制本文件，修改需要的项，用 --config 指定。",
        "# 各地标准不同的年龄、比例、时间窗口等均在此设置；未写出的项取默认值。",
        "",
        "[scan]",
        "# 检查基准日（TM02 等规则的“截至日期”），默认为运行当天",
        "# as_of = 2026-01-01",
        "",
        "[kinship]",
        "# 回避范围：默认不含以下关系，设为 true 则纳入",
    ]
    for name, f in KinScope.model_fields.items():
        lines.append(f"# {f.description or ''}".rstrip())
        lines.append(f"{name} = {_toml_value(f.default)}")
    lines += ["", "[calendar]",
              "# 工作日日历：内置国务院公布的节假日安排（chinesecalendar 所覆盖的年份）；",
              "# 未覆盖的年份须在此填写当年全部放假日期和调休上班日期，否则公示期等按工作日计算的检查不予判断",
              "# holidays = [2027-01-01]", "# workdays = [2027-02-06]"]
    lines += ["", *render_section()]
    for rule in rules or RULES:
        if not rule.params:
            continue
        lines += ["", f"[rules.{rule.code}]  # {rule.title}"]
        for prm in rule.params:
            lines.append(f"# {prm.description}")
            lines.append(f"{prm.name} = {_toml_value(prm.default)}")
    return "\n".join(lines) + "\n"
