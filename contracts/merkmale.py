"""What the clause library needs to know about a case: features that choose variants, and the
values that fill the templates — per case and per service.

Every value comes from the Fallakte, the Bewertung or the Kalkulation; nothing is invented. A fact
the case leaves out becomes ``Fehlt`` (the draft then shows the library's placeholder, e.g.
"[Kündigungsfrist ergänzen]", and lists it with the field path). Names of parties are declined
(``contracts.grammatik``): "die Stadt Aheim … der ihr entstehenden Kosten".
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.bewertung import Bewertung, Kriterium, Leistungsbewertung
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte, Leistung
from contracts.formatting import format_date, format_money, format_months, parse_money
from contracts.grammatik import Nominalphrase, aufzaehlung, parteien_im
from contracts.klauselbibliothek import Klauselbibliothek
from contracts.kostenbasis import kostenbasis
from contracts.kostenklausel import faelligkeit_text, ist_stueckpreis, restcent_text, schluessel_text

#: Term beyond which § 23 Abs. 5 GkG NRW requires a termination clause (years).
KUENDIGUNGSKLAUSEL_AB_JAHREN = 20
#: Risks for which the agreement makes the binding ruling a condition precedent.
RISIKO_MIT_AUSKUNFT = ("mittel", "hoch")
#: § 108 Abs. 6 Nr. 3 GWB: less than 20 % of the activities on the market, i.e. more than 80 % to
#: public bodies (the share in the case file is the share of the provider's similar services).
MARKTANTEIL_GRENZE_PROZENT = Decimal("20")


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
        "Das Dokument kann nicht erstellt werden.",
    )


def entscheidendes_kriterium(lb: Leistungsbewertung) -> Kriterium | None:
    for k in lb.kriterien:
        if k.regel == lb.entscheidende_regel:
            return k
    return None


#: The exemption of cost-sharing groups (§ 4 Nr. 29 UStG): its conditions are part of the agreement.
KOSTENTEILUNG = "ustg_4_nr29"


def befreiende_regel(lb: Leistungsbewertung) -> str | None:
    """The rule that exempts a tax-exempt service (the fulfilled rule leading to "steuerfrei"), or
    None when the service is not exempt (or the assessment names none)."""
    if lb.ergebnis != "steuerfrei":
        return None
    for k in lb.kriterien:
        if k.folge == "steuerfrei" and k.status == "erfuellt":
            return k.regel
    return None


def _rechtsgrundlagen(bib: Klauselbibliothek, lb: Leistungsbewertung) -> dict[str, Wert]:
    """The law the VAT clause cites for the service: § 2b UStG, or the old law for a service the
    assessment judged under § 2 Abs. 3 UStG a. F.; the exempting norm of a tax-exempt service."""
    alt = lb.regime == "altes_recht"
    werte: dict[str, Wert] = {"grundlage_nicht_steuerbar": bib.normen["ustg_2_abs3_af" if alt else "ustg_2b"].text}
    werte["grundlage_befreiung"] = befreiungsnorm(lb) or bib.normen["ustg_4_nr29"].text
    return werte


def befreiungsnorm(lb: Leistungsbewertung) -> str | None:
    """The norm of the exempting rule other than § 4 Nr. 29 UStG (None for that one, or none). A rule
    that names its norm only by examples ("§ 4 UStG (z. B. Nr. 14, 21, 25)") leaves the number to fill."""
    regel = befreiende_regel(lb)
    kriterium = next((k for k in lb.kriterien if k.regel == regel), None)
    if regel in (None, KOSTENTEILUNG) or kriterium is None:
        return None
    if "z. B." in kriterium.norm:
        return kriterium.norm.split(" (")[0] + " [Nummer der Befreiungsvorschrift ergänzen]"
    return kriterium.norm


def braucht_auskunft(lb: Leistungsbewertung) -> bool:
    """Risk "mittel" or "hoch", or open points: the binding ruling is a condition precedent and the
    Antrag auf verbindliche Auskunft is recommended."""
    return lb.risiko in RISIKO_MIT_AUSKUNFT or bool(lb.offene_fragen) or lb.ergebnis == "offen"


@functools.cache
def _satztabellen_titel() -> dict[str, str]:
    from rules_loader import load_rate_tables

    tabellen = load_rate_tables()
    return {k: t.titel for k, t in tabellen.tabellen.items()}


def satzgrundlage_titel(kennung: str | None) -> str:
    """The rate table's title ("KGSt-Bericht …"), "eigene Kosten- und Leistungsrechnung", or the
    case's own amounts."""
    if kennung == "eigene_klr":
        return "eigene Kosten- und Leistungsrechnung"
    if not kennung:
        return "Beträge der Fallakte"
    titel = _satztabellen_titel().get(kennung)
    if titel is None:
        raise KeyError(f"Satztabelle „{kennung}“ ist nicht geladen")
    return titel


