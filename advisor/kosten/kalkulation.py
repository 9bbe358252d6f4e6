"""The cost calculation of a case (``calculate``) and its output model, the ``Kalkulation``.

Per service: the cost lines (positionen), rounded once so that the column adds up to the cent;
the totals; each payer's share without and with VAT; the comparison with doing it alone; the
advance schedule. A service without ``kosten`` (allowed by the case contract) cannot be
calculated: it appears as ``NichtKalkulierbar`` with a German reason, and the other services are
calculated. Wrong cost inputs (unknown grade or rate table, missing calculation year or key, …)
raise ``UngueltigeEingabe`` naming every field at fault, for all services at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext

from advisor.deutsch import euro
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte, Leistung
from advisor.kosten.abschlaege import Abschlag, abschlagsplan, faelligkeitsregel
from advisor.kosten.anlagen import Anlagezeile
from advisor.kosten.positionen import Herkunft, Kategorie
from advisor.kosten.rundung import EXAKT, NULL, runde_summentreu
from advisor.kosten.satztabellen import Satztabelle, Satztabellen
from advisor.kosten.schlussrechnung import Schlussrechnung, schlussrechnung
from advisor.kosten.umsatzsteuer import (
    KEIN_RESTCENT,
    Anteil,
    Restcent,
    Steuerbetrag,
    Stueckpreisrechnung,
    anteile_berechnen,
)
from advisor.kosten.verteilung import Verteilungstext, gewichtung
from advisor.kosten.wirtschaftlichkeit import Eigenerstellungsvergleich, vergleiche
from advisor.kosten.zuschlaege import kostenzeilen

#: The VAT rate in percent for all services, or per service id (e.g. the reduced rate of § 12
#: Abs. 2 UStG for one of them).
Steuersaetze = Decimal | Mapping[str, Decimal]

FORMAT_KALKULATION = "ikz-kalkulation/1"

GRUND_OHNE_POSITIONEN = (
    "Die Kostenlogik ist angegeben, aber keine Kostenposition; ohne Beträge kann die Erstattung nicht berechnet werden."
)
GRUND_OHNE_KOSTEN = (
    "Für diese Leistung sind keine Kosten angegeben (Abschnitt kosten fehlt); sie kann nicht kalkuliert "
    "werden. Bitte Kalkulationsjahr, Kostenpositionen und Verteilungsschlüssel ergänzen."
)


@dataclass(slots=True)
class Position:
    """One published cost line (EUR per year, net of VAT, in cents)."""

    art: str
    bezeichnung: str
    betrag: Decimal
    vorsteuer: Decimal
    _herkunft: str | Herkunft = field(compare=False)
    kategorie: Kategorie
    hinweis: str | None

    @property
    def herkunft(self) -> str:
        """Where the number comes from ("kgst_2025_26, E 9b: 80.100,16 € × 2,5 VZÄ", "Eingabe")."""
        if not isinstance(self._herkunft, str):
            self._herkunft = str(self._herkunft)
        return self._herkunft


@dataclass(slots=True)
class Leistungskalkulation:
    """The calculation of one service for its calculation year."""

    leistung: str
    bezeichnung: str
    kalkulationsjahr: int
    satzgrundlage: str | None
    umsatzsteuersatz: Decimal
    positionen: tuple[Position, ...]
    kosten_netto: Decimal
    vorsteuer: Decimal
    erstattung_nicht_steuerbar: Decimal
    erstattung_steuerpflichtig: Steuerbetrag
    vorsteuerabzug_bei_steuerpflicht: Decimal
    schluessel: str
    _verteilung: str | Verteilungstext
    anteile: tuple[Anteil, ...]
    wirtschaftlichkeit: dict[str, Eigenerstellungsvergleich]
    abschlagsrhythmus: str | None
    wagnis: Decimal
    gewinnaufschlag: Decimal
    kalkulatorische_zinsen: Decimal
    hinweise: tuple[str, ...]
    quellenhinweise: tuple[str, ...]
    kalkulierbar: bool = True
    #: What a cost accountant must check: overhead counted twice, a Kreis and its municipalities
    #: in one population key, an old table without indexation, interest twice, … (German).
    warnungen: tuple[str, ...] = ()
    #: The remainder-cent rule as a sentence for the annex and the agreement, and the cents the
    #: provider bears itself when it pays no share (all 0 otherwise).
    _restcent_regel: str | Verteilungstext = ""
    restcent: Restcent = KEIN_RESTCENT
    festanteile: dict[str, Decimal] = field(default_factory=dict)
    #: Mixed key: (id, name, weight %, key) per measure, and each measure's values per payer.
    bestandteile: tuple[tuple[str, str, Decimal, str], ...] = ()
    bestandteilwerte: dict[str, tuple[Decimal | None, ...]] = field(default_factory=dict)
    einwohner_stichtag: date | None = None
    stueckpreis: Stueckpreisrechnung | None = None
    anlagen: tuple[Anlagezeile, ...] = ()
    #: The part of ``vorsteuer`` that is an asset's purchase VAT written off (a cost if not
    #: taxable; deducted once at purchase if taxable, so not in ``vorsteuerabzug_bei_steuerpflicht``).
    vorsteuer_anlagen: Decimal = NULL
    faelligkeit: str | None = None
    faelligkeitstag: int | None = None

    @property
    def verteilung(self) -> str:
        """The key in German, incl. fixed shares, weights and the population's reference date."""
        return str(self._verteilung)

    @property
    def restcent_regel(self) -> str:
        """The remainder-cent rule as the sentence for the calculation annex and the agreement."""
        return str(self._restcent_regel)

    @property
    def abschlaege(self) -> tuple[Abschlag, ...]:
        """The advance schedule (derived on demand from the shares; empty without a rhythm)."""
        if self.abschlagsrhythmus is None:
            return ()
        return abschlagsplan(
            self.anteile,
            self.abschlagsrhythmus,
            self.kalkulationsjahr,
            self.umsatzsteuersatz,
            self.faelligkeit,
            self.faelligkeitstag,
        )

    @property
    def faelligkeitsregel(self) -> str | None:
        """When the advances are due, as a German sentence with the dates (``None`` without a rhythm)."""
        if self.abschlagsrhythmus is None:
            return None
        return faelligkeitsregel(self.abschlagsrhythmus, self.kalkulationsjahr, self.faelligkeit, self.faelligkeitstag)

    @property
    def schlussrechnungen(self) -> tuple[Schlussrechnung, ...]:
        """The planned final invoice per recipient if taxable: the whole year's supply less its
        advance invoices (net and VAT each); it settles the cents by which the VAT of the single
        advance invoices differs from the VAT of the year. Empty without a rhythm."""
        plan = self.abschlaege
        if not plan:
            return ()
        ergebnis: list[Schlussrechnung] = []
        for a in self.anteile:
            if a.rolle != "empfaenger":
                continue
            eigene = [x.steuerpflichtig for x in plan if x.beteiligter == a.beteiligter]
            netto = sum((x.netto for x in eigene), NULL)
            ust = sum((x.umsatzsteuer for x in eigene), NULL)
            ergebnis.append(schlussrechnung(a.beteiligter, a.steuerpflichtig, Steuerbetrag(netto, ust, netto + ust)))
        return tuple(ergebnis)


