"""All cost lines of a service in order (kosten.md §1): own positions, then what is added to them.

Order: the case's positions (``positionen``); the **indexation** of table personnel costs to the
calculation year (one line per stated, dated increase); the office-workplace **lump sum**
(``sachkostenpauschale_je_vzae`` × VZÄ of the table personnel lines); the **overhead**
(``gemeinkostenzuschlag_prozent`` on the personnel costs that do not carry overhead of their
own); the **asset** lines (depreciation, imputed and actual interest, ``anlagen``); the profit
**mark-up** (``gewinnaufschlag_prozent`` on all lines before it).

Besides the lines, the warnings a cost accountant must see: overhead counted twice (own-KLR
figures or a separately costed management position next to the full KGSt surcharge), an old
rate table used without indexation, imputed and actual interest side by side.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from advisor.deutsch import datum, euro, prozent, zahl
from advisor.errors import Feldproblem
from advisor.fallakte import Kosten
from advisor.kosten.anlagen import Anlagezeile, anlagenrechnung
from advisor.kosten.positionen import (
    HINWEIS_KALK_ZINSEN,
    HINWEIS_KEINE_KOSTEN,
    EuroText,
    Herkunft,
    Kategorie,
    Kostenzeile,
    ProzentText,
    ZahlText,
    eigene_zeilen,
)
from advisor.kosten.rundung import HUNDERT, NULL, als_euro, cent_aus_bruch
from advisor.kosten.satztabellen import EIGENE_KLR, Satztabelle, Satztabellen

#: Names of personnel lines that may be a management or secretariat function (asked, not assumed).
_LEITUNG = re.compile(r"(?<!projekt)leitung|(?<!projekt)leiter|sekretariat|vorzimmer", re.IGNORECASE)
#: KGSt overhead surcharges (office / non-office): the "full" surcharge that already contains
#: departmental management and secretariat.
KGST_ZUSCHLAEGE = (Decimal(20), Decimal(15))


@dataclass(slots=True)
class Kostenrechnung:
    """The cost lines of a service with the warnings and the asset rows behind them."""

    zeilen: list[Kostenzeile]
    tabelle: Satztabelle | None
    warnungen: list[str] = field(default_factory=list)
    anlagen: list[Anlagezeile] = field(default_factory=list)
    vorsteuer_anlagen: Decimal = NULL


def _monate_ab(ab: date, jahr: int) -> int:
    """Months of ``jahr`` in which an increase from ``ab`` applies (full months from the first
    1st of a month on or after ``ab``)."""
    if ab.year < jahr:
        return 12
    if ab.year > jahr:
        return 0
    return 12 - ab.month + (1 if ab.day == 1 else 0)


@functools.lru_cache(maxsize=64)
def _alte_tabelle(kennung: str, bezugsjahre: tuple[int, ...], jahr: int) -> str:
    jahre = "/".join(str(j) for j in bezugsjahre)
    return (
        f"Die Sätze von {kennung} gelten für {jahre}, kalkuliert wird {jahr}: ohne Fortschreibung "
        "(„Fortschreibung der Sätze“: Steigerung, gültig ab, Grundlage – z. B. die Tariferhöhung) oder eine eigene aktuelle "
        "Tabelle sind die Personalkosten zu niedrig angesetzt."
    )


def _fortschreibung(
    kosten: Kosten, basis: Decimal, tabelle: Satztabelle | None, jahr: int, pfad: str
) -> tuple[list[Kostenzeile], list[str], list[Feldproblem]]:
    """One personnel line per stated increase: base × earlier factors × rate × months / 12."""
    if not kosten.fortschreibung:
        if tabelle is not None and basis and tabelle.bezugsjahre and jahr not in tabelle.bezugsjahre:
            return [], [_alte_tabelle(tabelle.id, tabelle.bezugsjahre, jahr)], []
        return [], [], []
    if tabelle is None or not basis:
        meldung = "Die Fortschreibung gilt für Personalkosten aus einer Satztabelle; diese Leistung hat keine."
        return [], [], [Feldproblem(f"{pfad}.fortschreibung", meldung)]
    zeilen: list[Kostenzeile] = []
    warnungen: list[str] = []
    probleme: list[Feldproblem] = []
    faktor = Decimal(1)
    for i, schritt in sorted(enumerate(kosten.fortschreibung), key=lambda x: x[1].ab):
        monate = _monate_ab(schritt.ab, jahr)
        if monate == 0:
            probleme.append(
                Feldproblem(
                    f"{pfad}.fortschreibung[{i}].ab",
                    f"Die Erhöhung ab {datum(schritt.ab)} wirkt im Kalkulationsjahr {jahr} nicht.",
                )
            )
            continue
        if tabelle.stand is not None and schritt.ab <= tabelle.stand:
            warnungen.append(
                f"Die Erhöhung ab {datum(schritt.ab)} liegt vor dem Stand der Tabelle {tabelle.id} "
                f"({datum(tabelle.stand)}) und ist dort womöglich schon enthalten – bitte prüfen."
            )
        wert = Fraction(basis) * Fraction(faktor) * Fraction(schritt.prozent) / 100 * Fraction(monate, 12)
        zeilen.append(
            Kostenzeile(
                "personal",
                f"Fortschreibung Personalkosten +{prozent(schritt.prozent)} ab {datum(schritt.ab)}",
                als_euro(cent_aus_bruch(wert.numerator * 100, wert.denominator)),
                Decimal(0),
                f"{schritt.grundlage}: {prozent(schritt.prozent)} auf {euro(basis)}"
                + (f" × {zahl(faktor)} (frühere Erhöhungen)" if faktor != 1 else "")
                + (f" × {monate}/12 Monate" if monate != 12 else ""),
                "kosten",
                None,
            )
        )
        faktor *= 1 + schritt.prozent / HUNDERT
    return zeilen, warnungen, probleme


def _gemeinkosten(kosten: Kosten, zeilen: list[Kostenzeile], satz: Decimal) -> tuple[Kostenzeile, list[str]]:
    """The overhead line on the personnel without overhead of its own, and the double-count warnings."""
    basis = Decimal(0)
    mit_eigenen = ungeklaert = 0
    leitung: list[str] = []
    fraglich: list[str] = []
    for z in zeilen:
        if z.art != "personal":
            continue
        if z.gemeinkosten_enthalten:
            mit_eigenen += 1
            continue
        basis += z.betrag
        if z.gemeinkosten_enthalten is None:
            ungeklaert += 1
        if z.leitungsposition:
            leitung.append(z.bezeichnung)
        elif z.leitungsposition is None and _LEITUNG.search(z.bezeichnung):
            fraglich.append(z.bezeichnung)
    warnungen: list[str] = []
    hinweis = None
    if satz not in KGST_ZUSCHLAEGE and satz != 0:
        hinweis = (
            f"Der Zuschlag von {prozent(satz)} weicht von den KGSt-Werten ab (20 % Büro, 15 % Nicht-Büro); "
            "seine Herleitung bitte dokumentieren – ein runder Aufschlag ohne Grundlage ist ein Risiko."
        )
    if satz:
        if kosten.satzgrundlage == EIGENE_KLR and ungeklaert:
            warnungen.append(
                f"Gemeinkosten womöglich doppelt: {ungeklaert} Personalposition(en) aus der eigenen KLR ohne "
                "Angabe, ob sie schon Gemeinkosten enthalten – KLR-Zahlen tun das meist. Bitte je Position "
                "„Enthält der Betrag schon Gemeinkosten?“ beantworten; der Zuschlag gilt nur für Kosten ohne eigene "
                "Gemeinkosten."
            )
        voll = satz >= min(KGST_ZUSCHLAEGE)
        if leitung and voll:
            warnungen.append(
                f"Gemeinkosten doppelt: {', '.join(f'„{b}“' for b in leitung)} ist als Leitung/Sekretariat gesondert "
                f"kalkuliert, und zugleich wird der volle KGSt-Zuschlag von {prozent(satz)} erhoben, der Leitung und "
                "Sekretariat bereits enthält. Zuschlag um diesen Anteil kürzen (Herleitung dokumentieren) oder die "
                "Position streichen."
            )
        if fraglich and voll:
            warnungen.append(
                f"Gemeinkosten womöglich doppelt: {', '.join(f'„{b}“' for b in fraglich)} klingt nach Leitung oder "
                f"Sekretariat. Der volle KGSt-Zuschlag von {prozent(satz)} enthält die Leitung der Organisationseinheit "
                "und das Sekretariat bereits; ist die Position eine solche Funktion, zählt sie doppelt. Bitte prüfen und "
                "„Leitung oder Sekretariat?“ mit ja oder nein beantworten."
            )
    ohne = f" (ohne {mit_eigenen} Position(en) mit eigenen Gemeinkosten)" if mit_eigenen else ""
    return (
        Kostenzeile(
            "gemeinkosten",
            "Gemeinkostenzuschlag",
            basis * satz / HUNDERT,
            Decimal(0),
            Herkunft("{} auf Personalkosten {}" + ohne, ProzentText(satz), EuroText(basis)),
            "kosten",
            hinweis,
        ),
        warnungen,
    )


def _abweichung_von_tabelle(kosten: Kosten, tabelle: Satztabelle | None) -> list[str]:
    """The case's lump sum or overhead rate differs from the rate table it names."""
    if tabelle is None:
        return []
    pauschale, tab_pauschale = kosten.sachkostenpauschale_je_vzae, tabelle.sachkosten_je_arbeitsplatz
    if not tabelle.eigene and (pauschale is None or pauschale == tab_pauschale):
        return []  # the shipped tables' overhead rates are checked by the overhead line's own note
    warnungen: list[str] = []
    if pauschale is not None and tab_pauschale is not None and pauschale != tab_pauschale:
        warnungen.append(
            f"Die Sachkostenpauschale von {euro(pauschale)} je VZÄ weicht von der Tabelle {tabelle.id} ab "
            f"({euro(tab_pauschale)}); die Vollkostensätze der Tabelle setzen deren Pauschale voraus."
        )
    satz = kosten.gemeinkostenzuschlag_prozent
    zuschlaege = sorted(
        {
            z
            for z in (tabelle.gemeinkostenzuschlag_buero_prozent, tabelle.gemeinkostenzuschlag_nicht_buero_prozent)
            if z
        },
        reverse=True,
    )
    if satz and zuschlaege and satz not in zuschlaege and tabelle.eigene:
        werte = " bzw. ".join(prozent(z) for z in zuschlaege)
        warnungen.append(
            f"Der Gemeinkostenzuschlag von {prozent(satz)} weicht von der Tabelle {tabelle.id} ab ({werte})."
        )
    return warnungen


