"""Budget lines (Haushaltsplanung): each partner's expected payments per year, for budgeting software.

For a case and a range of years (default: the budget year and three planning years, § 84 GO NRW),
per service and year: the year's reimbursement, indexed from the calculation year with the dated
assumptions (annahmen.py, arithmetic in fortschreibung.py), pro rata for a year the term only
partly covers, split among the payers with the calculation's own key (to the cent, the same
remainder-cent rule), each payer's payment net, VAT, gross and its advances by due date, and the
provider's expected revenue — the sum of the payers' payments, to the cent.

VAT per year follows the stored assessment of the service: ``nicht_steuerbar`` and ``steuerfrei``
plan the amount without VAT (input VAT is then part of the costs); ``steuerpflichtig`` plans net
plus VAT. An ``offen`` result — or a year after 31.12.2026 for a service assessed under the old
law (§ 27 Abs. 22a UStG ends it) — is planned with VAT (prudence: the higher amount) and marked
open, with the amount that applies if it is not taxable beside it. Nothing is guessed silently.

Pure: no I/O; the caller passes the case, its calculation, the assessment's results, the
defaults and the account assignment.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from advisor.deutsch import zahl
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte, Leistung
from advisor.haushalt.annahmen import GRUPPE_JE_KOSTENART, GRUPPEN, Fortschreibungsvorgaben, Steigerung, annahmen
from advisor.haushalt.fortschreibung import als_decimal, anteilig, in_laufzeit, jahresbetraege, laufzeitanteil
from advisor.kosten import Kalkulation, Leistungskalkulation
from advisor.kosten.abschlaege import PERIODEN, faelligkeiten
from advisor.kosten.rundung import in_cent
from advisor.kosten.umsatzsteuer import anteile_berechnen, umsatzsteuer_cent
from advisor.kosten.verteilung import Gewichtung, gewichtung

#: The first day of the new law for every body (§ 27 Abs. 22a UStG).
NEUES_RECHT_AB = 2027
#: Years before/after the budget year (§ 84 GO NRW: budget year plus three planning years).
PLANJAHRE = 3
MAX_JAHRE = 10


@dataclass(frozen=True, slots=True)
class Kontierung:
    """The account assignment a budgeting system books on (NKF), configured per organisation.

    ``aufwandskonto``: the payer's expense account for reimbursements to municipalities;
    ``ertragskonto``: the provider's revenue account for reimbursements received (NKF Kontoart
    448, "Erträge aus Kostenerstattungen und Kostenumlagen"); ``produkt``: the product. ``None``
    means not configured — shown as such, never invented.
    """

    produkt: str | None = None
    aufwandskonto: str | None = None
    ertragskonto: str | None = None


@dataclass(frozen=True, slots=True)
class Zahlung:
    """One advance of a payer in a year, by due date (net, VAT of this invoice, gross; kept in
    cents, shown as Decimal EUR on access — thousands of cases build many of them)."""

    faellig: date
    netto_cent: int
    umsatzsteuer_cent: int

    @property
    def netto(self) -> Decimal:
        return als_decimal(self.netto_cent)

    @property
    def umsatzsteuer(self) -> Decimal:
        return als_decimal(self.umsatzsteuer_cent)

    @property
    def brutto(self) -> Decimal:
        return als_decimal(self.netto_cent + self.umsatzsteuer_cent)


@dataclass(frozen=True, slots=True)
class Haushaltszeile:
    """One partner's budget line for one service and year.

    ``art`` is "aufwand" for a payer (its payment) or "ertrag" for the provider (the payments it
    receives). ``umsatzsteuer_offen``: the VAT is planned for prudence but not decided;
    ``betrag_ohne_umsatzsteuer`` is then what is paid if the service is not taxable.
    """

    jahr: int
    leistung: str
    leistung_bezeichnung: str
    beteiligter: str
    name: str
    art: str
    netto: Decimal
    umsatzsteuer: Decimal
    brutto: Decimal
    umsatzsteuer_status: str
    umsatzsteuer_offen: bool
    betrag_ohne_umsatzsteuer: Decimal | None
    konto: str | None
    produkt: str | None
    zahlungen: tuple[Zahlung, ...] = ()
    #: The cents by which the final invoice differs from the sum of the advance invoices.
    ausgleich_schlussrechnung: Decimal = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Jahresplan:
    """One service in one year: the indexed, pro-rated reimbursement and every partner's line."""

    jahr: int
    leistung: str
    laufzeitanteil: Fraction
    kosten_netto: Decimal
    vorsteuer: Decimal
    umsatzsteuer_status: str
    zeilen: tuple[Haushaltszeile, ...]
    eigenanteil_erbringer: Decimal
    hinweise: tuple[str, ...] = ()
    #: Cents that equal weights cannot split and the provider bears itself (not invoiced).
    restcent_erbringer: Decimal = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class NichtGeplant:
    """A service-year without budget figures, and why (German)."""

    jahr: int
    leistung: str
    grund: str


