"""The year-end settlement (Spitzabrechnung, kosten.md §3): actual share minus advances paid.

For each service of the IST document: the actual costs are split with the case's key (or the
actual key values given), exactly like the plan — without VAT, or, if the year was taxable, net +
VAT per payer with the provider's pro-rata input-VAT deduction. A unit price is settled on the
actual quantities at the agreed (or planned) price. Each recipient's actual share (``ist_anteil``:
gross if taxable) minus its advances paid is its ``nachzahlung`` (negative = a refund,
Erstattung). The columns add up exactly: Σ ist_anteil − Σ abschlaege_gezahlt = Σ nachzahlung.
The provider's own share is shown, but it pays nothing to itself; the cents the provider bears
under the remainder-cent rule are shown too.

Each recipient's **final invoice** (``schlussrechnung``) states the whole supply and deducts the
advances with net and VAT separately (§ 14 Abs. 5 Satz 2 UStG); it needs the advances as net +
VAT — recorded as one amount in a taxable year, the settlement says so instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.kosten.istdaten import TITEL_IST, Istdaten, IstLeistung, betrag_gezahlt, netto_und_ust
from advisor.kosten.istpruefung import mit_istwerten, pruefe_ist
from advisor.kosten.rechnungspruefung import hinweise_zu_abschlaegen
from advisor.kosten.rundung import EXAKT, NULL
from advisor.kosten.satztabellen_modell import Satztabellen
from advisor.kosten.schlussrechnung import Schlussrechnung, schlussrechnung
from advisor.kosten.umsatzsteuer import Steuerbetrag, Stueckpreisrechnung, anteile_berechnen
from advisor.kosten.verteilung import gewichtung

FORMAT_ABRECHNUNG = "ikz-abrechnung/1"

#: The VAT rate in percent, per service id, or a function of the settled year giving either.
Satzangabe = Decimal | Mapping[str, Decimal]
Steuersatzquelle = Satzangabe | Callable[[int], Satzangabe]


@dataclass(slots=True)
class Abrechnungszeile:
    """One recipient's settlement, in EUR; ``abschlaege_netto``/``_umsatzsteuer`` are ``None``
    when the advances were recorded as one amount."""

    beteiligter: str
    ist_netto: Decimal
    ist_umsatzsteuer: Decimal
    ist_anteil: Decimal
    abschlaege_gezahlt: Decimal
    nachzahlung: Decimal
    abschlaege_netto: Decimal | None = None
    abschlaege_umsatzsteuer: Decimal | None = None
    schlussrechnung: Schlussrechnung | None = None


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
    umsatzsteuersatz: Decimal = NULL
    #: Cents the provider bears itself under the remainder-cent rule (it pays no share).
    restcent_erbringer: Decimal = NULL
    stueckpreis: Stueckpreisrechnung | None = None
    hinweise: tuple[str, ...] = ()


@dataclass(slots=True)
class Abrechnung:
    leistungen: tuple[Leistungsabrechnung, ...]
    format: str = FORMAT_ABRECHNUNG


def _satz(quelle: Steuersatzquelle, jahr: int, leistung: str) -> Decimal:
    angabe = quelle(jahr) if callable(quelle) else quelle
    if isinstance(angabe, Decimal):
        return angabe
    try:
        return angabe[leistung]
    except KeyError:
        raise ValueError(f"Für die Leistung „{leistung}“ fehlt der Umsatzsteuersatz.") from None


def _planpreise(
    fallakte: Fallakte, leistung_id: str, satztabellen: Satztabellen | None, satz: Decimal, pfad: str
) -> tuple[tuple[Decimal, Decimal] | None, list[Feldproblem]]:
    """The planned unit prices (not taxable, net) of a unit price without an agreed price."""
    from advisor.kosten.kalkulation import Leistungskalkulation, calculate

    if satztabellen is None:
        meldung = (
            "Der Stückpreis ist nicht vereinbart, sondern kalkuliert; dafür braucht die Abrechnung die Satztabellen."
        )
        return None, [Feldproblem(f"{pfad}.leistung", meldung)]
    einzeln = fallakte.model_copy(update={"leistungen": [x for x in fallakte.leistungen if x.id == leistung_id]})
    try:
        (k,) = calculate(einzeln, satztabellen, satz).leistungen
    except UngueltigeEingabe as e:
        grund = "; ".join(p.meldung for p in e.probleme)
        return None, [
            Feldproblem(f"{pfad}.leistung", f"Der kalkulierte Stückpreis lässt sich nicht berechnen: {grund}")
        ]
    assert isinstance(k, Leistungskalkulation) and k.stueckpreis is not None
    return (k.stueckpreis.preis_nicht_steuerbar, k.stueckpreis.preis_netto), []


def _leistung(
    fallakte: Fallakte, il: IstLeistung, pfad: str, quelle: Steuersatzquelle, satztabellen: Satztabellen | None
) -> tuple[Leistungsabrechnung | None, list[Feldproblem]]:
    i, probleme = pruefe_ist(fallakte, il, pfad)
    if i is None or probleme:
        return None, probleme
    satz = _satz(quelle, il.jahr, il.leistung)
    leistung = fallakte.leistungen[i]
    v = leistung.kosten.verteilung  # type: ignore[union-attr]
    preise = None
    if v is not None and v.schluessel == "stueckpreis" and v.stueckpreis is None:
        preise, probleme = _planpreise(fallakte, leistung.id, satztabellen, satz, pfad)
        if probleme:
            return None, probleme
    leistung = mit_istwerten(leistung, il)
    g, probleme = gewichtung(fallakte, leistung, f"{pfad}.werte")
    if g is None:
        return None, probleme
    rechnung = anteile_berechnen(il.kosten_netto, il.vorsteuer, g, satz, stueckpreise=preise)
    zeilen: list[Abrechnungszeile] = []
    erbringer: Decimal | None = None
    for a in rechnung.anteile:
        if a.rolle == "erbringer":
            erbringer = a.nicht_steuerbar
            continue
        st = a.steuerpflichtig
        if il.steuerpflichtig:
            leistung_gesamt = st
        else:
            leistung_gesamt = Steuerbetrag(a.nicht_steuerbar, NULL, a.nicht_steuerbar)
        gezahlt = il.abschlaege_gezahlt[a.beteiligter]
        teile = netto_und_ust(gezahlt)
        betrag = betrag_gezahlt(gezahlt)
        rechnung_schluss = None
        if teile is not None:
            rechnung_schluss = schlussrechnung(a.beteiligter, leistung_gesamt, Steuerbetrag(teile[0], teile[1], betrag))
        elif not il.steuerpflichtig:
            rechnung_schluss = schlussrechnung(a.beteiligter, leistung_gesamt, Steuerbetrag(betrag, NULL, betrag))
        zeilen.append(
            Abrechnungszeile(
                beteiligter=a.beteiligter,
                ist_netto=leistung_gesamt.netto,
                ist_umsatzsteuer=leistung_gesamt.umsatzsteuer,
                ist_anteil=leistung_gesamt.brutto,
                abschlaege_gezahlt=betrag,
                nachzahlung=leistung_gesamt.brutto - betrag,
                abschlaege_netto=teile[0] if teile else None,
                abschlaege_umsatzsteuer=teile[1] if teile else None,
                schlussrechnung=rechnung_schluss,
            )
        )
    rest = rechnung.restcent.netto if il.steuerpflichtig else rechnung.restcent.nicht_steuerbar
    return (
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
            umsatzsteuersatz=satz,
            restcent_erbringer=rest,
            stueckpreis=rechnung.stueckpreis,
            hinweise=tuple(hinweise_zu_abschlaegen(fallakte, il, satz)),
        ),
        [],
    )


def settle(
    fallakte: Fallakte, ist: Istdaten, umsatzsteuersatz: Steuersatzquelle, satztabellen: Satztabellen | None = None
) -> Abrechnung:
    """Settle every service of ``ist`` against the case's key (pure).

    ``umsatzsteuersatz`` is the VAT rate in percent, a mapping from service id to its rate, or a
    function giving either for a settled year (the CLI passes the rule set's rate on 1 January of
    that year). ``satztabellen`` are needed only to recompute a planned unit price.

    Raises:
        UngueltigeEingabe: the IST document does not fit the case (unknown service, a recipient's
            advances missing, actual key values for unknown payers, …), every field named.
        ValueError: the mapping of VAT rates lacks a settled service (a caller's error).
    """
    probleme: list[Feldproblem] = []
    ergebnisse: list[Leistungsabrechnung] = []
    with localcontext(EXAKT):
        for j, il in enumerate(ist.leistungen):
            ergebnis, p = _leistung(fallakte, il, f"leistungen[{j}]", umsatzsteuersatz, satztabellen)
            probleme.extend(p)
            if ergebnis is not None:
                ergebnisse.append(ergebnis)
    if probleme:
        raise UngueltigeEingabe(probleme, TITEL_IST)
    return Abrechnung(tuple(ergebnisse))
