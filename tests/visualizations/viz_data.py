"""A small scan result built in memory (no loaders): one couple in a reporting line, in finance."""

from __future__ import annotations

from datetime import date

from guanxi.graph import Dataset, NxStore, build
from guanxi.graph.dataset import Rejected
from guanxi.graph.records import Person, Posting, Relation, Source, Supervision, Unit
from guanxi.queries import ScanResult, scan

ID_NUMBER = "33038119680512001X"
MASKED = "330381********001X"


def dataset() -> Dataset:
    return Dataset(
        persons=[Person(id="P001", name="张建国", gender="男", id_number=ID_NUMBER),
                 Person(id="P002", name="李秀英", gender="女"),
                 Person(id="P003", name="王磊", gender="男"),
                 Person(id="P004", name="刘芳", gender="女")],
        units=[Unit(id="U1", name="市卫生健康局", kind="机关"),
               Unit(id="U2", name="财务科", parent_id="U1", kind="内设机构", function="财务"),
               Unit(id="U3", name="医政科", parent_id="U1", kind="内设机构", function="业务")],
        postings=[
            Posting(person_id="P001", unit_id="U1", title="局长", role="主要负责人", start_date=date(2018, 1, 1)),
            Posting(person_id="P002", unit_id="U2", title="科长", role="内设机构负责人",
                    start_date=date(2021, 3, 1)),
            Posting(person_id="P003", unit_id="U3", title="科长", role="内设机构负责人",
                    start_date=date(2019, 6, 1)),
            Posting(person_id="P004", unit_id="U3", title="科员", role="一般", start_date=date(2020, 9, 1)),
        ],
        supervision=[Supervision(leader_id="P001", unit_id="U2", start_date=date(2018, 1, 1))],
        relations=[Relation(person_id="P002", term="丈夫", relative_id="P001")],
        columns={"persons": {"id", "name", "gender", "id_number"},
                 "units": {"id", "name", "parent_id", "kind", "function"},
                 "postings": {"person_id", "unit_id", "title", "role", "start_date"},
                 "supervision": {"leader_id", "unit_id", "start_date"},
                 "relations": {"person_id", "term", "relative_id"}},
        rejected=[Rejected(table="persons", source=Source(file="人员.csv", row=7), column="身份证号",
                           message=f"身份证号 {ID_NUMBER[:-1]}1 校验位错误")],
        warnings=["人员.csv：未知列“备注”已保留"],
    )


def store_and_result(rules: list[str] | None = None) -> tuple[NxStore, ScanResult]:
    store = build(dataset())
    return store, scan(store, rules=rules)
