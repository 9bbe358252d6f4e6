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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.regelwerk.annahmen import annahmen
from advisor.regelwerk.knoten import (
    _VERGLEICHE,
    Bedingung,
    Kontext,
    Operand,
    Untergrenze,
    Wahrheit,
    _Alle,
    _Bekannt,
    _Eine,
    _Fakt,
    _In,
    _Knoten,
    _Nicht,
    _Regel,
    _Vergleich,
    _Wahr,
    volle_jahre,
)

__all__ = [
    "Bedingung",
    "BedingungsFehler",
    "Kontext",
    "Untergrenze",
    "Verweise",
    "Wahrheit",
    "annahmen",
    "compile_condition",
    "volle_jahre",
]


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


def _single_key(node: dict[str, Any]) -> tuple[str, Any]:
    if len(node) != 1:
        raise BedingungsFehler(f"eine Bedingung braucht genau einen Operator, nicht {sorted(node)}")
    return next(iter(node.items()))


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
