"""Neighbourhoods: grouped by relation (kin by legal category), capped with the rest counted."""

from datetime import date

from query_family import family

from guanxi.queries.neighbors import neighbors

STORE = family()
TODAY = date(2024, 1, 1)


def shape(hood):
    return [(g.key, [m.name for m in g.members], g.more) for g in hood.groups]


def test_one_hop_groups_and_cap():
    hood = neighbors(STORE, "P3", cap=2, today=TODAY)
    assert shape(hood) == [
        ("亲属（三代以内旁系血亲）", ["李四"], 0),
        ("亲属（近姻亲）", ["张三"], 0),
        ("同事", ["吴十", "冯二"], 1),
        ("原同事", ["王五"], 0),
        ("分管", ["孙八"], 0),
    ]
    colleagues = hood.groups[2]
    assert colleagues.total == 3 and colleagues.more_text() == "另有 1 人"
    assert colleagues.members[0].text == "李五 —同事（办公室 2020.01–）→ 吴十"
    assert colleagues.members[0].post == "办公室科员 2020.01–"
    assert colleagues.members[0].edges == ["posting/5", "posting/4"]
    # the derived in-law is one hop, worded from the centre's side
    assert hood.groups[1].members[0].labels == ["妹夫（妹妹的丈夫）"]
    assert [p.post for p in hood.postings] == ["市财政局 财务科 科员", "市财政局 办公室 文秘"]


def test_two_hops_group_by_the_chain_of_relations():
    hood = neighbors(STORE, "P3", hops=2, cap=5, today=TODAY)
    second = [(k, names) for k, names, _ in shape(hood) if " → " in k]
    assert second == [
        ("亲属（近姻亲） → 亲属（直系血亲）", ["张老（1940.05）"]),
        ("亲属（近姻亲） → 亲属（三代以内旁系血亲）", ["张伟"]),
        ("亲属（近姻亲） → 身边工作人员", ["钱七"]),
        ("同事 → 其他社会关系", ["周九"]),
    ]
    # everyone appears once, at his shortest distance
    names = [m.name for g in hood.groups for m in g.members]
    assert len(names) == len(set(names)) and "张三" in names


def test_via_and_as_of_filter_the_neighbourhood():
    assert shape(neighbors(STORE, "P1", via={"kin"})) == [
        ("亲属（夫妻）", ["李四"], 0),
        ("亲属（直系血亲）", ["张老（1940.05）"], 0),
        ("亲属（三代以内旁系血亲）", ["张伟"], 0),
        ("亲属（近姻亲）", ["李五"], 0),
    ]
    assert shape(neighbors(STORE, "P1", via={"secretary"})) == [("身边工作人员", ["钱七"], 0)]
    assert shape(neighbors(STORE, "P1", via={"secretary"}, as_of=date(2020, 1, 1))) == []
