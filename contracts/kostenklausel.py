"""The cost key, the remainder cents, the unit price and the due dates in the agreement's words.

Everything comes from the calculation's JSON view (``schluessel_details``, ``stueckpreis``) and the
case file's ``verteilung`` and ``abrechnung``; every key the calculation supports is described:
a single measure, base plus variable part, a mixed key with the weight of each measure, fixed
shares of named parties with the key of the rest, a unit price × the quantity actually taken, the
reference date of population figures, and who bears the cents that cannot be split evenly. The
contract text names parties and roles, never the tax words "Erbringer" or "Empfänger".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.fallakte import Fallakte, Leistung, Verteilung
from advisor.kosten.abschlaege import faelligkeitsbeschreibung
from contracts.formatting import format_date, format_money, format_percent
from contracts.grammatik import Nominalphrase, aufzaehlung
from contracts.klauselbibliothek import Klauselbibliothek

HUNDERT = Decimal(100)
#: Shown where a key uses population figures and the case names no reference date.
STICHTAG_FEHLT = "[Stichtag der Einwohnerzahlen ergänzen]"


def _details(kalk: Mapping[str, Any] | None) -> Mapping[str, Any]:
    details = (kalk or {}).get("schluessel_details")
    return details if isinstance(details, Mapping) else {}


def _einwohner_stichtag(verteilung: Verteilung, kalk: Mapping[str, Any] | None) -> str:
    stichtag = _details(kalk).get("einwohner_stichtag") or verteilung.einwohner_stichtag
    if stichtag is None:
        return STICHTAG_FEHLT
    return format_date(stichtag if isinstance(stichtag, date) else date.fromisoformat(str(stichtag)))


def _mass(bib: Klauselbibliothek, schluessel: str, verteilung: Verteilung, kalk: Mapping[str, Any] | None) -> str:
    """One measure ("nach dem Verhältnis der Einwohnerzahlen zum Stichtag 31.12.2025")."""
    text = bib.bezeichnungen["schluessel"][schluessel]
    if schluessel == "einwohner":
        text += f" zum Stichtag {_einwohner_stichtag(verteilung, kalk)}"
    return text


def _gemischt(bib: Klauselbibliothek, verteilung: Verteilung, kalk: Mapping[str, Any] | None) -> str:
    bestandteile = _details(kalk).get("bestandteile") or [
        {"bezeichnung": b.bezeichnung, "gewicht_prozent": b.gewicht_prozent, "schluessel": b.schluessel}
        for b in verteilung.bestandteile or []
    ]
    teile = [
        f"zu {format_percent(Decimal(str(b['gewicht_prozent'])))} nach dem Maßstab „{b['bezeichnung']}“ "
        f"({_mass(bib, str(b['schluessel']), verteilung, kalk)})"
        for b in bestandteile
    ]
    return "nach einem gemischten Schlüssel, und zwar " + aufzaehlung(teile)


def _stueckpreis(kalk: Mapping[str, Any] | None, verteilung: Verteilung, ergebnis: str) -> str:
    preis = (kalk or {}).get("stueckpreis") or {}
    einheit = preis.get("mengeneinheit") or verteilung.mengeneinheit or "Einheit"
    betrag = preis.get("preis_netto" if ergebnis == "steuerpflichtig" else "preis_nicht_steuerbar")
    if betrag is None and verteilung.stueckpreis is not None:
        betrag = verteilung.stueckpreis
    if betrag is None:
        return f"nach der tatsächlich abgenommenen Menge zu dem Stückpreis je {einheit} nach Anlage 2"
    vereinbart = preis.get("vereinbart", verteilung.stueckpreis is not None)
    herkunft = "" if vereinbart else " (kalkuliert aus den Kosten und der geplanten Gesamtmenge)"
    return (
        f"nach der tatsächlich abgenommenen Menge zu einem Stückpreis von {format_money(str(betrag))} "
        f"je {einheit}{herkunft}"
    )


def _ohne_festanteile(
    bib: Klauselbibliothek, verteilung: Verteilung, kalk: Mapping[str, Any] | None, ergebnis: str
) -> str:
    schluessel = verteilung.schluessel
    if schluessel == "gemischt":
        return _gemischt(bib, verteilung, kalk)
    if schluessel == "stueckpreis":
        return _stueckpreis(kalk, verteilung, ergebnis)
    if schluessel == "sockel_plus_variabel":
        sockel = (
            format_percent(verteilung.sockel_prozent)
            if verteilung.sockel_prozent is not None
            else "[Sockelanteil ergänzen]"
        )
        variabel = (
            _mass(bib, verteilung.variabler_schluessel, verteilung, kalk)
            if verteilung.variabler_schluessel
            else "[variablen Schlüssel ergänzen]"
        )
        text = bib.bezeichnungen["schluessel"][schluessel]
        return text.replace("{sockel_prozent}", sockel).replace("{variabler_schluessel}", variabel)
    return _mass(bib, schluessel, verteilung, kalk)


def schluessel_text(
    bib: Klauselbibliothek, fallakte: Fallakte, leistung: Leistung, kalk: Mapping[str, Any] | None, ergebnis: str
) -> str:
    """How the costs are split, as an adverbial for "Die Kosten werden … verteilt" and "Die Umlage
    wird … bemessen": fixed shares first ("mit einem festen Anteil von 30 % für den Kreis …, im
    Übrigen (70 %) …"), then the key of the rest. Requires ``leistung.kosten.verteilung``."""
    assert leistung.kosten is not None and leistung.kosten.verteilung is not None
    verteilung = leistung.kosten.verteilung
    rest = _ohne_festanteile(bib, verteilung, kalk, ergebnis)
    fest = _details(kalk).get("festanteile") or verteilung.festanteile or {}
    if not fest:
        return rest
    namen = {b.id: b.name for b in fallakte.beteiligte}
    anteile = [
        f"{format_percent(Decimal(str(p)))} für {Nominalphrase.aus_name(namen.get(k, k)).akk}" for k, p in fest.items()
    ]
    uebrig = HUNDERT - sum((Decimal(str(p)) for p in fest.values()), Decimal(0))
    art = "einem festen Anteil von" if len(anteile) == 1 else "festen Anteilen von"
    return f"mit {art} {aufzaehlung(anteile)} und für die übrigen {format_percent(uebrig)} der Kosten {rest}"


