"""Cross-field checks of a Fallakte that a single field's type cannot express.

Each check returns ``Feldproblem``s with the field path, so that a form can show the message next
to the field and the CLI can print every problem at once.
"""

from __future__ import annotations

from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Leistung
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
        probleme.extend(_pruefe_verteilung(fallakte, leistung, f"{pfad}.kosten.verteilung", ids, zahler))
    return probleme


def _pruefe_verteilung(
    fallakte: Fallakte, leistung: Leistung, pfad: str, ids: set[str], zahler: set[str]
) -> list[Feldproblem]:
    v = leistung.kosten.verteilung  # type: ignore[union-attr]
    probleme: list[Feldproblem] = []
    for k in v.werte or {}:
        if k not in ids:
            probleme.append(Feldproblem(f"{pfad}.werte.{k}", unbekannt(k)))
        elif k not in zahler:
            hinweis = (
                " Trägt der Erbringer selbst einen Anteil, bitte erbringer_traegt_anteil: true setzen."
                if k == leistung.erbringer
                else ""
            )
            probleme.append(Feldproblem(f"{pfad}.werte.{k}", f"„{k}“ zahlt für diese Leistung keinen Anteil.{hinweis}"))
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
    if variabel in _SCHLUESSEL_MIT_WERTEN:
        if not v.werte:
            probleme.append(Feldproblem(f"{pfad}.werte", f"Der Schlüssel „{variabel}“ braucht Werte für jeden Zahler."))
        else:
            for k in sorted(zahler - set(v.werte)):
                probleme.append(Feldproblem(f"{pfad}.werte.{k}", f"Für „{k}“ fehlt der Wert des Schlüssels."))
    elif variabel == "einwohner":
        nach_id = {b.id: (i, b) for i, b in enumerate(fallakte.beteiligte)}
        for k in sorted(zahler & ids):
            i, b = nach_id[k]
            if not b.einwohner:
                probleme.append(
                    Feldproblem(
                        f"beteiligte[{i}].einwohner",
                        f"Die Einwohnerzahl von „{b.name}“ fehlt oder ist 0; der Schlüssel „einwohner“ braucht sie.",
                    )
                )
    return probleme
