"""DataError: one Chinese line naming file, sheet, row and column, and what was expected."""

from __future__ import annotations

from guanxi.graph.records import Source


class DataError(Exception):
    """A problem in the user's data that stops (strict) or rejects a row (lenient).

    Attributes
    ----------
    file, sheet : where it is; ``sheet`` only for XLSX workbooks (or the JSON key).
    row : the row number the user sees (header = 1), or None for a whole-file problem.
    column : the column header as the user wrote it, or None.
    message : what is wrong and what was expected.

    Examples
    --------
    >>> err = DataError("postings.csv", None, 7, "任职时间", "无法识别的日期“2019-13-01”",
    ...                 field="start_date")
    >>> str(err)
    'postings.csv 第 7 行，列“任职时间”(start_date)：无法识别的日期“2019-13-01”'
    >>> str(DataError("units.csv", None, None, None, "缺少必填列“机构名称”(name)"))
    'units.csv：缺少必填列“机构名称”(name)'
    """

    def __init__(self, file: str, sheet: str | None, row: int | None, column: str | None,
                 message: str, *, field: str | None = None) -> None:
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        """The message as one line a person can act on."""
        where = Source(file=self.file, sheet=self.sheet).place()
        if self.row is not None:
            where += f" 第 {self.row} 行"
        if self.column is not None:
            col = f"列“{self.column}”"
            if self.field and self.field != self.column:
                col += f"({self.field})"
            where += ("，" if self.row is not None else " ") + col
        return f"{where}：{self.message}"

    def __str__(self) -> str:
        return self.line()
