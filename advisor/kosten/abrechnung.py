"""The year-end settlement (Spitzabrechnung, kosten.md §3): actual share minus advances paid.

For each service of the IST document: the actual costs are split with the case's key (or the
actual key values given), exactly like the plan — without VAT, or, if the year was taxable, net +
VAT per payer with the provider's pro-rata input-VAT deduction. Each recipient's actual share
(``ist_anteil``: gross if taxable) minus its advances paid is its ``nachzahlung`` (negative = a
refund, Erstattung). The columns add up exactly: Σ ist_anteil − Σ abschlaege_gezahlt =
Σ nachzahlung. The provider's own share is shown, but it pays nothing to itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.kosten.istdaten import TITEL_IST, Istdaten, IstLeistung
from advisor.kosten.rundung import EXAKT, NULL
from advisor.kosten.umsatzsteuer import anteile_berechnen
from advisor.kosten.verteilung import gewichtung

FORMAT_ABRECHNUNG = "ikz-abrechnung/1"


@dataclass(slots=True)
class Abrechnungszeile:
    """One recipient's settlement, in EUR."""

    beteiligter: str
    ist_netto: Decimal
    ist_umsatzsteuer: Decimal
    ist_anteil: Decimal
    abschlaege_gezahlt: Decimal
    nachzahlung: Decimal


@dataclass(slots=True)
class Leistungsabrechnung:
    """The settlement of one service for one year."""

    leistung: str
    bezeichnung: str
    jahr: int
    steuerpflichtig: bool
    kosten_netto: Decimal
    vorsteuer: Decimal
    anteil_erbringer: Decimal | None
    zeilen: tuple[Abrechnungszeile, ...]
    summe_ist_anteil: Decimal
    summe_abschlaege_gezahlt: Decimal
    summe_nachzahlung: Decimal


@dataclass(slots=True)
class Abrechnung:
    leistungen: tuple[Leistungsabrechnung, ...]
    format: str = FORMAT_ABRECHNUNG


def _pruefe(fallakte: Fallakte, ist: IstLeistung, pfad: str) -> tuple[int | None, list[Feldproblem]]:
    ids = [leistung.id for leistung in fallakte.leistungen]
    if ist.leistung not in ids:
        meldung = f"Die Leistung „{ist.leistung}“ gibt es in der Fallakte nicht; vorhanden: {', '.join(ids)}."
        return None, [Feldproblem(f"{pfad}.leistung", meldung)]
    i = ids.index(ist.leistung)
    leistung = fallakte.leistungen[i]
    if leistung.kosten is None or leistung.kosten.verteilung is None:
        meldung = f"Für „{ist.leistung}“ enthält die Fallakte keinen Verteilungsschlüssel (kosten.verteilung)."
        return None, [Feldproblem(f"{pfad}.leistung", meldung)]
    probleme: list[Feldproblem] = []
    empfaenger = list(leistung.empfaenger)
    for k in ist.abschlaege_gezahlt:
        if k not in empfaenger:
            meldung = f"„{k}“ ist kein Empfänger dieser Leistung und zahlt keine Abschläge."
            probleme.append(Feldproblem(f"{pfad}.abschlaege_gezahlt.{k}", meldung))
    for k in empfaenger:
        if k not in ist.abschlaege_gezahlt:
            meldung = f"Die gezahlten Abschläge von „{k}“ fehlen (auch 0 bitte angeben)."
            probleme.append(Feldproblem(f"{pfad}.abschlaege_gezahlt.{k}", meldung))
    if ist.werte is not None:
        v = leistung.kosten.verteilung
        variabel = v.variabler_schluessel if v.schluessel == "sockel_plus_variabel" else v.schluessel
        if variabel not in ("fallzahlen", "nutzung", "frei"):
            probleme.append(Feldproblem(f"{pfad}.werte", f"Der Schlüssel „{variabel}“ verwendet keine Werte."))
        else:
            zahler = leistung.zahler
            for k in ist.werte:
                if k not in zahler:
                    probleme.append(Feldproblem(f"{pfad}.werte.{k}", f"„{k}“ zahlt für diese Leistung keinen Anteil."))
            for k in zahler:
                if k not in ist.werte:
                    probleme.append(Feldproblem(f"{pfad}.werte.{k}", f"Für „{k}“ fehlt der Ist-Wert des Schlüssels."))
    return i, probleme


