"""AV04 地域回避: a county or township chief (党委/政府, 纪检监察, 组织, 法院, 检察院, 公安) in his 成长地."""

from __future__ import annotations

from collections.abc import Iterator

from guanxi.graph.dates import fmt
from guanxi.graph.records import Unit
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.careers import person_name
from guanxi.queries.finding import Finding
from guanxi.queries.places import county_codes, county_name, is_upper, origin_of, place_key, same_county
from guanxi.queries.positions import CHIEF, role_of
from guanxi.queries.rule import Param, Params, Rule

#: names of county and township 党委/政府 end with one of these
PARTY_GOV = ("县委", "县人民政府", "县政府", "区委", "区人民政府", "区政府", "旗委", "旗人民政府",
             "市委", "市人民政府", "市政府", "乡党委", "镇党委", "乡人民政府", "镇人民政府", "乡政府",
             "镇政府", "街道党工委", "街道办事处")
#: names of the county-level bodies of 纪检监察, 组织, 法院, 检察院, 公安 end with one of these
BODIES = ("纪委", "监委", "纪委监委", "纪律检查委员会", "监察委员会", "组织部", "人民法院", "法院",
          "人民检察院", "检察院", "公安局", "公安分局")
#: words that mark a name or region as county level or below
LOCAL_WORDS = ("县", "区", "旗", "乡", "镇", "街道")
COUNTY_LEVELS = ("正处", "副处", "正科", "副科")


def county_level(head: str, region: str | None, level: str | None, levels: list[str]) -> bool:
    """Whether a unit is county level or below, from its name before the keyword and its region.

    A region code decides (a county code yes, a prefecture or province code no);
    then 县/区/旗/乡/镇/街道 in the name or region, or a name that is a county's
    (瑞安市); a prefecture's or province's name says no; the 机构规格 decides last.

    Examples
    --------
    >>> county_level("瑞安市", None, None, []), county_level("温州市", None, "正处", ["正处"])
    (True, False)
    >>> county_level("", "330326", None, []), county_level("某某", None, "正科", ["正科"])
    (True, True)
    >>> county_level("中共瑞安市委", None, None, [])
    True
    """
    head = head.removeprefix("中国共产党").removeprefix("中共")
    key = place_key(region)
    if key is not None and key[0] == "code":
        return key[1][4:] != "00"
    for text in (head, region):
        t = (text or "").replace("自治区", "").replace("地区", "")
        if any(w in t for w in LOCAL_WORDS) or county_codes(text):
            return True
    if any(t and is_upper(t) for t in (head, region)):
        return False
    return (level or "").strip() in levels


def _place(store: GraphStore, unit: Unit) -> str | None:
    """The unit's own region, else its nearest ancestor's."""
    seen: set[str] = set()
    cur: Unit | None = unit
    while cur is not None and cur.id not in seen:
        seen.add(cur.id)
        if cur.region and cur.region.strip():
            return cur.region.strip()
        cur = store.unit(cur.parent_id) if cur.parent_id else None
    return None


def _covered(store: GraphStore, unit: Unit, params: Params) -> str | None:
    """Why a legal entity falls under 地域回避 (``县委``, ``县公安局`` …), or None."""
    name = unit.name.strip()
    party_gov = next((k for k in params["party_gov"] if name.endswith(k)), None)
    body = next((k for k in params["bodies"] if name.endswith(k)), None)
    if party_gov is None and body is None:
        return None
    region = _place(store, unit)
    word = party_gov or body or ""
    local = any(w in word for w in LOCAL_WORDS)  # 县委, 镇人民政府 … name their level themselves
    if local or county_level(name[: -len(word)], region, unit.level, list(params["county_levels"])):
        return "县、乡党委政府" if party_gov else "县级纪检监察、组织、法院、检察院、公安机关"
    return None


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per chief post in a _covered unit whose place is the chief's 成长地.

    Cost: one pass over units and the postings of the _covered ones.
    """
    for unit in store.records("units"):
        if unit.kind == "内设机构" or not unit.name:
            continue
        why = _covered(store, unit, params)
        if why is None:
            continue
        where = _place(store, unit) or unit.name.removeprefix("中国共产党").removeprefix("中共")
        for h in store.postings_in(unit.id):
            if h.rec.unit_id != unit.id or role_of(store, h) != CHIEF:
                continue
            p = store.person(h.rec.person_id)
            if p is None:
                continue
            home, word = origin_of(p.growth_place, p.birthplace, p.native_place)
            if home is None or not same_county(home, where):
                continue
            yield _finding(store, unit, h, why, where, home, word)


def _finding(store: GraphStore, unit: Unit, h: Held, why: str, where: str, home: str,
             word: str) -> Finding:
    pid = h.rec.person_id
    name = person_name(store, pid)
    shared = county_codes(home) & county_codes(where)
    county = "、".join(county_name(c) for c in sorted(shared))
    same = f"同属 {county}" if county else "为同一地方"
    end = fmt(h.rec.end_date, "今")
    text = (f"{name} 于 {fmt(h.rec.start_date)}–{end} 任 {unit.name} {h.rec.title}（主要负责人，"
            f"属{why}）；该单位所在地为 {where}，与其{word} {home} {same}")
    if word != "成长地":
        text += f"（人员信息未填成长地，以{word}代替）"
    return RULE.finding(
        persons=[pid], units=[unit.id], start=h.rec.start_date, end=h.rec.end_date,
        explanation=text, nodes=[pnode(pid), unode(unit.id)], edges=[h.eid],
        key=(pid, unit.id, h.rec.start_date.isoformat()),
        facts={"place": where, "home": home, "home_word": word, "county": sorted(shared)},
    )


RULE = Rule(
    code="AV04",
    title="地域回避",
    category="A",
    basis=("《党政领导干部任职回避暂行规定》第五条", "《中华人民共和国公务员法》第七十五条",
           "《公务员回避规定》"),
    needs=("persons", "units", "postings"),
    optional=("units.region",),
    # where the person grew up, was born or comes from: without any, no 成长地 to compare
    needs_one_of=(("persons.growth_place", "persons.birthplace", "persons.native_place"),),
    detect=detect,
    params=(
        Param("party_gov", PARTY_GOV, "党委、政府：单位名称以其中任一词结尾，且为县级或乡镇级，即属县、乡党委政府"),
        Param("bodies", BODIES,
              "纪检监察、组织、法院、检察院、公安机关：单位名称以其中任一词结尾，且为县级，即属地域回避范围"),
        Param("county_levels", COUNTY_LEVELS,
              "县级判断：名称或所在地无县、区、乡、镇等字样且所在地非县级区划代码时，按机构规格属其中之一认定为县级"),
    ),
    severity="high",
    condition="县、乡党委和政府，或县级纪检监察机关、组织部门、人民法院、人民检察院、公安机关的主要负责人，"
              "任职地与其成长地（未填则以出生地、籍贯代替）同属一个县级行政区",
)