@dataclass(slots=True)
class NichtKalkulierbar:
    """A service that cannot be calculated, and why (German)."""

    leistung: str
    bezeichnung: str
    grund: str
    kalkulierbar: bool = False


@dataclass(slots=True)
class Kalkulation:
    """The calculation of a whole case, one entry per service in the case's order."""

    leistungen: tuple[Leistungskalkulation | NichtKalkulierbar, ...]
    format: str = FORMAT_KALKULATION

    def leistung(self, kennung: str) -> Leistungskalkulation | NichtKalkulierbar:
        for k in self.leistungen:
            if k.leistung == kennung:
                return k
        raise KeyError(kennung)


def _summe(positionen: tuple[Position, ...], art: str) -> Decimal:
    return sum((p.betrag for p in positionen if p.art == art), NULL)


def _quellenhinweise(tabelle: Satztabelle | None) -> tuple[str, ...]:
    """What the rate table says about its source (always for an unverified table; an own table
    of the municipality is named as such)."""
    if tabelle is None:
        return ()
    hinweise = list(tabelle.hinweise) if not tabelle.geprueft else []
    if tabelle.eigene:
        hinweise.insert(0, f"Eigene Satztabelle „{tabelle.titel}“ ({tabelle.id}), Quelle: {tabelle.quelle}.")
    return tuple(hinweise)


