"""Background county systems: unit skeleton, 主要负责人 rotating between entities, staff fill."""

from __future__ import annotations

from datetime import date

from guanxi.synth.careers import Crew, dept_heads, deputies, qualified, staff
from guanxi.synth.dates import TODAY, add_months, rand_date
from guanxi.synth.families import emit
from guanxi.synth.model import Person, Unit
from guanxi.synth.places import COUNTIES, COUNTY_NAMES
from guanxi.synth.units import deputy_title, entity, full_name
from guanxi.synth.world import World

_CN = "一二三四五六七八九十"
CITY_HOSPITALS = (("市人民医院", 300, 17), ("市中医院", 200, 15), ("市妇幼保健院", 120, 12),
                  ("市第二人民医院", 140, 13), ("市第三人民医院", 90, 11))
COUNTY_HOSPITALS = (("人民医院", 220, 16), ("中医院", 130, 13))


def plan(gi: int, scale: float) -> tuple[str, list[tuple[str, str, int, int]]]:
    """Group ``gi``'s county and its entities as (name, style, staff, departments)."""
    county = COUNTY_NAMES[gi % len(COUNTY_NAMES)]
    cycle = gi // len(COUNTY_NAMES)
    tag = f"（{_CN[cycle % 10]}片区）" if cycle else ""
    city = gi % len(COUNTY_NAMES) == 0
    short = "市" if city else county
    rows = [(f"{short}卫生健康局{tag}", "局", 24, 10)]
    for name, size, nd in CITY_HOSPITALS if city else COUNTY_HOSPITALS:
        rows.append((f"{short if city else county}{name.removeprefix('市')}{tag}", "医院", size, nd))
    towns = COUNTIES[county][2]
    for i, town in enumerate(towns):
        style = "中心" if town.endswith("街道") else "卫生院"
        label = "社区卫生服务中心" if style == "中心" else "卫生院"
        rows.append((f"{town}{label}{tag}", style, 22 + (i * 7) % 30, 5 + i % 5))
    return county, [(n, s, max(6, int(k * scale)), nd) for n, s, k, nd in rows]


def planned_size(gi: int, scale: float) -> int:
    return sum(k for _, _, k, _ in plan(gi, scale)[1])


def heads(c: Crew) -> None:
    """主要负责人 terms for every entity; outgoing heads are re-used elsewhere when free."""
    w, rng = c.w, c.w.rng
    slots: list[tuple[date, int, date | None]] = []
    for i in range(len(c.entities)):
        t = rand_date(rng, date(2005, 1, 1), date(2011, 6, 1))
        while t < TODAY:
            end: date | None = add_months(t, rng.randint(36, 84))
            if end is not None and end >= TODAY:
                end = None
            slots.append((t, i, end))
            t = end or TODAY
    slots.sort(key=lambda s: (s[0], s[1]))
    pool: list[tuple[date, Person, set[int]]] = []
    for t, i, end in slots:
        e = c.entities[i]
        pick = None
        for k, (avail, p, done) in enumerate(pool):
            if add_months(t, -18) <= avail <= t and i not in done and p.age(t) <= 55:
                pick = k
                break
        if pick is not None and rng.random() < 0.8:
            _, p, done = pool.pop(pick)
            change = "平级交流"
        else:
            p, done, change = qualified(c.new(e, t.year - 50, t.year - 38)), set(), "提拔"
            x = rng.choice([y for y in c.entities if y is not e] or [e])
            prior = add_months(t, -12 * rng.randint(3, 7))
            title = deputy_title(x)
            w.posting(p, x.uid, title, "副科", "副职", prior, t, "提拔")
            w.appointment(p, x.uid, title, "中层正职", "副科", prior)
        end2 = c.close(p, end)
        w.posting(p, e.uid, e.head_title, "正科", "主要负责人", t, end2, change,
                  full_name(e) + " " + e.head_title)
        if change == "提拔":
            w.appointment(p, e.uid, e.head_title, "副科", "正科", t)
        done.add(i)
        if end is not None and end2 == end:
            pool.append((end, p, done))
    for avail, p, _ in pool:
        c.leave(p, avail)


def _lead_estimate(size: int, ndepts: int) -> int:
    """About how many people the leadership lines of an entity consume."""
    lines = 1 if size < 40 else (2 if size < 150 else 3)
    return int(2.2 * (ndepts + lines)) + 3


def bureau_of(w: World, gi: int, scale: float) -> Unit:
    """Create (and write) group ``gi``'s bureau first, so planted units can hang under it."""
    county, rows = plan(gi, scale)
    n, s, _, nd = rows[0]
    return entity(w, n, "", s, county, nd)


def build(w: World, gi: int, budget: int, scale: float, bureau: Unit | None = None) -> None:
    """Generate and write group ``gi`` with exactly ``budget`` persons (leadership permitting)."""
    county, rows = plan(gi, scale)
    if budget < sum(k for _, _, k, _ in rows):  # a cut group: fewer entities, same shape
        keep: list[tuple[str, str, int, int]] = []
        lead = 0
        for row in rows:
            lead += _lead_estimate(row[2], row[3])
            if keep and lead > 0.6 * budget:
                break
            keep.append(row)
        total = sum(k for _, _, k, _ in keep)
        rows = [(n, s, max(4, k * budget // total), nd) for n, s, k, nd in keep]
    region = COUNTIES[county][1] if w.rng.random() < 0.5 else county
    entities: list[Unit] = []
    sizes: list[int] = []
    for n, s, k, nd in rows:
        if bureau is None:
            bureau = e = entity(w, n, "", s, region, nd)
        else:
            e = bureau if not entities else entity(w, n, bureau.uid, s, region, nd)
        entities.append(e)
        sizes.append(k)
    c = Crew(w, county, entities)
    for e, k in zip(entities, sizes):
        lines = 1 if k < 40 else (2 if k < 150 else 3)
        for line in range(lines):
            deputies(c, e, line, lines)
        for d in e.depts:
            dept_heads(c, e, d)
    heads(c)
    left = budget - len(c.people)
    if left > 0:
        for e, k in zip(entities, sizes):
            staff(c, e, k * left // sum(sizes))
        staff(c, entities[-1], budget - len(c.people))
    for p in c.people:
        emit(w, p)
        w.write_person(p)