def restcent_text(fallakte: Fallakte, leistung: Leistung) -> str:
    """The remainder-cent rule of the calculation (advisor.kosten.verteilung.restcent_regel) with
    the party that bears the cents by name: the provider (not invoiced, or with its own share), or
    the party the case names in ``restcent_traeger``. A unit price has no remainder to split."""
    verteilung = leistung.kosten.verteilung if leistung.kosten is not None else None
    if ist_stueckpreis(leistung):
        return "Jeder Jahresanteil ist der Stückpreis mal der Menge des Beteiligten, auf volle Cent gerundet."
    namen = {b.id: b.name for b in fallakte.beteiligte}
    traeger = (verteilung.restcent_traeger if verteilung else None) or leistung.erbringer
    person = Nominalphrase.aus_name(namen.get(traeger, traeger))
    if traeger != leistung.erbringer:
        wer = f"übernimmt {person.nom}"
    elif verteilung is not None and verteilung.erbringer_traegt_anteil:
        wer = f"trägt {person.nom} mit {person.possessiv}em eigenen Anteil"
    else:
        wer = f"trägt {person.nom}; sie werden nicht in Rechnung gestellt"
    return (
        "Die Anteile werden nach dem Verfahren der größten Reste auf volle Cent gerundet; Beteiligte mit "
        "gleichem Gewicht zahlen stets denselben Betrag. Cent-Beträge, die sich danach nicht gleichmäßig "
        f"verteilen lassen (weniger als ein Cent je gleich gewichtetem Beteiligten), {wer}."
    )


def faelligkeit_text(leistung: Leistung) -> str | None:
    """When the advances are due, in the words of the agreement ("nachschüssig am letzten Tag jedes
    Quartals"); ``None`` without an advance rhythm."""
    abrechnung = leistung.kosten.abrechnung if leistung.kosten is not None else None
    if abrechnung is None or abrechnung.abschlaege is None:
        return None
    return faelligkeitsbeschreibung(abrechnung.abschlaege, abrechnung.faelligkeit, abrechnung.faelligkeitstag)


def ist_stueckpreis(leistung: Leistung) -> bool:
    """Whether the service is charged by unit price × quantity (the clause then settles on the
    quantities actually taken)."""
    verteilung = leistung.kosten.verteilung if leistung.kosten is not None else None
    return verteilung is not None and verteilung.schluessel == "stueckpreis"
