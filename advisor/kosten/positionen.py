"""The case's own cost lines (kosten.md §1), each with the origin of its number.

Personnel by pay grade × VZÄ from the rate table, or an amount; every other position as given.
The lines added to them (indexation, lump sum, overhead, assets, mark-up) are ``zuschlaege``'s;
``kostenzeilen`` puts them in order. Amounts are exact here; ``kalkulation`` rounds the column
once so that it adds up to the cent.

Imputed equity interest, Wagnis and mark-up are shown with their own ``kategorie`` so that the
§ 2b rule and the reader both see them; a Wagnis with evidence of a specific risk
(``einzelwagnis_nachweis``) is a cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from advisor.deutsch import euro as eur
from advisor.deutsch import prozent, zahl
from advisor.errors import Feldproblem
from advisor.fallakte import Kosten
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


class EuroText:
    __slots__ = ("wert",)

    def __init__(self, wert: Decimal) -> None:
        self.wert = wert

    def __str__(self) -> str:
        return eur(self.wert)


class ZahlText(EuroText):
    __slots__ = ()

    def __str__(self) -> str:
        return zahl(self.wert)


class ProzentText(EuroText):
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
    #: Personnel: whether the amount already carries overhead (``None``: not stated).
    gemeinkosten_enthalten: bool | None = None
    leitungsposition: bool | None = None


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
    if tabelle is not None and tabelle.als_satzgrundlage:
        return tabelle, []
    moeglich = ", ".join(satztabellen.satzgrundlagen)
    if tabelle is None:
        return None, [
            Feldproblem(
                f"{pfad}.satzgrundlage",
                f"Unbekannte Satzgrundlage „{grundlage}“; möglich: {moeglich}. Eine eigene Satztabelle lässt sich "
                "mitgeben: --satztabelle DATEI (Kommandozeile), „satztabellen“ (API) oder die Seite Satztabellen (Web).",
            )
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


@dataclass(slots=True)
class EigeneZeilen:
    """The case's own positions as cost lines, and what the surcharges need to know of them."""

    zeilen: list[Kostenzeile]
    tabelle: Satztabelle | None
    vzae_summe: Decimal
    #: Personnel from the rate table (the base of an indexation).
    personal_aus_tabelle: Decimal
    #: Personnel lines given by grade × VZÄ (also those whose table was not found).
    zeilen_nach_gruppe: int = 0
    #: Whether a position is interest (imputed or actual): the double-interest check then runs.
    zinszeilen: bool = False


def eigene_zeilen(kosten: Kosten, satztabellen: Satztabellen, pfad: str) -> tuple[EigeneZeilen, list[Feldproblem]]:
    """The case's own positions (``pfad`` = "leistungen[i].kosten") as cost lines, or the problems."""
    tabelle, probleme = satztabelle_fuer(kosten, satztabellen, pfad)
    zeilen: list[Kostenzeile] = []
    vzae_summe = Decimal(0)
    aus_tabelle = Decimal(0)
    nach_gruppe = 0
    if not kosten.positionen and not kosten.anlagen:
        probleme.append(Feldproblem(f"{pfad}.positionen", "Es ist keine Kostenposition angegeben."))
    zinsen = False
    for i, p in enumerate(kosten.positionen):
        kategorie, hinweis = _kategorie(p.art)
        if kategorie != "kosten" or p.art == "fremdkapitalzinsen":
            zinsen = zinsen or p.art in ("kalkulatorische_zinsen", "fremdkapitalzinsen")
        if p.art == "wagnis" and p.einzelwagnis_nachweis is not None:
            kategorie = "kosten"
            hinweis = (
                f"Einzelwagnis mit Nachweis ({p.einzelwagnis_nachweis}): ein konkretes, belegtes Risiko ist Kosten; "
                "ein allgemeines Unternehmerwagnis wäre es nicht."
            )
        if p.entgeltgruppe is not None and p.vzae is not None:
            nach_gruppe += 1
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
                        "Bei der Satzgrundlage „eigene Kosten- und Leistungsrechnung“ bitte den Betrag aus der "
                        "eigenen Kostenrechnung angeben statt Entgeltgruppe und VZÄ.",
                    )
                )
                continue
            if p.gemeinkosten_enthalten:
                probleme.append(
                    Feldproblem(
                        f"{pfad}.positionen[{i}].gemeinkosten_enthalten",
                        "Personalkosten aus einer Satztabelle enthalten keine Gemeinkosten (sie sind aus dem "
                        "Vollkostensatz ohne Zuschlag zurückgerechnet); „Enthält der Betrag schon Gemeinkosten?“ gilt für Beträge "
                        "aus der eigenen Kostenrechnung.",
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
            herkunft: str | Herkunft = Herkunft(
                "{}, {}: {} × {} VZÄ", tabelle.id, satz.gruppe, EuroText(satz.jahreskosten_je_vzae), ZahlText(p.vzae)
            )
            vzae_summe += p.vzae
            aus_tabelle += betrag
            if satz.hinweis:
                hinweis = f"{satz.gruppe}: {satz.hinweis}."
        else:
            assert p.betrag is not None  # the model guarantees betrag or grade × VZÄ
            betrag = p.betrag
            herkunft = "Eingabe (eigene KLR)" if kosten.satzgrundlage == EIGENE_KLR else "Eingabe"
        zeilen.append(
            Kostenzeile(
                p.art,
                p.bezeichnung,
                betrag,
                p.vorsteuer or Decimal(0),
                herkunft,
                kategorie,
                hinweis,
                gemeinkosten_enthalten=p.gemeinkosten_enthalten,
                leitungsposition=p.leitungsposition,
            )
        )
    return EigeneZeilen(zeilen, tabelle, vzae_summe, aus_tabelle, nach_gruppe, zinsen), probleme
