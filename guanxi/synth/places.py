"""Places of a Wenzhou-like region: counties with division codes, townships, hometown draws."""

from __future__ import annotations

import random

#: county -> (province short name + county for 籍贯, division code, townships)
COUNTIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "瑞安市": ("浙江瑞安", "330381", tuple(
        "安阳街道 玉海街道 锦湖街道 东山街道 上望街道 莘塍街道 汀田街道 飞云街道 仙降街道 南滨街道 "
        "潘岱街道 云周街道 塘下镇 马屿镇 陶山镇 湖岭镇 高楼镇 平阳坑镇 曹村镇 桐浦镇 林川镇 "
        "芳庄乡".split())),
    "平阳县": ("浙江平阳", "330326", tuple(
        "昆阳镇 鳌江镇 水头镇 萧江镇 万全镇 腾蛟镇 山门镇 顺溪镇 南雁镇 麻步镇 怀溪镇 凤卧镇".split())),
    "文成县": ("浙江文成", "330328", tuple(
        "大峃镇 珊溪镇 巨屿镇 玉壶镇 南田镇 黄坦镇 百丈漈镇 峃口镇 铜铃山镇 二源镇".split())),
    "泰顺县": ("浙江泰顺", "330329", tuple(
        "罗阳镇 司前畲族镇 百丈镇 筱村镇 泗溪镇 彭溪镇 雅阳镇 仕阳镇 三魁镇 龟湖镇".split())),
    "苍南县": ("浙江苍南", "330327", tuple(
        "灵溪镇 矾山镇 马站镇 桥墩镇 钱库镇 金乡镇 宜山镇 藻溪镇 赤溪镇 大渔镇".split())),
    "永嘉县": ("浙江永嘉", "330324", tuple(
        "瓯北街道 上塘镇 桥头镇 桥下镇 大若岩镇 碧莲镇 岩头镇 枫林镇 岩坦镇 沙头镇".split())),
    "乐清市": ("浙江乐清", "330382", tuple(
        "乐成街道 柳市镇 北白象镇 虹桥镇 大荆镇 雁荡镇 芙蓉镇 清江镇 淡溪镇".split())),
    "瓯海区": ("浙江温州", "330304", tuple("梧田街道 娄桥街道 泽雅镇 瞿溪街道 丽岙街道".split())),
    "龙湾区": ("浙江温州", "330303", tuple("永中街道 蒲州街道 海城街道 状元街道 瑶溪街道".split())),
}

#: places far away, for the odd cadre from another province
FAR: tuple[tuple[str, str], ...] = (
    ("江西上饶", "361102"), ("安徽阜阳", "341202"), ("福建福鼎", "350982"), ("湖南邵阳", "430502"),
    ("河南信阳", "411502"), ("四川南充", "511302"), ("浙江丽水", "331102"), ("浙江台州", "331002"),
)

#: townships no background person grows up in: planted hometown cohorts use them
RESERVED_HOMETOWNS: tuple[str, ...] = (
    "泰顺县竹里畲族乡", "文成县周山畲族乡", "苍南县凤阳畲族乡", "苍南县岱岭畲族乡", "永嘉县界坑乡",
    "平阳县青街畲族乡", "文成县桂山乡", "泰顺县东溪乡", "乐清市智仁乡", "永嘉县溪下乡",
    "文成县平和乡", "文成县公阳乡", "泰顺县包垟乡", "平阳县闹村乡", "永嘉县云岭乡", "瑞安市北麂乡",
)

COUNTY_NAMES: tuple[str, ...] = tuple(COUNTIES)


class PlaceGen:
    """Hometowns (成长地), 籍贯 and region codes, weighted towards the home county."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def county_for(self, home: str) -> str:
        r = self.rng.random()
        if r < 0.62:
            return home
        return self.rng.choice(COUNTY_NAMES)

    def hometown(self, home: str) -> tuple[str, str, str]:
        """(成长地, 籍贯, region code) of somebody working in ``home`` county.

        籍贯 is written either as a place name or as its 6-digit code.
        """
        rng = self.rng
        if rng.random() < 0.04:
            far, code = rng.choice(FAR)
            return far, (code if rng.random() < 0.3 else far), code
        county = self.county_for(home)
        native, code, towns = COUNTIES[county]
        growth = county + rng.choice(towns)
        return growth, (code if rng.random() < 0.3 else native), code

    def region_code(self, home: str) -> str:
        return COUNTIES[self.county_for(home)][1]
