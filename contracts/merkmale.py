"""What the clause library needs to know about a case: features that choose variants, and the
values that fill the templates — per case and per service.

Every value comes from the Fallakte, the Bewertung or the Kalkulation; nothing is invented. A fact
the case leaves out becomes ``Fehlt`` (the draft then shows the library's placeholder, e.g.
"[Kündigungsfrist ergänzen]", and lists it with the field path).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from advisor.bewertung import Bewertung, Kriterium, Leistungsbewertung
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte, Leistung
from contracts.formatting import format_date, format_money, format_months, format_percent, parse_money
from contracts.klauselbibliothek import Klauselbibliothek

#: Term beyond which § 23 Abs. 5 GkG NRW requires a termination clause (years).
KUENDIGUNGSKLAUSEL_AB_JAHREN = 20


@dataclass(frozen=True, slots=True)
class Fehlt:
    """A missing fact: which library placeholder to show, and the Fallakte field that is missing."""

    platzhalter: str
    feld: str


Wert = str | Fehlt


@dataclass(frozen=True, slots=True)
class Leistungsdaten:
    """One service with its assessment, its calculation (JSON view, or None) and its template data."""

    index: int
    leistung: Leistung
    bewertung: Leistungsbewertung
    kalkulation: Mapping[str, Any] | None
    merkmale: dict[str, Any]
    werte: dict[str, Wert]


def aufzaehlung(namen: list[str]) -> str:
    """["A", "B", "C"] → "A, B und C"."""
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " und " + namen[-1]


def dekliniert(amt: str) -> str:
    """ "Der Landrat" → "den Landrat", "Die Bürgermeisterin / Der Bürgermeister" → "die … / den …"."""
    teile = []
    for teil in amt.split(" / "):
        for artikel, akkusativ in (("Der ", "den "), ("Die ", "die "), ("Das ", "das ")):
            if teil.startswith(artikel):
                teil = akkusativ + teil[len(artikel) :]
                break
        teile.append(teil)
    return " / ".join(teile)


def fakt(leistung: Leistung, bewertung: Leistungsbewertung, name: str) -> Any:
    """A § 2b fact of the service: the case's value, else the catalogue default the assessment used."""
    wert = getattr(leistung, name)
    return bewertung.katalogvorgaben.get(name) if wert is None else wert


def leistungsbewertung(bewertung: Bewertung, leistung: Leistung, index: int) -> Leistungsbewertung:
    for lb in bewertung.leistungen:
        if lb.leistung == leistung.id:
            return lb
    raise UngueltigeEingabe(
        [Feldproblem(f"leistungen[{index}].id", f"Zur Leistung „{leistung.id}“ liegt keine Bewertung vor.")],
        "Der Entwurf kann nicht erstellt werden.",
    )


def entscheidendes_kriterium(lb: Leistungsbewertung) -> Kriterium | None:
    for k in lb.kriterien:
        if k.regel == lb.entscheidende_regel:
            return k
    return None


def _summe_art(kalkulation: Mapping[str, Any] | None, arten: tuple[str, ...]) -> bool:
    if not kalkulation:
        return False
    return any(p.get("art") in arten and parse_money(p["betrag"]) > 0 for p in kalkulation.get("positionen", []))


