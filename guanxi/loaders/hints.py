"""What an unknown roster column is told: where a post or a birth date must go instead."""

from __future__ import annotations

from guanxi.loaders.schema import norm

#: said of a roster column that holds a post (中层干部名册: 工作单位及职务, 任职时间): rules read posts
#: from the postings table only
POST_HINT = "；任职信息须列入任职经历表（人员编号、机构编号、职务、任职时间）才用于检查"
_POST_WORDS = ("职务", "职级", "任职", "任现职", "所在单位", "工作单位", "所在科室", "岗位")
#: said of a roster's 年龄 column (the 中层干部名册 of seed 000 has one): an age is no birth date
AGE_HINT = "；年龄随填表时间而变，不能代替出生年月：年龄条件（QL04）等规则读出生年月或身份证号"


def roster_hint(header: str) -> str:
    """What to say of an unknown roster column that holds a post (现任职务, 任现职时间 …) or an age.

    >>> [bool(roster_hint(h)) for h in ("现任职务", "任现职级时间", "年龄", "政治面貌")]
    [True, True, True, False]
    """
    h = norm(header)
    if "年龄" in h:
        return AGE_HINT
    return POST_HINT if any(w in h for w in _POST_WORDS) else ""
