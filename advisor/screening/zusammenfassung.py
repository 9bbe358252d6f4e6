"""The risk picture of a whole inventory: counts and sums by result, risk, Aufgabenfeld, legal form;
the total VAT exposure; and the rows to act on first.

Every sum is a plain sum of the rows' own (already rounded) values, so that each figure of the
summary can be checked against the table.
"""

from __future__ import annotations

from collections.abc import Sequence
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


class _Summe:
    """A ``Gruppensumme`` being added up row by row."""

    __slots__ = ("anzahl", "jahresbetrag", "mehrbelastung", "ohne_betrag", "potenziell")

    def __init__(self) -> None:
        self.anzahl = self.ohne_betrag = 0
        self.jahresbetrag = self.mehrbelastung = self.potenziell = NULL

    def add(self, z: Screeningzeile) -> None:
        self.anzahl += 1
        if z.jahresbetrag is None:
            self.ohne_betrag += 1
        else:
            self.jahresbetrag += z.jahresbetrag
        if z.mehrbelastung_eur is not None:
            self.mehrbelastung += z.mehrbelastung_eur
        if z.potenzielle_mehrbelastung_eur is not None:
            self.potenziell += z.potenzielle_mehrbelastung_eur

    def summe(self) -> Gruppensumme:
        return Gruppensumme(self.anzahl, self.ohne_betrag, self.jahresbetrag, self.mehrbelastung, self.potenziell)


def _summe(zeilen: Sequence[Screeningzeile]) -> Gruppensumme:
    s = _Summe()
    for z in zeilen:
        s.add(z)
    return s.summe()


_ERGEBNIS_RANG = {e: i for i, e in enumerate(ERGEBNIS_REIHENFOLGE)}


def _dringlichkeit(z: Screeningzeile, i: int) -> tuple[Decimal, int, int, int]:
    return (-z.exposure, -RISIKO_RANG[z.risiko], _ERGEBNIS_RANG.get(z.ergebnis, 9), i)


def handlungsliste(zeilen: Sequence[Screeningzeile]) -> tuple[int, ...]:
    """Indices of the rows to act on, most urgent first.

    A row needs action if it is ``steuerpflichtig`` or ``offen`` or its risk is ``hoch``. Order:
    largest exposure (actual burden if taxable, else potential burden), then highest risk, then
    taxable before open, then input order.
    """
    bau = Zusammenfassungsbau()
    for z in zeilen:
        bau.add(z)
    return bau.handlungsliste()


class Zusammenfassungsbau:
    """The summary built row by row (``add`` in input order, then ``ergebnis``).

    Keeps per group five running figures and, per row needing action, one small sort key — never
    the rows themselves, so that a streamed run of 100,000 rows stays small.
    """

    def __init__(self) -> None:
        self.anzahl = 0
        self.gesamt, self.offen = _Summe(), _Summe()
        self.gruppen: dict[str, dict[str, _Summe]] = {
            m: {} for m in ("ergebnis", "risiko", "aufgabenfeld", "rechtsform")
        }
        self.dringend: list[tuple[Decimal, int, int, int]] = []

    def add(self, z: Screeningzeile) -> None:
        i = self.anzahl
        self.anzahl += 1
        self.gesamt.add(z)
        if z.ergebnis == "offen":
            self.offen.add(z)
        for merkmal, wert in (
            ("ergebnis", z.ergebnis),
            ("risiko", z.risiko),
            ("aufgabenfeld", z.aufgabenfeld),
            ("rechtsform", z.rechtsform),
        ):
            gruppe = self.gruppen[merkmal]
            if wert not in gruppe:
                gruppe[wert] = _Summe()
            gruppe[wert].add(z)
        if z.ergebnis in HANDLUNGSBEDARF or z.risiko == "hoch":
            self.dringend.append(_dringlichkeit(z, i))

    def handlungsliste(self) -> tuple[int, ...]:
        return tuple(k[3] for k in sorted(self.dringend))

    def _gruppiert(self, merkmal: str, reihenfolge: Sequence[str] = ()) -> dict[str, Gruppensumme]:
        gruppen = self.gruppen[merkmal]
        rang = {k: i for i, k in enumerate(reihenfolge)}
        return {k: gruppen[k].summe() for k in sorted(gruppen, key=lambda k: (rang.get(k, len(rang)), k))}

    def ergebnis(self, anzahl_nicht_lesbar: int = 0) -> Zusammenfassung:
        return Zusammenfassung(
            anzahl_zeilen=self.anzahl,
            anzahl_nicht_lesbar=anzahl_nicht_lesbar,
            nach_ergebnis=self._gruppiert("ergebnis", ERGEBNIS_REIHENFOLGE),
            nach_risiko=self._gruppiert("risiko", RISIKO_REIHENFOLGE),
            nach_aufgabenfeld=self._gruppiert("aufgabenfeld"),
            nach_rechtsform=self._gruppiert("rechtsform"),
            jahresbetrag_gesamt_eur=self.gesamt.jahresbetrag,
            mehrbelastung_gesamt_eur=self.gesamt.mehrbelastung,
            potenzielle_mehrbelastung_offen_eur=self.offen.potenziell,
            handlungsliste=self.handlungsliste(),
        )


def zusammenfassen(zeilen: Sequence[Screeningzeile], anzahl_nicht_lesbar: int = 0) -> Zusammenfassung:
    """The summary of screened rows (input order is kept for ties)."""
    bau = Zusammenfassungsbau()
    for z in zeilen:
        bau.add(z)
    return bau.ergebnis(anzahl_nicht_lesbar)