@dataclass(frozen=True, slots=True)
class Haushaltsplan:
    """The budget lines of a case for the years ``von``–``bis``."""

    bezeichnung: str
    von: int
    bis: int
    annahmen: tuple[Steigerung, ...]
    jahre: tuple[Jahresplan, ...]
    nicht_geplant: tuple[NichtGeplant, ...]
    kontierung: Kontierung
    hinweise: tuple[str, ...] = field(default=())

    @property
    def zeilen(self) -> tuple[Haushaltszeile, ...]:
        return tuple(z for j in self.jahre for z in j.zeilen)


def standardzeitraum(fallakte: Fallakte, kalkulation: Kalkulation) -> tuple[int, int]:
    """The default years: the earliest calculation year of the case and three planning years."""
    jahre = [k.kalkulationsjahr for k in kalkulation.leistungen if isinstance(k, Leistungskalkulation)]
    von = min(jahre) if jahre else fallakte.stichtag.year
    return von, von + PLANJAHRE


def _status(ergebnis: str, regime: str, jahr: int) -> tuple[str, bool, str | None]:
    """(VAT status planned, open?, reason) of a service in ``jahr``."""
    if regime != "ustg_2b" and jahr >= NEUES_RECHT_AB:
        return (
            "offen",
            True,
            f"Die Bewertung gilt dem alten Recht (§ 2 Abs. 3 UStG a. F.); für {jahr} gilt § 2b UStG "
            "(§ 27 Abs. 22a UStG): bitte mit Stichtag ab 01.01.2027 neu bewerten. Vorsichtshalber mit "
            "Umsatzsteuer geplant.",
        )
    if ergebnis == "offen":
        return "offen", True, "Die Steuerbarkeit ist offen: vorsichtshalber mit Umsatzsteuer geplant."
    return ergebnis, False, None


@functools.lru_cache(maxsize=4096)
def _termine(
    rhythmus: str, jahr: int, faelligkeit: str | None, tag: int | None, beginn: date | None, ende: date | None
) -> tuple[date, ...]:
    """The advance due dates of ``jahr`` whose period lies (partly) in the term."""
    termine = faelligkeiten(rhythmus, jahr, faelligkeit, tag)
    return tuple(
        t
        for t, (erster, letzter) in zip(termine, PERIODEN[rhythmus], strict=True)
        if beginn is None or in_laufzeit(beginn, ende, erster, letzter, jahr)
    )


def _zahlungen(
    netto_cent: int, ust_pflichtig: bool, satz: Decimal, termine: tuple[date, ...]
) -> tuple[tuple[Zahlung, ...], int]:
    """A payer's advances on ``termine`` (equal instalments, the earlier ones take the extra
    cents; VAT per invoice), and the sum of their VAT in cents."""
    if not termine or netto_cent == 0:
        return (), 0
    zaehler, nenner = satz.as_integer_ratio()
    q, r = divmod(netto_cent, len(termine))
    ergebnis, ust_summe = [], 0
    for k, termin in enumerate(termine):
        n = q + 1 if k < r else q
        ust = umsatzsteuer_cent(n, zaehler, nenner) if ust_pflichtig else 0
        ust_summe += ust
        ergebnis.append(Zahlung(termin, n, ust))
    return tuple(ergebnis), ust_summe


def _gruppenbetraege(k: Leistungskalkulation) -> tuple[dict[str | None, int], dict[str | None, int]]:
    """Net cost and input VAT of the calculation year in cents, by indexation group."""
    netto: dict[str | None, int] = {}
    vorsteuer: dict[str | None, int] = {}
    for p in k.positionen:
        g = GRUPPE_JE_KOSTENART.get(p.art)
        netto[g] = netto.get(g, 0) + in_cent(p.betrag)
        vorsteuer[g] = vorsteuer.get(g, 0) + in_cent(p.vorsteuer)
    # The written-off purchase VAT of assets is fixed (it is in the positions' VAT of the asset lines).
    return netto, vorsteuer


