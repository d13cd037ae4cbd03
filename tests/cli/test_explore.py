"""``guanxi path``, ``neighbors`` and ``timeline`` on a small family dataset, asserting exact output.

The dataset (fixtures/family) is the query tests' hand-built family as CSV files: 张三 (P1,
市财政局局长) 妻子 李四 (P2), whose 哥哥 is 李五 (P3, 财务科科员, part-time 文秘 in 办公室);
王五 (P4) was 科长 of 财务科 2019.03–2021.06 with a 司机 周九 (P10) since 2010; 吴十 (P11)
is 周九's 同学 since 2021; two people are called 张伟.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from guanxi.cli import main

DATA = str(Path(__file__).resolve().parent / "fixtures" / "family")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_path_prints_every_shortest_chain_with_the_last_post() -> None:
    r = run("path", DATA, "张三", "李五")
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout == (
        "张三（P1）→ 李五（P3）｜关系：全部；最多 6 跳\n"
        "最短路径 2 跳，共 2 条：\n"
        "1. 张三 —妻子→ 李四 —哥哥→ 李五（财务科科员 2018.03–）\n"
        "2. 张三 —同乡（瑞安市）→ 王五 —原同事（财务科 2019.03–2021.06）→ 李五（财务科科员 2018.03–）\n")


def test_time_flow_drops_the_path_that_goes_back_in_time() -> None:
    plain = run("path", DATA, "李五", "周九")
    assert plain.stdout.splitlines()[1:] == [
        "最短路径 2 跳，共 2 条：",
        "1. 李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九",
        "2. 李五 —原同事（财务科 2019.03–2021.06）→ 王五 —司机→ 周九",
    ]
    # 王五's 司机 tie began in 2010, before the 2019 colleague step
    flow = run("path", DATA, "李五", "周九", "--time-flow")
    assert flow.exit_code == 0
    assert flow.stdout == (
        "李五（P3）→ 周九（P10）｜关系：全部；最多 6 跳；按时间先后\n"
        "最短路径 2 跳，共 1 条：\n"
        "1. 李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九\n")


def test_as_of_changes_the_answer() -> None:
    during = run("path", DATA, "P3", "P4", "--as-of", "2020-06-01")
    assert during.stdout == (
        "李五（P3）→ 王五（P4）｜关系：全部；最多 6 跳；截至 2020-06-01\n"
        "最短路径 1 跳，共 1 条：\n"
        "1. 李五 —同事（财务科 2019.03–2021.06）→ 王五（财务科科长 2019.03–2021.06）\n")
    after = run("path", DATA, "P3", "P4", "--as-of", "2022-01-01")
    assert after.stdout.splitlines()[1:] == [
        "最短路径 3 跳，共 2 条：",
        "1. 李五 —妹妹→ 李四 —丈夫→ 张三 —同乡（瑞安市）→ 王五",
        "2. 李五 —同事（办公室 2020.01–）→ 吴十 —同学→ 周九 —为其司机→ 王五",
    ]


def test_no_path_is_said_and_exits_0() -> None:
    # the 秘书 tie ended in 2019
    r = run("path", DATA, "张三", "钱七", "--as-of", "2020-01-01", "--via", "secretary,亲属")
    assert r.exit_code == 0
    assert r.stdout == ("张三（P1）→ 钱七（P8）｜关系：亲属、夫妻、身边工作人员；最多 6 跳；截至 2020-01-01\n"
                        "在 6 跳以内没有找到关系路径。\n")
    assert run("path", DATA, "张三", "钱七").stdout.splitlines()[-1] == "1. 张三 —秘书→ 钱七"


def test_via_and_max_hops_limit_the_search() -> None:
    r = run("path", DATA, "P1", "P4", "--via", "kin,colleague,former_colleague", "--max-hops", "2")
    assert r.stdout.splitlines()[1] == "在 2 跳以内没有找到关系路径。"
    r = run("path", DATA, "P1", "P4", "--via", "kin，原同事", "--max-paths", "1")
    assert r.stdout.splitlines()[1:] == [
        "最短路径 3 跳，共 1 条：",
        "1. 张三 —妻子→ 李四 —哥哥→ 李五 —原同事（财务科 2019.03–2021.06）→ 王五",
    ]


def test_ambiguous_name_lists_the_candidates_and_exits_2() -> None:
    r = run("path", DATA, "张伟", "李五")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == ("错误：姓名“张伟”对应 2 人，请改用人员编号：\n"
                        "  P6 张伟 1975.08 生\n"
                        "  P7 张伟 1990.02 生 市审计局 科员\n")
    assert run("path", DATA, "P6", "李五").exit_code == 0
    r = run("kin", DATA, "张伟", "李五")  # the same answer where kin used to list bare ids
    assert r.exit_code == 2
    assert r.stderr.splitlines()[1:] == ["  P6 张伟 1975.08 生", "  P7 张伟 1990.02 生 市审计局 科员"]


def test_usage_and_data_errors_are_one_line_and_exit_2() -> None:
    cases = {
        ("path", DATA, "无名", "P1"): "错误：人员名册中没有“无名”（可用人员编号、姓名或身份证号）\n",
        ("path", DATA, "P1", "P3", "--via", "classmate"):
            "错误：--via 中有未知的关系类型 classmate（可选：kin=亲属 spouse=夫妻 colleague=同事 "
            "former_colleague=原同事 supervision=分管 recommendation=推荐 hometown=同乡 "
            "secretary=身边工作人员 tie=其他社会关系）\n",
        ("neighbors", DATA, "P1", "--as-of", "2020-13-01"):
            "错误：--as-of 应为日期，如 2024-06-30，实际为 '2020-13-01'\n",
        ("timeline", DATA, "X9"): "错误：数据中没有人员或机构“X9”（可用编号或名称）\n",
    }
    for args, err in cases.items():
        r = run(*args)
        assert (r.exit_code, r.stdout, r.stderr) == (2, "", err)
    r = run("path", DATA + "-missing", "P1", "P3")
    assert r.exit_code == 2 and r.stderr.startswith("错误：找不到数据 ") and r.stderr.count("\n") == 1


def test_path_json_gives_node_and_edge_ids() -> None:
    r = run("path", DATA, "张三", "张伟", "-f", "json")
    # the name 张伟 is ambiguous, so take the id
    assert r.exit_code == 2
    doc = json.loads(run("path", DATA, "P1", "P6", "-f", "json").stdout)
    assert doc["query"] == "path" and doc["source"]["node"] == "person/P1"
    assert doc["target"] == {"id": "P6", "node": "person/P6", "name": "张伟", "post": ""}
    (p,) = doc["paths"]
    assert p["nodes"][0] == "person/P1" and p["nodes"][2] == "person/P6"
    assert p["nodes"][1].startswith("relative/")
    assert p["edges"] == ["relation/2", "relation/3"]
    assert [(s["type"], s["label"], s["edges"]) for s in p["steps"]] == [
        ("kin", "父亲", ["relation/2"]), ("kin", "儿子", ["relation/3"])]
    assert p["text"] == "张三 —父亲→ 张老（1940.05） —儿子→ 张伟"
    assert doc["via"][:2] == ["kin", "spouse"] and doc["all_types"] is True


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "路径.json"
    r = run("path", DATA, "P13", "P9", "--via", "recommendation", "-f", "json", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == f"已写入 {out}\n"
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["paths"][0]["edges"] == ["appointment/A1"]


def test_neighbors_groups_by_relation_and_caps_each_group() -> None:
    r = run("neighbors", DATA, "李五", "--limit", "2")
    assert r.exit_code == 0
    assert r.stdout == (
        "李五（P3）1 跳以内的关系：共 7 人\n"
        "任职：市财政局 财务科 科员 2018.03–；市财政局 办公室 文秘 2020.01–\n"
        "【亲属（三代以内旁系血亲）】1 人\n"
        "  李五 —妹妹→ 李四\n"
        "【亲属（近姻亲）】1 人\n"
        "  李五 —妹夫（妹妹的丈夫）→ 张三（市财政局局长 2016.01–）\n"
        "【同事】3 人\n"
        "  李五 —同事（办公室 2020.01–）→ 吴十（办公室科员 2020.01–）\n"
        "  李五 —同事（办公室 2020.05–）→ 冯二（办公室科员 2020.05–）\n"
        "  另有 1 人\n"
        "【原同事】1 人\n"
        "  李五 —原同事（财务科 2019.03–2021.06）→ 王五\n"
        "【分管】1 人\n"
        "  李五 —分管领导（财务科 2018.03–）→ 孙八\n")


def test_neighbors_two_hops_filtered_and_json() -> None:
    r = run("neighbors", DATA, "P3", "--hops", "2", "--via", "kin,secretary", "--limit", "1")
    assert r.stdout.splitlines()[2:] == [
        "【亲属（三代以内旁系血亲）】1 人",
        "  李五 —妹妹→ 李四",
        "【亲属（近姻亲）】1 人",
        "  李五 —妹夫（妹妹的丈夫）→ 张三（市财政局局长 2016.01–）",
        "【亲属（近姻亲） → 亲属（直系血亲）】1 人",
        "  李五 —妹夫（妹妹的丈夫）→ 张三 —父亲→ 张老（1940.05）",
        "【亲属（近姻亲） → 亲属（三代以内旁系血亲）】1 人",
        "  李五 —妹夫（妹妹的丈夫）→ 张三 —兄弟（父亲的儿子）→ 张伟",
        "【亲属（近姻亲） → 身边工作人员】1 人",
        "  李五 —妹夫（妹妹的丈夫）→ 张三 —秘书→ 钱七",
    ]
    doc = json.loads(run("neighbors", DATA, "P3", "--limit", "1", "-f", "json").stdout)
    colleagues = next(g for g in doc["groups"] if g["key"] == "同事")
    assert (colleagues["total"], colleagues["more"], len(colleagues["members"])) == (3, 2, 1)
    assert colleagues["members"][0]["edges"] == ["posting/5", "posting/4"]
    assert run("neighbors", DATA, "P1", "--via", "secretary", "--as-of", "2020-01-01").stdout == (
        "张三（P1）1 跳以内的关系：共 0 人\n任职：市财政局 局长 2016.01–\n没有找到有关系的人员。\n")


def test_person_timeline() -> None:
    r = run("timeline", DATA, "李五")
    assert r.exit_code == 0
    assert r.stdout == (
        "李五（P3）时间线\n"
        "任职经历：\n"
        "  2018.03–  市财政局 财务科 科员\n"
        "  2020.01–  市财政局 办公室 文秘（兼）\n"
        "选拔任用：\n"
        "  （无记录）\n"
        "处分处理：\n"
        "  2022-05-06  诫勉\n"
        "亲属在同一单位任职：\n"
        "  2016.01–  张三（妹夫）市财政局 局长，与本人同期 2018.03–\n")
    assert run("timeline", DATA, "P13").stdout.splitlines()[4] == "  2018-03-20  提拔 办公室 副主任（纪实 A1）"


def test_unit_timeline_by_id_and_by_name() -> None:
    r = run("timeline", DATA, "财务科")
    assert r.exit_code == 0
    assert r.stdout == (
        "财务科（U2）时间线\n"
        "领导任职：\n"
        "  2019.03–2021.06  王五（P4）市财政局 财务科 科长（内设机构负责人）\n"
        "人员进出（按年）：\n"
        "  年份  进入  离开\n"
        "  2010     1     0\n"
        "  2015     0     1\n"
        "  2018     1     0\n"
        "  2019     1     0\n"
        "  2021     0     1\n")
    doc = json.loads(run("timeline", DATA, "E", "-f", "json").stdout)
    assert doc["query"] == "unit_timeline" and doc["entity"] == "E"
    assert [(x["person"], x["name"], x["role"], x["edge"]) for x in doc["leaders"]] == [
        ("P1", "张三", "主要负责人", "posting/0")]
    assert [(f["year"], f["inflow"], f["outflow"]) for f in doc["flows"]][-2:] == [
        (2020, 2, 0), (2021, 0, 1)]


def test_ambiguous_unit_name() -> None:
    r = run("timeline", DATA, "办公室")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == "错误：“办公室”对应 2 个机构，请改用编号：\n  S3 办公室（市审计局）\n  U3 办公室（市财政局）\n"


def test_many_unexpanded_units_and_places_become_one_note() -> None:
    from guanxi.visualizations.explore import notes_text

    few = {"unit/U2": 600, "place/浙江瑞安": 900}
    assert notes_text(["未展开人数过多的地点 浙江瑞安（900 人）", "未展开人数过多的机构 U2（600 人）"],
                      few) == ["注：未展开人数过多的地点 浙江瑞安（900 人）", "注：未展开人数过多的机构 U2（600 人）"]
    many = {f"place/地{i}": 501 + i for i in range(10)} | {"unit/U2": 600}
    notes = [f"未展开 {k}" for k in many] + ["最短路径多于 5 条，仅列出前 5 条"]
    assert notes_text(notes, many) == [
        "注：11 个人数过多的机构或地点未展开，最大的是 U2（600 人）、地9（510 人）、地8（509 人）；"
        "-f json 的 skipped 列出全部",
        "注：最短路径多于 5 条，仅列出前 5 条"]
