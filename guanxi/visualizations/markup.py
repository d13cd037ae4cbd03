"""HTML helpers shared by the graph pages and the report: escaping, no remote references, UTF-8 files."""

from __future__ import annotations

import html
import re
from pathlib import Path

#: labels and text in Chinese on Windows, macOS and Linux intranet machines, no web fonts
FONT_STACK = ("'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', "
              "'Source Han Sans SC', SimSun, sans-serif")
#: a scheme separator; written files must not contain one, so no page can refer to a remote address
_SCHEME = re.compile(r":(?=//)")

NOTICE = ("说明：图中的连线和本报告列出的线索是根据登记数据比对得到的疑点，"
          "是需要核实的线索，不是违规的证据或结论。")

BASE_CSS = f"""
body {{ font-family: {FONT_STACK}; margin: 0 auto; max-width: 1200px; padding: 12px 20px;
       color: #222; background: #fff; line-height: 1.5; }}
h1 {{ font-size: 22px; margin: 8px 0; }} h2 {{ font-size: 18px; margin: 18px 0 6px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f0; }}
.notice {{ background: #fff7e0; border: 1px solid #e8c060; padding: 6px 10px; margin: 8px 0; }}
.meta td:first-child {{ width: 7em; color: #555; white-space: nowrap; }}
.sev-high {{ color: #b00020; font-weight: bold; }} .sev-medium {{ color: #a05a00; }}
.sev-low {{ color: #555; }}
.muted {{ color: #777; }}
.status-confirmed {{ color: #b00020; }} .status-dismissed {{ color: #777; }}
.status-pending {{ color: #a05a00; }}
.bar {{ display: inline-block; height: 12px; background: #4e79a7; vertical-align: middle; }}
a {{ color: #1f4e99; }}
#findings td:nth-child(3) {{ min-width: 9em; }} #findings td:nth-child(4) {{ white-space: nowrap; }}
#findings td:nth-child(8) {{ min-width: 18em; }} .filters {{ margin: 6px 0; }}
"""


def neutralise(text: str) -> str:
    """``http://x`` -> ``http:/\\/x``: the same string inside JavaScript or JSON, but not a reference.

    Used on script and JSON text, where ``\\/`` is an escaped slash.
    """
    return text.replace("://", ":/\\/")


def esc(value: object) -> str:
    """Text for HTML (element content or a quoted attribute); a scheme's colon becomes ``&#58;``."""
    text = "" if value is None else str(value)
    return _SCHEME.sub("&#58;", html.escape(text, quote=True))


def page(title: str, body: str, *, css: str = "") -> str:
    """A complete HTML document with the shared style; ``title`` is plain text, ``body`` markup."""
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 (never the platform's code page), refusing remote references."""
    if "://" in text:
        raise ValueError(f"{path}: 写出的网页中不应含有远程地址")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
