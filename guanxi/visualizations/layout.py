"""A seeded force-directed layout in plain Python, so a graph is drawn the same way every time."""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable, Sequence


def spring_layout(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]], *,
                  seed: int = 7, iterations: int = 60, scale: float | None = None,
                  ) -> dict[Hashable, tuple[float, float]]:
    """Fruchterman–Reingold positions in pixels, centred on the origin.

    Pure Python (O(n² · iterations)), meant for the few dozen nodes of an
    evidence graph; the seed fixes the start, so equal input gives equal output.

    Examples
    --------
    >>> a = spring_layout(["x", "y", "z"], [("x", "y")], seed=1)
    >>> a == spring_layout(["x", "y", "z"], [("x", "y")], seed=1)
    True
    >>> sorted(a)
    ['x', 'y', 'z']
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    rng = random.Random(seed)
    index = {v: i for i, v in enumerate(nodes)}
    links = [(index[u], index[v]) for u, v in edges if u in index and v in index and u != v]
    xs = [rng.uniform(-1, 1) for _ in range(n)]
    ys = [rng.uniform(-1, 1) for _ in range(n)]
    k = 2.0 / math.sqrt(n)
    temp = 0.2
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            for j in range(i + 1, n):
                ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                d2 = max(ddx * ddx + ddy * ddy, 1e-6)
                f = k * k / d2  # repulsion k²/d, applied along the unit vector
                dx[i] += ddx * f
                dy[i] += ddy * f
                dx[j] -= ddx * f
                dy[j] -= ddy * f
        for i, j in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = max(math.hypot(ddx, ddy), 1e-3)
            f = d / k  # attraction d²/k
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(n):
            d = max(math.hypot(dx[i], dy[i]), 1e-9)
            step = min(d, temp)
            xs[i] += dx[i] / d * step
            ys[i] += dy[i] / d * step
        temp = max(temp * 0.94, 0.005)
    cx, cy = sum(xs) / n, sum(ys) / n
    extent = max(max(abs(x - cx) for x in xs), max(abs(y - cy) for y in ys), 1e-9)
    px = scale if scale is not None else 160 + 60 * math.sqrt(n)
    return {v: (round((xs[i] - cx) / extent * px, 1), round((ys[i] - cy) / extent * px, 1))
            for v, i in index.items()}
