"""The annual cost lines of a service (kosten.md §1), each with the origin of its number.

Order of the lines: the case's own positions as given (personnel by pay grade × VZÄ from the rate
table, or an amount), then the office-workplace lump sum (``sachkostenpauschale_je_vzae`` × VZÄ of
the personnel lines), the overhead (``gemeinkostenzuschlag_prozent`` on all personnel costs) and
the profit mark-up (``gewinnaufschlag_prozent`` on all lines before it). Amounts are exact here;
``kalkulation`` rounds the column once so that it adds up to the cent.

Imputed equity interest, Wagnis and mark-up are shown with their own ``kategorie`` so that the
§ 2b rule and the reader both see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from advisor.deutsch import euro as eur
from advisor.deutsch import prozent, zahl
from advisor.errors import Feldproblem
from advisor.fallakte import Kosten
from advisor.kosten.rundung import HUNDERT
from advisor.kosten.satztabellen import EIGENE_KLR, Satztabelle, Satztabellen

Kategorie = Literal["kosten", "risiko", "kein_kostenbestandteil"]

HINWEIS_KALK_ZINSEN = (
    "Kalkulatorische Eigenkapitalzinsen: nach § 6 Abs. 2 KAG NRW zulässig, unter § 2b UStG aber ein "
    "Risiko – sie lesen sich als Rendite."
)
HINWEIS_KEINE_KOSTEN = (
    "Kein Kostenbestandteil: Jeder Betrag über 0 verfehlt die reine Kostenerstattung "
    "(§ 2b Abs. 3 Nr. 2 Buchst. c UStG) und die genaue Kostenerstattung nach § 4 Nr. 29 UStG."
)
HINWEIS_ABSCHREIBUNG = (
    "Abschreibung: auf Anschaffungs-/Herstellungskosten unproblematisch; auf Wiederbeschaffungszeitwerte "
    "(nach KAG NRW zulässig) enthält sie ein Inflationselement – Grundlage bitte dokumentieren."
)


class Herkunft:
    """Where a cost line's number comes from, as German text — formatted only when somebody reads
    it (a batch of thousands of calculations never does). ``str(h)`` gives the text."""

    __slots__ = ("vorlage", "werte")

    def __init__(self, vorlage: str, *werte: object) -> None:
        self.vorlage = vorlage
        self.werte = werte

    def __str__(self) -> str:
        return self.vorlage.format(*(str(w) for w in self.werte))


class _Eur:
    __slots__ = ("wert",)

    def __init__(self, wert: Decimal) -> None:
        self.wert = wert

    def __str__(self) -> str:
        return eur(self.wert)


class _Zahl(_Eur):
    __slots__ = ()

    def __str__(self) -> str:
        return zahl(self.wert)


class _Prozent(_Eur):
    __slots__ = ()

    def __str__(self) -> str:
        return prozent(self.wert)


@dataclass(slots=True)
class Kostenzeile:
    """One cost line, exact (not yet rounded), with the origin of its number."""

    art: str
    bezeichnung: str
    betrag: Decimal
    vorsteuer: Decimal
    herkunft: str | Herkunft
    kategorie: Kategorie
    hinweis: str | None = None


def _kategorie(art: str) -> tuple[Kategorie, str | None]:
    if art == "kalkulatorische_zinsen":
        return "risiko", HINWEIS_KALK_ZINSEN
    if art in ("wagnis", "gewinnaufschlag"):
        return "kein_kostenbestandteil", HINWEIS_KEINE_KOSTEN
    if art == "abschreibung":
        return "kosten", HINWEIS_ABSCHREIBUNG
    return "kosten", None


def satztabelle_fuer(
    kosten: Kosten, satztabellen: Satztabellen, pfad: str
) -> tuple[Satztabelle | None, list[Feldproblem]]:
    """The rate table the case names (``None`` for eigene_klr or none given), or the problem."""
    grundlage = kosten.satzgrundlage
    if grundlage is None or grundlage == EIGENE_KLR:
        return None, []
    tabelle = satztabellen.get(grundlage)
    moeglich = ", ".join(satztabellen.satzgrundlagen)
    if tabelle is None:
        return None, [
            Feldproblem(f"{pfad}.satzgrundlage", f"Unbekannte Satzgrundlage „{grundlage}“; möglich: {moeglich}.")
        ]
    if not tabelle.als_satzgrundlage:
        return None, [
            Feldproblem(
                f"{pfad}.satzgrundlage",
                f"„{grundlage}“ ({tabelle.titel}) enthält Gebührensätze, keine Personalkostensätze, und kann "
                f"keine Satzgrundlage sein; möglich: {moeglich}.",
            )
        ]
    return tabelle, []


def kostenzeilen(kosten: Kosten, satztabellen: Satztabellen, pfad: str) -> tuple[list[Kostenzeile], list[Feldproblem]]:
    """All cost lines of ``kosten`` (``pfad`` = "leistungen[i].kosten"), or the problems found."""
    tabelle, probleme = satztabelle_fuer(kosten, satztabellen, pfad)
    zeilen: list[Kostenzeile] = []
    vzae_summe = Decimal(0)
    personal = Decimal(0)
    if not kosten.positionen:
        probleme.append(Feldproblem(f"{pfad}.positionen", "Es ist keine Kostenposition angegeben."))
    for i, p in enumerate(kosten.positionen):
        kategorie, hinweis = _kategorie(p.art)
        if p.entgeltgruppe is not None and p.vzae is not None:
            ort = f"{pfad}.positionen[{i}].entgeltgruppe"
            if kosten.satzgrundlage is None:
                probleme.append(
                    Feldproblem(
                        f"{pfad}.satzgrundlage",
                        "Die Satzgrundlage fehlt: Personalkosten nach Entgeltgruppe brauchen eine Tabelle "
                        f"(z. B. kgst_2025_26); Position {i + 1} nennt „{p.entgeltgruppe}“.",
                    )
                )
                continue
            if kosten.satzgrundlage == EIGENE_KLR:
                probleme.append(
                    Feldproblem(
                        ort,
                        "Bei satzgrundlage eigene_klr bitte den Betrag aus der eigenen Kostenrechnung angeben "
                        "(betrag) statt Entgeltgruppe und VZÄ.",
                    )
                )
                continue
            if tabelle is None:
                continue  # unknown table: reported above
            satz = tabelle.personalsatz(p.entgeltgruppe)
            if satz is None:
                probleme.append(
                    Feldproblem(
                        ort,
                        f"Die Entgelt-/Besoldungsgruppe „{p.entgeltgruppe}“ gibt es in {tabelle.id} nicht; "
                        f"bekannt sind: {', '.join(tabelle.gruppen)}.",
                    )
                )
                continue
            betrag = satz.jahreskosten_je_vzae * p.vzae
            herkunft = Herkunft(
                "{}, {}: {} × {} VZÄ", tabelle.id, satz.gruppe, _Eur(satz.jahreskosten_je_vzae), _Zahl(p.vzae)
            )
            vzae_summe += p.vzae
            if satz.hinweis:
                hinweis = f"{satz.gruppe}: {satz.hinweis}."
        else:
            assert p.betrag is not None  # the model guarantees betrag or grade × VZÄ
            betrag = p.betrag
            herkunft = "Eingabe (eigene KLR)" if kosten.satzgrundlage == EIGENE_KLR else "Eingabe"
        if p.art == "personal":
            personal += betrag
        zeilen.append(
            Kostenzeile(p.art, p.bezeichnung, betrag, p.vorsteuer or Decimal(0), herkunft, kategorie, hinweis)
        )
    if kosten.sachkostenpauschale_je_vzae is not None:
        if vzae_summe == 0:
            probleme.append(
                Feldproblem(
                    f"{pfad}.sachkostenpauschale_je_vzae",
                    "Die Sachkostenpauschale je VZÄ braucht Personalpositionen mit Entgeltgruppe und VZÄ; "
                    "bei Personalkosten als Betrag die Arbeitsplatzkosten bitte als eigene Position angeben.",
                )
            )
        else:
            zeilen.append(
                Kostenzeile(
                    "sachkosten",
                    "Sachkostenpauschale Arbeitsplatz",
                    kosten.sachkostenpauschale_je_vzae * vzae_summe,
                    Decimal(0),
                    Herkunft("{} je VZÄ × {} VZÄ", _Eur(kosten.sachkostenpauschale_je_vzae), _Zahl(vzae_summe)),
                    "kosten",
                    "Die Pauschale enthält Vorsteuer, die sich nicht beziffern lässt; sie wird auch bei "
                    "Steuerpflicht nicht abgezogen (vorsichtige Annahme).",
                )
            )
    if kosten.gemeinkostenzuschlag_prozent is not None:
        satz_gk = kosten.gemeinkostenzuschlag_prozent
        hinweis_gk = None
        if satz_gk not in (Decimal(20), Decimal(15)) and satz_gk != 0:
            hinweis_gk = (
                f"Der Zuschlag von {prozent(satz_gk)} weicht von den KGSt-Werten ab (20 % Büro, 15 % Nicht-Büro); "
                "seine Herleitung bitte dokumentieren – ein runder Aufschlag ohne Grundlage ist ein Risiko."
            )
        zeilen.append(
            Kostenzeile(
                "gemeinkosten",
                "Gemeinkostenzuschlag",
                personal * satz_gk / HUNDERT,
                Decimal(0),
                Herkunft("{} auf Personalkosten {}", _Prozent(satz_gk), _Eur(personal)),
                "kosten",
                hinweis_gk,
            )
        )
    if kosten.gewinnaufschlag_prozent:
        basis = sum((z.betrag for z in zeilen), Decimal(0))
        zeilen.append(
            Kostenzeile(
                "gewinnaufschlag",
                "Gewinnaufschlag",
                basis * kosten.gewinnaufschlag_prozent / HUNDERT,
                Decimal(0),
                Herkunft("{} auf Kosten {}", _Prozent(kosten.gewinnaufschlag_prozent), _Eur(basis)),
                "kein_kostenbestandteil",
                HINWEIS_KEINE_KOSTEN,
            )
        )
    return zeilen, probleme
