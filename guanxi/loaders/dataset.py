"""load_dataset: read every table, validate rows, check cross-references, resolve relatives."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guanxi.graph.dataset import Dataset
from guanxi.graph.records import TABLES
from guanxi.loaders.convert import birth_mismatches, invalid_id_numbers, read_sheet
from guanxi.loaders.errors import DataError
from guanxi.loaders.judgements import read_judgements
from guanxi.loaders.lrmx import merge_forms
from guanxi.loaders.readers import discover
from guanxi.loaders.references import Checker
from guanxi.loaders.resolve import DEFAULT_THRESHOLD, resolve_relatives
from guanxi.loaders.unitkinds import settle_kinds
from guanxi.loaders.vocab import settle_words


def load_dataset(path: str | Path, *, lenient: bool = False,
                 progress: Callable[[str], None] | None = None,
                 judgements: Path | None = None,
                 match_threshold: float = DEFAULT_THRESHOLD) -> Dataset:
    """Read a dataset written to the data contract and validate it.

    Parameters
    ----------
    path : a folder of CSV/XLSX files (one table per file), one XLSX workbook (one table per
        sheet), one JSON document ``{"persons": [...], ...}`` or one CSV file.
    lenient : skip bad rows (and rows that depend on them) and list them in
        ``dataset.rejected`` instead of raising the first :class:`DataError`.
    progress : called with a Chinese message per step (``读取 postings.csv``).
    judgements : the inspectors' judgements CSV on relative matches; a ``judgements.csv`` (or
        ``研判.csv``) in a dataset folder is used when this is not given.
    match_threshold : the score at which a described relative is merged with a roster person.

    Returns
    -------
    Dataset
        Records per table; ``columns`` has the contract columns of each table supplied.

    Raises
    ------
    DataError
        The first problem (strict), or a problem with a whole file (both modes).

    Notes
    -----
    One pass over the rows plus hash lookups: O(rows), a pydantic validation per row.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "人员.csv").write_text("编号,姓名,出生年月\\nP1,张三,1975.03\\n", encoding="utf-8")
    >>> ds = load_dataset(d)
    >>> ds.persons[0].name, ds.persons[0].birth_date, sorted(ds.columns["persons"])
    ('张三', MonthDate(1975, 3), ['birth_date', 'id', 'name'])
    """
    # Millions of new records make the cyclic garbage collector rescan the whole heap again
    # and again; records hold no cycles, so pause it while loading (3x faster at 100k persons).
    was_enabled = gc.isenabled()
    gc.disable()
    loaded = False
    try:
        ds = _load(Path(path), lenient, progress or (lambda _msg: None), judgements,
                   match_threshold)
        loaded = True
        return ds
    finally:
        if was_enabled:
            if loaded:
                # The records live as long as the dataset: out of the collector's generations,
                # or its next full pass walks all of them (100k persons: 200k small objects
                # made after the load took 2.7-2.9 s, now 0.09-0.12 s). As after the build.
                gc.freeze()
            gc.enable()


def _load(root: Path, lenient: bool, say: Callable[[str], None], judgements: Path | None,
          match_threshold: float) -> Dataset:
    found = discover(root, skip=Path(judgements) if judgements else None)
    ds = Dataset(origin=str(root))
    ds.warnings.extend(found.warnings)
    tables: dict[str, list[Any]] = {}
    headers: dict[str, dict[str, str]] = {}
    rejected_keys: dict[str, dict[str, str]] = {}
    warned: set[tuple[str, str]] = set()
    empty: dict[str, str] = {}  # table -> the first sheet of it that had a header and no rows
    for sheet in found.sheets:
        assert sheet.table is not None
        say(f"读取 {sheet.where}")
        got = read_sheet(sheet, lenient=lenient, warned=warned, warnings=ds.warnings)
        tables.setdefault(sheet.table, []).extend(got.records)
        ds.columns.setdefault(sheet.table, set()).update(got.present)
        for name, header in got.headers.items():
            headers.setdefault(sheet.table, {}).setdefault(name, header)
        ds.rejected.extend(got.rejected)
        rejected_keys.setdefault(sheet.table, {}).update(got.rejected_keys)
        if not got.records and not got.rejected:
            empty.setdefault(sheet.table, sheet.where)
    if found.forms:
        say(f"读取干部任免审批表 {len(found.forms)} 份")
        merge_forms(found.forms, tables, ds, lenient=lenient, warned=warned, headers=headers)
    if not found.sheets and not found.forms:  # a wrong folder must not read as "no problems found"
        seen = "；".join(found.warnings)
        raise DataError(root.name, None, None, None,
                        "没有找到可识别的表：文件名或工作表名应为表名，如 人员.csv、机构.csv、任职经历.csv"
                        + (f"（{seen}）" if seen else ""))
    say("核对表间引用")
    checker = Checker(tables, headers, rejected_keys, lenient)
    checker.run()
    ds.rejected.extend(checker.rejected)
    order = {t: i for i, t in enumerate(TABLES)}
    ds.rejected.sort(key=lambda r: (order[r.table], r.source.file, r.source.sheet or "",
                                    r.source.row or 0))
    ds.warnings.extend(checker.warnings)
    for table in TABLES:
        if table in tables:
            setattr(ds, table, tables[table])
    for table, where in empty.items():
        if not tables.get(table) and not any(r.table == table for r in ds.rejected):
            ds.warnings.append(f"{where}：只有表头，没有数据行；检查时按“无此类记录”对待，"
                               "如尚未填写，请删除该表")
    for table in ("persons", "postings", "units", "appointments", "reviews"):  # coded columns (vocab)
        ds.warnings.extend(settle_words(table, getattr(ds, table), headers.get(table, {})))
    ds.warnings.extend(settle_kinds(ds.units))
    ds.warnings.extend(invalid_id_numbers(ds.persons))  # type: ignore[arg-type]
    ds.warnings.extend(birth_mismatches(ds.persons))  # type: ignore[arg-type]
    if ds.relations:
        say("匹配家庭成员与在册人员")
        judge_file = judgements or found.judgements
        resolve_relatives(ds, threshold=match_threshold,
                          judgements=read_judgements(judge_file) if judge_file else [])
    return ds
