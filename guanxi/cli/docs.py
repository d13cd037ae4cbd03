"""Generated documentation: the README's rule table from the registry (``python -m guanxi.cli.docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

from guanxi.cli.catalog import tables_text
from guanxi.queries import RULES
from guanxi.queries.finding import CATEGORY_NAMES
from guanxi.visualizations.rows import SEVERITY_ZH

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"
README = Path(__file__).resolve().parents[2] / "README.md"


def rules_table() -> str:
    """The Markdown table of every registered rule, in catalog order."""
    lines = [
        "| 编号 | 名称 | 类别 | 严重程度 | 依据 | 需要的表 |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES:
        cells = [r.code, r.title, f"{r.category} {CATEGORY_NAMES[r.category]}", SEVERITY_ZH[r.severity],
                 "；".join(r.basis), tables_text(r.needs, r.needs_one_of)]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def with_table(text: str) -> str:
    """``text`` with the part between the markers replaced by the current table."""
    head, sep, rest = text.partition(START)
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise ValueError(f"README 中缺少标记 {START} … {END}")
    return f"{head}{START}\n{rules_table()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """Rewrite README.md's rule table; with ``--check`` only report drift (exit 1)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[-1]) if args and not args[-1].startswith("-") else README
    old = path.read_text(encoding="utf-8")
    new = with_table(old)
    if "--check" in args:
        if new != old:
            print(f"{path} 的规则表已过期：运行 python -m guanxi.cli.docs 重新生成", file=sys.stderr)
            return 1
        return 0
    if new != old:
        path.write_text(new, encoding="utf-8")
        print(f"已更新 {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
