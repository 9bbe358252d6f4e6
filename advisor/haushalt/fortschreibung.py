"""The arithmetic of the planning years: indexation per year and the share of a year in the term.

Indexation, rounded per year (stated in docs/haushalt.md and tested): a group's full-year level
``L`` starts at the calculation year's amount. In each later year, the increases dated in that
year apply in date order, each for the full months from the first 1st of a month on or after its
date (as ``kosten.fortschreibung`` does): the year's amount is
``L × (1 + Σ p_i × m_i/12 × Π_{j<i} (1 + p_j))`` and the next level is ``L × Π (1 + p_i)``, both
rounded half up to the cent — so each year starts from the rounded figure a budget shows, never
from an unrounded chain.

Share of a year in the term (``ende`` exclusive, like the case contract): each calendar month
counts 1/12 if the term covers it wholly, else the covered days over the month's days (a leap
February has 29) — so a term ending on 01.07. gives exactly 6/12.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from advisor.haushalt.annahmen import Steigerung
from advisor.kosten.rundung import cent_aus_bruch

_FERN = date(9999, 12, 31)


def monate_ab(ab: date, jahr: int) -> int:
    """Full months of ``jahr`` in which an increase dated ``ab`` applies."""
    if ab.year < jahr:
        return 12
    if ab.year > jahr:
        return 0
    return 12 - ab.month + (1 if ab.day == 1 else 0)


def _runde(wert: Fraction) -> int:
    """Cents, half up (away from zero for a negative amount)."""
    if wert < 0:
        return -cent_aus_bruch(-wert.numerator, wert.denominator)
    return cent_aus_bruch(wert.numerator, wert.denominator)


def jahresbetraege(
    basis_cent: int, steigerungen: Iterable[Steigerung], kalkulationsjahr: int, bis: int
) -> dict[int, int]:
    """The group's amount in cents for every year from ``kalkulationsjahr`` to ``bis``.

    The calculation year keeps its calculated amount (increases dated in it or earlier are
    already in the calculation or are ignored); later years follow the module's rule.
    """
    schritte = sorted(steigerungen, key=lambda s: s.ab)
    if basis_cent == 0 or not schritte:
        return dict.fromkeys(range(kalkulationsjahr, bis + 1), basis_cent)
    ergebnis = {kalkulationsjahr: basis_cent}
    stand = basis_cent
    for jahr in range(kalkulationsjahr + 1, bis + 1):
        faktor = Fraction(1)
        zusatz = Fraction(0)
        for s in (s for s in schritte if s.ab.year == jahr):
            p = Fraction(s.prozent) / 100
            zusatz += faktor * p * Fraction(monate_ab(s.ab, jahr), 12)
            faktor *= 1 + p
        ergebnis[jahr] = _runde(stand * (1 + zusatz))
        stand = _runde(stand * faktor)
    return ergebnis


def _monatsanfang(jahr: int, monat: int) -> date:
    return date(jahr + monat // 13, (monat - 1) % 12 + 1, 1)


@functools.lru_cache(maxsize=4096)
def laufzeitanteil(beginn: date, ende: date | None, jahr: int) -> Fraction:
    """The share of ``jahr`` that lies in the term [beginn, ende), 0 to 1 (see the module)."""
    if beginn <= date(jahr, 1, 1) and (ende is None or ende >= date(jahr + 1, 1, 1)):
        return Fraction(1)
    if beginn >= date(jahr + 1, 1, 1) or (ende is not None and ende <= date(jahr, 1, 1)):
        return Fraction(0)
    stop_gesamt = ende or _FERN
    summe = Fraction(0)
    for monat in range(1, 13):
        erster = date(jahr, monat, 1)
        naechster = _monatsanfang(jahr, monat + 1)
        start, stop = max(beginn, erster), min(stop_gesamt, naechster)
        if stop > start:
            summe += Fraction((stop - start).days, (naechster - erster).days)
    return summe / 12


def anteilig(cent: int, anteil: Fraction) -> int:
    """``cent`` × ``anteil``, rounded half up to the cent."""
    return cent if anteil == 1 else _runde(cent * anteil)


def in_laufzeit(beginn: date, ende: date | None, erster_monat: int, letzter_monat: int, jahr: int) -> bool:
    """Whether the months ``erster_monat``–``letzter_monat`` of ``jahr`` overlap the term."""
    start = date(jahr, erster_monat, 1)
    stop = _monatsanfang(jahr, letzter_monat + 1) - timedelta(days=1)
    return beginn <= stop and (ende is None or ende > start)


def als_decimal(cent: int) -> Decimal:
    return Decimal(cent).scaleb(-2)
