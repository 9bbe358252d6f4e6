"""Portfolio logic: facts of § 2b UStG that depend on ALL similar services of a provider.

§ 2b Abs. 2 Nr. 1 UStG: the 17,500 EUR threshold is the provider's expected net turnover from all
similar activities in the calendar year — so a service that alone is below it can be taxable
because of its siblings. § 2b Abs. 3 Nr. 2 Buchst. d UStG: whether the provider supplies similar
services essentially to public bodies is, again, a question about all its similar services.

The screening groups services by (provider name, Aufgabenfeld); "similar" is read as "same
Aufgabenfeld" and "same provider" as "same name" (compared without case, spaces and punctuation).
The inventory counts as the provider's complete list of similar activities unless a row states
the turnover itself. Every value taken from the portfolio says where it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from advisor.screening.spalten import normalize_header


@dataclass(frozen=True, slots=True)
class Portfolioposten:
    """What the portfolio needs of one service.

    Attributes:
        bezug: how to name the service in a note ("Zeile 5" or "datei.yaml, Leistung x").
        erbringer: provider name as written.
        aufgabenfeld: catalogue key.
        jahresbetrag: the annual reimbursement (``None`` = unknown).
        umsatz_angegeben / anteil_angegeben: values the service states itself.
        empfaenger_oeffentlich: True if every recipient is a public body, False if none is,
            ``None`` if mixed (the amount cannot be attributed).
    """

    bezug: str
    erbringer: str
    aufgabenfeld: str
    jahresbetrag: Decimal | None
    umsatz_angegeben: Decimal | None
    anteil_angegeben: Decimal | None
    empfaenger_oeffentlich: bool | None


@dataclass(frozen=True, slots=True)
class Portfoliowert:
    """A fact taken from the portfolio, and where it came from (a German sentence)."""

    wert: Decimal
    herkunft: str


@dataclass(frozen=True, slots=True)
class Portfoliowerte:
    """Per service: turnover and public share from the portfolio, or ``None`` (stated / unknown)."""

    umsatz_gleichartige_taetigkeiten: Portfoliowert | None
    anteil_leistungen_an_jpoer_prozent: Portfoliowert | None


def provider_key(name: str) -> str:
    """Two provider names are the same provider when they agree up to case, spaces and punctuation."""
    return normalize_header(name)


def portfolio_werte(
    posten: Sequence[Portfolioposten],
    bagatellgrenze: Decimal,
    luecken: Collection[tuple[str, str | None]] = (),
) -> list[Portfoliowerte]:
    """The portfolio facts for each service, in the order given.

    Turnover (§ 2b Abs. 2 Nr. 1) for a service that does not state it:
      - a sibling states the provider's turnover → that value (the highest, if siblings differ);
      - else, if every sibling's annual amount is known and no row of the group was unreadable →
        the sum of the group's annual amounts;
      - else, if the known amounts alone exceed the threshold → their sum (a lower bound that
        already decides the threshold);
      - else unknown (``None``): the assessment asks.
    Public share (Abs. 3 Nr. 2 Buchst. d) for a service that does not state it:
      - a sibling states it → that value (the lowest, if siblings differ);
      - else, if the inventory is the complete list (no stated turnover, every amount known, no
        unreadable row) and every service goes wholly to public bodies or wholly to others →
        public amounts / all amounts × 100, cut (not rounded up) to two places;
      - else unknown.
    """
    gruppen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(posten):
        gruppen[(provider_key(p.erbringer), p.aufgabenfeld)].append(i)
    ergebnis: list[Portfoliowerte | None] = [None] * len(posten)
    for (erbringer, feld), indizes in gruppen.items():
        glieder = [posten[i] for i in indizes]
        luecke = (erbringer, feld) in luecken or (erbringer, None) in luecken
        umsatz = _umsatz(glieder, bagatellgrenze, luecke)
        anteil = _anteil(glieder, luecke)
        for i in indizes:
            p = posten[i]
            ergebnis[i] = Portfoliowerte(
                umsatz_gleichartige_taetigkeiten=None if p.umsatz_angegeben is not None else umsatz,
                anteil_leistungen_an_jpoer_prozent=None if p.anteil_angegeben is not None else anteil,
            )
    return [e for e in ergebnis if e is not None]


def _gruppe(glieder: Sequence[Portfolioposten]) -> str:
    return f"„{glieder[0].erbringer}“, Aufgabenfeld „{glieder[0].aufgabenfeld}“"


def _bezuege(glieder: Sequence[Portfolioposten]) -> str:
    namen = [g.bezug for g in glieder]
    return ", ".join(namen) if len(namen) <= 6 else ", ".join(namen[:5]) + f" und {len(namen) - 5} weitere"


def _umsatz(glieder: Sequence[Portfolioposten], grenze: Decimal, luecke: bool) -> Portfoliowert | None:
    angegeben = [(g.umsatz_angegeben, g.bezug) for g in glieder if g.umsatz_angegeben is not None]
    if angegeben:
        wert, bezug = max(angegeben, key=lambda a: a[0])
        abweichend = len({a[0] for a in angegeben}) > 1
        return Portfoliowert(
            wert,
            f"Umsatz des Erbringers {_gruppe(glieder)} laut {bezug}"
            + (" (abweichende Angaben; vorsichtshalber der höchste Wert)" if abweichend else "")
            + ".",
        )
    bekannt = [g.jahresbetrag for g in glieder if g.jahresbetrag is not None]
    summe = sum(bekannt, Decimal("0.00"))
    vollstaendig = len(bekannt) == len(glieder) and not luecke
    if vollstaendig and len(glieder) == 1:
        return Portfoliowert(
            summe,
            f"Jahresbetrag der einzigen Leistung von {_gruppe(glieder)} in der Bestandsliste ({glieder[0].bezug}).",
        )
    if vollstaendig:
        return Portfoliowert(
            summe,
            f"Summe der Jahresbeträge aller {len(glieder)} Leistungen von {_gruppe(glieder)} "
            f"in der Bestandsliste ({_bezuege(glieder)}).",
        )
    if summe > grenze:
        return Portfoliowert(
            summe,
            f"Mindestens die Summe der bekannten Jahresbeträge von {_gruppe(glieder)} "
            f"({_bezuege(glieder)}); weitere Leistungen ohne Betrag oder nicht lesbar.",
        )
    return None


def _anteil(glieder: Sequence[Portfolioposten], luecke: bool) -> Portfoliowert | None:
    angegeben = [(g.anteil_angegeben, g.bezug) for g in glieder if g.anteil_angegeben is not None]
    if angegeben:
        wert, bezug = min(angegeben, key=lambda a: a[0])
        abweichend = len({a[0] for a in angegeben}) > 1
        return Portfoliowert(
            wert,
            f"Anteil an jPöR des Erbringers {_gruppe(glieder)} laut {bezug}"
            + (" (abweichende Angaben; vorsichtshalber der niedrigste Wert)" if abweichend else "")
            + ".",
        )
    if luecke or any(g.umsatz_angegeben is not None for g in glieder):
        return None
    if any(g.jahresbetrag is None or g.empfaenger_oeffentlich is None for g in glieder):
        return None
    gesamt = sum((g.jahresbetrag for g in glieder), Decimal(0))  # type: ignore[misc]
    if gesamt == 0:
        return None
    oeffentlich = sum((g.jahresbetrag for g in glieder if g.empfaenger_oeffentlich), Decimal(0))  # type: ignore[misc]
    anteil = (oeffentlich * 100 / gesamt).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return Portfoliowert(
        anteil,
        "Anteil der Jahresbeträge an juristische Personen des öffentlichen Rechts bei "
        f"{_gruppe(glieder)} in der Bestandsliste ({_bezuege(glieder)}).",
    )
