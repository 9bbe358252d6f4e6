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
        datei: the inventory file, named after ``bezug`` when the run has several files.
    """

    bezug: str
    erbringer: str
    aufgabenfeld: str
    jahresbetrag: Decimal | None
    umsatz_angegeben: Decimal | None
    anteil_angegeben: Decimal | None
    empfaenger_oeffentlich: bool | None
    datei: str | None = None


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


class _Gruppe:
    """What the portfolio keeps of one (provider, Aufgabenfeld) group — bounded, however many rows."""

    __slots__ = (
        "anteil",
        "anteil_abweichend",
        "anzahl",
        "bekannt",
        "bekannt_summe",
        "bezuege",
        "erster",
        "oeffentlich_summe",
        "umsatz",
        "umsatz_abweichend",
        "zuordnung_offen",
    )

    def __init__(self, erster: Portfolioposten) -> None:
        self.erster = erster
        self.anzahl = self.bekannt = 0
        self.bezuege: list[Portfolioposten] = []  # the first seven (six are named, or five and "… weitere")
        self.umsatz: Portfolioposten | None = None  # the first highest stated turnover
        self.anteil: Portfolioposten | None = None  # the first lowest stated public share
        self.umsatz_abweichend = self.anteil_abweichend = self.zuordnung_offen = False
        self.bekannt_summe = Decimal("0.00")
        self.oeffentlich_summe = Decimal(0)

    def add(self, p: Portfolioposten) -> None:
        self.anzahl += 1
        if len(self.bezuege) < 7:
            self.bezuege.append(p)
        if p.umsatz_angegeben is not None:
            if self.umsatz is None:
                self.umsatz = p
            else:
                self.umsatz_abweichend |= p.umsatz_angegeben != self.umsatz.umsatz_angegeben
                if p.umsatz_angegeben > self.umsatz.umsatz_angegeben:  # type: ignore[operator]
                    self.umsatz = p
        if p.anteil_angegeben is not None:
            if self.anteil is None:
                self.anteil = p
            else:
                self.anteil_abweichend |= p.anteil_angegeben != self.anteil.anteil_angegeben
                if p.anteil_angegeben < self.anteil.anteil_angegeben:  # type: ignore[operator]
                    self.anteil = p
        if p.jahresbetrag is not None:
            self.bekannt += 1
            self.bekannt_summe += p.jahresbetrag
            if p.empfaenger_oeffentlich:
                self.oeffentlich_summe += p.jahresbetrag
        if p.jahresbetrag is None or p.empfaenger_oeffentlich is None:
            self.zuordnung_offen = True


class Portfolio:
    """The portfolio built row by row: ``add`` every service, then ``werte`` for each of them.

    ``luecken`` (groups that lost an unreadable row) and ``mehrere_dateien`` (name the file in a
    row's reference) may be set after the last ``add``; nothing is computed before ``werte``.
    """

    def __init__(self, bagatellgrenze: Decimal, luecken: Collection[tuple[str, str | None]] = ()) -> None:
        self.grenze = bagatellgrenze
        self.luecken = luecken
        self.mehrere_dateien = False
        self._gruppen: dict[tuple[str, str], _Gruppe] = {}
        self._werte: dict[tuple[str, str], tuple[Portfoliowert | None, Portfoliowert | None]] = {}

    def add(self, p: Portfolioposten) -> None:
        key = (provider_key(p.erbringer), p.aufgabenfeld)
        gruppe = self._gruppen.get(key)
        if gruppe is None:
            gruppe = self._gruppen[key] = _Gruppe(p)
        gruppe.add(p)

    def werte(self, p: Portfolioposten) -> Portfoliowerte:
        """The portfolio facts of an added service (``None`` where the service states its own)."""
        key = (provider_key(p.erbringer), p.aufgabenfeld)
        if key not in self._werte:
            gruppe = self._gruppen[key]
            luecke = key in self.luecken or (key[0], None) in self.luecken
            self._werte[key] = (self._umsatz(gruppe, luecke), self._anteil(gruppe, luecke))
        umsatz, anteil = self._werte[key]
        return Portfoliowerte(
            umsatz_gleichartige_taetigkeiten=None if p.umsatz_angegeben is not None else umsatz,
            anteil_leistungen_an_jpoer_prozent=None if p.anteil_angegeben is not None else anteil,
        )

    def _bezug(self, p: Portfolioposten) -> str:
        return f"{p.bezug} ({p.datei})" if p.datei and self.mehrere_dateien else p.bezug

    def _gruppe(self, g: _Gruppe) -> str:
        return f"„{g.erster.erbringer}“, Aufgabenfeld „{g.erster.aufgabenfeld}“"

    def _bezuege(self, g: _Gruppe) -> str:
        namen = [self._bezug(p) for p in g.bezuege]
        return ", ".join(namen) if g.anzahl <= 6 else ", ".join(namen[:5]) + f" und {g.anzahl - 5} weitere"

    def _umsatz(self, g: _Gruppe, luecke: bool) -> Portfoliowert | None:
        if g.umsatz is not None:
            return Portfoliowert(
                g.umsatz.umsatz_angegeben,  # type: ignore[arg-type]
                f"Umsatz des Erbringers {self._gruppe(g)} laut {self._bezug(g.umsatz)}"
                + (" (abweichende Angaben; vorsichtshalber der höchste Wert)" if g.umsatz_abweichend else "")
                + ".",
            )
        summe = g.bekannt_summe
        vollstaendig = g.bekannt == g.anzahl and not luecke
        if vollstaendig and g.anzahl == 1:
            return Portfoliowert(
                summe,
                f"Jahresbetrag der einzigen Leistung von {self._gruppe(g)} in der Bestandsliste "
                f"({self._bezug(g.erster)}).",
            )
        if vollstaendig:
            return Portfoliowert(
                summe,
                f"Summe der Jahresbeträge aller {g.anzahl} Leistungen von {self._gruppe(g)} "
                f"in der Bestandsliste ({self._bezuege(g)}).",
            )
        if summe > self.grenze:
            return Portfoliowert(
                summe,
                f"Mindestens die Summe der bekannten Jahresbeträge von {self._gruppe(g)} "
                f"({self._bezuege(g)}); weitere Leistungen ohne Betrag oder nicht lesbar.",
            )
        return None

    def _anteil(self, g: _Gruppe, luecke: bool) -> Portfoliowert | None:
        if g.anteil is not None:
            return Portfoliowert(
                g.anteil.anteil_angegeben,  # type: ignore[arg-type]
                f"Anteil an jPöR des Erbringers {self._gruppe(g)} laut {self._bezug(g.anteil)}"
                + (" (abweichende Angaben; vorsichtshalber der niedrigste Wert)" if g.anteil_abweichend else "")
                + ".",
            )
        if luecke or g.umsatz is not None or g.zuordnung_offen or g.bekannt_summe == 0:
            return None
        anteil = (g.oeffentlich_summe * 100 / g.bekannt_summe).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        return Portfoliowert(
            anteil,
            "Anteil der Jahresbeträge an juristische Personen des öffentlichen Rechts bei "
            f"{self._gruppe(g)} in der Bestandsliste ({self._bezuege(g)}).",
        )


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
    portfolio = Portfolio(bagatellgrenze, luecken)
    for p in posten:
        portfolio.add(p)
    return [portfolio.werte(p) for p in posten]
