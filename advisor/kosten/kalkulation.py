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
from decimal import Decimal, localcontext

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte, Leistung
from advisor.kosten.abschlaege import Abschlag, abschlagsplan
from advisor.kosten.positionen import Herkunft, Kategorie, kostenzeilen, satztabelle_fuer
from advisor.kosten.rundung import EXAKT, NULL, runde_summentreu
from advisor.kosten.satztabellen import Satztabelle, Satztabellen
from advisor.kosten.umsatzsteuer import Anteil, Steuerbetrag, anteile_berechnen
from advisor.kosten.verteilung import gewichtung
from advisor.kosten.wirtschaftlichkeit import Vergleich, vergleiche

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
    verteilung: str
    anteile: tuple[Anteil, ...]
    wirtschaftlichkeit: dict[str, Vergleich]
    abschlagsrhythmus: str | None
    wagnis: Decimal
    gewinnaufschlag: Decimal
    kalkulatorische_zinsen: Decimal
    hinweise: tuple[str, ...]
    quellenhinweise: tuple[str, ...]
    kalkulierbar: bool = True

    @property
    def abschlaege(self) -> tuple[Abschlag, ...]:
        """The advance schedule (derived on demand from the shares; empty without a rhythm)."""
        if self.abschlagsrhythmus is None:
            return ()
        return abschlagsplan(self.anteile, self.abschlagsrhythmus, self.kalkulationsjahr)


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


def _quellenhinweise(tabelle: Satztabelle | None, jahr: int) -> tuple[str, ...]:
    if tabelle is None:
        return ()
    hinweise = list(tabelle.hinweise) if not tabelle.geprueft else []
    if tabelle.bezugsjahre and jahr not in tabelle.bezugsjahre:
        jahre = "/".join(str(j) for j in tabelle.bezugsjahre)
        hinweise.append(
            f"Die Sätze von {tabelle.id} gelten für {jahre}; für das Kalkulationsjahr {jahr} sind "
            "Tarif- und Besoldungserhöhungen ggf. zusätzlich zu berücksichtigen (neuerer KGSt-Bericht)."
        )
    return tuple(hinweise)


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
    zeilen, p_zeilen = kostenzeilen(kosten, satztabellen, pfad)
    probleme.extend(p_zeilen)
    g, p_verteilung = gewichtung(fallakte, leistung, f"{pfad}.verteilung")
    probleme.extend(p_verteilung)
    if probleme or g is None or kosten.kalkulationsjahr is None:
        return None, probleme
    jahr = kosten.kalkulationsjahr
    gerundet = runde_summentreu([z.betrag for z in zeilen])
    positionen = tuple(
        Position(z.art, z.bezeichnung, b, z.vorsteuer, z.herkunft, z.kategorie, z.hinweis)
        for z, b in zip(zeilen, gerundet, strict=True)
    )
    kosten_netto = sum(gerundet, NULL)
    vorsteuer = sum((p.vorsteuer for p in positionen), NULL)
    rechnung = anteile_berechnen(kosten_netto, vorsteuer, g, steuersatz)
    rhythmus = kosten.abrechnung.abschlaege if kosten.abrechnung else None
    hinweise: list[str] = []
    if rhythmus is None:
        hinweise.append("Kein Abschlagsrhythmus angegeben (abrechnung.abschlaege): kein Abschlagsplan.")
    if g.erbringer_traegt_anteil:
        hinweise.append(
            "Der Anteil des Erbringers ist keine Leistung an einen anderen: keine Umsatzsteuer darauf; bei "
            "Steuerpflicht ist nur die Vorsteuer abziehbar, die auf die Anteile der Empfänger entfällt."
        )
    tabelle, _ = satztabelle_fuer(kosten, satztabellen, pfad)
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
            schluessel=kosten.verteilung.schluessel,  # type: ignore[union-attr]
            verteilung=g.beschreibung,
            anteile=rechnung.anteile,
            wirtschaftlichkeit=vergleiche(kosten, rechnung.anteile),
            abschlagsrhythmus=rhythmus,
            wagnis=_summe(positionen, "wagnis"),
            gewinnaufschlag=_summe(positionen, "gewinnaufschlag"),
            kalkulatorische_zinsen=_summe(positionen, "kalkulatorische_zinsen"),
            hinweise=tuple(hinweise),
            quellenhinweise=_quellenhinweise(tabelle, jahr),
        ),
        [],
    )


def calculate(
    fallakte: Fallakte, satztabellen: Satztabellen, umsatzsteuersatz: Decimal | Mapping[str, Decimal]
) -> Kalkulation:
    """The cost calculation of every service of ``fallakte`` (pure, deterministic).

    Args:
        fallakte: a validated case.
        satztabellen: the rate tables (``rules.load_rate_tables()``).
        umsatzsteuersatz: the VAT rate in percent (e.g. ``Decimal("19")``), read by the caller from
            the dated rule-set parameter ``regelsteuersatz``; or {service id: rate} where services
            differ (the reduced rate of § 12 Abs. 2 UStG, ``advisor.steuersatz.umsatzsteuersaetze``).

    Returns:
        One ``Leistungskalkulation`` per service with ``kosten``, a ``NichtKalkulierbar`` per service
        without.

    Raises:
        UngueltigeEingabe: a cost input is wrong; every problem with its field path.
    """
    ergebnisse: list[Leistungskalkulation | NichtKalkulierbar] = []
    probleme: list[Feldproblem] = []
    with localcontext(EXAKT):
        for i, leistung in enumerate(fallakte.leistungen):
            if leistung.kosten is None:
                ergebnisse.append(NichtKalkulierbar(leistung.id, leistung.bezeichnung, GRUND_OHNE_KOSTEN))
                continue
            if not leistung.kosten.positionen:
                # Only the cost logic is known (mark-up, settlement method), no amounts: the
                # assessment reads those facts; there is nothing to calculate yet.
                ergebnisse.append(NichtKalkulierbar(leistung.id, leistung.bezeichnung, GRUND_OHNE_POSITIONEN))
                continue
            satz = umsatzsteuersatz[leistung.id] if isinstance(umsatzsteuersatz, Mapping) else umsatzsteuersatz
            k, p = _leistung(fallakte, leistung, f"leistungen[{i}].kosten", satztabellen, satz)
            probleme.extend(p)
            if k is not None:
                ergebnisse.append(k)
    if probleme:
        raise UngueltigeEingabe(probleme, "Die Kosten der Fallakte lassen sich so nicht berechnen.")
    return Kalkulation(tuple(ergebnisse))
