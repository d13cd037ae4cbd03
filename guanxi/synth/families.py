"""Families behind the forms: relatives drawn on demand, kin links between roster people, rows."""

from __future__ import annotations

from typing import Any

from guanxi.synth.dates import fmt_birth
from guanxi.synth.model import Person, Relative
from guanxi.synth.names import surname_of
from guanxi.synth.world import World

SOURCES = ("干部任免审批表", "个人有关事项报告", "干部任免审批表", "人员信息采集表")
_OLD_WORK = ("退休", "务农", "无", "退休（原瑞安市供销社）", "个体")
_ADULT_WORK = ("瑞安市某汽摩配有限公司 职员", "个体经营", "瑞安市第二中学 教师", "温州某银行 柜员",
               "自由职业", "瑞安市某服装厂 会计", "瑞安市塘下镇人民政府 科员", "无", "务农",
               "瑞安市某电器有限公司 销售", "平阳县某小学 教师", "在读")
Target = Relative | Person
_KIDS = (0, 1, 1, 1, 2, 2)


def _old(w: World, p: Person, gender: str, surname: str | None) -> Relative:
    y = p.birth.year
    return w.relative(gender, y - 34, y - 23, surname, _pick(w, _OLD_WORK), 0.25)


def father(w: World, p: Person) -> Target:
    if "father" not in p.fam:
        p.fam["father"] = _old(w, p, "男", surname_of(p.name))
    return p.fam["father"]  # type: ignore[no-any-return]


def mother(w: World, p: Person) -> Target:
    if "mother" not in p.fam:
        p.fam["mother"] = _old(w, p, "女", None)
    return p.fam["mother"]  # type: ignore[no-any-return]


def spouse(w: World, p: Person) -> Target | None:
    if "spouse" not in p.fam:
        y = p.birth.year
        p.fam["spouse"] = None
        if y < 1998 and w.rng.random() < 0.88:
            g = "女" if p.gender == "男" else "男"
            p.fam["spouse"] = w.relative(g, y - 3, y + 3, None, _pick(w, _ADULT_WORK), 0.5)
    return p.fam["spouse"]  # type: ignore[no-any-return]


def children(w: World, p: Person, share: float = 1.0) -> list[Target]:
    """Children on the form; only the share that will be written is drawn."""
    kids: list[Target] = p.fam.setdefault("children", [])
    if not p.fam.get("kids_drawn"):
        p.fam["kids_drawn"] = True
        sp = spouse(w, p)
        y = p.birth.year
        if sp is not None and y < 1994:
            line = surname_of(p.name if p.gender == "男" else sp.name)
            for _ in range(_KIDS[int(w.rng.random() * 6)] - len(kids)):
                if w.rng.random() < share:
                    g = "男" if w.rng.random() < 0.52 else "女"
                    kids.append(w.relative(g, y + 24, min(y + 34, 2022), line,
                                           _pick(w, _ADULT_WORK), 0.3))
    return kids


def siblings(w: World, p: Person, share: float = 1.0) -> list[Target]:
    if "siblings" not in p.fam:
        p.fam["siblings"] = []
        if w.rng.random() < 0.55 * share:
            y = p.birth.year
            g = "男" if w.rng.random() < 0.5 else "女"
            p.fam["siblings"].append(w.relative(g, y - 6, y + 6, surname_of(p.name),
                                                _pick(w, _ADULT_WORK), 0.35))
    return p.fam["siblings"]  # type: ignore[no-any-return]


def _pick(w: World, options: tuple[str, ...]) -> str:
    return options[int(w.rng.random() * len(options))]


def link(w: World, a: Person, b: Person, kind: str) -> None:
    """Make roster people ``a`` and ``b`` kin; ``kind`` is spouse, sibling or child (b of a)."""
    if kind == "spouse":
        a.fam["spouse"], b.fam["spouse"] = b, a
    elif kind == "sibling":
        b.fam["father"], b.fam["mother"] = father(w, a), mother(w, a)
        a.fam.setdefault("siblings", []).append(b)
        b.fam.setdefault("siblings", []).append(a)
    else:
        b.fam["father" if a.gender == "男" else "mother"] = a
        sp = spouse(w, a)
        if sp is not None:
            b.fam["mother" if a.gender == "男" else "father"] = sp
        a.fam.setdefault("children", []).append(b)


def sibling_term(p: Person, s: Target) -> str:
    elder = s.birth < p.birth
    if s.gender == "男":
        return w_choice(("哥哥", "大哥", "哥哥") if elder else ("弟弟", "弟弟", "小弟"), p)
    return w_choice(("姐姐", "二姐", "姐姐") if elder else ("妹妹", "妹妹", "小妹"), p)


def w_choice(options: tuple[str, ...], p: Person) -> str:
    """A stable pick (by person id) so one form spells a term one way."""
    return options[int(p.pid[1:]) % len(options)]


def child_term(p: Person, c: Target) -> str:
    return w_choice(("儿子", "长子", "儿子") if c.gender == "男" else ("女儿", "长女", "女儿"), p)


def background_rows(w: World, p: Person) -> list[tuple[str, Target, str]]:
    """About three form rows for an ordinary cadre, kin on the roster always named."""
    rng = w.rng
    out: list[tuple[str, Target, str]] = []
    sp = spouse(w, p)
    if sp is not None and (isinstance(sp, Person) or rng.random() < 0.9):
        term = w_choice(("妻子", "爱人", "妻子", "配偶") if p.gender == "男"
                        else ("丈夫", "爱人", "丈夫", "配偶"), p)
        out.append((term, sp, ""))
    if isinstance(p.fam.get("father"), Person) or rng.random() < 0.75:
        f = father(w, p)
        old = isinstance(f, Relative) and f.birth.year < 1940
        out.append(("父亲（已故）" if old else "父亲", f, ""))
    if isinstance(p.fam.get("mother"), Person) or rng.random() < 0.6:
        m = mother(w, p)
        out.append(("母亲", m, ""))
    for c in children(w, p, 0.6):
        out.append((child_term(p, c), c, ""))
    for s in siblings(w, p, 0.35):
        if not isinstance(s, Person) or rng.random() < 0.8:
            out.append((sibling_term(p, s), s, ""))
    if isinstance(sp, Person) and rng.random() < 0.3:
        out.append(("岳父" if p.gender == "男" else "公公", father(w, sp), ""))
    return out


def emit(w: World, p: Person) -> None:
    """Write the person's form rows: scripted rows, or background rows plus any extra."""
    rows = p.rows if p.scripted else background_rows(w, p) + p.rows
    src = SOURCES[int(p.pid[1:]) % len(SOURCES)]
    for term, t, how in rows:
        w.out.row("relations", relation_row(w, p, term, t, how, src))


def relation_row(w: World, p: Person, term: str, t: Any, how: str, src: str) -> tuple[Any, ...]:
    rng = w.rng
    if isinstance(t, Person):
        if how == "desc":  # a roster person described, not referenced by id
            return (p.pid, term, "", t.name, fmt_birth(rng, t.birth), t.idno, t.work, src, "")
        idno = t.idno if rng.random() < 0.3 else ""
        return (p.pid, term, t.pid, t.name, fmt_birth(rng, t.birth), idno, t.work, src, "")
    return (p.pid, term, "", t.name, fmt_birth(rng, t.birth), t.idno or "", t.work, src,
            "是" if t.emigrated else "")
