"""NP02's null model: surnames, the same-surname statistic, its Monte Carlo simulation per unit
and the Benjamini–Hochberg adjustment across units."""

from __future__ import annotations

import math
import random
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np

from guanxi.queries.rule import Params

#: compound surnames (复姓) read as one surname
COMPOUND = ("欧阳", "诸葛", "司马", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯",
            "端木", "长孙", "宇文", "令狐", "独孤", "南宫", "西门", "申屠", "万俟", "闻人", "呼延",
            "轩辕", "赫连", "澹台", "公冶", "太史", "仲孙", "濮阳", "钟离")


_COMPOUND = frozenset(COMPOUND)


def surname(name: str) -> str:
    """The surname of a Chinese name (复姓 kept whole).

    >>> surname("欧阳明"), surname("陈一"), surname(" 林 小  华")
    ('欧阳', '陈', '林')
    """
    n = "".join(name.split())
    return n[:2] if n[:2] in _COMPOUND else n[:1]


def bh_adjust(pvalues: list[float]) -> list[float]:
    """Benjamini–Hochberg q-values, in the input order.

    Examples
    --------
    >>> [round(q, 3) for q in bh_adjust([0.01, 0.04, 0.03, 0.5])]
    [0.04, 0.053, 0.053, 0.5]
    """
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, pvalues[i] * m / rank)
        q[i] = running
    return q


@dataclass
class UnitResult:
    """One unit's observed statistic, its Monte Carlo null and the resulting p."""

    entity: str
    members: list[str]
    observed: float
    expected: float
    sd: float
    p: float
    sims: int
    exceed: int
    pool: str


def statistic(names: list[str], weight: dict[str, float]) -> float:
    """Σ over surnames of weight × same-surname pairs.

    >>> statistic(["陈", "陈", "陈", "林"], {"陈": 1.0, "林": 2.0})
    3.0
    """
    total = 0.0
    for s, c in Counter(names).items():
        total += weight.get(s, 0.0) * c * (c - 1) / 2
    return total


def _uniforms(bits: np.random.MT19937, n: int) -> np.ndarray:
    """``n`` draws of :meth:`random.Random.random` from the same Mersenne Twister state.

    CPython makes each double from two 32-bit outputs (``genrand_res53``); this is
    that formula over a block of raw outputs, so the values are bit-identical.
    """
    raw = bits.random_raw(2 * n).reshape(n, 2)
    return ((raw[:, 0] >> 5).astype(np.float64) * 67108864.0
            + (raw[:, 1] >> 6).astype(np.float64)) * (1.0 / 9007199254740992.0)


def _batch_values(draws: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Per row of surname ids: Σ weight × same-surname pairs, summed as ``statistic`` does.

    The terms are added left to right in the order each surname first appears in
    the row (``Counter`` order), so every value equals the one-row-at-a-time sum.
    """
    rows, _ = draws.shape
    keys = (np.arange(rows, dtype=np.int64)[:, None] * len(w) + draws).ravel()
    uniq, first, counts = np.unique(keys, return_index=True, return_counts=True)
    keep = counts > 1
    uniq, first, c = uniq[keep], first[keep], counts[keep].astype(np.int64)
    values = np.zeros(rows)
    if not len(uniq):
        return values
    order = np.argsort(first, kind="stable")  # first = row * width + column: row, then appearance
    row = uniq[order] // len(w)
    terms = w[uniq[order] % len(w)] * c[order] * (c[order] - 1) / 2
    per_row = np.bincount(row, minlength=rows)
    slot = np.arange(len(row)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    table = np.zeros((rows, int(per_row.max())))
    table[row, slot] = terms
    return np.cumsum(table, axis=1)[:, -1]  # a sequential sum per row; the zero padding adds nothing


def simulate(ent: str, people: list[str], names: list[str], strata: list[str],
             by: dict[str, np.ndarray], weight: dict[str, float], w: np.ndarray,
             params: Params, pool: str, bits: np.random.MT19937) -> UnitResult:
    """Sequential Monte Carlo: doubling batches until ``stop_after`` draws reach the observed value.

    Each simulated unit draws its surnames with replacement from the pool (per
    籍贯 stratum when asked), as ``random.Random(seed).choices`` would: the same
    Mersenne Twister stream is read in blocks through numpy, and a batch of
    simulations is drawn and scored as arrays (cost O(simulations × unit size)).
    ``bits`` is a bit generator to reuse (making one costs more than a small unit's test).
    """
    obs = statistic(names, weight)
    rng = random.Random(int(params["seed"]) * 1_000_003 + zlib.crc32(ent.encode()))
    state = rng.getstate()[1]
    bits.state = {"bit_generator": "MT19937",
                  "state": {"key": np.array(state[:624], dtype=np.uint32), "pos": state[624]}}
    cap, stop = int(params["max_simulations"]), int(params["stop_after"])
    least = int(params["min_stratum"])
    need: Counter[str] = Counter(k if len(by.get(k, ())) >= least else "" for k in strata)
    groups = [(by[k], n) for k, n in sorted(need.items())]
    width = sum(n for _, n in groups)
    sims = exceed = 0
    total = total2 = 0.0
    alpha = float(params["alpha"])
    batch = 2 * stop
    # a unit whose p is clearly above alpha can never pass BH (q >= p): stop early
    while sims < cap and exceed < stop and not (exceed >= 3 and exceed > 2 * alpha * sims):
        todo, batch = min(batch, cap - sims), batch * 2
        for lo in range(0, todo, max(1, (1 << 20) // width)):  # bounded memory per block
            rows = min(todo - lo, max(1, (1 << 20) // width))
            u = _uniforms(bits, rows * width).reshape(rows, width)
            draws = np.empty((rows, width), dtype=np.int64)
            col = 0
            for pool_ids, n in groups:
                draws[:, col:col + n] = pool_ids[np.floor(u[:, col:col + n] * float(len(pool_ids)))
                                                 .astype(np.int64)]
                col += n
            for v in _batch_values(draws, w).tolist():
                sims += 1
                total += v
                total2 += v * v
                if v >= obs - 1e-9:
                    exceed += 1
    mean = total / sims
    sd = math.sqrt(max(0.0, total2 / sims - mean * mean))
    p = (exceed + 1) / (sims + 1)
    if exceed == 0 and sd > 0:
        # beyond the Monte Carlo resolution: the normal tail of the simulated null
        p = min(p, 0.5 * math.erfc((obs - mean) / sd / math.sqrt(2)))
    return UnitResult(ent, people, obs, mean, sd, p, sims, exceed, pool)
