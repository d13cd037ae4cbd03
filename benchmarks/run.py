"""Province-scale benchmark: guanxi against Ladybug (a Kùzu fork) on the same generated registers.

Usage::

    pip install ".[bench]"
    python benchmarks/run.py [--persons 1000000] [--also 100000] [--out benchmarks/results.json]

For each size (smallest first) the dataset is generated once with ``guanxi generate``
(cached in ``benchmarks/data/p<N>-s<seed>/``), then measured in fresh subprocesses so
each peak resident memory belongs to one size: guanxi by ``measure.py`` (load +
validate, build, kin derivation, every rule of the registry, full scan, path and
neighbourhood queries, AV01's core join) and Ladybug by ``peer.py`` (COPY FROM the
same CSVs, the core join in Cypher). The pairs of both are compared; a table with
the targets of issue 7 is printed and everything is written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def dataset(persons: int, seed: int) -> Path:
    """The cached dataset folder, generated when missing."""
    out = HERE / "data" / f"p{persons}-s{seed}"
    if not (out / "persons.csv").exists():
        tmp = out.with_name(out.name + ".tmp")
        print(f"generating {persons:,} persons (seed {seed}) -> {out}", flush=True)
        subprocess.run([sys.executable, "-c", "from guanxi.cli import main; main()", "generate",
                        "--persons", str(persons), "--seed", str(seed), "--out", str(tmp)],
                       check=True, cwd=ROOT)
        tmp.rename(out)
    return out


def worker(script: str, data: Path, out: Path, extra: list[str], max_gb: float | None) -> dict[str, Any]:
    """Run one measuring subprocess; a failure keeps the stages it finished and its last words."""
    def cap() -> None:
        if max_gb:
            limit = int(max_gb * 1e9)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    out.unlink(missing_ok=True)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script), str(data), str(out), *extra],
                          cwd=ROOT, preexec_fn=cap, capture_output=True, text=True)
    got: dict[str, Any] = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        got["error"] = f"exit {proc.returncode} after {time.perf_counter() - t:.0f} s: {last}"
    out.unlink(missing_ok=True)
    return got


def compare(g: dict[str, Any], lb: dict[str, Any]) -> dict[str, Any]:
    """Same pairs? guanxi's declared-with-id kin against the relation rows Ladybug loaded."""
    mine = {tuple(p) for p in g.pop("_pairs_declared", [])}
    theirs = {tuple(p) for p in lb.pop("_pairs", [])}
    if "core_join_pairs_declared" not in g or "pairs" not in lb:
        return {"checked": False}
    return {"checked": True, "same": mine == theirs, "only_guanxi": sorted(mine - theirs)[:10],
            "only_ladybug": sorted(theirs - mine)[:10]}


def run_size(persons: int, seed: int, pairs: int, peer: bool, max_gb: float) -> dict[str, Any]:
    data = dataset(persons, seed)
    print(f"measuring guanxi on {persons:,} persons", flush=True)
    before = os.getloadavg()[0]
    g = worker("measure.py", data, HERE / "data" / f".g{persons}.json", [str(pairs)], max_gb)
    # other jobs on the machine stretch wall times; the load average says how much
    g["load_average_before_after"] = [round(before, 2), round(os.getloadavg()[0], 2)]
    lb: dict[str, Any] = {}
    if peer:
        print(f"measuring Ladybug on {persons:,} persons", flush=True)
        lb = worker("peer.py", data, HERE / "data" / f".l{persons}.json", [], None)
    res = {"persons": persons, "seed": seed, "guanxi": g, "ladybug": lb, "check": compare(g, lb)}
    if "av01_raw_to_findings_s" in g and "load_s" in lb:
        res["ratio_av01_vs_ladybug"] = g["av01_raw_to_findings_s"] / (lb["load_s"] + lb["query_s"])
    return res


def fmt(v: Any, unit: str = "s") -> str:
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "yes" if v else "NO"
    if unit == "x":
        return f"{v:.2f}×"
    if unit == "ms":
        return f"{v:,.0f} ms"
    if unit == "GB":
        return f"{v:.2f} GB"
    return f"{v:,.1f} s" if isinstance(v, float) else f"{v:,}"