def ohne_kennungen(text: str) -> str:
    """A calculation note with the keys of rate tables replaced by their titles."""
    for kennung, titel in _satztabellen_titel().items():
        text = text.replace(kennung, titel)
    return text


def _summe_art(kalkulation: Mapping[str, Any] | None, arten: tuple[str, ...]) -> bool:
    """Whether a line of these kinds is charged that is no plain cost: a Wagnis with evidence of a
    specific risk (Einzelwagnis, ``kategorie`` "kosten") is a cost and does not count."""
    if not kalkulation:
        return False
    return any(
        p.get("art") in arten and p.get("kategorie") != "kosten" and parse_money(p["betrag"]) > 0
        for p in kalkulation.get("positionen", [])
    )


def _plus_jahre(tag: date, jahre: int) -> date:
    try:
        return tag.replace(year=tag.year + jahre)
    except ValueError:  # 29 February
        return tag.replace(year=tag.year + jahre, day=28)


def _laufzeit(fallakte: Fallakte, leistung: Leistung, pfad: str, werte: dict[str, Wert]) -> dict[str, Any]:
    laufzeit = leistung.laufzeit
    werte["bisherige_vereinbarung"] = Fehlt("bisherige_vereinbarung", "")
    if laufzeit is None:
        werte["beginn"] = Fehlt("beginn", f"{pfad}.laufzeit.beginn")
        werte["laufzeit_fehlt"] = Fehlt("laufzeit", f"{pfad}.laufzeit")
        werte["kuendigungsfrist"] = Fehlt("kuendigungsfrist", f"{pfad}.laufzeit.kuendigungsfrist_monate")
        return {"laufzeit": "unbekannt", "kuendigungsklausel_pflicht": True, "fortfuehrung": False}
    werte["beginn"] = format_date(max(laufzeit.beginn, fallakte.stichtag))
    werte["bisheriger_beginn"] = format_date(laufzeit.beginn)
    werte["kuendigungsfrist"] = (
        format_months(laufzeit.kuendigungsfrist_monate)
        if laufzeit.kuendigungsfrist_monate is not None
        else Fehlt("kuendigungsfrist", f"{pfad}.laufzeit.kuendigungsfrist_monate")
    )
    if laufzeit.letzter_tag is None:
        pflicht, art = True, "unbefristet"
    else:
        art = "befristet"
        werte["ende_letzter_tag"] = format_date(laufzeit.letzter_tag)
        pflicht = laufzeit.letzter_tag >= _plus_jahre(laufzeit.beginn, KUENDIGUNGSKLAUSEL_AB_JAHREN)
    return {"laufzeit": art, "kuendigungsklausel_pflicht": pflicht, "fortfuehrung": laufzeit.beginn < fallakte.stichtag}


