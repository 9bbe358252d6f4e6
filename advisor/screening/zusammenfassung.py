"""The risk picture of a whole inventory: counts and sums by result, risk, Aufgabenfeld, legal form;
the total VAT exposure; and the rows to act on first.

Every sum is a plain sum of the rows' own (already rounded) values, so that each figure of the
summary can be checked against the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from advisor.screening.ergebnis import RISIKO_RANG, Screeningzeile

NULL = Decimal("0.00")
#: Results that call for action in any case; other rows only when their risk is high.
HANDLUNGSBEDARF = frozenset({"steuerpflichtig", "offen"})
ERGEBNIS_REIHENFOLGE = ("steuerpflichtig", "offen", "steuerfrei", "nicht_steuerbar")
RISIKO_REIHENFOLGE = ("hoch", "mittel", "gering")


@dataclass(frozen=True, slots=True)
class Gruppensumme:
    """Counts and sums of one group of rows (e.g. all ``steuerpflichtig`` rows)."""

    anzahl: int
    anzahl_ohne_betrag: int
    jahresbetrag_eur: Decimal
    mehrbelastung_eur: Decimal
    potenzielle_mehrbelastung_eur: Decimal


@dataclass(frozen=True, slots=True)
class Zusammenfassung:
    """The summary of a screening.

    Attributes:
        anzahl_zeilen: services screened.
        anzahl_nicht_lesbar: rows (or files) that could not be screened (see the problems).
        mehrbelastung_gesamt_eur: total estimated annual VAT burden of the taxable rows.
        potenzielle_mehrbelastung_offen_eur: what the ``offen`` rows would add if taxable.
        handlungsliste: indices into the rows, most urgent first (largest exposure, then highest
            risk): every taxable or open row and every row with high risk.
    """

    anzahl_zeilen: int
    anzahl_nicht_lesbar: int
    nach_ergebnis: dict[str, Gruppensumme]
    nach_risiko: dict[str, Gruppensumme]
    nach_aufgabenfeld: dict[str, Gruppensumme]
    nach_rechtsform: dict[str, Gruppensumme]
    jahresbetrag_gesamt_eur: Decimal
    mehrbelastung_gesamt_eur: Decimal
    potenzielle_mehrbelastung_offen_eur: Decimal
    handlungsliste: tuple[int, ...]


def _summe(zeilen: Sequence[Screeningzeile]) -> Gruppensumme:
    return Gruppensumme(
        anzahl=len(zeilen),
        anzahl_ohne_betrag=sum(1 for z in zeilen if z.jahresbetrag is None),
        jahresbetrag_eur=sum((z.jahresbetrag for z in zeilen if z.jahresbetrag is not None), NULL),
        mehrbelastung_eur=sum((z.mehrbelastung_eur for z in zeilen if z.mehrbelastung_eur is not None), NULL),
        potenzielle_mehrbelastung_eur=sum(
            (z.potenzielle_mehrbelastung_eur for z in zeilen if z.potenzielle_mehrbelastung_eur is not None), NULL
        ),
    )


def _gruppiert(
    zeilen: Sequence[Screeningzeile], merkmal: Callable[[Screeningzeile], str], reihenfolge: Sequence[str] = ()
) -> dict[str, Gruppensumme]:
    gruppen: dict[str, list[Screeningzeile]] = {}
    for z in zeilen:
        gruppen.setdefault(merkmal(z), []).append(z)
    rang = {k: i for i, k in enumerate(reihenfolge)}
    schluessel = sorted(gruppen, key=lambda k: (rang.get(k, len(rang)), k))
    return {k: _summe(gruppen[k]) for k in schluessel}


def handlungsliste(zeilen: Sequence[Screeningzeile]) -> tuple[int, ...]:
    """Indices of the rows to act on, most urgent first.

    A row needs action if it is ``steuerpflichtig`` or ``offen`` or its risk is ``hoch``. Order:
    largest exposure (actual burden if taxable, else potential burden), then highest risk, then
    taxable before open, then input order.
    """
    ergebnis_rang = {e: i for i, e in enumerate(ERGEBNIS_REIHENFOLGE)}
    kandidaten = [i for i, z in enumerate(zeilen) if z.ergebnis in HANDLUNGSBEDARF or z.risiko == "hoch"]
    return tuple(
        sorted(
            kandidaten,
            key=lambda i: (
                -zeilen[i].exposure,
                -RISIKO_RANG[zeilen[i].risiko],
                ergebnis_rang.get(zeilen[i].ergebnis, 9),
                i,
            ),
        )
    )


def zusammenfassen(zeilen: Sequence[Screeningzeile], anzahl_nicht_lesbar: int = 0) -> Zusammenfassung:
    """The summary of screened rows (input order is kept for ties)."""
    gesamt = _summe(zeilen)
    offen = _summe([z for z in zeilen if z.ergebnis == "offen"])
    return Zusammenfassung(
        anzahl_zeilen=len(zeilen),
        anzahl_nicht_lesbar=anzahl_nicht_lesbar,
        nach_ergebnis=_gruppiert(zeilen, lambda z: z.ergebnis, ERGEBNIS_REIHENFOLGE),
        nach_risiko=_gruppiert(zeilen, lambda z: z.risiko, RISIKO_REIHENFOLGE),
        nach_aufgabenfeld=_gruppiert(zeilen, lambda z: z.aufgabenfeld),
        nach_rechtsform=_gruppiert(zeilen, lambda z: z.rechtsform),
        jahresbetrag_gesamt_eur=gesamt.jahresbetrag_eur,
        mehrbelastung_gesamt_eur=gesamt.mehrbelastung_eur,
        potenzielle_mehrbelastung_offen_eur=offen.potenzielle_mehrbelastung_eur,
        handlungsliste=handlungsliste(zeilen),
    )