def _laufzeit(fallakte: Fallakte, leistung: Leistung, pfad: str, werte: dict[str, Wert]) -> dict[str, Any]:
    laufzeit = leistung.laufzeit
    if laufzeit is None:
        werte["beginn"] = Fehlt("beginn", f"{pfad}.laufzeit.beginn")
        werte["laufzeit_fehlt"] = Fehlt("laufzeit", f"{pfad}.laufzeit")
        werte["kuendigungsfrist"] = Fehlt("kuendigungsfrist", f"{pfad}.laufzeit.kuendigungsfrist_monate")
        return {"laufzeit": "unbekannt", "kuendigungsklausel_pflicht": True, "fortfuehrung": False}
    beginn = max(laufzeit.beginn, fallakte.stichtag)
    werte["beginn"] = format_date(beginn)
    werte["bisheriger_beginn"] = format_date(laufzeit.beginn)
    werte["kuendigungsfrist"] = (
        format_months(laufzeit.kuendigungsfrist_monate)
        if laufzeit.kuendigungsfrist_monate is not None
        else Fehlt("kuendigungsfrist", f"{pfad}.laufzeit.kuendigungsfrist_monate")
    )
    if laufzeit.ende is None:
        pflicht = True
        art = "unbefristet"
    else:
        art = "befristet"
        werte["ende_letzter_tag"] = format_date(date.fromordinal(laufzeit.ende.toordinal() - 1))
        grenze = _plus_jahre(laufzeit.beginn, KUENDIGUNGSKLAUSEL_AB_JAHREN)
        pflicht = laufzeit.ende > grenze
    return {"laufzeit": art, "kuendigungsklausel_pflicht": pflicht, "fortfuehrung": laufzeit.beginn < fallakte.stichtag}


def _plus_jahre(tag: date, jahre: int) -> date:
    try:
        return tag.replace(year=tag.year + jahre)
    except ValueError:  # 29 February
        return tag.replace(year=tag.year + jahre, day=28)


def _kosten(
    bib: Klauselbibliothek,
    leistung: Leistung,
    lb: Leistungsbewertung,
    kalk: Mapping[str, Any] | None,
    pfad: str,
    werte: dict[str, Wert],
) -> dict[str, Any]:
    namen = bib.bezeichnungen
    kosten = leistung.kosten
    werte["kosten_fehlen"] = Fehlt("kosten", f"{pfad}.kosten")
    werte["abrechnung_fehlt"] = Fehlt("abrechnung", f"{pfad}.kosten.abrechnung")
    if kosten is None or kalk is None:
        return {
            "kosten": False,
            "abrechnung": "unbekannt",
            "erbringer_traegt_anteil": False,
            "kalkulatorische_zinsen": False,
            "wagnis_oder_gewinn": False,
        }
    jahr = kalk.get("kalkulationsjahr") or kosten.kalkulationsjahr
    werte["kalkulationsjahr"] = str(jahr) if jahr else Fehlt("kalkulationsjahr", f"{pfad}.kosten.kalkulationsjahr")
    grundlage = kosten.satzgrundlage
    werte["satzgrundlage"] = (
        "eigene Kosten- und Leistungsrechnung"
        if grundlage == "eigene_klr"
        else f"Satztabelle „{grundlage}“"
        if grundlage
        else "Beträge der Fallakte"
    )
    arten: list[str] = []
    for p in kalk.get("positionen", []):
        name = namen["kostenarten"].get(p.get("art"), str(p.get("art")))
        if name not in arten:
            arten.append(name)
    werte["kostenarten"] = aufzaehlung(arten) if arten else Fehlt("kosten", f"{pfad}.kosten.positionen")
    ergebnis = lb.ergebnis
    nicht_steuerbar = format_money(kalk["erstattung_nicht_steuerbar"])
    stpfl = kalk["erstattung_steuerpflichtig"]
    if ergebnis == "steuerpflichtig":
        werte["erstattung_text"] = (
            f"{format_money(stpfl['netto'])} netto; hinzu kommt die Umsatzsteuer auf die Anteile der "
            f"Leistungsempfänger von voraussichtlich {format_money(stpfl['umsatzsteuer'])}"
        )
    elif ergebnis == "offen":
        werte["erstattung_text"] = (
            f"{nicht_steuerbar}, im Fall der Steuerpflicht {format_money(stpfl['netto'])} netto zuzüglich "
            f"{format_money(stpfl['umsatzsteuer'])} Umsatzsteuer"
        )
    else:
        werte["erstattung_text"] = nicht_steuerbar
    verteilung = kosten.verteilung
    if verteilung is None:
        werte["schluessel_text"] = Fehlt("schluessel", f"{pfad}.kosten.verteilung")
    else:
        text = namen["schluessel"][verteilung.schluessel]
        if verteilung.schluessel == "sockel_plus_variabel":
            sockel = (
                format_percent(verteilung.sockel_prozent)
                if verteilung.sockel_prozent is not None
                else "[Sockelanteil ergänzen]"
            )
            variabel = (
                namen["schluessel"][verteilung.variabler_schluessel]
                if verteilung.variabler_schluessel
                else "[variablen Schlüssel ergänzen]"
            )
            text = text.replace("{sockel_prozent}", sockel).replace("{variabler_schluessel}", variabel)
        werte["schluessel_text"] = text
    abrechnung = kosten.abrechnung
    if abrechnung is not None and abrechnung.abschlaege is not None:
        werte["abschlaege_text"] = namen["abschlaege"][abrechnung.abschlaege]
    else:
        werte["abschlaege_text"] = Fehlt("abschlaege", f"{pfad}.kosten.abrechnung.abschlaege")
    return {
        "kosten": True,
        "abrechnung": abrechnung.verfahren if abrechnung is not None else "unbekannt",
        "erbringer_traegt_anteil": bool(verteilung and verteilung.erbringer_traegt_anteil),
        "kalkulatorische_zinsen": _summe_art(kalk, ("kalkulatorische_zinsen",)),
        "wagnis_oder_gewinn": _summe_art(kalk, ("wagnis", "gewinnaufschlag")),
    }


