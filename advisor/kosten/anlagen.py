"""Depreciation and interest from an asset list (kosten.md §1; KAG NRW § 6 Abs. 2).

Per asset and calculation year:

- **Abschreibung**: linear over the useful life to the month (from the month of acquisition,
  pro rata temporis), or by performance (units of the year / units over the life). The basis is
  the acquisition cost, or the replacement value when given (allowed by KAG NRW, but it adds an
  inflation element: noted). The year's amount is the difference of the cumulative depreciation,
  each rounded to the cent, so over the whole life the asset is written off exactly.
- The **input VAT** paid at purchase is, when the service is not taxable, part of the cost and
  written off with the asset (the line's ``vorsteuer``); when taxable it is deducted once at
  purchase (§ 15 UStG, corrected under § 15a when the use changes) — never a yearly deduction.
  ``vorsteuer_anlagen`` tells the VAT calculation which part of the column that is.
- **Kalkulatorische Zinsen** at the stated rate on the average of the residual book values
  (historical acquisition cost) at the start and the end of the year, on the share financed
  with own capital only; the actual loan interest (``fremdkapitalzinsen``) is its own line.
  Never both on the same capital (the model rejects loan interest with 100 % own capital).

Amounts are rounded to the cent here (a division by the useful life is rarely exact).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from advisor.deutsch import datum, euro, prozent, zahl
from advisor.fallakte import Anlagegut, Kosten
from advisor.kosten.rundung import NULL, als_euro, cent_aus_bruch, in_cent

HINWEIS_WIEDERBESCHAFFUNG = (
    "Abschreibung auf den Wiederbeschaffungszeitwert: nach § 6 Abs. 2 KAG NRW zulässig, enthält aber ein "
    "Inflationselement – unter § 2b UStG als Kostenerstattung begründungsbedürftig; Grundlage dokumentieren. "
    "Die Zinsen werden auf den Restwert der Anschaffungskosten gerechnet."
)
BEGINN_2B = date(2027, 1, 1)


@dataclass(slots=True)
class Anlagezeile:
    """One asset in the calculation year: depreciation, residual values, interest."""

    bezeichnung: str
    bewertung: str
    abschreibungsbasis: Decimal
    anschaffungskosten: Decimal
    nutzungsdauer_jahre: int
    methode: str
    anschaffung: date
    abschreibung: Decimal
    abschreibung_vorsteuer: Decimal
    restwert_beginn: Decimal
    restwert_ende: Decimal
    eigenkapitalanteil_prozent: Decimal
    kalkulatorische_zinsen: Decimal
    fremdkapitalzinsen: Decimal
    vorsteuer_kauf: Decimal
    hinweise: tuple[str, ...]


@dataclass(slots=True)
class Anlagenrechnung:
    """The asset rows and the cost lines they produce (art, name, amount, VAT, origin, note)."""

    zeilen: list[Anlagezeile]
    kostenzeilen: list[tuple[str, str, Decimal, Decimal, str, str | None]]
    vorsteuer_anlagen: Decimal
    warnungen: list[str]


def _monate(a: Anlagegut, stichtag: date) -> int:
    """Months of use from the month of acquisition up to ``stichtag`` (a 1 January), clipped."""
    m = (stichtag.year - a.anschaffung.year) * 12 - (a.anschaffung.month - 1)
    return max(0, min(m, a.nutzungsdauer_jahre * 12))


def _anteile(a: Anlagegut, jahr: int) -> tuple[Fraction, Fraction]:
    """The cumulative written-off fraction at the start and at the end of ``jahr``."""
    if a.methode == "leistungsabhaengig":
        assert a.leistung_gesamt is not None and a.leistung_jahr is not None
        gesamt = Fraction(a.leistung_gesamt)
        bisher = min(Fraction(a.leistung_bisher or 0), gesamt)
        return bisher / gesamt, min(bisher + Fraction(a.leistung_jahr), gesamt) / gesamt
    gesamt_m = a.nutzungsdauer_jahre * 12
    return Fraction(_monate(a, date(jahr, 1, 1)), gesamt_m), Fraction(_monate(a, date(jahr + 1, 1, 1)), gesamt_m)


def _kumuliert(basis_cent: int, anteil: Fraction) -> int:
    return cent_aus_bruch(basis_cent * anteil.numerator, anteil.denominator)


def _anlage(a: Anlagegut, jahr: int, zinssatz: Decimal | None) -> Anlagezeile:
    ak = in_cent(a.anschaffungskosten)
    basis = in_cent(a.wiederbeschaffungswert) if a.wiederbeschaffungswert is not None else ak
    vst = in_cent(a.vorsteuer or NULL)
    vst_basis = cent_aus_bruch(vst * basis, ak)
    f0, f1 = _anteile(a, jahr)
    afa = _kumuliert(basis, f1) - _kumuliert(basis, f0)
    afa_vst = _kumuliert(vst_basis, f1) - _kumuliert(vst_basis, f0)
    rw0, rw1 = ak - _kumuliert(ak, f0), ak - _kumuliert(ak, f1)
    zinsen = 0
    if zinssatz:
        ek = Fraction(a.eigenkapitalanteil_prozent) / 100
        z = Fraction(zinssatz) / 100 * Fraction(rw0 + rw1, 2) * ek
        zinsen = cent_aus_bruch(z.numerator, z.denominator)
    hinweise: list[str] = []
    if a.wiederbeschaffungswert is not None:
        hinweise.append(HINWEIS_WIEDERBESCHAFFUNG)
    if vst:
        hinweise.append(
            f"Vorsteuer beim Kauf {euro(als_euro(vst))}: nicht steuerbar Teil der Anschaffungskosten und mit "
            "abgeschrieben; bei Steuerpflicht einmal im Jahr des Kaufs abziehbar (§ 15 UStG; trägt der Erbringer einen "
            "eigenen Anteil, nur anteilig), nicht als jährliche Zeile. Ändert sich die Verwendung innerhalb von 5 Jahren "
            "(Grundstücke 10 Jahre), wird der Abzug nach § 15a UStG berichtigt."
        )
        if a.anschaffung < BEGINN_2B:
            hinweise.append(
                f"Angeschafft am {datum(a.anschaffung)}, vor dem Übergang zu § 2b UStG: wird die Leistung "
                "steuerpflichtig, kommt eine Berichtigung des Vorsteuerabzugs nach § 15a UStG in Betracht."
            )
    if f0 == f1 == 0:
        hinweise.append(f"Im Kalkulationsjahr {jahr} noch keine Abschreibung (Anschaffung {datum(a.anschaffung)}).")
    elif f0 == 1:
        hinweise.append("Vollständig abgeschrieben: keine Abschreibung und keine Zinsen mehr.")
    return Anlagezeile(
        bezeichnung=a.bezeichnung,
        bewertung="Wiederbeschaffungszeitwert" if a.wiederbeschaffungswert is not None else "Anschaffungskosten",
        abschreibungsbasis=als_euro(basis),
        anschaffungskosten=a.anschaffungskosten,
        nutzungsdauer_jahre=a.nutzungsdauer_jahre,
        methode=a.methode,
        anschaffung=a.anschaffung,
        abschreibung=als_euro(afa),
        abschreibung_vorsteuer=als_euro(afa_vst),
        restwert_beginn=als_euro(rw0),
        restwert_ende=als_euro(rw1),
        eigenkapitalanteil_prozent=a.eigenkapitalanteil_prozent,
        kalkulatorische_zinsen=als_euro(zinsen),
        fremdkapitalzinsen=a.fremdkapitalzinsen or NULL,
        vorsteuer_kauf=als_euro(vst),
        hinweise=tuple(hinweise),
    )


def _herkunft_afa(a: Anlagegut, z: Anlagezeile, jahr: int) -> str:
    if a.methode == "leistungsabhaengig":
        return (
            f"Anlagenliste: {euro(z.abschreibungsbasis)} ({z.bewertung}) × {zahl(a.leistung_jahr or 0)} von "
            f"{zahl(a.leistung_gesamt or 0)} Leistungseinheiten"
        )
    monate = _monate(a, date(jahr + 1, 1, 1)) - _monate(a, date(jahr, 1, 1))
    return (
        f"Anlagenliste: {euro(z.abschreibungsbasis)} ({z.bewertung}) / {a.nutzungsdauer_jahre} Jahre linear ab "
        f"{a.anschaffung.strftime('%m/%Y')}, {monate} Monate in {jahr}"
    )


def anlagenrechnung(kosten: Kosten, jahr: int) -> Anlagenrechnung:
    """The asset rows of ``kosten.anlagen`` for ``jahr`` and their cost lines (the structural
    checks — a rate without assets, loan interest on 100 % own capital — are done when the case
    is read)."""
    zinssatz = kosten.kalkulatorischer_zinssatz_prozent
    zeilen: list[Anlagezeile] = []
    kostenzeilen: list[tuple[str, str, Decimal, Decimal, str, str | None]] = []
    warnungen: list[str] = []
    vorsteuer_anlagen = NULL
    for a in kosten.anlagen:
        z = _anlage(a, jahr, zinssatz)
        zeilen.append(z)
        hinweis = " ".join(z.hinweise) or None
        kostenzeilen.append(
            (
                "abschreibung",
                f"Abschreibung {a.bezeichnung}",
                z.abschreibung,
                z.abschreibung_vorsteuer,
                _herkunft_afa(a, z, jahr),
                hinweis,
            )
        )
        vorsteuer_anlagen += z.abschreibung_vorsteuer
        if z.kalkulatorische_zinsen:
            kostenzeilen.append(
                (
                    "kalkulatorische_zinsen",
                    f"Kalkulatorische Zinsen {a.bezeichnung}",
                    z.kalkulatorische_zinsen,
                    NULL,
                    f"{prozent(zinssatz or 0)} auf Ø Restwert {euro((z.restwert_beginn + z.restwert_ende) / 2)} × "
                    f"{prozent(a.eigenkapitalanteil_prozent)} Eigenkapital",
                    None,
                )
            )
        if a.fremdkapitalzinsen:
            kostenzeilen.append(
                (
                    "fremdkapitalzinsen",
                    f"Fremdkapitalzinsen {a.bezeichnung}",
                    a.fremdkapitalzinsen,
                    NULL,
                    "Eingabe (tatsächlich gezahlte Kreditzinsen)",
                    None,
                )
            )
    if zinssatz and kosten.anlagen and kosten.zinssatz_herleitung is None:
        warnungen.append(
            f"Der kalkulatorische Zinssatz von {prozent(zinssatz)} ist nicht hergeleitet („Herleitung des Zinssatzes“ fehlt); "
            "§ 6 Abs. 2 KAG NRW nennt einen einheitlichen Nominalzins (Durchschnitt der Emissionsrenditen "
            "öffentlicher Anleihen über 30 Jahre) – Quelle und Stand bitte angeben."
        )
    return Anlagenrechnung(zeilen, kostenzeilen, vorsteuer_anlagen, warnungen)
