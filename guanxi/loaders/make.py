"""Build records from cells the parsers have already typed; pydantic words the errors.

Every cell of a sheet has been read by its column's parser (:mod:`guanxi.loaders.cells`),
which returns the field's type or raises an error naming the cell. What a record still
needs is checked here for the whole row at once: the required values are present and
the record's own rules hold (an interval does not end before it starts, a 称谓 is not
blank). A row that passes becomes a record directly, at about a third of the cost of a
pydantic validation (issue 7: millions of rows). A row that does not pass goes through
pydantic, so its error is worded exactly as before; a model with a validator this
module does not know is always validated by pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guanxi.graph.records import Interval, Record

#: the record validators whose rule :func:`maker` checks itself
KNOWN_VALIDATORS = {"_end_not_before_start", "_term_not_blank"}


def rules_known(model: type[Record]) -> bool:
    """Whether every validator of ``model`` is one whose rule this module checks itself."""
    decorators = model.__pydantic_decorators__
    used = set(decorators.field_validators) | set(decorators.model_validators)
    return not used - KNOWN_VALIDATORS


def maker(model: type[Record]) -> Callable[[dict[str, Any]], Record]:
    """A function turning one row's parsed values into a ``model`` record.

    Examples
    --------
    >>> from datetime import date
    >>> from guanxi.graph.records import Posting
    >>> make = maker(Posting)
    >>> make({"person_id": "P1", "unit_id": "U1", "title": "科长", "start_date": date(2020, 1, 1)})
    Posting(src=None, extra={}, start_date=datetime.date(2020, 1, 1), end_date=None, person_id='P1',
            unit_id='U1', title='科长', rank=None, role=None, change=None, probation_end=None,
            is_parttime=None)
    >>> from pydantic import ValidationError
    >>> try:
    ...     make({"person_id": "P1", "unit_id": "U1", "title": "科长",
    ...           "start_date": date(2020, 1, 1), "end_date": date(2019, 1, 1)})
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["ctx"]["error"])
    end_date: 结束时间 2019-01-01 早于开始时间 2020-01-01
    """
    validate = model.__pydantic_validator__.validate_python
    if not rules_known(model):
        return validate
    fields = model.__pydantic_fields__
    required = [n for n, f in fields.items() if f.is_required()]
    defaults = [(n, f.default) for n, f in fields.items()
                if not f.is_required() and f.default_factory is None]
    # the records' factories take no argument (pydantic's other kind would take the validated data)
    factories: list[tuple[str, Callable[[], Any]]]
    factories = [(n, f.default_factory) for n, f in fields.items() if f.default_factory is not None]  # type: ignore[misc]
    interval = issubclass(model, Interval)
    has_term = "term" in fields
    new = object.__new__

    def make(data: dict[str, Any]) -> Record:
        rec = new(model)
        try:
            for name in required:
                setattr(rec, name, data[name])
        except KeyError:
            return validate(data)  # type: ignore[no-any-return]  # raises: a value is missing
        for name, default in defaults:
            setattr(rec, name, data.get(name, default))
        for name, factory in factories:
            setattr(rec, name, data[name] if name in data else factory())
        if interval:
            start, end = rec.start_date, rec.end_date  # type: ignore[attr-defined]
            if start is not None and end is not None and end < start:
                return validate(data)  # type: ignore[no-any-return]  # raises, worded by the model
        if has_term and (type(rec.term) is not str or not rec.term or rec.term != rec.term.strip()):  # type: ignore[attr-defined]
            return validate(data)  # type: ignore[no-any-return]
        return rec

    return make
