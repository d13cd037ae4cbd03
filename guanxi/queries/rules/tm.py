"""TM01–TM03: tenure rules — posts changed too often, held too long, or left without a new post."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from guanxi.graph.dates import add_months, earliest, fmt, latest
from guanxi.graph.store import GraphStore, Held, pnode, unode
from guanxi.queries.careers import (
    careers,
    in_service_until,
    manager_posts,
    months_between,
    person_name,
)
from guanxi.queries.finding import Finding, NotChecked
from guanxi.queries.positions import post_text
from guanxi.queries.rule import Param, Params, Rule

SEED = "《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
#: titles that only record an exit, not a new post
PLACEHOLDERS = ("", "免职", "退出中层", "无", "待安排", "待分配", "-", "—")


def _same_post(a: Held, b: Held) -> bool:
    return a.rec.unit_id == b.rec.unit_id and a.rec.title == b.rec.title


def _changes(posts: list[Held], ignore: list[str]) -> list[Held]:
    """Posts (one person's, by start) that began with a post change: not the first entry, not a
    renewal, one per day."""
    out: list[Held] = []
    prev: Held | None = None
    for h in posts:
        change = (h.rec.change or "").strip()
        first, prev_ = prev is None, prev
        prev = h
        if change in ignore or (first and not change):
            continue
        if prev_ is not None and _same_post(prev_, h) and prev_.rec.end_date is not None \
                and prev_.rec.end_date >= h.rec.start_date:
            continue  # a renewal of the same post
        if out and out[-1].rec.start_date == h.rec.start_date:
            continue
        out.append(h)
    return out


def detect_tm01(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """One finding per person and burst of ≥ ``min_changes`` post changes within ``window_months``.

    A burst is the union of all sliding windows that hold enough changes, so a
    run of five changes in two years is one finding. Month-only dates are used
    only where the answer does not depend on the day. Cost: O(posts).
    """
    k, window = int(params["min_changes"]), int(params["window_months"])
    ignore = [str(c) for c in params["ignore_changes"]]
    posts = careers(store)
    for p in store.dataset.persons:
        ch = _changes(posts[p.id], ignore)
        if len(ch) < k:
            continue
        runs: list[list[int]] = []
        unsure = False
        for i in range(len(ch) - k + 1):
            a, b = ch[i].rec.start_date, ch[i + k - 1].rec.start_date
            if latest(b) < add_months(earliest(a), window):
                if runs and runs[-1][1] >= i:
                    runs[-1][1] = i + k - 1
                else:
                    runs.append([i, i + k - 1])
            elif earliest(b) < add_months(latest(a), window):
                unsure = True
        for lo, hi in runs:
            yield _tm01_finding(store, p.id, ch[lo:hi + 1], k, window)
        if unsure and not runs:
            yield TM01.not_checked(f"{p.name}：岗位变动日期只精确到月，无法判断是否在 {window} 个月内"
                                   f"变动 {k} 次（月份精度无法判断）", [p.id])


def _tm01_finding(store: GraphStore, pid: str, posts: list[Held], k: int, window: int) -> Finding:
    first, last = posts[0].rec.start_date, posts[-1].rec.start_date
    steps = "；".join(f"{fmt(h.rec.start_date)} {h.rec.change or '任'} {post_text(store, h)}"
                     for h in posts)
    text = (f"{person_name(store, pid)} 在 {fmt(first)} 至 {fmt(last)}（{months_between(first, last)}）"
            f"岗位变动 {len(posts)} 次，达到“{window} 个月内变动 {k} 次”的提示标准：{steps}")
    return TM01.finding(
        persons=[pid], units=[h.entity for h in posts], start=first, end=last, explanation=text,
        nodes=[pnode(pid)] + [unode(h.rec.unit_id) for h in posts], edges=[h.eid for h in posts],
        key=(pid, first.isoformat()), facts={"changes": len(posts)},
    )


def detect_tm02(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """Leadership and 中层 posts held without a break for ≥ ``years`` on the check date.

    Consecutive rows of the same post in the same unit (re-appointments) count
    as one tenure. Cost: O(posts).
    """
    years, as_of = int(params["years"]), params.as_of
    posts, managers = careers(store), manager_posts(store)
    for p in store.dataset.persons:
        if not in_service_until(p, as_of):
            continue
        run: list[Held] = []
        for h in posts[p.id]:
            if run and _same_post(run[-1], h) and run[-1].rec.end_date is not None \
                    and earliest(h.rec.start_date) <= latest(run[-1].rec.end_date):
                run.append(h)
            else:
                run = [h]
            end = h.rec.end_date
            if h.rec.start_date > as_of or (end is not None and end <= as_of):
                continue
            if h.eid not in managers:
                continue
            start = run[0].rec.start_date
            if add_months(latest(start), 12 * years) <= as_of:
                yield _tm02_finding(store, p.id, run, as_of, years)
            elif add_months(earliest(start), 12 * years) <= as_of:
                yield TM02.not_checked(f"{p.name}：任职时间 {fmt(start)} 只精确到月，截至 {fmt(as_of)} "
                                       f"是否满 {years} 年无法判断（月份精度无法判断）", [p.id])


def _tm02_finding(store: GraphStore, pid: str, run: list[Held], as_of: date, years: int) -> Finding:
    h, start = run[-1], run[0].rec.start_date
    again = f"（其间连续任命 {len(run)} 次）" if len(run) > 1 else ""
    text = (f"截至检查基准日 {fmt(as_of)}，{person_name(store, pid)} 自 {fmt(start)} 起连续任 "
            f"{post_text(store, h)}{again}，已 {months_between(start, as_of)}，达到 {years} 年")
    return TM02.finding(
        persons=[pid], units=[h.entity, h.rec.unit_id], start=start, end=None, explanation=text,
        nodes=[pnode(pid), unode(h.rec.unit_id)], edges=[r.eid for r in run],
        key=(pid, h.rec.unit_id, h.rec.title, start.isoformat()), severity="medium",
        facts={"as_of": as_of.isoformat(), "years": years},
    )


def _exits(posts: list[Held], managers: set[str],
           exit_changes: list[str]) -> Iterator[tuple[date, Held]]:
    """(exit day, post) for every management post (edge id in ``managers``) that ended, and every
    exit-only row."""
    for h in posts:
        title = (h.rec.title or "").strip()
        if (h.rec.change or "").strip() in exit_changes and title in PLACEHOLDERS:
            yield h.rec.start_date, h
        elif h.rec.end_date is not None and h.eid in managers:
            yield h.rec.end_date, h


def detect_tm03(store: GraphStore, params: Params) -> Iterator[Finding | NotChecked]:
    """A 中层 or leadership post left (退出中层/免职) with no post within ``months`` while in service."""
    months, as_of = int(params["months"]), params.as_of
    exit_changes = [str(c) for c in params["exit_changes"]]
    by_person, managers = careers(store), manager_posts(store)
    for p in store.dataset.persons:
        posts = by_person[p.id]
        real: list[Held] | None = None  # the posts that are work, listed at the first exit
        for day, left in _exits(posts, managers, exit_changes):
            lo, hi = add_months(earliest(day), months), add_months(latest(day), months)
            if hi >= as_of or not in_service_until(p, hi):
                continue  # the window is not over yet, or he left service within it
            if real is None:
                real = [h for h in posts if (h.rec.title or "").strip() not in PLACEHOLDERS
                        or (h.rec.change or "").strip() not in exit_changes]
            maybe = sure = False
            for q in real:
                if q is left:
                    continue
                e = q.rec.end_date
                if earliest(q.rec.start_date) <= hi and (e is None or latest(e) > earliest(day)):
                    maybe = True
                    if latest(q.rec.start_date) <= lo and (e is None or earliest(e) > latest(day)):
                        sure = True
            if sure:
                continue
            if maybe:
                yield TM03.not_checked(f"{p.name}：{fmt(day)} 退出 {post_text(store, left)} 后的任职日期"
                                       f"只精确到月，是否 {months} 个月内安排工作无法判断（月份精度无法判断）",
                                       [p.id])
                continue
            nxt = [q for q in real if q.rec.start_date > day]
            after = (f"下一任职为 {fmt(nxt[0].rec.start_date)} 起任 {post_text(store, nxt[0])}"
                     if nxt else "此后无任职记录")
            text = (f"{p.name} {fmt(day)} 退出 {post_text(store, left)}，至 {fmt(hi)}（{months} 个月）"
                    f"仍未安排工作，{after}；其状态为 {p.status or '在职'}")
            yield TM03.finding(
                persons=[p.id], units=[left.entity, left.rec.unit_id], start=day,
                end=nxt[0].rec.start_date if nxt else None, explanation=text,
                nodes=[pnode(p.id), unode(left.rec.unit_id)], edges=[left.eid],
                key=(p.id, day.isoformat()), severity="medium",
            )


TM01 = Rule(
    code="TM01", title="岗位调整过于频繁", category="A",
    basis=(SEED + "一、整治重点 1（干部岗位调整过于频繁）", "《党政领导干部职务任期暂行规定》"),
    needs=("persons", "postings"), detect=detect_tm01, severity="medium",
    params=(Param("min_changes", 3, "在滑动时间窗内岗位变动达到此次数即提示"),
            Param("window_months", 36, "滑动时间窗长度（月）"),
            Param("ignore_changes", ["新录用", "退休"], "不计为岗位调整的变动类型")),
    condition="同一人在任意连续 36 个月内岗位变动（提拔、交流、转任、调入、降职等）达到 3 次；"
              "连续多次变动只提示一次，列出全部变动",
)

TM02 = Rule(
    code="TM02", title="同一岗位任职时间过长", category="D",
    basis=(SEED + "附件4 第10项（中层干部在同一岗位任职超过10年）", "《党政领导干部交流工作规定》",
           "《党政领导干部选拔任用工作条例》"),
    needs=("persons", "postings"), detect=detect_tm02, severity="medium",
    params=(Param("years", 10, "在同一岗位（同一机构同一职务）连续任职达到此年数即提示，截至检查基准日"),),
    condition="截至检查基准日（--as-of，默认运行当天），领导职务或中层岗位（主要负责人、副职、内设机构负责人，"
              "或职级在中层副职、副科以上）在同一机构同一职务上连续任职满 10 年",
)

TM03 = Rule(
    code="TM03", title="退出中层岗位未安排工作", category="D",
    basis=(SEED + "附件3 第11项、附件4 第13项（退出中层岗位未安排工作干部）",),
    needs=("persons", "postings"), detect=detect_tm03, severity="medium",
    params=(Param("months", 6, "退出中层或免职后在此月数内没有任何任职即提示"),
            Param("exit_changes", ["退出中层", "免职"], "表示退出岗位的变动类型（职务栏为空或为“免职”等时）")),
    condition="领导职务或中层岗位任职结束（或登记为退出中层、免职）后 6 个月内没有任何新的任职，"
              "且其间仍在职（未退休、离职、调出、死亡）",
)
