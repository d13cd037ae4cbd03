"""干部任免审批表 (.lrmx) forms: owners matched to the roster, family rows as relations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guanxi.graph import build
from guanxi.loaders import load_dataset
from guanxi.loaders.errors import DataError
from guanxi.queries import load_config, scan

DATA = Path(__file__).resolve().parents[1] / "data"
FORM = """<?xml version="1.0" encoding="{enc}"?>
<Person><XingMing>{name}</XingMing><XingBie>女</XingBie><ChuShengNianYue>1985.01</ChuShengNianYue>
<ShenFenZheng>{idn}</ShenFenZheng>
<JiaTingChengYuan>
<Item><ChengWei>父亲</ChengWei><XingMing>孙国庆</XingMing><ChuShengRiQi>{birth}</ChuShengRiQi></Item>
</JiaTingChengYuan></Person>
"""


def folder(tmp_path: Path, *forms: str) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    for name in ("人员", "机构", "任职经历"):
        shutil.copy(DATA / "independent" / f"{name}.csv", d)
    for f in forms:
        shutil.copy(DATA / "lrmx" / f, d)
    return d


def test_forms_are_matched_to_roster_and_give_relations(tmp_path: Path) -> None:
    ds = load_dataset(folder(tmp_path, "黄志强.lrmx", "吴海.lrmx"))
    assert len(ds.persons) == 28  # both owners found on the roster by name and birth month
    mine = [r for r in ds.relations if r.person_id == "P03"]
    assert [r.term for r in mine] == ["妻子", "儿子", "岳父", "父亲"]
    father = mine[3]
    assert father.relative_birth_date is None and father.source == "干部任免审批表"
    assert father.src is not None
    assert father.src.label() == "黄志强.lrmx[家庭主要成员及重要社会关系] 第 4 行"
    huang = next(p for p in ds.persons if p.id == "P03")
    assert huang.party_join_date is not None and huang.extra["现任职务"] == "县人民医院内科主任"
    assert not [w for w in ds.warnings if "未知列" in w]


def test_an_owner_written_with_a_space_or_full_width_is_still_the_roster_person(tmp_path: Path) -> None:
    d = folder(tmp_path, "吴海.lrmx")
    text = (DATA / "lrmx" / "黄志强.lrmx").read_text(encoding="utf-8")
    (d / "黄志强.lrmx").write_text(text.replace("<XingMing>黄志强<", "<XingMing>黄　志强<"),
                                  encoding="utf-8")
    ds = load_dataset(d)
    assert len(ds.persons) == 28  # matched as the roster's 黄志强 (P03), not added as a new person
    assert [r.term for r in ds.relations if r.person_id == "P03"] == ["妻子", "儿子", "岳父", "父亲"]


def test_kin_through_the_same_father_in_law_on_two_forms(tmp_path: Path) -> None:
    store = build(load_dataset(folder(tmp_path, "黄志强.lrmx", "吴海.lrmx")))
    found = scan(store, load_config(None), ["AV01"]).findings
    assert [f.persons for f in found] == [["P03", "P04"]]
    assert "吴海.lrmx[家庭主要成员及重要社会关系] 第 2 行" in found[0].explanation


def test_form_without_roster_is_a_new_person_and_gb2312_is_read(tmp_path: Path) -> None:
    (tmp_path / "孙丽娟.lrmx").write_bytes(
        FORM.format(enc="GB2312", name="孙丽娟", idn="", birth="1958.03").encode("gb2312"))
    ds = load_dataset(tmp_path / "孙丽娟.lrmx")
    assert [(p.id, p.name, p.gender) for p in ds.persons] == [("孙丽娟", "孙丽娟", "女")]
    assert ds.relations[0].person_id == "孙丽娟" and ds.relations[0].relative_name == "孙国庆"


def test_bad_family_date_names_form_part_row_and_column(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.lrmx").write_text(FORM.format(enc="UTF-8", name="孙丽娟", idn="", birth="1958.13"),
                              encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dataset(d)
    assert str(err.value).startswith("a.lrmx[家庭主要成员及重要社会关系] 第 1 行，列“亲属出生日期”")
    ds = load_dataset(d, lenient=True)
    assert ds.relations == [] and len(ds.rejected) == 1


def test_broken_xml_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "x.lrmx").write_text("<Person><XingMing>张</Person>", encoding="utf-8")
    with pytest.raises(DataError, match="不是有效的干部任免审批表"):
        load_dataset(tmp_path / "x.lrmx")
