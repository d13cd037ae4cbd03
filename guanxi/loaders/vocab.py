"""The words of the contract's coded columns, and the other ways registers write them.

Rules compare some columns with the contract's words: 变动类型 提拔 and 新录用 (QL, NP03, NP04,
PR11, TM), 任用方式 提拔, 破格, 越级 (QL, DS, PR), 岗位类别 主要负责人 (AV01, NP03 …), 编制类型 编外
and 劳务派遣 (ST03, QL07, payroll), 状态 退休 and 调出 (who has left service), 年度考核 基本称职
and below (DS03), 机构类型 内设机构 (every "same legal entity" rule). A register that writes
提拔任用, 班子正职, 编外聘用 or 内设科室 meant the same thing, and a rule that looked for the contract's word
would pass it by. So a known other spelling is read as the contract's word, and a value that is
neither is kept as written and named in a warning, with the words the rules know.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from guanxi.loaders.schema import columns

#: (table, column) -> contract word -> other spellings (compared after removing spaces)
VOCABULARY: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("persons", "establishment"): {
        "行政": ("行政编制", "行政编", "公务员", "公务员编制", "机关编制"),
        "参公": ("参照公务员法管理", "参照公务员管理", "参公编制", "参公管理", "参照管理"),
        "事业": ("事业编制", "事业编", "全额事业编制", "差额事业编制", "自收自支事业编制",
               "全额拨款事业编制", "差额拨款事业编制"),
        "编外": ("编外人员", "编外聘用", "编外用工", "编外合同制", "合同制", "合同工", "临时工",
               "临时聘用", "临时聘用人员", "临聘", "临聘人员", "编外临聘"),
        "劳务派遣": ("劳务派遣人员", "劳务派遣工", "派遣", "派遣制", "派遣人员"),
        "无": (),
    },
    ("persons", "status"): {
        "在职": ("在岗", "在编在岗", "现职", "正常"),
        "退休": ("已退休", "退休人员"),
        "离职": ("已离职", "辞职", "辞退", "解聘", "解除聘用"),
        "死亡": ("去世", "已故", "病故", "已去世"),
        "调出": ("已调出", "调离", "调走", "调出本系统"),
    },
    ("appointments", "kind"): {
        "提拔": ("提拔任用", "提任", "提拔使用"),
        "进一步使用": ("重用",),
        "平级调整": ("平级交流", "平调", "交流", "轮岗", "交流轮岗", "平级转任"),
        "破格": ("破格提拔", "破格使用"),
        "越级": ("越级提拔",),
        "竞争上岗": ("竞聘上岗", "竞岗", "竞聘"),
    },
    ("reviews", "result"): {
        "优秀": ("优秀等次",), "称职": ("称职等次",), "合格": ("合格等次",),
        "基本称职": ("基本称职等次", "基本称职（基本合格）", "基本称职(基本合格)"),
        "基本合格": ("基本合格等次",), "不称职": ("不称职等次",), "不合格": ("不合格等次",),
        "不定等次": ("不定等", "不确定等次", "未定等次"),
    },
    ("postings", "change"): {
        "新录用": ("录用", "新进", "招录", "考录", "新招录", "公开招聘", "招聘", "新进人员"),
        "提拔": ("提任", "提拔任用", "提拔使用"),
        "平级交流": ("交流", "平级调整", "平调", "轮岗", "交流轮岗", "平级转任"),
        "转任": (),
        "调入": ("调进", "调动调入"),
        "降职": ("降职使用",),
        "免职": ("免去", "免去职务"),
        "退出中层": ("退出中层岗位", "退出中层干部岗位"),
        "退休": (),
    },
    ("postings", "role"): {
        "主要负责人": ("正职", "单位主要负责人", "主要领导", "党政主要负责人", "一把手", "班子正职"),
        "副职": ("副职领导", "班子副职", "领导班子副职"),
        "内设机构负责人": ("科室负责人", "中层负责人", "内设机构主要负责人", "科室主任"),
        "一般": ("一般人员", "一般干部", "普通干部", "工作人员"),
    },
    ("units", "kind"): {
        "机关": ("行政机关", "党政机关", "机关单位", "党委机关", "政府机关"),
        "参公": ("参公单位", "参照公务员法管理单位", "参公事业单位"),
        "事业单位": ("事业", "公益一类事业单位", "公益二类事业单位", "公益一类", "公益二类"),
        "内设机构": ("内设", "内设科室", "科室", "内设部门", "内部机构", "内设处室", "处室", "股室",
                 "职能科室", "临床科室", "医技科室"),
        "企业": ("国有企业", "国企", "公司"),
    },
}
SHOWN = 5  # values a warning lists before "等"


def _lookup(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out = {w: w for w in words}
    for word, others in words.items():
        out.update((o, word) for o in others)
    return out


_LOOKUPS = {key: _lookup(words) for key, words in VOCABULARY.items()}


def settle_words(table: str, records: Sequence[Any], headers: dict[str, str]) -> list[str]:
    """Write the contract's word into ``records`` where a known other spelling stands; warn of the rest.

    ``headers`` maps a contract column to the header the user wrote (for the warning).
    Complexity: one pass over the records per coded column, and a second only when a value
    is rewritten or unknown.

    >>> from guanxi.graph.records import Source, Unit
    >>> us = [Unit(id="U1", name="局", kind="机关"), Unit(id="U2", name="科", kind="内设 科室"),
    ...       Unit(id="U3", name="队", kind="外包", src=Source(file="机构.csv", row=4))]
    >>> print(*settle_words("units", us, {"kind": "机构类型"})[0].split("："), sep="\\n")
    机构类型
    1 种取值不是规范取值，规则不识别，已按所填保留
    外包（1 行，如 机构.csv 第 4 行）；规范取值为 机关、参公、事业单位、内设机构、企业
    >>> [u.kind for u in us]
    ['机关', '内设机构', '外包']
    """
    out = []
    for (tab, column), lookup in _LOOKUPS.items():
        if tab != table or not records:
            continue
        values = list(map(attrgetter(column), records))
        rewrite: dict[str, str] = {}
        unknown: set[str] = set()
        for value in set(values):
            if value is None:
                continue
            word = lookup.get(value) or lookup.get("".join(value.split()))
            if word is None:
                unknown.add(value)
            elif word != value:
                rewrite[value] = word
        if rewrite:
            for rec, value in zip(records, values):
                if value in rewrite:
                    setattr(rec, column, rewrite[value])
        if unknown:
            counts = Counter(v for v in values if v in unknown)
            first = {}
            for rec, value in zip(records, values):
                if value in unknown and value not in first:
                    first[value] = rec.src.label() if rec.src else table
            shown = "、".join(f"{v}（{n} 行，如 {first[v]}）" for v, n in counts.most_common(SHOWN))
            label = headers.get(column) or columns(table)[column].label
            out.append(f"{label}：{len(unknown)} 种取值不是规范取值，规则不识别，已按所填保留："
                       f"{shown}{'等' if len(unknown) > SHOWN else ''}；"
                       f"规范取值为 {'、'.join(VOCABULARY[table, column])}")
    return out