def erstattung_text(kalk: Mapping[str, Any], ergebnis: str) -> str:
    """The annual amount of the cost clause, with its parts where input VAT is part of the cost:
    "42.205,69 € (41.749,69 € Kosten zuzüglich 456,00 € nicht abziehbarer Vorsteuer)"."""
    basis = kostenbasis(kalk, ergebnis)
    text = format_money(basis.erstattungsfaehig)
    if isinstance(kalk.get("stueckpreis"), Mapping):
        text += f" bei den geplanten Mengen (kalkulierte Kosten: {format_money(basis.kosten)})"
    elif basis.vorsteuer_nicht_abziehbar:
        text += (
            f" ({format_money(basis.kosten_netto)} Kosten zuzüglich "
            f"{format_money(basis.vorsteuer_nicht_abziehbar)} nicht abziehbarer Vorsteuer)"
        )
    if basis.steuerpflichtig:
        text += " zuzüglich Umsatzsteuer"
    return text


def _kosten(
    bib: Klauselbibliothek,
    fallakte: Fallakte,
    leistung: Leistung,
    lb: Leistungsbewertung,
    kalk: Mapping[str, Any] | None,
    pfad: str,
) -> tuple[dict[str, Any], dict[str, Wert]]:
    werte: dict[str, Wert] = {
        "kosten_fehlen": Fehlt("kosten", f"{pfad}.kosten"),
        "abrechnung_fehlt": Fehlt("abrechnung", f"{pfad}.kosten.abrechnung"),
        "schlussabrechnung": Fehlt("schlussabrechnung", ""),
    }
    kosten = leistung.kosten
    if kosten is None or kalk is None:
        merkmale = {
            "kosten": False,
            "abrechnung": "unbekannt",
            "erbringer_traegt_anteil": False,
            "kalkulatorische_zinsen": False,
            "wagnis_oder_gewinn": False,
            "stueckpreis": False,
        }
        return merkmale, werte
    jahr = kalk.get("kalkulationsjahr") or kosten.kalkulationsjahr
    werte["kalkulationsjahr"] = str(jahr) if jahr else Fehlt("kalkulationsjahr", f"{pfad}.kosten.kalkulationsjahr")
    werte["satzgrundlage"] = satzgrundlage_titel(kalk.get("satzgrundlage") or kosten.satzgrundlage)
    arten: list[str] = []
    for p in kalk.get("positionen", []):
        name = bib.bezeichnungen["kostenarten"].get(p.get("art"), "sonstige Kosten")
        if name not in arten:
            arten.append(name)
    werte["kostenarten"] = aufzaehlung(arten) if arten else Fehlt("kosten", f"{pfad}.kosten.positionen")
    werte["erstattung_text"] = erstattung_text(kalk, lb.ergebnis)
    verteilung = kosten.verteilung
    werte["schluessel_text"] = (
        schluessel_text(bib, fallakte, leistung, kalk, lb.ergebnis)
        if verteilung is not None
        else Fehlt("schluessel", f"{pfad}.kosten.verteilung")
    )
    werte["restcent_text"] = restcent_text(fallakte, leistung)
    abrechnung = kosten.abrechnung
    if abrechnung is not None and abrechnung.abschlaege is not None:
        werte["abschlaege_text"] = bib.bezeichnungen["abschlaege"][abrechnung.abschlaege]
    else:
        werte["abschlaege_text"] = Fehlt("abschlaege", f"{pfad}.kosten.abrechnung.abschlaege")
    faelligkeit = faelligkeit_text(leistung)
    werte["faelligkeit_text"] = faelligkeit or Fehlt("abschlaege", f"{pfad}.kosten.abrechnung.abschlaege")
    merkmale = {
        "kosten": True,
        "abrechnung": abrechnung.verfahren if abrechnung is not None else "unbekannt",
        "erbringer_traegt_anteil": bool(verteilung and verteilung.erbringer_traegt_anteil),
        "kalkulatorische_zinsen": _summe_art(kalk, ("kalkulatorische_zinsen",)),
        "wagnis_oder_gewinn": _summe_art(kalk, ("wagnis", "gewinnaufschlag")),
        "stueckpreis": ist_stueckpreis(leistung),
    }
    return merkmale, werte


