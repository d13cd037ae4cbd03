"""``guanxi template``: the blank register workbook units fill and inspectors scan."""

from __future__ import annotations

from pathlib import Path

import click

from guanxi.cli.common import CliError, debug_option
from guanxi.cli.help import Command
from guanxi.loaders.schema import table_for
from guanxi.loaders.template import write_template


@click.command("template", cls=Command, help="""写出空白登记表模板（XLSX）：每张表一个工作表，列名按数据规范。

首页“填表说明”逐列说明填写要求；编号和身份证号列为文本格式，规范取值的列有下拉选项。
各单位填好后可直接 guanxi validate / guanxi scan。

\b
示例：
  guanxi template
  guanxi template -o 卫健系统登记表.xlsx --tables 人员,机构,任职经历,分管,家庭成员及社会关系
""")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("登记表模板.xlsx"),
              show_default=True, help="写入的 XLSX 文件")
@click.option("--tables", metavar="TABLES", help="只包含这些表，中文或英文表名，用逗号分隔（默认全部）")
@debug_option
def template_cmd(output: Path, tables: str | None) -> None:
    chosen = None
    if tables:
        chosen = []
        for name in (t.strip() for t in tables.replace("，", ",").split(",")):
            table = table_for(name) if name else None
            if name and table is None:
                raise CliError(f"不认识的表名“{name}”，可用 人员、机构、任职经历、分管、家庭成员及社会关系 等")
            if table:
                chosen.append(table)
    out = write_template(output, chosen)
    click.echo(f"已写入 {out}")
