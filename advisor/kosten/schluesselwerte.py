"""The values of a key's measures per payer (kosten.md §2), before fixed shares are applied.

- ``einwohner``: the partners' population (``beteiligte[].einwohner``);
- ``fallzahlen`` / ``nutzung`` / ``frei`` (and the quantities of ``stueckpreis``): the values
  given per payer;
- ``gleiche_teile``: 1 each.

``messwerte`` returns one value per payer, or the problems (a missing value is an error naming
the field, never a silent zero). ``gemischte_quoten`` combines the measures of a mixed key with
their stated weights into exact quotas (fractions that add up to 1).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Schluesselbestandteil

EINS = Decimal(1)


def messwerte(
    fallakte: Fallakte,
    zahler: Sequence[str],
    schluessel: str,
    werte: Mapping[str, Decimal] | None,
    pfad_werte: str,
    *,
    null_erlaubt: bool = False,
) -> tuple[list[Decimal], list[Feldproblem]]:
    """One value per payer of ``schluessel``; ``pfad_werte`` names the field of ``werte``.

    Values must be > 0 (``null_erlaubt``: >= 0, for a measure of a mixed key or a quantity).
    """
    if schluessel == "gleiche_teile":
        return [EINS] * len(zahler), []
    probleme: list[Feldproblem] = []
    ergebnis: list[Decimal] = []
    if schluessel == "einwohner":
        einwohner = {b.id: b.einwohner for b in fallakte.beteiligte}
        for k in zahler:
            e = einwohner.get(k)
            if not e:
                probleme.append(Feldproblem(pfad_werte.rsplit(".", 1)[0], f"Für „{k}“ fehlt die Einwohnerzahl."))
            ergebnis.append(Decimal(e or 0))
        return ergebnis, probleme
    gegeben = werte or {}
    for k in zahler:
        wert = gegeben.get(k)
        if wert is None or wert < 0 or (wert == 0 and not null_erlaubt):
            grenze = "von mindestens 0" if null_erlaubt else "größer als 0"
            probleme.append(Feldproblem(f"{pfad_werte}.{k}", f"Für „{k}“ fehlt ein Wert {grenze}."))
        ergebnis.append(wert if wert is not None else Decimal(0))
    return ergebnis, probleme


def gemischte_quoten(
    fallakte: Fallakte, zahler: Sequence[str], bestandteile: Sequence[Schluesselbestandteil], pfad: str
) -> tuple[list[Fraction], dict[str, list[Decimal]], list[Feldproblem]]:
    """Exact quotas of a mixed key: Σ over the measures of weight × (own value / sum of values).

    Returns the quotas (adding up to 1), each measure's values per payer (by measure id), and the
    problems (a measure whose values are all 0 cannot split anything).
    """
    probleme: list[Feldproblem] = []
    summe_gewicht = sum((b.gewicht_prozent for b in bestandteile), Decimal(0))
    quoten = [Fraction(0)] * len(zahler)
    je_bestandteil: dict[str, list[Decimal]] = {}
    for i, b in enumerate(bestandteile):
        ort = f"{pfad}.bestandteile[{i}].werte"
        werte, p = messwerte(fallakte, zahler, b.schluessel, b.werte, ort, null_erlaubt=True)
        probleme.extend(p)
        je_bestandteil[b.id] = werte
        summe = sum(werte, Decimal(0))
        if p:
            continue
        if summe == 0:
            probleme.append(
                Feldproblem(ort, f"Die Werte von „{b.bezeichnung}“ sind alle 0; so lässt sich nichts verteilen.")
            )
            continue
        anteil = Fraction(b.gewicht_prozent) / Fraction(summe_gewicht) / Fraction(summe)
        quoten = [q + anteil * Fraction(w) for q, w in zip(quoten, werte, strict=True)]
    return quoten, je_bestandteil, probleme


def ganzzahlig_aus_quoten(quoten: Sequence[Fraction]) -> list[int]:
    """Exact quotas → integer weights with the same ratios (common denominator); 0 stays 0."""
    nenner = math.lcm(*(q.denominator for q in quoten)) if quoten else 1
    return [q.numerator * (nenner // q.denominator) for q in quoten]
