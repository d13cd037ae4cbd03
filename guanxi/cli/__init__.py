"""The ``guanxi`` command line: one module per command group, registered explicitly here."""

from __future__ import annotations

import click

from guanxi import __version__
from guanxi.cli.catalog import config_cmd, rules_cmd
from guanxi.cli.common import debug_option
from guanxi.cli.demo import demo_cmd, generate_cmd
from guanxi.cli.explore import neighbors_cmd, path_cmd, timeline_cmd
from guanxi.cli.help import CONTEXT, Group
from guanxi.cli.kinship import kin_cmd, term_cmd
from guanxi.cli.scan import scan_cmd, validate
from guanxi.cli.show import show_cmd
from guanxi.cli.template import template_cmd
from guanxi.cli.triage import triage_cmd

#: every command of ``guanxi``, in the order ``guanxi -h`` lists them
COMMANDS: list[click.Command] = [
    scan_cmd, validate, template_cmd, rules_cmd, config_cmd, demo_cmd, generate_cmd, term_cmd, kin_cmd,
    path_cmd, neighbors_cmd, timeline_cmd, show_cmd, triage_cmd,
]


@click.group("guanxi", cls=Group, context_settings=CONTEXT, help="""guanxi：选人用人专项检查的离线关系图谱工具。

\b
读入各单位报送的人员、机构、任职、分管、家庭成员等登记表，构建关系图谱，
找出亲属任职未回避、近亲繁殖、从原任职地带人等问题线索。全部计算在本机完成，不联网。

\b
示例：
  guanxi demo                                  # 用样例数据演示
  guanxi scan ./登记表/ -f xlsx -o 线索.xlsx     # 扫描自己的数据
  guanxi template                              # 空白登记表模板（发给各单位填写）
  guanxi rules                                 # 规则目录
  guanxi config > my.toml                      # 默认配置

退出码：0 无线索，1 有线索，2 用法、数据或配置错误，3 内部错误。
""")
@click.version_option(__version__, "-V", "--version", prog_name="guanxi", message="%(prog)s %(version)s",
                      help="显示版本并退出")
@debug_option
def main() -> None:
    """The guanxi command group."""


for _cmd in COMMANDS:
    _cmd.context_settings = {**CONTEXT, **_cmd.context_settings}
    main.add_command(_cmd)

__all__ = ["COMMANDS", "main"]
