"""NP02 同姓聚集异常（统计提示）: same-surname pairs in a unit against a Monte Carlo null from the local pool."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from datetime import date

import numpy as np

from guanxi.graph.store import GraphStore, pnode, unode
from guanxi.queries.finding import Finding
from guanxi.queries.places import county_codes, place_key
from guanxi.queries.rule import Param, Params, Rule
from guanxi.queries.rules.np02_null import UnitResult, bh_adjust, simulate, surname


def _members(store: GraphStore, entity: str, since: date) -> list[str]:
    """Distinct people with a full-time post in the entity on or after ``since``."""
    seen: dict[str, None] = {}
    for h in store.postings_in(entity):
        if h.rec.is_parttime or (h.rec.end_date is not None and h.rec.end_date <= since):
            continue
        seen.setdefault(h.rec.person_id, None)
    return list(seen)


def _native_key(text: str | None) -> str:
    codes = county_codes(text)
    if len(codes) == 1:
        return next(iter(codes))
    key = place_key(text)
    return key[1] if key else ""


class _Pools:
    """Surname draws for the null: per system (top unit), per region, or the whole dataset."""

    def __init__(self, store: GraphStore, units: dict[str, list[str]], min_pool: int,
                 stratify: bool, min_stratum: int) -> None:
        self.store, self.stratify, self.min_stratum = store, stratify, min_stratum
        groups: dict[tuple[str, str], set[str]] = {}
        self.keys: dict[str, list[tuple[str, str]]] = {}
        for ent, people in units.items():
            keys = [("system", self._root(ent)), ("region", self._region(ent)), ("all", "")]
            self.keys[ent] = [k for k in keys if k[1] or k[0] == "all"]
            for k in self.keys[ent]:
                groups.setdefault(k, set()).update(people)
        self.min_pool = min_pool
        self.groups = groups
        self._draw: dict[tuple[str, str], tuple[dict[str, np.ndarray], Counter[str], int]] = {}
        #: surname -> code; the draws are arrays of codes
        self.codes: dict[str, int] = {}
        #: every unit member's surname, worked out once (members are roster people)
        self.surnames: dict[str, str] = {
            pid: surname(store.person(pid).name)  # type: ignore[union-attr]
            for people in units.values() for pid in people}

    def _root(self, ent: str) -> str:
        seen: set[str] = set()
        cur = ent
        while True:
            u = self.store.unit(cur)
            up = u.parent_id if u is not None else None
            if not up or up in seen or self.store.unit(up) is None:
                return cur
            seen.add(cur)
            cur = up

    def _region(self, ent: str) -> str:
        u = self.store.unit(ent)
        return _native_key(u.region) if u is not None and u.region else ""

    def pool_for(self, ent: str) -> tuple[str, str]:
        for k in self.keys[ent]:
            if len(self.groups[k]) >= self.min_pool or k[0] == "all":
                return k
        return ("all", "")  # pragma: no cover

    def draws(self, key: tuple[str, str]) -> tuple[dict[str, np.ndarray], Counter[str], int]:
        """(surname codes by 籍贯 stratum, '' = everybody; surname counts; pool size)."""
        if key not in self._draw:
            pids = sorted(self.groups[key])
            by: dict[str, list[str]] = {"": list(map(self.surnames.__getitem__, pids))}
            if self.stratify:
                for pid, s in zip(pids, by[""]):
                    place = self.store.person(pid).native_place  # type: ignore[union-attr]
                    by.setdefault(_native_key(place), []).append(s)
            counts = Counter(by[""])
            codes = {k: np.array([self.codes.setdefault(s, len(self.codes)) for s in v], dtype=np.int64)
                     for k, v in by.items()}
            self._draw[key] = (codes, counts, len(by[""]))
        return self._draw[key]


def detect(store: GraphStore, params: Params) -> Iterator[Finding]:
    """One finding per unit whose BH-adjusted q is below ``alpha``.

    Cost: every unit draws until ``stop_after`` null values reach its observed
    value (a few batches for an ordinary unit); only improbable units run up to
    ``max_simulations``, so the scan is near-linear in the number of postings.
    """
    since: date = params["window_start"]
    units = {}
    roster = {p.id for p in store.records("persons")}
    for u in store.records("units"):
        if u.kind == "内设机构":
            continue
        people = [p for p in _members(store, u.id, since) if p in roster]
        if len(people) >= int(params["min_size"]):
            units[u.id] = people
    if not units:
        return
    pools = _Pools(store, units, int(params["min_pool"]), bool(params["stratify_native"]),
                  int(params["min_stratum"]))
    tests = []
    weights: dict[tuple[str, str], tuple[dict[str, float], np.ndarray]] = {}
    bits = np.random.MT19937(0)  # its state is set from each unit's seed
    for ent, people in units.items():
        key = pools.pool_for(ent)
        by, counts, n = pools.draws(key)
        if key not in weights:
            weight = {s: math.log(n / c) for s, c in counts.items()}
            weights[key] = weight, np.array([weight.get(s, 0.0) for s in pools.codes])
        weight, w = weights[key]
        names = list(map(pools.surnames.__getitem__, people))  # people: roster members
        strata = ([_native_key(store.person(p).native_place)  # type: ignore[union-attr]
                   for p in people] if params["stratify_native"] else [""] * len(people))
        label = {"system": f"{_uname(store, key[1])}系统", "region": f"所在地 {key[1]}",
                 "all": "全部数据"}[key[0]]
        tests.append((simulate(ent, people, names, strata, by, weight, w, params, label, bits), counts, n))
    qs = bh_adjust([t.p for t, _, _ in tests])
    for (t, counts, n), q in zip(tests, qs):
        if q < float(params["alpha"]):
            yield _finding(store, t, q, counts, n, len(tests), params)


def _uname(store: GraphStore, uid: str) -> str:
    u = store.unit(uid)
    return u.name if u else uid


def _finding(store: GraphStore, t: UnitResult, q: float, counts: Counter[str], n: int, m: int,
             params: Params) -> Finding:
    names = {p: surname(store.person(p).name) for p in t.members}  # type: ignore[union-attr]
    here = Counter(names.values())
    size = len(t.members)
    heavy = [(s, c) for s, c in here.most_common() if c >= 2 and c >= 2 * size * counts[s] / n]
    heavy = heavy or [(s, c) for s, c in here.most_common() if c >= 2][:3]
    who = [p for p in t.members if any(names[p] == s for s, _ in heavy)]
    desc = "、".join(f"{s}姓 {c} 人（参照人群占 {counts[s] / n:.1%}）" for s, c in heavy)
    sims = (f"{t.sims} 次模拟中 {t.exceed} 次达到观测值" if t.exceed else
            f"{t.sims} 次模拟无一达到观测值，p 按模拟分布正态近似")
    strat = "，按籍贯分层抽样" if params["stratify_native"] else ""
    text = (f"{_uname(store, t.entity)} {params['window_start'].isoformat()} 以来在岗 {size} 人中，"
            f"{desc}；同姓人数对（稀有姓氏加权）观测值 {t.observed:.1f}，按{t.pool}（{n} 人）姓氏构成随机抽取"
            f"{strat}的期望 {t.expected:.1f}（标准差 {t.sd:.1f}）；{sims}，p={t.p:.2g}，经 {m} 个单位 "
            f"Benjamini–Hochberg 校正 q={q:.2g} < {float(params['alpha'])}。此为统计提示，需结合亲属关系核实")
    return RULE.finding(
        persons=who, units=[t.entity], start=params["window_start"], end=None, explanation=text,
        nodes=[unode(t.entity)] + [pnode(p) for p in who],
        edges=[h.eid for h in store.postings_in(t.entity) if h.rec.person_id in set(who)],
        key=(t.entity,),
        facts={"observed": round(t.observed, 3), "expected": round(t.expected, 3),
               "p": t.p, "q": q, "simulations": t.sims, "surnames": dict(heavy)},
    )


RULE = Rule(
    code="NP02",
    title="同姓聚集异常（统计提示）",
    category="A",
    basis=("《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
           "一、整治重点 1（单位领导干部家属子女过多“近亲繁殖”）",
           "同姓聚集蒙特卡洛检验方法（Allesina 2011，意大利高校同姓聚集研究）"),
    needs=("persons", "postings"),
    optional=("units",),
    detect=detect,
    params=(
        Param("window_start", date(2015, 1, 1), "统计起点：此日以来在该单位任职的人员计入"),
        Param("min_size", 5, "单位人数下限：不足此数的单位不做检验"),
        Param("alpha", 0.01, "显著性水平：Benjamini–Hochberg 校正后的 q 值须小于此值"),
        Param("max_simulations", 5000, "每个单位蒙特卡洛模拟次数上限"),
        Param("stop_after", 10, "提前停止：模拟值达到观测值的次数达到此数即停止（该单位显然不显著）"),
        Param("seed", 20240601, "随机数种子：相同数据与种子得到相同结果"),
        Param("min_pool", 200, "参照人群下限：单位所属系统人数不足时改用同一所在地，再不足用全部数据"),
        Param("stratify_native", False, "是否按籍贯分层抽样（同籍贯人员只与同籍贯参照人群比较）"),
        Param("min_stratum", 30, "分层下限：某籍贯在参照人群中不足此数时，该人员从整个参照人群抽样"),
    ),
    severity="low",
    condition="单位（法人）中同姓人员对数（稀有姓氏加权）显著高于从本系统或本地区人员姓氏构成随机抽取的"
              "期望（蒙特卡洛，Benjamini–Hochberg 校正后 q < 0.01）；仅为线索，不作定性",
)
