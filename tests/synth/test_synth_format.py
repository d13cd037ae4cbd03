"""Generated data: deterministic, in the contract's format, internally consistent."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from guanxi.synth import generate
from guanxi.synth.idcard import is_valid
from guanxi.synth.writer import HEADERS

#: contract columns with their Chinese aliases (data-contract.md)
ALIASES = {
    "persons": {"人员编号", "编号", "姓名", "性别", "出生日期", "出生年月", "身份证号", "公民身份号码", "籍贯",
                "出生地", "成长地", "学历", "学历取得时间", "入党时间", "参加工作时间", "编制类型",
                "人员身份", "录用时间", "聘用时间", "用工审批", "试用期", "状态", "状态时间",
                "移居国（境）外"},
    "units": {"机构编号", "机构名称", "单位", "上级机构", "机构类型", "机构规格", "所在地", "行政区划",
              "职能", "领导职数", "中层职数"},
    "postings": {"人员编号", "机构编号", "职务", "职级", "职务层次", "岗位类别", "任职时间", "免职时间",
                 "变动类型", "试用期满", "兼任"},
    "supervision": {"分管领导", "分管机构", "开始时间", "结束时间"},
    "relations": {"人员编号", "称谓", "关系", "亲属人员编号", "亲属姓名", "姓名", "亲属出生日期",
                  "亲属身份证号", "工作单位及职务", "移居国（境）外", "来源"},
    "appointments": {"纪实编号", "人员编号", "机构编号", "拟任职务", "原职级", "拟任职级", "任用方式",
                     "请示批复", "动议时间", "民主推荐时间", "应参加人数", "实参加人数", "推荐人", "考察时间",
                     "档案审核时间", "个人事项核查时间", "纪检意见时间", "信访核查时间", "会议编号",
                     "讨论决定时间", "公示开始", "公示结束", "任职发文时间", "回避人员"},
    "meetings": {"会议编号", "编号", "机构编号", "单位编号", "会议时间", "会议日期", "日期", "会议类型",
                 "会议名称", "应到", "应到人数", "实到人员", "参会人员"},
    "inspection_teams": {"纪实编号", "考察组成员", "成员编号", "人员编号"},
    "petitions": {"人员编号", "被反映人编号", "受理时间", "收到时间", "线索具体", "是否具体", "核查办结",
                  "办结时间"},
}
ALIASES["disciplines"] = {"人员编号", "处分种类", "处理种类", "处分类型", "处分时间", "处理时间", "决定时间",
                         "违纪行为发生时间", "违纪时间", "结案时间", "解除时间", "影响期满", "影响期", "影响期月数"}
ALIASES["reviews"] = {"人员编号", "年度", "考核年度", "考核结果", "等次", "考核等次"}
ALIASES["parttime_jobs"] = {"人员编号", "兼职单位", "兼职机构", "兼职组织", "兼职开始时间", "开始时间",
                            "兼职结束时间", "结束时间", "取酬", "是否取酬", "审批", "是否审批"}
ALIASES["payroll"] = {"人员编号", "发放单位", "发放单位编号", "机构编号", "发放月份", "月份", "金额", "发放金额"}
N = 2500  # planted stages alone hold ~1,350 people; the rest is background


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(out, N, seed=3)
    return out


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_gives_identical_files(data: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", N, seed=3)
    assert digest(tmp_path / "again") == digest(data)


def test_other_seed_gives_other_files(data: Path, tmp_path: Path) -> None:
    generate(tmp_path / "other", N, seed=4)
    assert digest(tmp_path / "other")["persons.csv"] != digest(data)["persons.csv"]


def test_too_few_persons_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="人数至少"):
        generate(tmp_path, 200)


def test_headers_are_contract_aliases(data: Path) -> None:
    for table, header in HEADERS.items():
        with open(data / f"{table}.csv", encoding="utf-8") as f:
            first = f.readline().rstrip("\n").split(",")
        assert tuple(first) == header
        assert set(header) <= ALIASES[table], set(header) - ALIASES[table]


def test_persons_count_and_id_numbers(data: Path) -> None:
    people = rows(data, "persons")
    assert len(people) == N
    assert len({p["人员编号"] for p in people}) == N
    for p in people:
        number = p["身份证号"]
        assert is_valid(number), number
        birth = "".join(ch for ch in p["出生日期"] if ch.isdigit())
        digits = birth  # month-only forms keep yyyymm
        assert number[6:6 + len(digits)] == digits or number[6:14].startswith(
            p["出生日期"][:4]), (number, p["出生日期"])
        assert (int(number[16]) % 2 == 1) == (p["性别"] == "男")
    numbers = [p["身份证号"] for p in people]
    assert len(set(numbers)) == len(numbers)


def test_relative_id_numbers_valid(data: Path) -> None:
    given = [r["亲属身份证号"] for r in rows(data, "relations") if r["亲属身份证号"]]
    assert given and all(is_valid(n) for n in given)


def test_references_exist_and_tree_is_acyclic(data: Path) -> None:
    pids = {p["人员编号"] for p in rows(data, "persons")}
    units = {u["机构编号"]: u for u in rows(data, "units")}
    for post in rows(data, "postings"):
        assert post["人员编号"] in pids and post["机构编号"] in units
        assert post["岗位类别"] in {"主要负责人", "副职", "内设机构负责人", "一般"}
    for s in rows(data, "supervision"):
        assert s["分管领导"] in pids and s["分管机构"] in units
        assert units[s["分管机构"]]["机构类型"] == "内设机构"
    for r in rows(data, "relations"):
        assert r["人员编号"] in pids
        assert not r["亲属人员编号"] or r["亲属人员编号"] in pids
    for uid, u in units.items():
        seen = {uid}
        while u["上级机构"]:
            assert u["上级机构"] in units
            assert u["上级机构"] not in seen, f"cycle at {uid}"
            seen.add(u["上级机构"])
            u = units[u["上级机构"]]
        if units[uid]["机构类型"] == "内设机构":
            assert units[units[uid]["上级机构"]]["机构类型"] != "内设机构"


def test_dates_come_in_many_forms(data: Path) -> None:
    starts = [p["任职时间"] for p in rows(data, "postings")]
    kinds = Counter(("年" in s, "." in s, "/" in s, "-" in s, s.isdigit()) for s in starts)
    assert len(kinds) >= 4


def test_realism(data: Path) -> None:
    people = rows(data, "persons")
    names = Counter(p["姓名"] for p in people)
    surnames = Counter(p["姓名"][0] for p in people)
    assert surnames.most_common(1)[0][0] in "王李张刘陈林"
    assert any(n > 1 for n in names.values()), "homonyms occur"
    relations = rows(data, "relations")
    assert 2.0 <= len(relations) / N <= 4.0
    assert 1.4 <= len(rows(data, "postings")) / N <= 3.0
    terms = Counter(r["称谓"] for r in relations)
    for t in ("父亲", "母亲", "妻子", "丈夫", "岳父"):
        assert terms[t] > 0, t
    units = rows(data, "units")
    functions = {u["职能"] for u in units}
    assert {"人事", "财务", "纪检", "审计", "业务"} <= functions
    chiefs = [p for p in rows(data, "postings") if p["岗位类别"] == "主要负责人"]
    by_person = Counter(p["人员编号"] for p in chiefs)
    assert any(n >= 2 for n in by_person.values()), "heads rotate between units"


def test_truth_is_well_formed(data: Path) -> None:
    truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == 3 and truth["persons"] == N
    pids = {p["人员编号"] for p in rows(data, "persons")}
    found = Counter(c["rule"] for c in truth["cases"] if c["expect"] == "found")
    absent = Counter(c["rule"] for c in truth["cases"] if c["expect"] == "absent")
    for rule in ("AV01", "AV02", "NP01", "NP03", "AV03", "NP05", "NP06"):
        assert found[rule] >= 3 and absent[rule] >= 2, rule
    for c in truth["cases"]:
        assert set(c) == {"rule", "persons", "expect", "match", "note"}
        assert c["expect"] in {"found", "absent"} and c["match"] in {"exact", "subset"}
        # record rules (QL, DS) and 地域回避 (AV04) are about one person; relationship rules two or more
        one = c["rule"][:2] in ("QL", "DS", "PR", "ST", "TM", "PY", "AR") or c["rule"] == "AV04"
        assert len(c["persons"]) >= (1 if one else 2)
        assert set(c["persons"]) <= pids
        assert c["persons"] == sorted(c["persons"]) and c["note"]