def settle(
    fallakte: Fallakte,
    ist: Istdaten,
    umsatzsteuersatz: Decimal | Callable[[int], Decimal] | Mapping[str, Decimal | Callable[[int], Decimal]],
) -> Abrechnung:
    """Settle every service of ``ist`` against the case's key (pure).

    ``umsatzsteuersatz`` is the VAT rate in percent, or a function giving it for a settled year
    (the CLI passes the rule set's rate on 1 January of that year), or either of them per service id
    (``advisor.steuersatz.umsatzsteuersaetze_je_jahr``: the reduced rate of § 12 Abs. 2 UStG).

    Raises:
        UngueltigeEingabe: the IST document does not fit the case (unknown service, a recipient's
            advances missing, actual key values for unknown payers, …), every field named.
    """
    probleme: list[Feldproblem] = []
    ergebnisse: list[Leistungsabrechnung] = []
    with localcontext(EXAKT):
        for j, il in enumerate(ist.leistungen):
            pfad = f"leistungen[{j}]"
            i, p = _pruefe(fallakte, il, pfad)
            probleme.extend(p)
            if i is None or p:
                continue
            leistung = fallakte.leistungen[i]
            if il.werte is not None:
                kosten = leistung.kosten
                assert kosten is not None and kosten.verteilung is not None
                neu = kosten.verteilung.model_copy(update={"werte": dict(il.werte)})
                leistung = leistung.model_copy(update={"kosten": kosten.model_copy(update={"verteilung": neu})})
            g, p = gewichtung(fallakte, leistung, f"{pfad}.werte")
            if g is None:
                probleme.extend(p)
                continue
            quelle = umsatzsteuersatz[leistung.id] if isinstance(umsatzsteuersatz, Mapping) else umsatzsteuersatz
            satz = quelle(il.jahr) if callable(quelle) else quelle
            rechnung = anteile_berechnen(il.kosten_netto, il.vorsteuer, g, satz)
            zeilen = []
            erbringer: Decimal | None = None
            for a in rechnung.anteile:
                if a.rolle == "erbringer":
                    erbringer = a.nicht_steuerbar
                    continue
                if il.steuerpflichtig:
                    st = a.steuerpflichtig
                    netto, ust, ist_anteil = st.netto, st.umsatzsteuer, st.brutto
                else:
                    netto, ust, ist_anteil = a.nicht_steuerbar, NULL, a.nicht_steuerbar
                gezahlt = il.abschlaege_gezahlt[a.beteiligter]
                zeilen.append(Abrechnungszeile(a.beteiligter, netto, ust, ist_anteil, gezahlt, ist_anteil - gezahlt))
            ergebnisse.append(
                Leistungsabrechnung(
                    leistung=leistung.id,
                    bezeichnung=leistung.bezeichnung,
                    jahr=il.jahr,
                    steuerpflichtig=il.steuerpflichtig,
                    kosten_netto=il.kosten_netto,
                    vorsteuer=il.vorsteuer,
                    anteil_erbringer=erbringer,
                    zeilen=tuple(zeilen),
                    summe_ist_anteil=sum((z.ist_anteil for z in zeilen), NULL),
                    summe_abschlaege_gezahlt=sum((z.abschlaege_gezahlt for z in zeilen), NULL),
                    summe_nachzahlung=sum((z.nachzahlung for z in zeilen), NULL),
                )
            )
    if probleme:
        raise UngueltigeEingabe(probleme, TITEL_IST)
    return Abrechnung(tuple(ergebnisse))


def abrechnung_als_dict(abrechnung: Abrechnung) -> dict:
    """JSON shape ``ikz-abrechnung/1`` (money as strings with two places)."""

    def geld(w: Decimal | None) -> str | None:
        return None if w is None else f"{w:.2f}"

    return {
        "format": abrechnung.format,
        "leistungen": [
            {
                "leistung": leistung.leistung,
                "bezeichnung": leistung.bezeichnung,
                "jahr": leistung.jahr,
                "steuerpflichtig": leistung.steuerpflichtig,
                "kosten_netto": geld(leistung.kosten_netto),
                "vorsteuer": geld(leistung.vorsteuer),
                "anteil_erbringer": geld(leistung.anteil_erbringer),
                "anteile": [
                    {
                        "beteiligter": z.beteiligter,
                        "ist_netto": geld(z.ist_netto),
                        "ist_umsatzsteuer": geld(z.ist_umsatzsteuer),
                        "ist_anteil": geld(z.ist_anteil),
                        "abschlaege_gezahlt": geld(z.abschlaege_gezahlt),
                        "nachzahlung": geld(z.nachzahlung),
                    }
                    for z in leistung.zeilen
                ],
                "summe_ist_anteil": geld(leistung.summe_ist_anteil),
                "summe_abschlaege_gezahlt": geld(leistung.summe_abschlaege_gezahlt),
                "summe_nachzahlung": geld(leistung.summe_nachzahlung),
            }
            for leistung in abrechnung.leistungen
        ],
    }
