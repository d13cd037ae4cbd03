"""A blank register workbook laid out as the data contract: what inspectors send units to fill.

One sheet per table, named and headed in Chinese as the loader reads them (a required column
carries ``*``), and a first sheet 填表说明 that the loader passes over. Columns of identifiers
and ID numbers are formatted as text, so Excel keeps 001 and all 18 digits; coded columns offer
the contract's words in a drop-down list (another value is allowed after a warning, and the
loader names it); each header's comment says what the column takes.
"""

from __future__ import annotations

from pathlib import Path

from guanxi.graph.records import TABLES
from guanxi.loaders.cells import DATE_HINT as CELL_DATE_HINT
from guanxi.loaders.readers import GUIDE
from guanxi.loaders.schema import COLUMN_ALIASES, TABLE_ALIASES, Column, columns
from guanxi.loaders.vocab import VOCABULARY

ROWS = 2000  # rows the drop-down lists cover
DATE_HINT = "日期，" + CELL_DATE_HINT
OPEN_HINT = "“至今”或空表示尚未结束"
KIND_HINT = {
    "key": "编号（按文本填写，保留开头的 0）", "date": DATE_HINT, "bool": "是 / 否", "int": "整数",
    "float": "数值", "list": "多个编号用“、”分隔", "gender": "男 / 女",
    "id_number": "18 位公民身份号码（按文本填写）", "own_id_number": "18 位公民身份号码（按文本填写）",
}
#: what a column means where its label does not say it (from docs/data-contract.md)
NOTES = {
    ("persons", "id"): "人员的唯一编号，其他各表用它指向此人；不填时以身份证号为编号",
    ("persons", "native_place"): "地名或 6 位行政区划代码，如 浙江瑞安 / 330381",
    ("persons", "growth_place"): "成长地（地域回避用），填法同籍贯",
    ("persons", "education"): "研究生 / 大学 / 大专 / 中专 / 高中 / 初中（全称亦可）",
    ("persons", "probation_months"): "新录用人员的试用期，月数",
    ("units", "level"): "正处 / 副处 / 正科 / 副科 / 股级",
    ("units", "region"): "地名或 6 位行政区划代码",
    ("units", "parent_id"): "上级机构的机构编号：内设机构填其所在单位，下属单位填主管单位",
    ("units", "function"): "组织 / 人事 / 纪检 / 监察 / 审计 / 财务 / 业务（敏感岗位回避用）",
    ("postings", "unit_id"): "任职所在内设机构或单位的机构编号",
    ("postings", "rank"): "正处 / 副处 / 正科 / 副科 / 中层正职 / 中层副职 / 一般",
    ("postings", "start_date"): "任职决定时间",
    ("postings", "end_date"): "免职时间，现任的留空",
    ("supervision", "leader_id"): "分管领导的人员编号",
    ("supervision", "unit_id"): "被分管机构的机构编号",
    ("relations", "person_id"): "填报人（干部本人）的人员编号",
    ("relations", "term"): "称谓，如 妻子、岳父、表哥、嫂子；秘书、司机、同学等非亲属关系也填在此表",
    ("relations", "relative_id"): "亲属本人也在人员表中时填其人员编号；否则填亲属姓名、出生日期和身份证号",
    ("appointments", "recommenders"): "署名推荐人的人员编号",
    ("appointments", "meeting_id"): "讨论决定该任用的会议编号（会议表）",
    ("meetings", "attendee_ids"): "实到人员的人员编号",
}
GENERAL = [
    "本工作簿每个工作表是一张登记表，表名和列名请勿修改；带 * 的列必须填写，其余列有则填写。",
    "没有内容的表请删除该工作表；保留只有表头的表，表示经核实无此类记录，检查时会提示。",
    "日期可写 2019-08-07、2019.08、2019年8月 或 Excel 日期；只写年月时按月理解。",
    "编号列和身份证号列已设为文本格式，请勿改为数字格式（Excel 只保留 15 位数字）。",
    "有下拉选项的列请按规范取值填写；其他写法会在检查时列出。",
    "检查：guanxi validate 本文件.xlsx；扫描：guanxi scan 本文件.xlsx。",
]


def table_name(table: str) -> str:
    """The sheet name of a table: its first Chinese name (``人员``, ``任职经历`` …)."""
    return TABLE_ALIASES[table][0]


def hint(table: str, col: Column) -> str:
    """What one column takes, for its header comment and the guide.

    >>> hint("postings", columns("postings")["change"])
    '取值：新录用 / 提拔 / 平级交流 / 转任 / 调入 / 降职 / 免职 / 退出中层 / 退休（可下拉选择）'
    """
    note = NOTES.get((table, col.name), "")
    words = VOCABULARY.get((table, col.name))
    if words:
        return "；".join(p for p in (note, "取值：" + " / ".join(words) + "（可下拉选择）") if p)
    kind = KIND_HINT.get(col.kind, "")
    if col.kind == "date" and col.name.endswith("end_date"):
        kind += "；" + OPEN_HINT
    return "；".join(p for p in (note, kind) if p)


def write_template(path: str | Path, tables: list[str] | None = None) -> Path:
    """Write the blank workbook for ``tables`` (default: every table of the contract)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    chosen = [t for t in TABLES if tables is None or t in tables]
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    guide = wb.create_sheet(GUIDE)
    guide.append(["干部选拔任用登记表（guanxi 数据规范）"])
    guide["A1"].font = Font(bold=True, size=14)
    for line in GENERAL:
        guide.append([line])
    guide.append([])
    guide.append(["工作表", "列名", "必填", "填写要求"])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for width, letter in zip((16, 18, 6, 80), "ABCD"):
        guide.column_dimensions[letter].width = width
    for table in chosen:
        ws = wb.create_sheet(table_name(table))
        every = columns(table)  # in the contract's order (its aliases are listed so), then the rest
        cols = [every[n] for n in COLUMN_ALIASES[table] if n in every]
        cols += [c for n, c in every.items() if n not in COLUMN_ALIASES[table]]
        ws.append([c.label + ("*" if c.required else "") for c in cols])
        ws.freeze_panes = "A2"
        for i, col in enumerate(cols, 1):
            letter = get_column_letter(i)
            text = hint(table, col)
            head = ws.cell(row=1, column=i)
            head.font = Font(bold=True)
            if text:
                head.comment = Comment(text, "guanxi", width=300, height=90)
            ws.column_dimensions[letter].width = max(10, 2 * len(col.label) + 4)
            if col.kind in ("key", "id_number", "own_id_number", "list"):
                ws.column_dimensions[letter].number_format = "@"
            choices = VOCABULARY.get((table, col.name)) or (
                ("男", "女") if col.kind == "gender" else ("是", "否") if col.kind == "bool" else None)
            if choices:
                dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                    showErrorMessage=True, errorStyle="warning",
                                    error="不是规范取值，检查时会列出；确认要这样填写吗？")
                ws.add_data_validation(dv)
                dv.add(f"{letter}2:{letter}{ROWS + 1}")
            guide.append([table_name(table), col.label, "是" if col.required else "", text])
    out = Path(path)
    wb.save(out)
    return out
