"""The condition language of the rule set: closed, safe, three-valued (Kleene).

A condition is YAML data, compiled once at load time into a Python closure; nothing is ever passed
to ``eval``. Truth values are ``True``, ``False`` and ``None`` (unknown).

Boolean forms::

    wahr                                 always true (the last rule of a chain)
    <fakt>                               a bare string: a yes/no fact
    {fakt: <name>}                       the same, explicit
    {alle: [c, ...]}                     and:  false if one is false, else unknown if one is unknown
    {eine: [c, ...]}                     or:   true if one is true, else unknown if one is unknown
    {nicht: c}                           not
    {regel: <id>}                        the condition of another rule (its status)
    {bekannt: <fakt>}                    whether a fact is known (never unknown itself)
    {gleich|ungleich|kleiner|kleiner_gleich|groesser|groesser_gleich: [operand, operand]}
    {in: [operand, [literal, ...]]}      membership in a list of literals

Operands::

    <fakt>                               a bare string: the value of a fact
    {fakt: <name>, mindestens: <fakt>}   a fact; if unknown, known to be at least the other fact
    {parameter: <id>}                    a dated parameter, read at the case's stichtag
    {produkt: [operand, operand]}        multiplication
    {jahre_zwischen: [operand, operand]} whole calendar years from the first date to the second
    {wert: <literal>}, or a number/true/false/null literal

A comparison with an unknown operand is unknown, except where a lower bound decides it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
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


class BedingungsFehler(ValueError):
    """A condition is malformed or refers to something that does not exist."""


@dataclass(frozen=True, slots=True)
class Verweise:
    """What a condition refers to, collected at compile time (for checks and the trace)."""

    fakten: frozenset[str]
    parameter: frozenset[str]
    regeln: frozenset[str]


class _Sammler:
    def __init__(self, bekannte_fakten: Mapping[str, type | tuple[type, ...]], parameter: set[str]) -> None:
        self.bekannte_fakten = bekannte_fakten
        self.bekannte_parameter = parameter
        self.fakten: set[str] = set()
        self.parameter: set[str] = set()
        self.regeln: set[str] = set()
        # Facts read by the operands of the comparison being compiled, and which are only bounds.
        self.aktuell: set[str] = set()
        self.schranken: set[str] = set()

    def fakt(self, name: Any) -> str:
        if not isinstance(name, str) or name not in self.bekannte_fakten:
            raise BedingungsFehler(f"unbekannter Fakt „{name}“")
        self.fakten.add(name)
        self.aktuell.add(name)
        return name

    def param(self, name: Any) -> str:
        if not isinstance(name, str) or name not in self.bekannte_parameter:
            raise BedingungsFehler(f"unbekannter Parameter „{name}“")
        self.parameter.add(name)
        return name


def compile_condition(
    node: Any,
    bekannte_fakten: Mapping[str, type | tuple[type, ...]],
    parameter: set[str],
) -> tuple[Bedingung, Verweise]:
    """Compile a condition; raise ``BedingungsFehler`` naming the first problem."""
    sammler = _Sammler(bekannte_fakten, parameter)
    fn = _bool(node, sammler)
    return fn, Verweise(frozenset(sammler.fakten), frozenset(sammler.parameter), frozenset(sammler.regeln))


def _single_key(node: dict) -> tuple[str, Any]:
    if len(node) != 1:
        raise BedingungsFehler(f"eine Bedingung braucht genau einen Operator, nicht {sorted(node)}")
    return next(iter(node.items()))


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
        return ctx.fakten[self.name]

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

    def __init__(self, rel: Callable[[Any, Any], bool], links: Operand, rechts: Operand, fakten: tuple[str, ...]) -> None:
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


def _bool(node: Any, s: _Sammler) -> _Knoten:
    if node == "wahr":
        return _Wahr()
    if isinstance(node, str):
        name = s.fakt(node)
        if s.bekannte_fakten[name] is not bool:
            raise BedingungsFehler(f"„{name}“ ist kein Ja/Nein-Fakt; bitte mit einem Vergleich prüfen")
        return _Fakt(name)
    if not isinstance(node, dict):
        raise BedingungsFehler(f"ungültige Bedingung: {node!r}")
    op, arg = _single_key(node)
    if op == "fakt":
        if not isinstance(arg, str):
            raise BedingungsFehler(f"„fakt“ braucht einen Faktnamen, nicht {arg!r}")
        return _bool(arg, s)
    if op in ("alle", "eine"):
        if not isinstance(arg, list) or not arg:
            raise BedingungsFehler(f"„{op}“ braucht eine nicht leere Liste")
        teile = tuple(_bool(a, s) for a in arg)
        return _Alle(teile) if op == "alle" else _Eine(teile)
    if op == "nicht":
        return _Nicht(_bool(arg, s))
    if op == "regel":
        if not isinstance(arg, str):
            raise BedingungsFehler("„regel“ braucht eine Regel-ID")
        s.regeln.add(arg)
        return _Regel(arg)
    if op == "bekannt":
        return _Bekannt(s.fakt(arg))
    if op in _VERGLEICHE:
        if not isinstance(arg, list) or len(arg) != 2:
            raise BedingungsFehler(f"„{op}“ braucht genau zwei Operanden")
        _neu(s)
        links, rechts = _operand(arg[0], s), _operand(arg[1], s)
        return _Vergleich(_VERGLEICHE[op], links, rechts, _gefragt(s))
    if op == "in":
        if not isinstance(arg, list) or len(arg) != 2 or not isinstance(arg[1], list):
            raise BedingungsFehler("„in“ braucht [Operand, [Wert, ...]]")
        _neu(s)
        links = _operand(arg[0], s)
        return _In(links, frozenset(arg[1]), _gefragt(s))
    raise BedingungsFehler(f"unbekannter Operator „{op}“")


def _neu(s: _Sammler) -> None:
    s.aktuell = set()
    s.schranken = set()


def _gefragt(s: _Sammler) -> tuple[str, ...]:
    """Facts the operands just compiled read, except lower bounds (a bound is never asked for)."""
    return tuple(sorted(s.aktuell - s.schranken))


def _lt(a: Any, b: Any) -> bool:
    return a < b


def _le(a: Any, b: Any) -> bool:
    return a <= b


def _gt(a: Any, b: Any) -> bool:
    return a > b


def _ge(a: Any, b: Any) -> bool:
    return a >= b


def _eq(a: Any, b: Any) -> bool:
    return a == b


def _ne(a: Any, b: Any) -> bool:
    return a != b


_VERGLEICHE: dict[str, Callable[[Any, Any], bool]] = {
    "gleich": _eq,
    "ungleich": _ne,
    "kleiner": _lt,
    "kleiner_gleich": _le,
    "groesser": _gt,
    "groesser_gleich": _ge,
}


def _operand(node: Any, s: _Sammler) -> Operand:
    if isinstance(node, bool) or node is None or isinstance(node, int | Decimal | date):
        value = Decimal(node) if isinstance(node, int) and not isinstance(node, bool) else node
        return lambda ctx: value
    if isinstance(node, str):
        name = s.fakt(node)
        return lambda ctx: ctx.fakten[name]
    if not isinstance(node, dict):
        raise BedingungsFehler(f"ungültiger Operand: {node!r}")
    if "fakt" in node:
        extra = set(node) - {"fakt", "mindestens"}
        if extra:
            raise BedingungsFehler(f"unbekannte Angabe(n) beim Fakt: {sorted(extra)}")
        name = s.fakt(node["fakt"])
        if "mindestens" not in node:
            return lambda ctx: ctx.fakten[name]
        untere = s.fakt(node["mindestens"])
        s.schranken.add(untere)

        def mit_untergrenze(ctx: Kontext) -> Any:
            v = ctx.fakten[name]
            if v is not None:
                return v
            u = ctx.fakten[untere]
            return None if u is None else Untergrenze(u)

        return mit_untergrenze
    op, arg = _single_key(node)
    if op == "parameter":
        pid = s.param(arg)
        return lambda ctx: ctx.parameter[pid]
    if op == "wert":
        return lambda ctx: arg
    if op == "produkt":
        if not isinstance(arg, list) or len(arg) != 2:
            raise BedingungsFehler("„produkt“ braucht genau zwei Operanden")
        a, b = _operand(arg[0], s), _operand(arg[1], s)

        def produkt(ctx: Kontext) -> Any:
            x, y = a(ctx), b(ctx)
            if x is None or y is None or isinstance(x, Untergrenze) or isinstance(y, Untergrenze):
                return None
            return x * y

        return produkt
    if op == "jahre_zwischen":
        if not isinstance(arg, list) or len(arg) != 2:
            raise BedingungsFehler("„jahre_zwischen“ braucht genau zwei Operanden")
        a, b = _operand(arg[0], s), _operand(arg[1], s)

        def jahre(ctx: Kontext) -> Any:
            x, y = a(ctx), b(ctx)
            if not isinstance(x, date) or not isinstance(y, date):
                return None
            return Decimal(volle_jahre(x, y))

        return jahre
    raise BedingungsFehler(f"unbekannter Operand „{op}“")


Bedingung = _Knoten

#: Above this many alternative assumptions, ``annahmen`` gives up (returns "no constraint").
_MAX_ANNAHMEN = 32


def annahmen(
    knoten: _Knoten, wert: bool, ctx: Kontext, regelknoten: Callable[[str], _Knoten | None]
) -> list[dict[str, bool]]:
    """Alternative assumptions about unknown yes/no facts under which ``knoten`` has ``wert``.

    Each dict is one way for the node to take that value (``alle`` true: every part true; ``eine``
    true: one part true, …). Leaves the language cannot invert (comparisons, membership) add no
    assumption. An empty list means the node cannot take ``wert`` with the known facts. Used to ask
    "if this rule applied, what would follow?" without trying every combination of facts.
    """
    if isinstance(knoten, _Bekannt):
        return [{}] if knoten(ctx) is wert else []
    if isinstance(knoten, _Fakt):
        v = ctx.fakten[knoten.name]
        if v is None:
            return [{knoten.name: wert}]
        return [{}] if v is wert else []
    if isinstance(knoten, _Nicht):
        return annahmen(knoten.inner, not wert, ctx, regelknoten)
    if isinstance(knoten, _Regel):
        ziel = regelknoten(knoten.regel)
        if ziel is None:
            return [{}] if knoten(ctx) is wert else []
        return annahmen(ziel, wert, ctx, regelknoten)
    if isinstance(knoten, _Alle):  # also _Eine
        oder = isinstance(knoten, _Eine) == wert  # eine/true and alle/false: one part suffices
        teile = [annahmen(t, wert, ctx, regelknoten) for t in knoten.teile]
        if oder:
            ergebnis = [a for alternativen in teile for a in alternativen]
        else:
            ergebnis = [{}]
            for alternativen in teile:
                ergebnis = [
                    {**a, **b}
                    for a in ergebnis
                    for b in alternativen
                    if all(a.get(k, v) == v for k, v in b.items())
                ]
                if len(ergebnis) > _MAX_ANNAHMEN:
                    return [{}]
        return ergebnis if len(ergebnis) <= _MAX_ANNAHMEN else [{}]
    v = knoten(ctx)
    return [{}] if v is None or v is wert else []


def volle_jahre(von: date, bis: date) -> int:
    """Whole calendar years from ``von`` to ``bis`` (exclusive end): 2027-01-01 → 2032-01-01 is 5,
    → 2031-12-31 is 4. A year begun on 29 February completes on 1 March of a common year.
    """
    jahre = bis.year - von.year
    if (bis.month, bis.day) < (von.month, von.day):
        jahre -= 1
    return jahre
