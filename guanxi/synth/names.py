"""Chinese personal names: weighted surnames (Wenzhou-flavoured), given names by gender."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

#: surname -> weight (per mille, roughly the national share nudged towards Wenzhou)
SURNAMES: dict[str, float] = {
    "王": 71, "李": 70, "张": 67, "刘": 54, "陈": 60, "杨": 31, "黄": 28, "赵": 20, "吴": 24,
    "周": 21, "徐": 15, "孙": 12, "马": 11, "朱": 12, "胡": 11, "郭": 9, "何": 9, "高": 9,
    "林": 22, "罗": 8, "郑": 16, "梁": 7, "谢": 6, "宋": 5, "唐": 5, "许": 6, "韩": 5, "冯": 4,
    "邓": 4, "曹": 4, "彭": 4, "曾": 4, "肖": 4, "田": 3, "董": 3, "袁": 3, "潘": 6, "于": 3,
    "蒋": 3, "蔡": 5, "余": 3, "杜": 3, "叶": 8, "程": 3, "苏": 2, "魏": 2, "吕": 2, "丁": 2,
    "任": 2, "沈": 2, "姚": 2, "卢": 2, "姜": 2, "崔": 2, "钟": 2, "谭": 2, "陆": 2, "汪": 2,
    "范": 2, "金": 6, "石": 2, "廖": 2, "贾": 2, "夏": 2, "付": 2, "方": 2, "白": 2, "邹": 2,
    "孟": 2, "熊": 2, "秦": 2, "邱": 2, "江": 2, "尹": 2, "薛": 2, "段": 1, "雷": 1, "侯": 1,
    "龙": 1, "史": 1, "陶": 1, "黎": 1, "贺": 1, "顾": 1, "毛": 1, "郝": 1, "龚": 1, "邵": 1,
    "万": 1, "钱": 1, "严": 1, "武": 1, "戴": 1, "莫": 1, "孔": 1, "向": 1, "汤": 1, "季": 1.5,
    "池": 1.5, "项": 1.5, "缪": 1.2, "虞": 1, "应": 1, "包": 1, "章": 1.2, "麻": 0.8, "卓": 0.8,
    # rare surnames
    "欧阳": 0.3, "诸葛": 0.05, "司马": 0.05, "上官": 0.05, "瞿": 0.2, "戚": 0.2, "柯": 0.3,
    "詹": 0.3, "尤": 0.2, "屠": 0.2, "宣": 0.2, "娄": 0.2, "鲍": 0.3, "伍": 0.3, "阮": 0.4,
    "翁": 0.5, "谷": 0.2, "岑": 0.1, "祁": 0.1, "滕": 0.2, "管": 0.3, "邬": 0.2,
}

_MALE = ("伟 强 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 海 峰 建 国 林 志 文 东 磊 俊 浩 宇 晨 阳 "
         "昊 轩 哲 睿 博 凯 翔 亮 成 龙 洪 德 春 荣 兵 健 新 学 忠 良 永 胜 光 天 金 进 立 瑞 庆 旭 "
         "锋 毅 敏 帅 虎 彬 晓 子 铭 泽 一 嘉 思 若 骏 坤 炜 琦").split()
_FEMALE = ("芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 慧 琳 颖 倩 洁 晶 萍 红 梅 兰 琴 云 莉 欣 怡 佳 悦 蕾 "
           "薇 璐 月 露 丹 玉 秀 英 华 凤 巧 美 彩 春 爱 晓 雅 文 一 思 诗 梦 雨 可 心 欢 馨 瑶 "
           "莹 婉 素 君 珍 翠 琼 叶 宁 亚").split()
#: generation-style names of the older relatives (建国, 秀英 …)
_OLD_MALE = "建国 建华 国庆 卫东 志强 德明 文华 永福 金生 和平 长春 加林 国华 庆余 明德 光荣 振华 福生".split()
_OLD_FEMALE = "秀英 桂英 玉兰 秀兰 翠花 凤英 桂兰 淑珍 美玉 金凤 爱华 月娥 素珍 彩霞 玉珍 秀珍 淑英".split()


class NameGen:
    """Draws names from a shared ``random.Random`` so the output is reproducible."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = list(SURNAMES)
        self._cum = list(accumulate(SURNAMES.values()))

    def surname(self) -> str:
        r = self.rng.random() * self._cum[-1]
        return self._surnames[bisect(self._cum, r)]

    def given(self, gender: str, birth_year: int) -> str:
        r = self.rng.random
        if birth_year < 1960 and r() < 0.45:
            old = _OLD_MALE if gender == "男" else _OLD_FEMALE
            return old[int(r() * len(old))]
        pool = _MALE if gender == "男" else _FEMALE
        n = len(pool)
        if r() < 0.28:
            return pool[int(r() * n)]
        return pool[int(r() * n)] + pool[int(r() * n)]

    def name(self, gender: str, birth_year: int, surname: str | None = None) -> str:
        """A full name; pass ``surname`` to keep a family line (a son takes his father's)."""
        return (surname or self.surname()) + self.given(gender, birth_year)


def surname_of(name: str) -> str:
    """The surname of a generated name (compound surnames included).

    >>> surname_of("欧阳晓峰"), surname_of("王伟")
    ('欧阳', '王')
    """
    return name[:2] if name[:2] in SURNAMES else name[:1]
