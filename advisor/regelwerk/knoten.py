"""The compiled nodes of the condition language and the values they work on.

A node is called with a ``Kontext`` and returns ``True``, ``False`` or ``None`` (unknown, Kleene
logic); ``offene(ctx, out)`` adds the unknown facts that decide an unknown node. Nodes are built
only by ``advisor.regelwerk.bedingungen.compile_condition``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

Wahrheit = bool | None
Fakten = Mapping[str, Any]


class Kontext:
    """What a compiled condition reads: facts, parameters (already dated), rule statuses."""

    __slots__ = ("fakten", "parameter", "regelstatus")

    def __init__(
        self,
        fakten: Fakten,
        parameter: Mapping[str, Any],
        regelstatus: Callable[[str], Wahrheit],
    ) -> None:
        self.fakten = fakten
        self.parameter = parameter
        self.regelstatus = regelstatus


Operand = Callable[[Kontext], Any]


@dataclass(frozen=True, slots=True)
class Untergrenze:
    """An unknown value known to be at least ``wert``."""

    wert: Any


class _Knoten:
    """A compiled boolean node: ``node(ctx)`` evaluates it; ``offene(ctx, out)`` adds the unknown
    facts that decide it (only called when the node is unknown)."""

    __slots__ = ()

    def __call__(self, ctx: Kontext) -> Wahrheit:  # pragma: no cover - abstract
        raise NotImplementedError

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        return None


class _Wahr(_Knoten):
    __slots__ = ()

    def __call__(self, ctx: Kontext) -> Wahrheit:
        return True


class _Fakt(_Knoten):
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, ctx: Kontext) -> Wahrheit:
        wert: Wahrheit = ctx.fakten[self.name]
        return wert

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        if ctx.fakten[self.name] is None:
            out.add(self.name)


class _Bekannt(_Fakt):
    __slots__ = ()

    def __call__(self, ctx: Kontext) -> Wahrheit:
        return ctx.fakten[self.name] is not None


class _Alle(_Knoten):
    __slots__ = ("teile",)

    def __init__(self, teile: tuple[_Knoten, ...]) -> None:
        self.teile = teile

    def __call__(self, ctx: Kontext) -> Wahrheit:
        unbekannt = False
        for t in self.teile:
            v = t(ctx)
            if v is False:
                return False
            if v is None:
                unbekannt = True
        return None if unbekannt else True

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        for t in self.teile:
            if t(ctx) is None:
                t.offene(ctx, out)


class _Eine(_Alle):
    __slots__ = ()

    def __call__(self, ctx: Kontext) -> Wahrheit:
        unbekannt = False
        for t in self.teile:
            v = t(ctx)
            if v is True:
                return True
            if v is None:
                unbekannt = True
        return None if unbekannt else False


class _Nicht(_Knoten):
    __slots__ = ("inner",)

    def __init__(self, inner: _Knoten) -> None:
        self.inner = inner

    def __call__(self, ctx: Kontext) -> Wahrheit:
        v = self.inner(ctx)
        return None if v is None else not v

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        self.inner.offene(ctx, out)


class _Regel(_Knoten):
    """The status of another rule; its own unknown facts are reported with that rule."""

    __slots__ = ("regel",)

    def __init__(self, regel: str) -> None:
        self.regel = regel

    def __call__(self, ctx: Kontext) -> Wahrheit:
        return ctx.regelstatus(self.regel)


class _Vergleich(_Knoten):
    __slots__ = ("rel", "links", "rechts", "fakten")

    def __init__(
        self, rel: Callable[[Any, Any], bool], links: Operand, rechts: Operand, fakten: tuple[str, ...]
    ) -> None:
        self.rel = rel
        self.links = links
        self.rechts = rechts
        self.fakten = fakten

    def __call__(self, ctx: Kontext) -> Wahrheit:
        rel = self.rel
        a = self.links(ctx)
        b = self.rechts(ctx)
        if a is None or b is None or isinstance(b, Untergrenze):
            return None
        if isinstance(a, Untergrenze):
            # The value is unknown but at least a.wert: only some questions can be settled.
            if rel in (_gt, _ge) and rel(a.wert, b):
                return True
            if rel in (_lt, _le, _eq) and a.wert > b:
                return False
            if rel is _ne and a.wert > b:
                return True
            return None
        return rel(a, b)

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        out.update(f for f in self.fakten if ctx.fakten[f] is None)


class _In(_Knoten):
    __slots__ = ("links", "menge", "fakten")

    def __init__(self, links: Operand, menge: frozenset[Any], fakten: tuple[str, ...]) -> None:
        self.links = links
        self.menge = menge
        self.fakten = fakten

    def __call__(self, ctx: Kontext) -> Wahrheit:
        v = self.links(ctx)
        return None if v is None or isinstance(v, Untergrenze) else v in self.menge

    def offene(self, ctx: Kontext, out: set[str]) -> None:
        out.update(f for f in self.fakten if ctx.fakten[f] is None)


# The comparison operators, as the C functions of ``operator`` (faster than Python wrappers).
_lt: Callable[[Any, Any], bool] = operator.lt
_le: Callable[[Any, Any], bool] = operator.le
_gt: Callable[[Any, Any], bool] = operator.gt
_ge: Callable[[Any, Any], bool] = operator.ge
_eq: Callable[[Any, Any], bool] = operator.eq
_ne: Callable[[Any, Any], bool] = operator.ne

_VERGLEICHE: dict[str, Callable[[Any, Any], bool]] = {
    "gleich": _eq,
    "ungleich": _ne,
    "kleiner": _lt,
    "kleiner_gleich": _le,
    "groesser": _gt,
    "groesser_gleich": _ge,
}


Bedingung = _Knoten


def volle_jahre(von: date, bis: date) -> int:
    """Whole calendar years from ``von`` to ``bis`` (exclusive end): 2027-01-01 → 2032-01-01 is 5,
    → 2031-12-31 is 4. A year begun on 29 February completes on 1 March of a common year.
    """
    jahre = bis.year - von.year
    if (bis.month, bis.day) < (von.month, von.day):
        jahre -= 1
    return jahre
