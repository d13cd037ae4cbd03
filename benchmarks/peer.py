"""The peer of ``benchmarks/run.py``: the same CSV files in Ladybug (a Kùzu fork) and AV01's core join in Cypher.

``python benchmarks/peer.py DIR OUT.json`` (needs the ``bench`` extra: ``pip install ".[bench]"``).

What an engineer would write: one node table per roster file (every column a
STRING, as the registers are text), postings as edges person → unit, and the
relation rows that name a roster relative (``亲属人员编号``) as kin edges. The
registers write dates in many ways (``2016-04-12``, ``201604``, ``2016年4月``,
``2016/4/2`` …), so the load turns each date into a sortable day key in Cypher
(``yyyymmdd``; a month-only start counts from the month's end, a month-only end
from its first day), the same reading guanxi's ``certain_overlap`` makes.
"""

from __future__ import annotations

import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: a date text -> yyyymmdd; ``late`` = 1 reads a month-only date as its month's last day
DAY_KEY = (
    "CREATE MACRO part(d, i) AS CAST(list_concat(d, ['0', '0', '0'])[i] AS INT64)",
    """CREATE MACRO day_key(s, d, late) AS CASE
  WHEN s IS NULL OR s = '' THEN NULL
  WHEN size(d) >= 3 THEN part(d, 1) * 10000 + part(d, 2) * 100 + part(d, 3)
  WHEN size(d) = 2 THEN part(d, 1) * 10000 + part(d, 2) * 100 + 1 + late * 30
  WHEN size(s) = 8 THEN part(d, 1)
  WHEN size(s) = 6 THEN part(d, 1) * 100 + 1 + late * 30
  ELSE NULL END""",
)

#: AV01's core join: two kin holding posts in the same unit at overlapping times
CORE_JOIN = """
MATCH (a:Person)-[:Kin]-(b:Person),
      (a)-[pa:Posting]->(u:Unit)<-[pb:Posting]-(b)
WHERE a.`人员编号` < b.`人员编号`
  AND (pa.e IS NULL OR pb.s < pa.e) AND (pb.e IS NULL OR pa.s < pb.e)
RETURN DISTINCT a.`人员编号`, b.`人员编号`
"""


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def _q(name: str) -> str:
    return f"`{name}`"


def load(conn: Any, data: Path) -> None:
    """Schema and bulk ``COPY FROM`` of persons, units, postings and kin rows."""
    for macro in DAY_KEY:
        conn.execute(macro)
    for table, file, key in (("Person", "persons.csv", "人员编号"), ("Unit", "units.csv", "机构编号")):
        cols = _header(data / file)
        props = ", ".join(f"{_q(c)} STRING" for c in cols)
        conn.execute(f"CREATE NODE TABLE {table}({props}, PRIMARY KEY ({_q(key)}))")
        conn.execute(f"COPY {table} FROM '{data / file}' (header=true)")
    conn.execute("CREATE REL TABLE Posting(FROM Person TO Unit, title STRING, s INT64, e INT64)")
    conn.execute(
        f"COPY Posting FROM (LOAD FROM '{data / 'postings.csv'}' (header=true) "
        "WITH *, regexp_extract_all(`任职时间`, '[0-9]+') AS ds, "
        "regexp_extract_all(`免职时间`, '[0-9]+') AS de "
        "RETURN `人员编号`, `机构编号`, `职务`, day_key(`任职时间`, ds, 1), day_key(`免职时间`, de, 0))")
    conn.execute("CREATE REL TABLE Kin(FROM Person TO Person, term STRING)")
    conn.execute(
        f"COPY Kin FROM (LOAD FROM '{data / 'relations.csv'}' (header=true) "
        "WHERE `亲属人员编号` IS NOT NULL AND `亲属人员编号` <> '' "
        "RETURN `人员编号`, `亲属人员编号`, `称谓`)")


def run(data: Path) -> dict[str, Any]:
    """Load and query timings, the pairs found, and the peak resident memory."""
    import ladybug

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = ladybug.Database(str(Path(tmp) / "bench.lbug"))
        conn = ladybug.Connection(db)
        load(conn, data)
        t1 = time.perf_counter()
        res = conn.execute(CORE_JOIN)
        pairs = []
        while res.has_next():
            a, b = res.get_next()
            pairs.append((a, b))
        t2 = time.perf_counter()
        conn.close()
        db.close()
    return {
        "version": getattr(ladybug, "__version__", ""),
        "load_s": t1 - t0,
        "query_s": t2 - t1,
        "pairs": len(pairs),
        "_pairs": sorted(pairs),
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9,
    }


def main() -> None:
    data, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    out.write_text(json.dumps(run(data), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
