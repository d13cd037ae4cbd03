"""A dataset whose every free-text field carries script and markup payloads (and a remote address)."""

from __future__ import annotations

from datetime import date

from guanxi.graph import Dataset, NxStore, build
from guanxi.graph.dataset import Rejected
from guanxi.graph.records import Person, Posting, Relation, Source, Supervision, Unit
from guanxi.queries import ScanResult, scan

#: closes an attribute, opens a script, an img with onerror, and names a remote script
PAYLOAD = ('"\'><script>document.title="PWNED"</script>'
           '<img src=x onerror="document.title=\'PWNED2\'">https://evil.example/x.js')
RAW_MARKERS = ("<script>document.title", "<img src=x", "onerror=\"document")


def p(tag: str) -> str:
    """The payload prefixed with a Chinese name, so names stay distinct."""
    return f"{tag}{PAYLOAD}"


def dataset() -> Dataset:
    return Dataset(
        persons=[Person(id="P001", name=p("张"), gender="男", native_place=p("籍"), growth_place=p("长"),
                        establishment=p("编"), status=p("状"), id_number="33038119680512001X"),
                 Person(id="P002", name=p("李"), gender="女", native_place=p("籍"))],
        units=[Unit(id="U1", name=p("局"), kind="机关"),
               Unit(id="U2", name=p("财务科"), parent_id="U1", kind="内设机构", function="财务",
                    level=p("级"))],
        postings=[
            Posting(person_id="P001", unit_id="U1", title=p("局长"), role="主要负责人",
                    start_date=date(2018, 1, 1), rank=p("职级"), change=p("变动")),
            Posting(person_id="P002", unit_id="U2", title=p("科长"), role="内设机构负责人",
                    start_date=date(2021, 3, 1), change=p("变动")),
        ],
        supervision=[Supervision(leader_id="P001", unit_id="U2", start_date=date(2018, 1, 1))],
        relations=[Relation(person_id="P002", term="丈夫", relative_id="P001"),
                   Relation(person_id="P001", term=p("称谓"), relative_name=p("亲"),
                            relative_work=p("单位"))],
        columns={"persons": {"id", "name", "gender", "native_place", "growth_place", "establishment",
                             "status", "id_number"},
                 "units": {"id", "name", "parent_id", "kind", "function", "level"},
                 "postings": {"person_id", "unit_id", "title", "role", "start_date", "rank", "change"},
                 "supervision": {"leader_id", "unit_id", "start_date"},
                 "relations": {"person_id", "term", "relative_id", "relative_name", "relative_work"}},
        rejected=[Rejected(table="persons", source=Source(file=p("人员") + ".csv", row=7),
                           column=p("列"), message=p("错误"))],
        warnings=[p("提示")],
    )


def store_and_result() -> tuple[NxStore, ScanResult]:
    store = build(dataset())
    return store, scan(store, rules=["AV01", "AV02"])