def _steuersatz(saetze: Steuersaetze, leistung: str) -> Decimal:
    if isinstance(saetze, Decimal):
        return saetze
    try:
        return saetze[leistung]
    except KeyError:
        raise ValueError(f"Für die Leistung „{leistung}“ fehlt der Umsatzsteuersatz.") from None


def _leistung(
    fallakte: Fallakte, leistung: Leistung, pfad: str, satztabellen: Satztabellen, steuersatz: Decimal
) -> tuple[Leistungskalkulation | None, list[Feldproblem]]:
    kosten = leistung.kosten
    assert kosten is not None
    probleme: list[Feldproblem] = []
    if kosten.kalkulationsjahr is None:
        probleme.append(
            Feldproblem(
                f"{pfad}.kalkulationsjahr",
                "Das Kalkulationsjahr fehlt; es bestimmt die Sätze und die Fälligkeit der Abschläge.",
            )
        )
    rechnung_k, p_zeilen = kostenzeilen(kosten, satztabellen, pfad, kosten.kalkulationsjahr)
    probleme.extend(p_zeilen)
    g, p_verteilung = gewichtung(fallakte, leistung, f"{pfad}.verteilung")
    probleme.extend(p_verteilung)
    if probleme or g is None or kosten.kalkulationsjahr is None:
        return None, probleme
    jahr = kosten.kalkulationsjahr
    zeilen = rechnung_k.zeilen
    gerundet = runde_summentreu([z.betrag for z in zeilen])
    positionen = tuple(
        Position(z.art, z.bezeichnung, b, z.vorsteuer, z.herkunft, z.kategorie, z.hinweis)
        for z, b in zip(zeilen, gerundet, strict=True)
    )
    kosten_netto = sum(gerundet, NULL)
    vorsteuer = sum((p.vorsteuer for p in positionen), NULL)
    rechnung = anteile_berechnen(kosten_netto, vorsteuer, g, steuersatz, rechnung_k.vorsteuer_anlagen)
    abrechnung = kosten.abrechnung
    rhythmus = abrechnung.abschlaege if abrechnung else None
    hinweise: list[str] = []
    if rhythmus is None:
        hinweise.append("Kein Abschlagsrhythmus angegeben (abrechnung.abschlaege): kein Abschlagsplan.")
    if g.erbringer_traegt_anteil:
        hinweise.append(
            "Der Anteil des Erbringers ist keine Leistung an einen anderen: keine Umsatzsteuer darauf; bei "
            "Steuerpflicht ist nur die Vorsteuer abziehbar, die auf die Anteile der Empfänger entfällt."
        )
    warnungen = rechnung_k.warnungen + list(g.warnungen)
    if rechnung.stueckpreis is not None and rechnung.stueckpreis.kostendeckung_nicht_steuerbar > 0:
        warnungen.append(
            "Der Stückpreis × Menge übersteigt die Kosten (Überdeckung ohne Umsatzsteuer: "
            f"{euro(rechnung.stueckpreis.kostendeckung_nicht_steuerbar)}): mehr als Kostenerstattung – Preis anpassen "
            "oder die Überdeckung erstatten (§ 2b Abs. 3 Nr. 2 Buchst. c UStG)."
        )
    v = kosten.verteilung
    assert v is not None
    return (
        Leistungskalkulation(
            leistung=leistung.id,
            bezeichnung=leistung.bezeichnung,
            kalkulationsjahr=jahr,
            satzgrundlage=kosten.satzgrundlage,
            umsatzsteuersatz=steuersatz,
            positionen=positionen,
            kosten_netto=kosten_netto,
            vorsteuer=vorsteuer,
            erstattung_nicht_steuerbar=rechnung.erstattung_nicht_steuerbar,
            erstattung_steuerpflichtig=rechnung.erstattung_steuerpflichtig,
            vorsteuerabzug_bei_steuerpflicht=rechnung.vorsteuerabzug_bei_steuerpflicht,
            schluessel=v.schluessel,
            _verteilung=g.beschreibung,
            anteile=rechnung.anteile,
            wirtschaftlichkeit=vergleiche(kosten, rechnung.anteile),
            abschlagsrhythmus=rhythmus,
            wagnis=sum((p.betrag for p in positionen if p.art == "wagnis" and p.kategorie != "kosten"), NULL),
            gewinnaufschlag=_summe(positionen, "gewinnaufschlag"),
            kalkulatorische_zinsen=_summe(positionen, "kalkulatorische_zinsen"),
            hinweise=tuple(hinweise),
            quellenhinweise=_quellenhinweise(rechnung_k.tabelle),
            warnungen=tuple(dict.fromkeys(warnungen)) if len(warnungen) > 1 else tuple(warnungen),
            _restcent_regel=g.restcent_regel,
            restcent=rechnung.restcent,
            festanteile=g.festanteile,
            bestandteile=(
                tuple((b.id, b.bezeichnung, b.gewicht_prozent, b.schluessel) for b in v.bestandteile)
                if v.bestandteile
                else ()
            ),
            bestandteilwerte=g.bestandteilwerte,
            einwohner_stichtag=v.einwohner_stichtag,
            stueckpreis=rechnung.stueckpreis,
            anlagen=tuple(rechnung_k.anlagen),
            vorsteuer_anlagen=rechnung_k.vorsteuer_anlagen,
            faelligkeit=abrechnung.faelligkeit if abrechnung else None,
            faelligkeitstag=abrechnung.faelligkeitstag if abrechnung else None,
        ),
        [],
    )


