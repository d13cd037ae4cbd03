"""Streaming CSV writers with the contract's Chinese column headers."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

#: file stem -> Chinese headers (aliases from the data contract), in column order
HEADERS: dict[str, tuple[str, ...]] = {
    "persons": ("人员编号", "姓名", "性别", "出生日期", "身份证号", "籍贯", "出生地", "成长地", "学历",
                "参加工作时间", "入党时间", "编制类型", "状态", "状态时间", "用工审批"),
    "units": ("机构编号", "机构名称", "上级机构", "机构类型", "机构规格", "所在地", "职能", "领导职数",
              "中层职数"),
    "postings": ("人员编号", "机构编号", "职务", "职级", "岗位类别", "任职时间", "免职时间", "变动类型"),
    "supervision": ("分管领导", "分管机构", "开始时间", "结束时间"),
    "relations": ("人员编号", "称谓", "亲属人员编号", "亲属姓名", "亲属出生日期", "亲属身份证号",
                  "工作单位及职务", "来源", "移居国（境）外"),
    "appointments": ("纪实编号", "人员编号", "机构编号", "拟任职务", "原职级", "拟任职级", "任用方式",
                     "动议时间", "民主推荐时间", "应参加人数", "实参加人数", "考察时间", "档案审核时间",
                     "个人事项核查时间", "纪检意见时间", "信访核查时间", "讨论决定时间", "公示开始",
                     "公示结束", "任职发文时间", "请示批复", "推荐人", "会议编号", "回避人员"),
    "meetings": ("会议编号", "机构编号", "会议时间", "会议类型", "应到", "实到人员"),
    "inspection_teams": ("纪实编号", "考察组成员"),
    "petitions": ("人员编号", "收到时间", "线索具体", "核查办结"),
    "disciplines": ("人员编号", "处分种类", "决定时间", "违纪行为发生时间", "结案时间"),
    "reviews": ("人员编号", "年度", "考核结果"),
    "parttime_jobs": ("人员编号", "兼职单位", "兼职开始时间", "兼职结束时间", "取酬", "审批"),
    "payroll": ("人员编号", "发放单位", "发放月份", "金额"),
}


class Writer:
    """One open CSV file per table; rows go straight to disk and are counted."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.counts: dict[str, int] = dict.fromkeys(HEADERS, 0)
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for table, header in HEADERS.items():
            f = open(out_dir / f"{table}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            self._files[table] = f
            self._writers[table] = w

    def row(self, table: str, values: list[Any] | tuple[Any, ...]) -> None:
        self._writers[table].writerow(values)
        self.counts[table] += 1

    def rows(self, table: str, values: list[list[Any]]) -> None:
        self._writers[table].writerows(values)
        self.counts[table] += len(values)

    def close(self) -> None:
        for f in self._files.values():
            f.close()
