"""Assumptions under which a condition holds: "if this rule applied, what would follow?"

Used by the decision to tell which unknown facts can still change a result, without trying every
combination of facts.
"""

from __future__ import annotations

from collections.abc import Callable

from advisor.regelwerk.knoten import Kontext, _Alle, _Bekannt, _Eine, _Fakt, _Knoten, _Nicht, _Regel

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
                    {**a, **b} for a in ergebnis for b in alternativen if all(a.get(k, v) == v for k, v in b.items())
                ]
                if len(ergebnis) > _MAX_ANNAHMEN:
                    return [{}]
        return ergebnis if len(ergebnis) <= _MAX_ANNAHMEN else [{}]
    v = knoten(ctx)
    return [{}] if v is None or v is wert else []
