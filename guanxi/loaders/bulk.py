"""Build a sheet's records a chunk of rows at a time, parsing each distinct cell value once per column.

Registers repeat themselves down a column (dates, 职务, unit ids, 称谓 …), so a chunk's
column is parsed as the set of its distinct values, and records are filled field by
field with C-level ``map`` calls instead of a Python call per cell (issue 7: millions of
rows). Only the rows that are clean are built here: a row with a cell that does not
parse, a required value missing, or a record rule broken is handed back, in its place
in row order, to the row-by-row reader, which words its error (or rejects or skips it)
exactly as before. The output is therefore the same record for record.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from itertools import compress, count, repeat
from operator import lt, not_
from sys import intern
from typing import Any

from guanxi.graph.idnumber import valid_normalized_many
from guanxi.graph.records import Interval, Record, Source
from guanxi.loaders.cells import TEXT_PARSERS, key
from guanxi.loaders.make import rules_known

#: rows per chunk: large enough that per-chunk costs vanish, small enough that a chunk's records
#: stay in the processor's cache while they are filled field by field (1 << 15 was 5-8 % slower)
CHUNK = 1 << 11
#: distinct values remembered per column across chunks (the parsed values are shared)
CACHE_LIMIT = 1 << 16
_FAIL = object()  # a cell whose parser raised
_consume: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend
_new = object.__new__
_SRC_FILE, _SRC_SHEET, _SRC_ROW = (Source.__dict__[n].__set__ for n in ("file", "sheet", "row"))
_NO_START: dict[Any, date] = {None: date.min, _FAIL: date.min}  # stand-ins that no interval check trips over
_NO_END: dict[Any, date] = {None: date.max, _FAIL: date.max}
_BLANK = {"": None}  # a blank cell (stripped) is a missing value
_CACHEABLE = {str, type(None)}  # hash-equal values of these types are equal cells (not 1 / 1.0 / True)


def _parse_cell(parse: Callable[[Any], Any], v: Any) -> Any:
    """The parsed cell, None for an empty one, or ``_FAIL``."""
    if v is None or (type(v) is str and (not v or v.isspace())):
        return None
    try:
        return parse(v)
    except Exception:  # the row-by-row reader raises it again, in its turn
        return _FAIL


class _Column:
    """One contract column of the sheet: where it is, its parser and what it has seen."""

    def __init__(self, idx: int, name: str, parse: Callable[[Any], Any], kind: str) -> None:
        self.idx, self.name, self.parse, self.kind = idx, name, parse, kind
        self.cacheable = kind != "list"  # a list value must not be shared between records
        self.parse_text = TEXT_PARSERS.get(kind, parse)  # for a cell that is a str
        self.required = False  # set by Bulk: whether the record needs a value
        self.cache: dict[Any, Any] = {}  # cell -> parsed value (str: the shared value itself)
        self.failed: set[Any] = set()  # cached cells that parse to _FAIL
        self.empty: set[Any] = set()  # cached cells that parse to None

    def values(self, cells: Sequence[Any], text: bool) -> tuple[list[Any], set[int], set[int]]:
        """Parsed values, rows whose cell failed, rows whose value is missing; ``text``: all cells are str."""
        types = {str} if text else set(map(type, cells))
        if types == {str} and self.kind in ("key", "str"):
            return self._text(cells)
        if not self.cacheable or not types <= _CACHEABLE:
            parse = self.parse
            vals = [_parse_cell(parse, v) for v in cells]
            return (vals, {i for i, g in enumerate(vals) if g is _FAIL},
                    {i for i, g in enumerate(vals) if g is None} if self.required else set())
        return self._cached(cells)

    def _text(self, cells: Sequence[str]) -> tuple[list[Any], set[int], set[int]]:
        """Identifier and text columns: C-level passes (``key`` / ``text`` of a str is its strip)."""
        stripped = list(map(str.strip, cells))
        vals: list[str | None]
        if self.kind == "key":
            if all(map(str.isascii, stripped)):
                vals = list(map(intern, stripped))
            else:
                vals = [intern(s) if s.isascii() else key(s) for s in stripped]
        else:  # equal texts share one object, as pooled() does
            pool = self.cache
            vals = list(map(pool.setdefault if len(pool) < CACHE_LIMIT else pool.get, stripped, stripped))
        gone: set[int] = set()
        if "" in stripped:  # an empty or blank cell: ``str.strip`` and ``str.isspace`` agree on blanks
            vals = list(map(_BLANK.get, stripped, vals))
            if self.required:
                gone = {i for i, s in enumerate(stripped) if not s}
        return vals, set(), gone

    def _cached(self, cells: Sequence[Any]) -> tuple[list[Any], set[int], set[int]]:
        """Other kinds: each distinct cell parsed once, remembered across chunks up to a limit."""
        cache = self.cache
        distinct = set(cells)
        fresh, failed = self._parse_new(distinct.difference(cache))
        empty = {v for v, got in fresh.items() if got is None} if self.required else set()
        if len(cache) < CACHE_LIMIT:
            cache.update(fresh)
            self.failed |= failed
            self.empty |= empty
            look = cache
        else:  # this chunk's cells only: copying the whole cache would cost more
            known = distinct.difference(fresh)
            look = dict(zip(known, map(cache.__getitem__, known)))
            look.update(fresh)
        vals = list(map(look.__getitem__, cells))
        bad_cells = (self.failed | failed) & distinct
        bad = {i for i, v in enumerate(cells) if v in bad_cells} if bad_cells else set()
        gone: set[int] = set()
        if self.required:  # a missing value matters only in a required column
            gone_cells = (self.empty | empty) & distinct
            if gone_cells:
                gone = {i for i, v in enumerate(cells) if v in gone_cells}
        return vals, bad, gone

    def _parse_new(self, new: set[Any]) -> tuple[dict[Any, Any], set[Any]]:
        """Cells not seen before -> parsed value (None: blank, ``_FAIL``: fails); the failing cells."""
        parse = self.parse
        blank: set[Any] = {v for v in (None, "") if v in new}
        blank.update(filter(str.isspace, new - blank if blank else new))
        todo: Collection[Any] = new - blank if blank else new
        fresh = dict.fromkeys(blank)
        if self.kind in ("id_number", "own_id_number"):  # mostly valid numbers written as parsed
            numbers = list(todo)
            ready = valid_normalized_many(numbers)  # as parse_id_number returns it
            done = list(compress(numbers, ready))
            fresh.update(zip(done, done))
            todo = list(compress(numbers, map(not_, ready)))
        try:  # one C-level pass while every cell parses
            fresh.update(zip(todo, map(self.parse_text, todo)))
        except Exception:  # a cell that fails: each cell on its own, the row-by-row reader words it
            fresh.update((v, _parse_cell(parse, v)) for v in todo)
            return fresh, {v for v in todo if fresh[v] is _FAIL}
        return fresh, set()


class Bulk:
    """Builds ``model`` records from chunks of rows; see the module docstring."""

    def __init__(self, model: type[Record], plan: list[tuple[int, str, Callable[[Any], Any], str]],
                 extras: list[tuple[int, str]], id_from_number: bool, file: str,
                 sheet: str | None, text: bool = False) -> None:
        self.model, self.extras, self.file, self.sheet = model, extras, file, sheet
        self.text = text  # every cell is a str (CSV)
        self.cols = [_Column(idx, name, parse, kind) for idx, name, parse, kind in plan]
        self.width = 1 + max([i for i, *_ in plan] + [i for i, _ in extras], default=-1)
        self.by_name = by_name = {c.name: c for c in self.cols}
        if id_from_number:
            by_name["id"] = by_name["id_number"]
        fields = model.__pydantic_fields__
        self.required = [by_name.get(n) for n, f in fields.items() if f.is_required()]
        for col in self.cols:
            col.required = col in self.required
        #: the column giving each field (None: not supplied), its name, default, default factory
        #: (the records' factories take no argument; pydantic's other kind would take the data)
        self.fields: list[tuple[_Column | None, str, Any, Callable[[], Any] | None]]
        self.fields = [(by_name.get(n), n, f.default, f.default_factory)  # type: ignore[misc]
                       for n, f in fields.items() if n != "src"]
        self.make = _constructor(model, ["src"] + [n for _, n, _, _ in self.fields])
        self.interval = (issubclass(model, Interval)
                         and by_name.get("start_date") is not None and by_name.get("end_date") is not None)
        self.term = by_name.get("term")

    @staticmethod
    def usable(model: type[Record]) -> bool:
        """Whether the row checks of :func:`~guanxi.loaders.make.maker` cover ``model``."""
        return rules_known(model) and any(f.is_required() for f in model.__pydantic_fields__.values())

    def run(self, nums: Sequence[int], rows: Sequence[Sequence[Any]],
            one_row: Callable[[int, Sequence[Any]], Record | None], out: list[Record]) -> None:
        """Append the records of ``rows`` to ``out`` in row order; ``one_row`` handles the unclean rows."""
        n, width = len(rows), self.width
        if n == 0:
            return
        text = self.text
        if min(map(len, rows)) < width:
            rows = [r if len(r) >= width else list(r) + [None] * (width - len(r)) for r in rows]
            text = False
        table = list(zip(*rows)) if width else []
        parsed: dict[int, list[Any]] = {}
        slow: set[int] = set()
        col: _Column | None  # below also a field's column, None when the sheet lacks it
        vals: Iterable[Any]
        for col in self.cols:
            vals, bad, gone = col.values(table[col.idx], text)
            parsed[id(col)] = vals
            slow |= bad
            if gone and col in self.required:
                slow |= gone
        if None in self.required:
            slow = set(range(n))
        if self.interval:  # ends before it starts; a missing or failed date is never earlier or later
            starts, ends = parsed[id(self.by_name["start_date"])], parsed[id(self.by_name["end_date"])]
            firsts: Iterable[date] = map(_NO_START.get, starts, starts)
            lasts: Iterable[date] = map(_NO_END.get, ends, ends)
            slow.update(compress(count(), map(lt, lasts, firsts)))
        if self.term is not None:  # a term that is not stripped non-empty text, found among the distinct ones
            terms = parsed[id(self.term)]
            odd = {t for t in set(terms) if t is not None and t is not _FAIL
                   and (type(t) is not str or not t or t != t.strip())}
            if odd:
                slow.update(i for i, t in enumerate(terms) if t in odd)
        keep = None if not slow else [i not in slow for i in range(n)]

        def pick(seq: Sequence[Any]) -> list[Any]:
            return list(seq) if keep is None else list(compress(seq, keep))

        good_nums = pick(nums)
        m = len(good_nums)
        srcs = list(map(_new, repeat(Source, m)))
        _consume(map(_SRC_FILE, srcs, repeat(self.file, m)))
        _consume(map(_SRC_SHEET, srcs, repeat(self.sheet, m)))
        _consume(map(_SRC_ROW, srcs, good_nums))
        columns: list[Iterable[Any]] = [srcs]  # a value per record for each field, in make's order
        for col, name, default, factory in self.fields:
            if name == "extra" and self.extras:
                vals = pick(self._extra(rows))
            elif col is None:
                vals = [factory() for _ in range(m)] if factory is not None else repeat(default, m)
            else:
                vals = pick(parsed[id(col)])
                if factory is not None:
                    vals = [factory() if v is None else v for v in vals]
                elif default is not None and None in vals:
                    vals = [default if v is None else v for v in vals]
            columns.append(vals)
        recs = list(map(self.make, *columns))
        if not slow:
            out.extend(recs)
            return
        self._merge(nums, rows, sorted(slow), recs, one_row, out)

    def _extra(self, rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
        from guanxi.graph.records import NO_EXTRA

        extras = self.extras
        out = []
        for cells in rows:
            extra = {h: cells[i] for i, h in extras if cells[i] is not None and str(cells[i]).strip()}
            out.append(extra or NO_EXTRA)
        return out

    @staticmethod
    def _merge(nums: Sequence[int], rows: Sequence[Sequence[Any]], slow: list[int], recs: list[Record],
               one_row: Callable[[int, Sequence[Any]], Record | None], out: list[Record]) -> None:
        taken = prev = 0
        for i in slow:
            k = i - prev  # clean rows between the previous unclean row and this one
            out.extend(recs[taken:taken + k])
            taken += k
            rec = one_row(nums[i], rows[i])
            if rec is not None:
                out.append(rec)
            prev = i + 1
        out.extend(recs[taken:])


def _constructor(model: type[Record], names: list[str]) -> Callable[..., Record]:
    """``make(v0, v1, …)``: a new ``model`` record whose field ``names[i]`` is ``vi``, unchecked.

    Generated once per model, as dataclasses generate ``__init__`` (the row-by-row reader's
    :func:`~guanxi.loaders.make.maker` takes a dict instead): a plain attribute store
    on a slotted record, which the interpreter specialises, costs about a third of a call
    to the slot's descriptor (100k persons: 0.35 -> 0.13 s to fill 19 fields). The record
    class must not define ``__setattr__``, and the names are the model's own fields.
    """
    if model.__setattr__ is not object.__setattr__ or not all(map(str.isidentifier, names)):
        raise TypeError(f"{model.__name__}: fields cannot be stored directly")
    args = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"    r.{name} = v{i}\n" for i, name in enumerate(names))
    scope: dict[str, Any] = {"new": _new, "cls": model}
    exec(f"def make({args}):\n    r = new(cls)\n{body}    return r\n", scope)
    return scope["make"]  # type: ignore[no-any-return]