def leistungsdaten(
    bib: Klauselbibliothek,
    fallakte: Fallakte,
    bewertung: Bewertung,
    kalkulation: Mapping[str, Any] | None,
    index: int,
    leistung: Leistung,
) -> Leistungsdaten:
    """Features and template values of one service."""
    pfad = f"leistungen[{index}]"
    lb = leistungsbewertung(bewertung, leistung, index)
    kalk = None
    if kalkulation is not None:
        for eintrag in kalkulation.get("leistungen", []):
            if eintrag.get("leistung") == leistung.id and "erstattung_nicht_steuerbar" in eintrag:
                kalk = eintrag
    namen = {b.id: b.name for b in fallakte.beteiligte}
    werte: dict[str, Wert] = {
        "leistung": leistung.bezeichnung,
        "erbringer": namen[leistung.erbringer],
        "empfaenger": aufzaehlung([namen[e] for e in leistung.empfaenger]),
        "risiko": lb.risiko,
        "risikogruende": " ".join(g if g.endswith(".") else g + "." for g in lb.risikogruende),
        "umsatzsteuer_offen": Fehlt("umsatzsteuer_offen", "; ".join(f.feld for f in lb.offene_fragen) or pfad),
    }
    kriterium = entscheidendes_kriterium(lb)
    werte["entscheidende_norm"] = kriterium.norm if kriterium else "§ 2b UStG"
    werte["entscheidende_regel"] = kriterium.titel if kriterium else "Würdigung in Anlage 3"
    merkmale: dict[str, Any] = {"ergebnis": lb.ergebnis, "risiko": lb.risiko}
    merkmale |= _laufzeit(fallakte, leistung, pfad, werte)
    merkmale |= _kosten(bib, leistung, lb, kalk, pfad, werte)
    return Leistungsdaten(index, leistung, lb, kalk, merkmale, werte)


def fallmerkmale(fallakte: Fallakte, daten: list[Leistungsdaten]) -> dict[str, Any]:
    """Case-wide features: legal form, staff secondment in any service, a joint public task in all."""
    return {
        "rechtsform": fallakte.rechtsform,
        "personalgestellung": any(fakt(d.leistung, d.bewertung, "personalgestellung") is True for d in daten),
        "gemeinsame_aufgabe": all(
            fakt(d.leistung, d.bewertung, "oeffentliche_infrastruktur") is True
            and fakt(d.leistung, d.bewertung, "gemeinsame_oeffentliche_aufgabe") is True
            for d in daten
        ),
    }
