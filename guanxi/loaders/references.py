"""Cross-references between tables: unique keys, ids that exist, a unit tree without cycles.

Tables are checked in dependency order, so a row that points at a rejected row is rejected
too (lenient mode) with a message saying which row it depended on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any

from guanxi.graph.dataset import Rejected
from guanxi.graph.records import Record
from guanxi.loaders.errors import DataError
from guanxi.loaders.schema import columns

#: (table, column, target table) in the order tables are settled
REFERENCES: list[tuple[str, str, str]] = [
    ("meetings", "unit_id", "units"),
    ("appointments", "person_id", "persons"), ("appointments", "unit_id", "units"),
    ("appointments", "meeting_id", "meetings"),
    ("postings", "person_id", "persons"), ("postings", "unit_id", "units"),
    ("supervision", "leader_id", "persons"), ("supervision", "unit_id", "units"),
    ("relations", "person_id", "persons"), ("relations", "relative_id", "persons"),
    ("inspection_teams", "appointment_id", "appointments"),
    ("inspection_teams", "member_id", "persons"),
    ("disciplines", "person_id", "persons"), ("reviews", "person_id", "persons"),
    ("parttime_jobs", "person_id", "persons"), ("payroll", "person_id", "persons"),
    ("payroll", "unit_id", "units"), ("petitions", "person_id", "persons"),
]
#: in-cell lists of person ids: an unknown id is a warning (named recommenders may be outsiders)
LIST_REFERENCES = [("appointments", "recommenders"), ("appointments", "recused_ids"),
                   ("meetings", "attendee_ids")]
KEYED = ("persons", "units", "meetings", "appointments")
TABLE_CN = {"persons": "人员", "units": "机构", "meetings": "会议", "appointments": "选拔任用纪实"}
_ID = attrgetter("id")


@dataclass
class Checker:
    """Settles one dataset's tables; strict raises the first error, lenient collects rejections."""

    tables: dict[str, list[Any]]
    headers: dict[str, dict[str, str]]
    rejected_keys: dict[str, dict[str, str]]
    lenient: bool
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def fail(self, table: str, rec: Record, column: str, message: str) -> None:
        src = rec.src
        err = DataError(src.file if src else table, src.sheet if src else None,
                        src.row if src else None, self.headers[table].get(column, column),
                        message, field=column)
        if not self.lenient:
            raise err
        assert src is not None
        self.rejected.append(Rejected(table=table, source=src, column=err.column, message=str(err)))
        kc = "id" if table in KEYED else None
        if kc is not None:
            self.rejected_keys.setdefault(table, {})[getattr(rec, kc)] = src.label()

    def unique(self, table: str) -> None:
        recs = self.tables[table]
        ids = set(map(_ID, recs))
        if len(ids) == len(recs):  # no id twice: nothing to reject
            self.keys[table] = ids
            return
        seen: dict[str, Record] = {}
        kept = []
        label = columns(table)["id"].label
        for rec in recs:
            first = seen.get(rec.id)
            if first is not None:
                at = first.src.label() if first.src else ""
                self.fail(table, rec, "id", f"{label}“{rec.id}”重复，已在 {at} 出现")
                continue
            seen[rec.id] = rec
            kept.append(rec)
        self.tables[table] = kept
        self.keys[table] = set(seen)

    def refs(self, table: str, column: str, target: str) -> None:
        if target not in self.tables:
            self.warnings.append(f"未提供 {target}（{TABLE_CN.get(target, target)}）表，"
                                 f"无法核对 {table}.{column}")
            return
        keys, gone = self.keys[target], self.rejected_keys.get(target, {})
        recs = self.tables[table]
        values = list(map(attrgetter(column), recs))
        unknown = set(values).difference(keys)
        unknown.discard(None)
        if not unknown:  # every reference holds: nothing to reject
            return
        label = columns(table)[column].label
        kept = []
        for rec, value in zip(recs, values):
            if value not in unknown:
                kept.append(rec)
            elif value in gone:
                self.fail(table, rec, column, f"{label}“{value}”所在行已被拒收（{gone[value]}），本行随之拒收")
            else:
                self.fail(table, rec, column,
                          f"{label}“{value}”在{TABLE_CN[target]}表（{target}）中不存在")
        self.tables[table] = kept
        if table in KEYED:
            self.keys[table] = set(map(_ID, kept))

    def list_refs(self, table: str, column: str) -> None:
        persons = self.keys.get("persons")
        if persons is None:
            return
        get = attrgetter(column)
        if persons.issuperset(chain.from_iterable(map(get, self.tables[table]))):
            return  # every listed id is a person's
        for rec in self.tables[table]:
            missing = [v for v in getattr(rec, column) if v not in persons]
            if missing:
                where = rec.src.label() if rec.src else table
                self.warnings.append(f"{where}：{columns(table)[column].label} 中的 "
                                     f"{'、'.join(missing)} 不在人员表中")

    def unit_tree(self) -> None:
        """Parents exist and the tree has no cycle; a unit under a bad unit is rejected too."""
        units = {u.id: u for u in self.tables["units"]}
        gone = self.rejected_keys.get("units", {})
        bad: dict[str, str] = {}
        primary: set[str] = set()
        ok: set[str] = set()
        for uid in units:
            path: list[str] = []
            on_path: dict[str, int] = {}
            cur: str | None = uid
            verdict: str | None = None
            while cur is not None and cur not in ok and cur not in bad:
                if cur in on_path:
                    cycle = path[on_path[cur]:] + [cur]
                    text = " → ".join(f"{units[c].name}({c})" for c in cycle)
                    for c in cycle[:-1]:
                        bad[c] = f"机构上下级关系成环：{text}"
                        primary.add(c)
                    path = path[:on_path[cur]]
                    verdict = f"其上级机构处于环中：{text}"
                    break
                on_path[cur] = len(path)
                path.append(cur)
                parent = units[cur].parent_id
                if parent is not None and parent not in units:
                    bad[cur] = (f"上级机构“{parent}”所在行已被拒收（{gone[parent]}），本行随之拒收"
                                if parent in gone else f"上级机构“{parent}”在机构表（units）中不存在")
                    primary.add(cur)
                    path.pop()
                    verdict = f"上级机构“{cur}”无效：{bad[cur]}"
                    break
                cur = parent
            else:
                verdict = bad.get(cur) if cur is not None else None
                if verdict is not None:
                    verdict = f"上级机构“{cur}”无效（{verdict}），本行随之拒收"
            for c in path:
                if verdict is None:
                    ok.add(c)
                else:
                    bad.setdefault(c, verdict)
        order = {uid: i for i, uid in enumerate(units)}
        ordered = sorted(bad, key=lambda c: (c not in primary, order[c]))
        for c in ordered:
            self.fail("units", units[c], "parent_id", bad[c])
        self.tables["units"] = [u for u in self.tables["units"] if u.id not in bad]
        self.keys["units"] = {u.id for u in self.tables["units"]}

    def run(self) -> None:
        """Keys first, then the unit tree, then every reference in dependency order."""
        for t in KEYED:
            if t in self.tables:
                self.unique(t)
        if "units" in self.tables:
            self.unit_tree()
        for table, column, target in REFERENCES:
            if table in self.tables:
                self.refs(table, column, target)
        for table, column in LIST_REFERENCES:
            if table in self.tables:
                self.list_refs(table, column)