def _zinswarnung(kosten: Kosten, zeilen: list[Kostenzeile]) -> list[str]:
    arten = {z.art for z in zeilen if z.betrag > 0}
    eigene_kalk = any(p.art == "kalkulatorische_zinsen" for p in kosten.positionen)
    if "kalkulatorische_zinsen" in arten and "fremdkapitalzinsen" in arten and (eigene_kalk or not kosten.anlagen):
        return [
            "Kalkulatorische Zinsen und Fremdkapitalzinsen stehen nebeneinander: auf dasselbe Kapital nie beides "
            "(§ 6 Abs. 2 KAG NRW). Bitte in der Anlagenliste je Anlage den Eigenkapitalanteil angeben, statt Zinsen "
            "als freie Positionen zu führen."
        ]
    return []


def kostenzeilen(
    kosten: Kosten, satztabellen: Satztabellen, pfad: str, jahr: int | None
) -> tuple[Kostenrechnung, list[Feldproblem]]:
    """All cost lines of ``kosten`` (``pfad`` = "leistungen[i].kosten"), or the problems found.

    ``jahr`` is the calculation year (``None`` when missing: reported by the caller; the
    year-dependent lines are then left out).
    """
    eigene, probleme = eigene_zeilen(kosten, satztabellen, pfad)
    zeilen = list(eigene.zeilen)
    ergebnis = Kostenrechnung(zeilen, eigene.tabelle)
    if jahr is not None and (kosten.fortschreibung or eigene.tabelle is not None):
        neu, warnungen, p = _fortschreibung(kosten, eigene.personal_aus_tabelle, eigene.tabelle, jahr, pfad)
        zeilen.extend(neu)
        ergebnis.warnungen.extend(warnungen)
        probleme.extend(p)
    if eigene.tabelle is not None:
        ergebnis.warnungen.extend(_abweichung_von_tabelle(kosten, eigene.tabelle))
    if kosten.sachkostenpauschale_je_vzae is not None:
        if eigene.vzae_summe == 0 and eigene.zeilen_nach_gruppe == 0:
            probleme.append(
                Feldproblem(
                    f"{pfad}.sachkostenpauschale_je_vzae",
                    "Die Sachkostenpauschale je VZÄ braucht Personalpositionen mit Entgeltgruppe und VZÄ; "
                    "bei Personalkosten als Betrag die Arbeitsplatzkosten bitte als eigene Position angeben.",
                )
            )
        elif eigene.vzae_summe:
            pauschale = kosten.sachkostenpauschale_je_vzae
            zeilen.append(
                Kostenzeile(
                    "sachkosten",
                    "Sachkostenpauschale Arbeitsplatz",
                    pauschale * eigene.vzae_summe,
                    Decimal(0),
                    Herkunft("{} je VZÄ × {} VZÄ", EuroText(pauschale), ZahlText(eigene.vzae_summe)),
                    "kosten",
                    "Die Pauschale enthält Vorsteuer, die sich nicht beziffern lässt; sie wird auch bei "
                    "Steuerpflicht nicht abgezogen (vorsichtige Annahme).",
                )
            )
    if kosten.gemeinkostenzuschlag_prozent is not None:
        zeile, warnungen = _gemeinkosten(kosten, zeilen, kosten.gemeinkostenzuschlag_prozent)
        zeilen.append(zeile)
        ergebnis.warnungen.extend(warnungen)
    if jahr is not None and (kosten.anlagen or kosten.kalkulatorischer_zinssatz_prozent):
        anlagen = anlagenrechnung(kosten, jahr)
        for art, bezeichnung, betrag, vorsteuer, herkunft, hinweis in anlagen.kostenzeilen:
            kategorie: Kategorie = "risiko" if art == "kalkulatorische_zinsen" else "kosten"
            if art == "kalkulatorische_zinsen":
                hinweis = HINWEIS_KALK_ZINSEN
            zeilen.append(Kostenzeile(art, bezeichnung, betrag, vorsteuer, herkunft, kategorie, hinweis))
        ergebnis.anlagen = anlagen.zeilen
        ergebnis.vorsteuer_anlagen = anlagen.vorsteuer_anlagen
        ergebnis.warnungen.extend(anlagen.warnungen)
    if eigene.zinszeilen or kosten.anlagen:
        ergebnis.warnungen.extend(_zinswarnung(kosten, zeilen))
    if kosten.gewinnaufschlag_prozent:
        basis = sum((z.betrag for z in zeilen), Decimal(0))
        zeilen.append(
            Kostenzeile(
                "gewinnaufschlag",
                "Gewinnaufschlag",
                basis * kosten.gewinnaufschlag_prozent / HUNDERT,
                Decimal(0),
                Herkunft("{} auf Kosten {}", ProzentText(kosten.gewinnaufschlag_prozent), EuroText(basis)),
                "kein_kostenbestandteil",
                HINWEIS_KEINE_KOSTEN,
            )
        )
    return ergebnis, probleme
