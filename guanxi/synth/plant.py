"""Planting: reserved stages, the ground-truth record, and the list of scenarios per rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guanxi.synth.model import Person
from guanxi.synth.places import COUNTIES, COUNTY_NAMES, RESERVED_HOMETOWNS
from guanxi.synth.stage import Stage
from guanxi.synth.world import World


class Planter:
    """Creates reserved stages and records every planted case as ground truth."""

    def __init__(self, w: World, root: str) -> None:
        self.w = w
        self.root = root
        self.cases: list[dict[str, Any]] = []
        self._n = 0
        self._home = 0

    def hometown(self) -> str:
        """The next reserved township: only planted people grow up there."""
        self._home += 1
        return RESERVED_HOMETOWNS[(self._home - 1) % len(RESERVED_HOMETOWNS)]

    def stage(self, **kw: Any) -> Stage:
        county = COUNTY_NAMES[self._n % len(COUNTY_NAMES)]
        towns = COUNTIES[county][2]
        town = towns[(self._n // len(COUNTY_NAMES)) % len(towns)]
        rnd = self._n // (len(COUNTY_NAMES) * 5)
        suffix = f"第{rnd + 1}分院" if rnd else ""
        self._n += 1
        return Stage(self.w, self.root, f"{county}{town.removesuffix('街道')}中心卫生院{suffix}",
                     **kw)

    def case(self, rule: str, persons: list[Person], expect: str, note: str,
             match: str = "exact") -> None:
        self.cases.append({
            "rule": rule, "persons": sorted(p.pid for p in persons), "expect": expect,
            "match": match, "note": note,
        })

    def found(self, rule: str, persons: list[Person], note: str, match: str = "exact") -> None:
        self.case(rule, persons, "found", note, match)

    def absent(self, rule: str, persons: list[Person], note: str) -> None:
        self.case(rule, persons, "absent", note, "subset")


Scenario = Callable[[Planter], None]


def scenarios() -> list[Scenario]:
    """Every scenario once, in a fixed order (one repetition)."""
    from guanxi.synth import (
        plant_appoint,
        plant_av,
        plant_ds,
        plant_np,
        plant_np03,
        plant_np_more,
        plant_pr,
        plant_py,
        plant_ql,
        plant_st,
        plant_tm,
    )

    return [*plant_av.SCENARIOS, *plant_np.SCENARIOS, *plant_np03.SCENARIOS,
            *plant_appoint.SCENARIOS, *plant_ql.SCENARIOS, *plant_ds.SCENARIOS,
            *plant_np_more.SCENARIOS,
            *plant_pr.SCENARIOS, *plant_st.SCENARIOS,
            *plant_tm.SCENARIOS, *plant_py.SCENARIOS]


def plant_all(w: World, root: str, reps: int) -> list[dict[str, Any]]:
    """Run every scenario ``reps`` times; returns the truth cases."""
    p = Planter(w, root)
    for _ in range(reps):
        for sc in scenarios():
            sc(p)
    return p.cases
