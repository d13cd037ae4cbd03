"""A kin link: two roster people related by kinship, with the chains that relate them."""

from __future__ import annotations

from dataclasses import dataclass, field

from guanxi.graph.kinship.category import CATEGORIES, EXCLUDED, IN_SCOPE, KinScope, classify
from guanxi.graph.kinship.steps import Chain


@dataclass
class KinLink:
    """Two roster people related by kinship, declared or derived through others.

    ``chains`` read from ``a`` to ``b``; ``edges`` are the declared kin edges the
    link rests on, ``via`` the shared relative's node id when derived.
    """

    a: str
    b: str
    chains: list[Chain]
    edges: list[str]
    via: str | None = None
    text: str = ""
    reverse_chains: list[Chain] = field(default_factory=list)
    #: the chains a form of ``a`` or ``b`` states about the other, read from the declarer
    declared: list[Chain] = field(default_factory=list)

    def category(self, scope: KinScope | None = None) -> str | None:
        """The most serious category over the pair's readings.

        A declared reading counts as the form states it: a 内侄 on A's form is
        out of scope by default while a 姑父 on B's form is 三代以内旁系血亲的配偶
        (rules.md names both, and they are the two ends of one relation). Any
        other reading and its reverse are one relation: when a scope switch keeps
        one side out, the other side does not bring the pair back in.
        """
        declared = set(self.declared_chains())
        cats = [classify(c, scope) for c in declared]
        back = self.reverse_chains
        for i, c in enumerate(self.chains):
            if c not in declared and (i >= len(back) or back[i] not in declared):
                cats.append(self._reading(i, scope))
        cats += [classify(c, scope) for c in back[len(self.chains):] if c not in declared]
        ranked = [c for c in CATEGORIES if c in cats]
        return ranked[0] if ranked else None

    def declared_chains(self) -> list[Chain]:
        """Chains as written on a form by one of the pair about the other (declarer first)."""
        return self.declared

    def _reading(self, i: int, scope: KinScope | None) -> str | None:
        fwd = classify(self.chains[i], scope)
        if i >= len(self.reverse_chains):
            return fwd
        back = classify(self.reverse_chains[i], scope)
        if EXCLUDED in (fwd, back):
            return EXCLUDED
        ranked = [c for c in CATEGORIES if c in (fwd, back)]
        return ranked[0] if ranked else None

    def in_scope(self, scope: KinScope | None = None) -> bool:
        return self.category(scope) in IN_SCOPE

    def best_chain(self, scope: KinScope | None = None) -> Chain:
        """The chain (from ``a``) that gives :meth:`category`."""
        want = self.category(scope)
        back = self.reverse_chains
        for i, c in enumerate(self.chains):
            if classify(c, scope) == want or (i < len(back) and classify(back[i], scope) == want):
                return c
        return self.chains[0]