def calculate(fallakte: Fallakte, satztabellen: Satztabellen, umsatzsteuersatz: Steuersaetze) -> Kalkulation:
    """The cost calculation of every service of ``fallakte`` (pure, deterministic).

    Args:
        fallakte: a validated case.
        satztabellen: the rate tables (``rules_loader.load_rate_tables()``).
        umsatzsteuersatz: the VAT rate in percent (e.g. ``Decimal("19")``), read by the caller from
            the dated rule-set parameter ``regelsteuersatz``; or a mapping from service id to its
            rate (e.g. the reduced rate for one service), which must name every calculated service.

    Returns:
        One ``Leistungskalkulation`` per service with ``kosten``, a ``NichtKalkulierbar`` per service
        without.

    Raises:
        UngueltigeEingabe: a cost input is wrong; every problem with its field path.
        ValueError: the mapping of VAT rates lacks a calculated service (a caller's error).
    """
    ergebnisse: list[Leistungskalkulation | NichtKalkulierbar] = []
    probleme: list[Feldproblem] = []
    with localcontext(EXAKT):
        for i, leistung in enumerate(fallakte.leistungen):
            if leistung.kosten is None:
                ergebnisse.append(NichtKalkulierbar(leistung.id, leistung.bezeichnung, GRUND_OHNE_KOSTEN))
                continue
            if not leistung.kosten.positionen and not leistung.kosten.anlagen:
                # Only the cost logic is known (mark-up, settlement method), no amounts: the
                # assessment reads those facts; there is nothing to calculate yet.
                ergebnisse.append(NichtKalkulierbar(leistung.id, leistung.bezeichnung, GRUND_OHNE_POSITIONEN))
                continue
            satz = _steuersatz(umsatzsteuersatz, leistung.id)
            k, p = _leistung(fallakte, leistung, f"leistungen[{i}].kosten", satztabellen, satz)
            probleme.extend(p)
            if k is not None:
                ergebnisse.append(k)
    if probleme:
        raise UngueltigeEingabe(probleme, "Die Kosten der Fallakte lassen sich so nicht berechnen.")
    return Kalkulation(tuple(ergebnisse))
