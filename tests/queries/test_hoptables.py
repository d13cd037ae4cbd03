"""The path search's own certain_overlap is the graph's one, written for speed: they must agree."""

from __future__ import annotations

import random
from datetime import date

from guanxi.graph.dates import MonthDate
from guanxi.graph.dates import certain_overlap as reference
from guanxi.queries.hoptables import certain_overlap


def _day(rnd: random.Random) -> date | None:
    r = rnd.random()
    if r < 0.2:
        return None
    y, m = rnd.randint(2018, 2021), rnd.randint(1, 12)
    return MonthDate(y, m) if r < 0.5 else date(y, m, rnd.randint(1, 28))


def test_agrees_with_graph_dates_on_random_periods_with_month_only_and_open_ends() -> None:
    rnd = random.Random(3)
    met = 0
    for _ in range(20000):
        args = [_day(rnd) for _ in range(4)]
        want, got = reference(*args), certain_overlap(*args)
        assert got == want, args
        if want is not None:
            assert [type(x) for x in got] == [type(x) for x in want], args  # type: ignore[union-attr]
            met += 1
    assert 2000 < met < 18000  # both outcomes were exercised