def _jahresplan(
    fallakte: Fallakte,
    leistung: Leistung,
    g: Gewichtung,
    k: Leistungskalkulation,
    jahr: int,
    netto_cent: int,
    vorsteuer_cent: int,
    ergebnis: tuple[str, str],
    kontierung: Kontierung,
) -> Jahresplan:
    lz = leistung.laufzeit
    anteil = laufzeitanteil(lz.beginn, lz.ende, jahr) if lz else Fraction(1)
    hinweise: list[str] = []
    if anteil != 1:
        hinweise.append(
            f"Die Laufzeit deckt {zahl(Decimal(anteil.numerator * 12) / anteil.denominator, 2)} von 12 Monaten."
        )
    netto_cent, vorsteuer_cent = anteilig(netto_cent, anteil), anteilig(vorsteuer_cent, anteil)
    anlagen_vorsteuer = als_decimal(anteilig(in_cent(k.vorsteuer_anlagen), anteil))
    rechnung = anteile_berechnen(
        als_decimal(netto_cent), als_decimal(vorsteuer_cent), g, k.umsatzsteuersatz, anlagen_vorsteuer
    )
    status, offen, grund = _status(*ergebnis, jahr)
    if grund:
        hinweise.append(grund)
    mit_ust = status in ("steuerpflichtig", "offen")
    namen = {b.id: b.name for b in fallakte.beteiligte}
    termine: tuple[date, ...] = ()
    if k.abschlagsrhythmus is not None:
        termine = _termine(
            k.abschlagsrhythmus,
            jahr,
            k.faelligkeit,
            k.faelligkeitstag,
            lz.beginn if lz else None,
            lz.ende if lz else None,
        )
    zeilen: list[Haushaltszeile] = []
    summe = [0, 0]
    eigen = Decimal("0.00")
    for a in rechnung.anteile:
        ns, n, ust = a.in_cent()
        if a.rolle != "empfaenger":
            eigen = a.nicht_steuerbar
            continue
        netto, steuer = (n, ust) if mit_ust else (ns, 0)
        zahlungen, ust_raten = _zahlungen(netto, mit_ust, k.umsatzsteuersatz, termine)
        summe[0] += netto
        summe[1] += steuer
        zeilen.append(
            Haushaltszeile(
                jahr,
                leistung.id,
                leistung.bezeichnung,
                a.beteiligter,
                namen.get(a.beteiligter, a.beteiligter),
                "aufwand",
                als_decimal(netto),
                als_decimal(steuer),
                als_decimal(netto + steuer),
                status,
                offen,
                als_decimal(ns) if offen else None,
                kontierung.aufwandskonto,
                kontierung.produkt,
                zahlungen,
                als_decimal(steuer - ust_raten) if zahlungen else Decimal("0.00"),
            )
        )
    zeilen.insert(
        0,
        Haushaltszeile(
            jahr,
            leistung.id,
            leistung.bezeichnung,
            leistung.erbringer,
            namen.get(leistung.erbringer, leistung.erbringer),
            "ertrag",
            als_decimal(summe[0]),
            als_decimal(summe[1]),
            als_decimal(summe[0] + summe[1]),
            status,
            offen,
            sum((z.betrag_ohne_umsatzsteuer or Decimal(0) for z in zeilen), Decimal("0.00")) if offen else None,
            kontierung.ertragskonto,
            kontierung.produkt,
        ),
    )
    return Jahresplan(
        jahr,
        leistung.id,
        anteil,
        als_decimal(netto_cent),
        als_decimal(vorsteuer_cent),
        status,
        tuple(zeilen),
        eigen,
        tuple(hinweise),
        rechnung.restcent.netto if mit_ust else rechnung.restcent.nicht_steuerbar,
    )