def table(results: list[dict[str, Any]]) -> str:
    """The figures of every size side by side, then the targets."""
    cols = [r["persons"] for r in results]
    lines = [f"{'':34}" + "".join(f"{c:>18,}" for c in cols)]

    def row(label: str, get: Any, unit: str = "s") -> None:
        vals = []
        for r in results:
            try:
                vals.append(fmt(get(r), unit))
            except (KeyError, TypeError):
                vals.append("—")
        lines.append(f"{label:34}" + "".join(f"{v:>18}" for v in vals))

    g = lambda k: (lambda r: r["guanxi"][k])  # noqa: E731
    row("load + validate", g("load_validate_s"))
    row("graph build (without derivation)", g("graph_build_s"))
    row("kin derivation", g("kin_derivation_s"))
    row("graph nodes (as if all drawn)", g("nodes"))
    row("graph edges (as if all drawn)", g("edges"))
    row("  relatives kept as rows", g("relatives_kept_as_rows"))
    row("memory after load / build", lambda r: "{:.2f} / {:.2f} GB".format(
        r["guanxi"]["rss_after_load_gb"], r["guanxi"]["rss_after_build_gb"]))
    codes = sorted({c for r in results for c in r["guanxi"].get("rules_s", {})},
                   key=lambda c: list(results[-1]["guanxi"].get("rules_s", {c: 0})).index(c)
                   if c in results[-1]["guanxi"].get("rules_s", {}) else 99)
    families = sorted({c.rstrip("0123456789") for c in codes})
    for fam in families:
        row(f"rules {fam}*", lambda r, f=fam: sum(v for c, v in r["guanxi"]["rules_s"].items()
                                                 if c.rstrip("0123456789") == f))
        for c in codes:
            if c.rstrip("0123456789") == fam:
                row(f"  {c}", lambda r, c=c: r["guanxi"]["rules_s"][c])
    row("full scan (rules only)", g("scan_s"))
    row("end to end (load → findings)", g("end_to_end_s"))
    row("  process CPU time", g("end_to_end_cpu_s"))
    row("process CPU, whole run (with queries)", g("cpu_s"))
    row("  load average before / after", lambda r: "{} / {}".format(
        *r["guanxi"]["load_average_before_after"]), "")
    row("path components (once per store)", g("path_components_s"))
    row("path query median", g("path_median_ms"), "ms")
    row("path query p95", g("path_p95_ms"), "ms")
    row("  pairs joined / apart", lambda r: "{} / {} of {}".format(
        r["guanxi"]["path_found"], r["guanxi"]["path_apart"], r["guanxi"].get("path_pairs", 100)), "")
    row("path median, pairs in one component", g("path_joined_median_ms"), "ms")
    row("  p95 / paths found", lambda r: "{} ms / {} of {}".format(
        round(r["guanxi"]["path_joined_p95_ms"]), r["guanxi"]["path_joined_found"],
        r["guanxi"].get("path_pairs", 100)), "")
    row("neighbourhood (2 hops) median", g("neighbors_median_ms"), "ms")
    row("peak resident memory", g("peak_rss_gb"), "GB")
    row("AV01 raw files → findings", g("av01_raw_to_findings_s"))
    row("Ladybug load (COPY FROM)", lambda r: r["ladybug"]["load_s"])
    row("Ladybug core-join query", lambda r: r["ladybug"]["query_s"])
    row("Ladybug peak memory", lambda r: r["ladybug"]["peak_rss_gb"], "GB")
    row("core-join pairs guanxi (all kin)", g("core_join_pairs_all"))
    row("  … declared-with-id kin", g("core_join_pairs_declared"))
    row("core-join pairs Ladybug", lambda r: r["ladybug"]["pairs"])
    row("same pairs", lambda r: r["check"]["same"] if r["check"]["checked"] else None)
    row("ratio guanxi / Ladybug (AV01)", lambda r: r["ratio_av01_vs_ladybug"], "x")
    for r in results:
        for side in ("guanxi", "ladybug"):
            if "error" in r[side]:
                lines.append(f"! {r['persons']:,} {side}: {r[side]['error']} "
                             f"(last stage done: {r[side].get('stage_done', 'none')})")
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Issue 7's targets against the largest size (and the growth from the smallest)."""
    big, small = results[-1], results[0]
    g, out = big["guanxi"], []

    def check(name: str, value: float | None, limit: float, unit: str) -> None:
        ok = None if value is None else value <= limit
        out.append({"target": name, "value": value, "limit": limit, "unit": unit, "met": ok})

    check(f"full scan end to end ({big['persons']:,})", g.get("end_to_end_s"), 60, "s")
    check("peak memory", g.get("peak_rss_gb"), 6, "GB")
    check("AV01 raw→findings / Ladybug load+query", big.get("ratio_av01_vs_ladybug"), 1.0, "×")
    check("path median", g.get("path_median_ms"), 50, "ms")
    check("neighbourhood median", g.get("neighbors_median_ms"), 50, "ms")
    if len(results) > 1:
        a, b = small["guanxi"].get("end_to_end_s"), g.get("end_to_end_s")
        check(f"growth {small['persons']:,}→{big['persons']:,}", b / a if a and b else None, 12, "×")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=1_000_000)
    ap.add_argument("--also", type=int, nargs="*", default=[100_000], help="smaller sizes (0 = none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=100, help="random pairs for the path query")
    ap.add_argument("--no-peer", action="store_true", help="skip Ladybug")
    ap.add_argument("--max-gb", type=float, default=20.0,
                    help="address-space cap of the guanxi process (a MemoryError, not the OOM killer); "
                         "virtual size runs 1-2 GB above resident memory")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    sizes = sorted({n for n in [*args.also, args.persons] if n > 0})
    results = [run_size(n, args.seed, args.pairs, not args.no_peer, args.max_gb) for n in sizes]
    print(table(results))
    goals = targets(results)
    print("\ntargets (largest size):")
    for t in goals:
        v = "not reached" if t["value"] is None else f"{t['value']:,.2f} {t['unit']}"
        mark = {True: "met", False: "MISSED", None: "no figure"}[t["met"]]
        print(f"  {t['target']:44} {v:>16}  ≤ {t['limit']} {t['unit']}  {mark}")
    doc = {"date": datetime.now(UTC).isoformat(timespec="seconds"),
           "machine": {"python": platform.python_version(), "platform": platform.platform(),
                       "cpus": __import__("os").cpu_count()},
           "results": results, "targets": goals}
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwritten {args.out}")


if __name__ == "__main__":
    main()
