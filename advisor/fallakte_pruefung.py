"""Cross-field checks of a Fallakte that a single field's type cannot express.

Each check returns ``Feldproblem``s with the field path, so that a form can show the message next
to the field and the CLI can print every problem at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Kosten, Leistung, Verteilung
from advisor.fallakte_beteiligte import pruefe_beteiligte, unbekannt

_SCHLUESSEL_MIT_WERTEN = {"fallzahlen", "nutzung", "frei"}


def pruefe_verweise(fallakte: Fallakte) -> list[Feldproblem]:
    """Every problem of ids, references and allocation keys in the case, in document order."""
    probleme: list[Feldproblem] = []
    ids: set[str] = set()
    for i, b in enumerate(fallakte.beteiligte):
        if b.id in ids:
            probleme.append(Feldproblem(f"beteiligte[{i}].id", f"Die Kennung „{b.id}“ ist doppelt vergeben."))
        ids.add(b.id)
    probleme.extend(pruefe_beteiligte(fallakte, ids))
    leistungs_ids: set[str] = set()
    for i, leistung in enumerate(fallakte.leistungen):
        pfad = f"leistungen[{i}]"
        if leistung.id in leistungs_ids:
            probleme.append(Feldproblem(f"{pfad}.id", f"Die Kennung „{leistung.id}“ ist doppelt vergeben."))
        leistungs_ids.add(leistung.id)
        probleme.extend(_pruefe_leistung(fallakte, leistung, pfad, ids))
    return probleme


def _pruefe_leistung(fallakte: Fallakte, leistung: Leistung, pfad: str, ids: set[str]) -> list[Feldproblem]:
    probleme: list[Feldproblem] = []
    if leistung.erbringer not in ids:
        probleme.append(Feldproblem(f"{pfad}.erbringer", unbekannt(leistung.erbringer)))
    gesehen: set[str] = set()
    for j, e in enumerate(leistung.empfaenger):
        if e not in ids:
            probleme.append(Feldproblem(f"{pfad}.empfaenger[{j}]", unbekannt(e)))
        if e in gesehen:
            probleme.append(Feldproblem(f"{pfad}.empfaenger[{j}]", f"„{e}“ ist doppelt als Empfänger genannt."))
        gesehen.add(e)
    kosten = leistung.kosten
    if kosten is None:
        return probleme
    zahler = set(leistung.zahler)
    for feld in ("eigenerstellung", "remanenzkosten"):
        for k in getattr(kosten, feld) or {}:
            if k not in ids:
                probleme.append(Feldproblem(f"{pfad}.kosten.{feld}.{k}", unbekannt(k)))
            elif k not in leistung.empfaenger:
                probleme.append(Feldproblem(f"{pfad}.kosten.{feld}.{k}", f"„{k}“ ist kein Empfänger dieser Leistung."))
    if kosten.verteilung is not None:
        probleme.extend(
            _pruefe_verteilung(fallakte, leistung, kosten.verteilung, f"{pfad}.kosten.verteilung", ids, zahler)
        )
    probleme.extend(_pruefe_abrechnung(kosten, f"{pfad}.kosten.abrechnung"))
    if kosten.kalkulatorischer_zinssatz_prozent and not kosten.anlagen:
        meldung = "Ein kalkulatorischer Zinssatz braucht eine Anlagenliste (anlagen), deren Restwerte verzinst werden."
        probleme.append(Feldproblem(f"{pfad}.kosten.kalkulatorischer_zinssatz_prozent", meldung))
    return probleme


def _pruefe_abrechnung(kosten: Kosten, pfad: str) -> list[Feldproblem]:
    a = kosten.abrechnung
    if a is None:
        return []
    probleme: list[Feldproblem] = []
    if a.faelligkeit is not None and a.abschlaege is None:
        meldung = "Eine Fälligkeit gibt es nur mit einem Abschlagsrhythmus (abschlaege)."
        probleme.append(Feldproblem(f"{pfad}.faelligkeit", meldung))
    if a.faelligkeitstag is not None and a.faelligkeit is None:
        meldung = (
            "Ein Fälligkeitstag braucht die Art der Fälligkeit (faelligkeit: im_voraus, nachschuessig oder "
            "nach_periodenende)."
        )
        probleme.append(Feldproblem(f"{pfad}.faelligkeitstag", meldung))
    if a.faelligkeit == "nach_periodenende" and a.faelligkeitstag is None:
        meldung = "Nach Ablauf der Periode: bitte den Tag des Folgemonats angeben, an dem die Abschläge fällig sind."
        probleme.append(Feldproblem(f"{pfad}.faelligkeitstag", meldung))
    return probleme


def _pruefe_kennungen(
    werte: Mapping[str, object], pfad: str, ids: set[str], zahler: set[str], erbringer: str
) -> list[Feldproblem]:
    probleme: list[Feldproblem] = []
    for k in werte:
        if k not in ids:
            probleme.append(Feldproblem(f"{pfad}.{k}", unbekannt(k)))
        elif k not in zahler:
            hinweis = (
                " Trägt der Erbringer selbst einen Anteil, bitte erbringer_traegt_anteil: true setzen."
                if k == erbringer
                else ""
            )
            probleme.append(Feldproblem(f"{pfad}.{k}", f"„{k}“ zahlt für diese Leistung keinen Anteil.{hinweis}"))
    return probleme


def _pruefe_einwohner(fallakte: Fallakte, zahler: set[str], ids: set[str], schluessel: str) -> list[Feldproblem]:
    probleme: list[Feldproblem] = []
    nach_id = {b.id: (i, b) for i, b in enumerate(fallakte.beteiligte)}
    for k in sorted(zahler & ids):
        i, b = nach_id[k]
        if not b.einwohner:
            probleme.append(
                Feldproblem(
                    f"beteiligte[{i}].einwohner",
                    f"Die Einwohnerzahl von „{b.name}“ fehlt oder ist 0; der Schlüssel „{schluessel}“ braucht sie.",
                )
            )
    return probleme


def _pruefe_werte_je_zahler(
    werte: Mapping[str, object] | None, pfad: str, variable: set[str], schluessel: str
) -> list[Feldproblem]:
    if not werte:
        return [Feldproblem(pfad, f"Der Schlüssel „{schluessel}“ braucht Werte für jeden Zahler.")]
    return [
        Feldproblem(f"{pfad}.{k}", f"Für „{k}“ fehlt der Wert des Schlüssels.") for k in sorted(variable - set(werte))
    ]


def _pruefe_festanteile(v: Verteilung, pfad: str, ids: set[str], zahler: set[str], erbringer: str) -> list[Feldproblem]:
    fest = v.festanteile or {}
    if not fest:
        return []
    probleme = _pruefe_kennungen(fest, f"{pfad}.festanteile", ids, zahler, erbringer)
    if sum(fest.values(), Decimal(0)) >= 100:
        probleme.append(Feldproblem(f"{pfad}.festanteile", "Die Festanteile müssen zusammen unter 100 % bleiben."))
    if zahler and zahler <= set(fest):
        meldung = (
            "Jeder Zahler hat einen Festanteil: für den Rest bleibt niemand; ein Zahler muss nach dem Schlüssel zahlen."
        )
        probleme.append(Feldproblem(f"{pfad}.festanteile", meldung))
    if v.schluessel == "stueckpreis":
        meldung = "Festanteile und Stückpreis schließen sich aus: beim Stückpreis zahlt jeder nach seiner Menge."
        probleme.append(Feldproblem(f"{pfad}.festanteile", meldung))
    return probleme


def _pruefe_bestandteile(
    fallakte: Fallakte, v: Verteilung, pfad: str, ids: set[str], zahler: set[str], variable: set[str], erbringer: str
) -> list[Feldproblem]:
    if v.schluessel != "gemischt":
        if v.bestandteile is not None:
            return [Feldproblem(f"{pfad}.bestandteile", "Bestandteile gelten nur für den Schlüssel „gemischt“.")]
        return []
    if not v.bestandteile:
        meldung = "Der gemischte Schlüssel braucht mindestens zwei Bestandteile mit Gewicht (z. B. 70 % Fahrzeit, 30 % Kilometer)."
        return [Feldproblem(f"{pfad}.bestandteile", meldung)]
    probleme: list[Feldproblem] = []
    summe = sum((b.gewicht_prozent for b in v.bestandteile), Decimal(0))
    if summe != 100:
        meldung = f"Die Gewichte der Bestandteile ergeben {summe} %, nicht 100 %."
        probleme.append(Feldproblem(f"{pfad}.bestandteile", meldung))
    gesehen: set[str] = set()
    for j, b in enumerate(v.bestandteile):
        ort = f"{pfad}.bestandteile[{j}]"
        if b.id in gesehen:
            probleme.append(Feldproblem(f"{ort}.id", f"Die Kennung „{b.id}“ ist doppelt vergeben."))
        gesehen.add(b.id)
        if b.schluessel in _SCHLUESSEL_MIT_WERTEN:
            probleme += _pruefe_kennungen(b.werte or {}, f"{ort}.werte", ids, zahler, erbringer)
            probleme += _pruefe_werte_je_zahler(b.werte, f"{ort}.werte", variable, b.schluessel)
        elif b.werte:
            meldung = f"Der Bestandteil „{b.schluessel}“ verwendet keine Werte; bitte werte entfernen."
            probleme.append(Feldproblem(f"{ort}.werte", meldung))
        if b.schluessel == "einwohner":
            probleme += _pruefe_einwohner(fallakte, variable, ids, "einwohner")
    return probleme


def _pruefe_verteilung(
    fallakte: Fallakte, leistung: Leistung, v: Verteilung, pfad: str, ids: set[str], zahler: set[str]
) -> list[Feldproblem]:
    erbringer = leistung.erbringer
    variable = zahler - set(v.festanteile or {})
    probleme = _pruefe_kennungen(v.werte or {}, f"{pfad}.werte", ids, zahler, erbringer)
    probleme += _pruefe_festanteile(v, pfad, ids, zahler, erbringer)
    probleme += _pruefe_bestandteile(fallakte, v, pfad, ids, zahler, variable, erbringer)
    variabel: str | None
    if v.schluessel == "sockel_plus_variabel":
        if v.sockel_prozent is None:
            probleme.append(Feldproblem(f"{pfad}.sockel_prozent", "Der Sockelanteil in Prozent fehlt."))
        if v.variabler_schluessel is None:
            probleme.append(
                Feldproblem(f"{pfad}.variabler_schluessel", "Der Schlüssel für den variablen Anteil fehlt.")
            )
        variabel = v.variabler_schluessel
    else:
        for feld in ("sockel_prozent", "variabler_schluessel"):
            if getattr(v, feld) is not None:
                probleme.append(Feldproblem(f"{pfad}.{feld}", "Gilt nur für den Schlüssel sockel_plus_variabel."))
        variabel = v.schluessel
    if v.schluessel != "stueckpreis":
        for feld in ("stueckpreis", "mengeneinheit"):
            if getattr(v, feld) is not None:
                probleme.append(Feldproblem(f"{pfad}.{feld}", "Gilt nur für den Schlüssel stueckpreis."))
    if variabel in _SCHLUESSEL_MIT_WERTEN or variabel == "stueckpreis":
        probleme += _pruefe_werte_je_zahler(v.werte, f"{pfad}.werte", variable, variabel)
    elif variabel == "einwohner":
        probleme += _pruefe_einwohner(fallakte, variable, ids, "einwohner")
    nutzt_einwohner = variabel == "einwohner" or any(b.schluessel == "einwohner" for b in v.bestandteile or [])
    if v.einwohner_stichtag is not None and not nutzt_einwohner:
        meldung = "Der Stichtag der Einwohnerzahlen gilt nur für einen Schlüssel nach Einwohnern."
        probleme.append(Feldproblem(f"{pfad}.einwohner_stichtag", meldung))
    if v.restcent_traeger is not None and v.restcent_traeger not in zahler | {erbringer}:
        meldung = (
            f"„{v.restcent_traeger}“ zahlt für diese Leistung nicht; die Restcents kann nur ein Zahler oder der "
            "Erbringer tragen."
        )
        probleme.append(Feldproblem(f"{pfad}.restcent_traeger", meldung))
    return probleme