def haushaltsplan(
    fallakte: Fallakte,
    kalkulation: Kalkulation,
    ergebnisse: Mapping[str, tuple[str, str]],
    von: int,
    bis: int,
    vorgaben: Fortschreibungsvorgaben,
    eigene: tuple[Steigerung, ...] = (),
    kontierung: Kontierung = Kontierung(),
) -> Haushaltsplan:
    """The budget lines of ``fallakte`` for ``von``–``bis`` (pure, deterministic).

    Args:
        fallakte: the validated case; ``kalkulation``: its calculation (``calculate``).
        ergebnisse: per service id, the assessment's (ergebnis, regime).
        von, bis: the years (``von`` ≤ ``bis``, at most ten years; the caller checks and says so).
        vorgaben: the default increases; ``eigene``: the user's dated increases (replace the
            defaults of their group).
        kontierung: the organisation's account assignment.

    Returns:
        Per service and year a ``Jahresplan``; a year before the calculation year or outside the
        term, or a service without calculation, is listed in ``nicht_geplant`` with the reason.
    """
    jahre: list[Jahresplan] = []
    nicht: list[NichtGeplant] = []
    alle_annahmen: dict[tuple[str, date], Steigerung] = {}
    for i, leistung in enumerate(fallakte.leistungen):
        k = kalkulation.leistung(leistung.id)
        if not isinstance(k, Leistungskalkulation):
            nicht.extend(NichtGeplant(j, leistung.id, k.grund) for j in range(von, bis + 1))
            continue
        kj = k.kalkulationsjahr
        gilt = annahmen(vorgaben, eigene, kj + 1, bis)
        for s in gilt:
            alle_annahmen[(s.gruppe, s.ab)] = s
        g, _ = gewichtung(fallakte, leistung, f"leistungen[{i}].kosten.verteilung")
        assert g is not None  # the calculation succeeded with the same case
        netto, vorsteuer = _gruppenbetraege(k)
        netto_j: dict[int, int] = {}
        vorsteuer_j: dict[int, int] = {}
        for gruppe in (*GRUPPEN, None):
            schritte = [s for s in gilt if s.gruppe == gruppe]
            for werte, ziel in ((netto, netto_j), (vorsteuer, vorsteuer_j)):
                for j, c in jahresbetraege(werte.get(gruppe, 0), schritte, kj, max(bis, kj)).items():
                    ziel[j] = ziel.get(j, 0) + c
        lz = leistung.laufzeit
        for jahr in range(von, bis + 1):
            if jahr < kj:
                nicht.append(
                    NichtGeplant(
                        jahr,
                        leistung.id,
                        f"{jahr} liegt vor dem Kalkulationsjahr {kj}: dafür gibt es keine Kalkulation.",
                    )
                )
                continue
            if lz is not None and laufzeitanteil(lz.beginn, lz.ende, jahr) == 0:
                nicht.append(NichtGeplant(jahr, leistung.id, f"{jahr} liegt außerhalb der Laufzeit."))
                continue
            ergebnis = ergebnisse.get(leistung.id, ("offen", "offen"))
            jahre.append(
                _jahresplan(
                    fallakte,
                    leistung,
                    g,
                    k,
                    jahr,
                    netto_j[jahr],
                    vorsteuer_j[jahr],
                    ergebnis,
                    kontierung,
                )
            )
    hinweise = []
    if kontierung.aufwandskonto is None or kontierung.ertragskonto is None:
        hinweise.append(
            "Kontierung nicht vollständig eingestellt (Produkt, Aufwandskonto, Ertragskonto): bitte in den "
            "Einstellungen der Organisation nach dem eigenen Kontenplan ergänzen."
        )
    return Haushaltsplan(
        fallakte.bezeichnung,
        von,
        bis,
        tuple(sorted(alle_annahmen.values(), key=lambda s: (s.gruppe, s.ab))),
        tuple(sorted(jahre, key=lambda j: (j.jahr, j.leistung))),
        tuple(nicht),
        kontierung,
        tuple(hinweise),
    )


def pruefe_zeitraum(von: int, bis: int, pfad_von: str = "von", pfad_bis: str = "bis") -> None:
    """Raise ``UngueltigeEingabe`` naming the field unless 2000 ≤ von ≤ bis ≤ 2100 and at most
    ``MAX_JAHRE`` years."""
    probleme = []
    for pfad, jahr in ((pfad_von, von), (pfad_bis, bis)):
        if not 2000 <= jahr <= 2100:
            probleme.append(Feldproblem(pfad, f"{jahr} ist kein Planjahr zwischen 2000 und 2100."))
    if not probleme and von > bis:
        probleme.append(Feldproblem(pfad_bis, f"„bis“ ({bis}) liegt vor „von“ ({von})."))
    if not probleme and bis - von + 1 > MAX_JAHRE:
        probleme.append(Feldproblem(pfad_bis, f"Höchstens {MAX_JAHRE} Jahre auf einmal (angefragt: {bis - von + 1})."))
    if probleme:
        raise UngueltigeEingabe(probleme, "Der Planungszeitraum ist ungültig.")