def leistungskalkulation(kalkulation: Mapping[str, Any] | None, leistung: Leistung) -> Mapping[str, Any] | None:
    """The calculation of one service (JSON view), or None when it could not be calculated."""
    if kalkulation is None:
        return None
    for eintrag in kalkulation.get("leistungen", []):
        if eintrag.get("leistung") == leistung.id and "erstattung_nicht_steuerbar" in eintrag:
            return eintrag
    return None


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
    kalk = leistungskalkulation(kalkulation, leistung)
    namen = {b.id: b.name for b in fallakte.beteiligte}
    erbringer = Nominalphrase.aus_name(namen[leistung.erbringer])
    empfaenger = [namen[e] for e in leistung.empfaenger]
    werte: dict[str, Wert] = {
        "leistung": leistung.bezeichnung,
        "erbringer_nom": erbringer.nom,
        "erbringer_dat": erbringer.dat,
        "erbringer_akk": erbringer.akk,
        "erbringer_ihm": erbringer.pronomen_dat,
        "erbringer_sein": erbringer.possessiv,
        "empfaenger_nom": parteien_im(empfaenger, "nom"),
        "empfaenger_dat": parteien_im(empfaenger, "dat"),
        "empfaenger_akk": parteien_im(empfaenger, "akk"),
        "auskunft_frist": Fehlt("auskunft_frist", ""),
    }
    werte |= _rechtsgrundlagen(bib, lb)
    merkmale: dict[str, Any] = {
        "ergebnis": lb.ergebnis,
        "risiko": lb.risiko,
        "auskunft_bedingung": braucht_auskunft(lb),
        "befreiung_kostenteilung": befreiende_regel(lb) in (None, KOSTENTEILUNG),
    }
    merkmale |= _laufzeit(fallakte, leistung, pfad, werte)
    kostenmerkmale, kostenwerte = _kosten(bib, fallakte, leistung, lb, kalk, pfad)
    merkmale |= kostenmerkmale
    werte |= kostenwerte
    return Leistungsdaten(index, leistung, lb, kalk, merkmale, werte)


def oeffentlich_oeffentlich(d: Leistungsdaten) -> bool:
    """The facts carry a § 108 Abs. 6 GWB recital: a public task common to all, and less than 20 %
    of the activity on the market (more than 80 % of the similar services go to public bodies)."""
    anteil = fakt(d.leistung, d.bewertung, "anteil_leistungen_an_jpoer_prozent")
    if fakt(d.leistung, d.bewertung, "gemeinsame_oeffentliche_aufgabe") is not True or anteil is None:
        return False
    return Decimal(100) - Decimal(str(anteil)) < MARKTANTEIL_GRENZE_PROZENT


def fallmerkmale(fallakte: Fallakte, daten: list[Leistungsdaten]) -> dict[str, Any]:
    """Case-wide features: legal form, staff secondment in any service, a joint public task in all,
    a public-public cooperation the facts carry, joint use of personal data in any service."""
    return {
        "rechtsform": fallakte.rechtsform,
        "personalgestellung": any(fakt(d.leistung, d.bewertung, "personalgestellung") is True for d in daten),
        "gemeinsame_aufgabe": all(
            fakt(d.leistung, d.bewertung, "oeffentliche_infrastruktur") is True
            and fakt(d.leistung, d.bewertung, "gemeinsame_oeffentliche_aufgabe") is True
            for d in daten
        ),
        "oeffentlich_oeffentlich": bool(daten) and all(oeffentlich_oeffentlich(d) for d in daten),
        "gemeinsame_datennutzung": any(d.leistung.gemeinsame_datennutzung is True for d in daten),
    }
