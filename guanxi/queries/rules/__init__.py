"""The rule catalog: an explicit list, in the order of ``rules.md``."""

from guanxi.queries.rule import Rule
from guanxi.queries.rules import ds, ql05, ql08, ql_person, ql_tenure
from guanxi.queries.rules import av01, av02, av03, av04, np01, np02, np03, np04, np05, np06, pr11
from guanxi.queries.rules import pr08, pr_report, pr_steps, pr_votes, st
from guanxi.queries.rules import ar, payroll, tm

RULES: list[Rule] = [
    av01.RULE,
    av02.RULE,
    av03.RULE,
    av04.RULE,
    np01.RULE,
    np02.RULE,
    np03.RULE,
    np04.RULE,
    np05.RULE,
    np06.RULE,
    pr11.RULE,
    ql_tenure.QL01,
    ql_tenure.QL02,
    ql_person.QL03,
    ql_person.QL04,
    ql05.RULE,
    ql_tenure.QL06,
    ql_person.QL07,
    ql08.RULE,
    ds.DS01,
    ds.DS02,
    ds.DS03,
    pr_steps.MISSING,
    pr_steps.REVERSED,
    pr_steps.CHECKS_RULE,
    pr_votes.TURNOUT,
    pr_votes.STALE,
    pr_votes.QUORUM,
    pr_votes.BODY,
    pr08.RULE,
    pr_report.PETITIONS,
    pr_report.UNREPORTED,
    st.QUOTA,
    st.LEVEL,
    st.HIRE,
    tm.TM01,
    tm.TM02,
    tm.TM03,
    payroll.PY01,
    payroll.PY02,
    payroll.PY03,
    ar.AR01,
    ar.AR02,
]

__all__ = ["RULES"]
