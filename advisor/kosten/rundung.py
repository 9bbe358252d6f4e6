"""Money arithmetic of the cost calculation: exact sums, and the one place where cents are rounded.

All intermediate arithmetic runs in ``EXAKT``, a decimal context that raises on every inexact
operation, so a sum or product is never silently cut. Rounding to cents happens only here:

- ``runde``: one published figure, commercially (ROUND_HALF_UP).
- ``runde_summentreu``: a column of exact amounts, so that the rounded lines add up to the rounded
  exact sum (largest-remainder method; ties go to the earlier line).
- ``verteile``: a total in cents split by weights with the largest-remainder method, so the shares
  add up to the total to the cent; ties go to the earlier line (stable order) — for lines, not payers.
- ``verteile_cent_gleich``: the payers' split: equal weights pay equal amounts whatever their
  order; the cents that cannot be split evenly are returned for the party the agreement names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from typing import Any

CENT = Decimal("0.01")
NULL = Decimal("0.00")
HUNDERT = Decimal(100)

#: Arithmetic context for exact money sums: 60 significant digits, every loss of digits raises.
EXAKT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
_RUNDEN = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow])


def runde(betrag: Decimal) -> Decimal:
    """One published money figure: rounded to the cent, half up (kaufmännisch)."""
    return betrag.quantize(CENT, context=_RUNDEN)  # _RUNDEN rounds ROUND_HALF_UP


def _groesste_reste(ganze: list[int], reste: Sequence[Any], fehlend: int) -> None:
    """The largest-remainder step: one more cent each to the ``fehlend`` lines with the largest
    remainders; ties go to the earlier line (stable order)."""
    if fehlend:
        rangfolge = sorted(zip(reste, range(0, -len(ganze), -1), strict=True), reverse=True)
        for _, minus_i in rangfolge[:fehlend]:
            ganze[-minus_i] += 1


def runde_summentreu(betraege: Sequence[Decimal]) -> list[Decimal]:
    """Exact amounts (>= 0) → cent amounts that add up to ``runde(sum(betraege))`` exactly.

    Each line is rounded down to the cent; the cents missing to the rounded total go to the lines
    with the largest remainder (ties: the earlier line). A single line is simply ``runde`` of it.
    Integer arithmetic on the exact fractions (a decimal amount is z / d with d a power of 2 and 5).
    """
    brueche = [b.as_integer_ratio() for b in betraege]
    nenner = math.lcm(*(d for _, d in brueche)) if brueche else 1
    zaehler = sum(z * (nenner // d) for z, d in brueche)  # the exact sum is zaehler / nenner
    ziel = (200 * zaehler + nenner) // (2 * nenner)  # rounded half up to cents (amounts >= 0)
    ganze: list[int] = []
    reste: list[int] = []
    for z, d in brueche:
        q, r = divmod(z * 100, d)
        ganze.append(q)
        reste.append(r * (nenner // d))  # remainders on the common denominator: comparable
    _groesste_reste(ganze, reste, ziel - sum(ganze))
    return [als_euro(c) for c in ganze]


def ganzzahlige_gewichte(gewichte: Sequence[Decimal]) -> list[int]:
    """Positive decimal weights scaled by one common factor to integers (exact, same ratios).

    Raises ``ValueError`` for an empty list or a weight <= 0 (callers validate inputs before;
    this is a guard against a silent zero).
    """
    if not gewichte:
        raise ValueError("verteile: keine Gewichte")
    brueche = [g.as_integer_ratio() for g in gewichte]
    nenner = 1
    for _, d in brueche:
        if d != 1:
            nenner = math.lcm(nenner, d)
    ganz = [z * (nenner // d) for z, d in brueche]
    if min(ganz) <= 0:
        raise ValueError("verteile: Gewichte müssen größer als 0 sein")
    return ganz


def in_cent(betrag: Decimal) -> int:
    """A whole-cent amount as integer cents; ``ValueError`` if it has fractions of a cent."""
    z, d = betrag.as_integer_ratio()
    cent, rest = divmod(z * 100, d)
    if rest:
        raise ValueError("Betrag ist kein ganzer Centbetrag")
    return cent


def als_euro(cent: int) -> Decimal:
    """Integer cents → Decimal EUR with two places (exact: the product of an integer and 0.01
    keeps every digit of any amount below 10^26 EUR in the default 28-digit context, too)."""
    return Decimal(cent) * CENT


def als_prozent(basispunkte: int) -> Decimal:
    """Integer basis points (hundredths of a percent) → Decimal percent with two places: 6000 →
    ``Decimal("60.00")``. A share's percentage is split like money (largest remainder, the column adds
    up to 100.00), so it is kept in this integer unit — never in cents."""
    return Decimal(basispunkte) * CENT


def verteile_cent(gesamt_cent: int, gewichte: Sequence[int]) -> list[int]:
    """The largest-remainder core on integers: cents split by positive integer weights.

    Each payer first gets floor(total × w / Σw); the cents still missing go one each to the
    largest remainders, ties to the earlier payer. The result adds up to ``gesamt_cent``.
    """
    summe_w = sum(gewichte)
    ganze: list[int] = []
    reste: list[int] = []
    for wi in gewichte:
        q, r = divmod(gesamt_cent * wi, summe_w)
        ganze.append(q)
        reste.append(r)
    _groesste_reste(ganze, reste, gesamt_cent - sum(ganze))
    return ganze


def verteile_cent_gleich(gesamt_cent: int, gewichte: Sequence[int]) -> tuple[list[int], int]:
    """Largest remainder in which equal weights always get equal amounts, whatever their order.

    Each payer first gets floor(total × w / Σw). The missing cents go to whole groups of payers
    with the same remainder, largest remainder first; when the next group is larger than the
    cents still missing, those cents (fewer than that group's size) are not given to anybody and
    come back as ``rest`` — the caller gives them to the party the agreement names (by default
    the provider). Returns (cents per payer, rest); Σ cents + rest = ``gesamt_cent``. A larger
    weight never gets less.
    """
    summe_w = sum(gewichte)
    teile = [divmod(gesamt_cent * wi, summe_w) for wi in gewichte]
    ganze = [q for q, _ in teile]
    fehlend = gesamt_cent - sum(ganze)
    if not fehlend:
        return ganze, 0
    reste = sorted([r for _, r in teile], reverse=True)
    grenze = reste[fehlend - 1]
    if fehlend < len(reste) and reste[fehlend] == grenze:
        # the group at the cut cannot be served whole: only the larger remainders get a cent
        ganze = [q + 1 if r > grenze else q for q, r in teile]
    else:
        ganze = [q + 1 if r >= grenze else q for q, r in teile]
    return ganze, gesamt_cent - sum(ganze)


def cent_aus_bruch(zaehler: int, nenner: int) -> int:
    """A non-negative amount in cents given as an exact fraction, rounded half up to whole cents."""
    return (2 * zaehler + nenner) // (2 * nenner)


def verteile(gesamt: Decimal, gewichte: Sequence[Decimal]) -> list[Decimal]:
    """Split ``gesamt`` (EUR, whole cents) by ``gewichte`` (each > 0): largest-remainder method.

    Returns one cent amount per weight, in the order given; they add up to ``gesamt`` exactly. A
    larger weight never gets a smaller share. Raises ``ValueError`` for an empty list, a weight
    <= 0 or a total that is not whole cents.
    """
    return [als_euro(c) for c in verteile_cent(in_cent(gesamt), ganzzahlige_gewichte(gewichte))]


def teile_gleichmaessig(gesamt: Decimal, anzahl: int) -> list[Decimal]:
    """``gesamt`` (whole cents) in ``anzahl`` instalments that add up exactly; the earlier ones
    carry the extra cents (e.g. 100.00 in 3 → 33.34, 33.33, 33.33) — the same result as
    ``verteile`` with equal weights, computed directly."""
    q, r = divmod(in_cent(gesamt), anzahl)
    return [Decimal(q + 1).scaleb(-2)] * r + [Decimal(q).scaleb(-2)] * (anzahl - r)


def prozentsatz(teil: Decimal, ganzes: Decimal) -> Decimal | None:
    """``teil`` as a percentage of ``ganzes``, two places, half up; ``None`` when ``ganzes`` is 0."""
    if not ganzes:
        return None
    return (_RUNDEN.divide(teil * HUNDERT, ganzes)).quantize(CENT, rounding=ROUND_HALF_UP, context=_RUNDEN)
