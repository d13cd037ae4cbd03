"""Birth-date checks on declared kinship at their boundaries, and the warnings' order."""

from __future__ import annotations

from datetime import date

import pytest

from guanxi.graph.builder import build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Person, Relation, Source

OWN = date(1975, 6, 1)


def _warnings(term: str, born: date, owner_gender: str = "男") -> list[str]:
    ds = Dataset(persons=[Person(id="A", name="张三", gender=owner_gender, birth_date=OWN,
                                 src=Source(file="persons.csv", row=2))],
                 relations=[Relation(person_id="A", term=term, relative_name="张某",
                                     relative_birth_date=born,
                                     src=Source(file="relations.csv", row=2))])
    build(ds)
    return [w for w in ds.warnings if "出生日期矛盾" in w]


@pytest.mark.parametrize(("term", "born", "why"), [
    ("父亲", date(1963, 6, 1), None),  # exactly 12 years older
    ("父亲", date(1963, 7, 1), "长辈出生晚于本人或年龄差过小"),  # a month short
    ("爷爷", date(1951, 6, 1), None),  # two generations: 24 years
    ("爷爷", date(1951, 7, 1), "长辈出生晚于本人或年龄差过小"),
    ("儿子", date(1987, 6, 1), None),
    ("儿子", date(1987, 5, 1), "晚辈出生早于本人或年龄差过小"),
    ("养父", date(1975, 5, 1), None),  # 拟制血亲: older by a month is enough
    ("养父", date(1975, 6, 1), "长辈出生晚于本人或年龄差过小"),
    ("哥哥", date(1975, 6, 1), None),  # the same month: cannot tell
    ("哥哥", date(1975, 7, 1), "兄姐出生晚于本人"),
    ("妹妹", date(1975, 5, 1), "弟妹出生早于本人"),
    ("妹妹", date(1975, 6, 1), None),
    ("妻子", date(1995, 6, 1), None),  # no rule for a spouse
])
def test_date_rules_at_their_boundaries(term: str, born: date, why: str | None) -> None:
    got = _warnings(term, born)
    if why is None:
        assert got == []
    else:
        assert len(got) == 1 and why in got[0]
        assert "relations.csv 第 2 行" in got[0] and "persons.csv 第 2 行" in got[0]


def test_warnings_come_form_by_form_and_each_relative_is_named_once() -> None:
    idn = {"relative_name": "李某", "relative_id_number": "11010519450301001X"}
    ps = [Person(id=i, name=n, gender=g, birth_date=OWN) for i, n, g in
          (("A", "张三", "女"), ("B", "王五", "男"), ("C", "赵六", "男"))]
    rs = [Relation(person_id=p, term=t, src=Source(file="relations.csv", row=k + 2), **kw)
          for k, (p, t, kw) in enumerate([
              ("A", "岳父", {"relative_name": "孙某", "relative_birth_date": date(1940, 1, 1)}),
              ("B", "岳父", idn), ("C", "岳母", idn), ("A", "婆婆", idn),
              ("C", "父亲", {"relative_name": "赵某", "relative_birth_date": date(1980, 1, 1)})])]
    ds = Dataset(persons=ps, relations=rs)
    build(ds)
    assert [w.split("：")[0] for w in ds.warnings] == [
        "relations.csv 第 2 行",  # A is a woman: 岳父 is a man's term
        "relations.csv 第 6 行",  # C's father is younger than C
        # one relative called a woman on A's form (first, as A comes first), a man on B's
        # and a woman again on C's: said once
        "relations.csv 第 5 行 与 relations.csv 第 3 行",
    ]


def test_rows_kept_as_rows_are_checked_whoever_owns_them() -> None:
    """Relatives named once stay their rows (never drawn); their faults are still reported, in
    roster order, and an owner whose rows are all right adds nothing."""
    ps = [Person(id=i, name=n, gender=g, birth_date=OWN) for i, n, g in
          (("A", "张三", "男"), ("B", "李四", "女"), ("C", "王五", "男"))]
    rows = [("C", "父亲", "赵某", date(1990, 1, 1)),  # C's father younger than C
            ("A", "母亲", "钱某", date(1950, 1, 1)),  # right
            ("B", "岳母", "孙某", date(1950, 1, 1)),  # B is a woman: a man's term
            ("A", "儿子", "周某", date(2000, 1, 1))]  # right
    ds = Dataset(persons=ps, relations=[
        Relation(person_id=p, term=t, relative_name=n, relative_birth_date=d,
                 src=Source(file="relations.csv", row=k + 2))
        for k, (p, t, n, d) in enumerate(rows)])
    store = build(ds)
    assert store.size()[2] == 4  # every relative kept as his row
    assert [w.split("：")[0] for w in ds.warnings] == ["relations.csv 第 4 行",
                                                      "relations.csv 第 2 行"]
    assert "该称谓只适用于男性" in ds.warnings[0] and "出生日期矛盾" in ds.warnings[1]
