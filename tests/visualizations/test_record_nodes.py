"""A cited record's tooltip shows dates at the precision they were written."""

from __future__ import annotations

from datetime import date

from guanxi.graph import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.dates import MonthDate
from guanxi.graph.records import Discipline, Person
from guanxi.visualizations.record_nodes import find_record, record_view


def test_a_day_precise_first_of_the_month_keeps_its_day_and_a_month_only_date_does_not() -> None:
    ds = Dataset(persons=[Person(id="P1", name="张三")],
                 disciplines=[Discipline(person_id="P1", kind="警告", decided_on=date(2021, 3, 1),
                                         conduct_from=MonthDate(2020, 6))],
                 columns={"persons": set(), "disciplines": set()})
    zh, rec = find_record(build(ds), "discipline/0")  # type: ignore[misc]
    _label, tip, _edge = record_view(build(ds), zh, rec)
    assert "decided_on：2021-03-01" in tip.splitlines()
    assert "conduct_from：2020.06" in tip.splitlines()


def test_records_are_found_by_id_or_row_and_unknown_ones_are_none() -> None:
    from guanxi.graph.records import Appointment, Unit
    ds = Dataset(persons=[Person(id="P1", name="张三")], units=[Unit(id="U1", name="某局")],
                 appointments=[Appointment(id="A1", person_id="P1", unit_id="U1", title="科长"),
                               Appointment(id="A2", person_id="P1", unit_id="U1", title="处长")],
                 columns={"persons": set(), "units": set(), "appointments": set()})
    store = build(ds)
    assert find_record(store, "appointment/A2") == ("选拔任用纪实", ds.appointments[1])
    assert find_record(store, "appointment/A9") is None
    assert find_record(store, "discipline/0") is None
    assert find_record(store, "posting/0") is None
