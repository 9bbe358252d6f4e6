"""Cross-field checks of a Fallakte that a single field's type cannot express.

Each check returns ``Feldproblem``s with the field path, so that a form can show the message next
to the field and the CLI can print every problem at once.
"""

from __future__ import annotations

from advisor.errors import Feldproblem
from advisor.fallakte import Beteiligter, Fallakte, Leistung

_SCHLUESSEL_MIT_WERTEN = {"fallzahlen", "nutzung", "frei"}
#: Kinds of party that have members or owners of their own (§ 4 Nr. 29 UStG: an association).
_MIT_MITGLIEDERN = {"zweckverband", "anstalt_oeffentlichen_rechts", "sonstige_jpoer"}


def pruefe_verweise(fallakte: Fallakte) -> list[Feldproblem]:
    """Every problem of ids, references and allocation keys in the case, in document order."""
    probleme: list[Feldproblem] = []
    ids: set[str] = set()
    for i, b in enumerate(fallakte.beteiligte):
        if b.id in ids:
            probleme.append(Feldproblem(f"beteiligte[{i}].id", f"Die Kennung „{b.id}“ ist doppelt vergeben."))
        ids.add(b.id)
    for i, b in enumerate(fallakte.beteiligte):
        probleme.extend(_pruefe_mitglieder(b, f"beteiligte[{i}]", ids))
    leistungs_ids: set[str] = set()
    for i, leistung in enumerate(fallakte.leistungen):
        pfad = f"leistungen[{i}]"
        if leistung.id in leistungs_ids:
            probleme.append(Feldproblem(f"{pfad}.id", f"Die Kennung „{leistung.id}“ ist doppelt vergeben."))
        leistungs_ids.add(leistung.id)
        probleme.extend(_pruefe_leistung(fallakte, leistung, pfad, ids))
    return probleme


def _pruefe_mitglieder(b: Beteiligter, pfad: str, ids: set[str]) -> list[Feldproblem]:
    """Members or owners are named only for an association, refer to other parties, and are no more
    than the stated total."""
    probleme: list[Feldproblem] = []
    if (b.mitglieder is not None or b.anzahl_mitglieder is not None) and b.art not in _MIT_MITGLIEDERN:
        feld = "mitglieder" if b.mitglieder is not None else "anzahl_mitglieder"
        probleme.append(
            Feldproblem(
                f"{pfad}.{feld}",
                "Mitglieder oder Träger gibt es nur bei einem Zweckverband, einer Anstalt oder einer sonstigen "
                "juristischen Person des öffentlichen Rechts.",
            )
        )
    gesehen: set[str] = set()
    for j, m in enumerate(b.mitglieder or []):
        if m not in ids:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", _unbekannt(m)))
        elif m == b.id:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", "Ein Beteiligter ist nicht sein eigenes Mitglied."))
        elif m in gesehen:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", f"„{m}“ ist doppelt als Mitglied genannt."))
        gesehen.add(m)
    if b.mitglieder is not None and b.anzahl_mitglieder is not None and b.anzahl_mitglieder < len(b.mitglieder):
        probleme.append(
            Feldproblem(
                f"{pfad}.anzahl_mitglieder",
                f"Die Zahl der Mitglieder ({b.anzahl_mitglieder}) ist kleiner als die der genannten ({len(b.mitglieder)}).",
            )
        )
    return probleme


def _unbekannt(kennung: str) -> str:
    return f"„{kennung}“ ist kein Beteiligter dieser Fallakte (unter beteiligte fehlt diese Kennung)."


def _pruefe_leistung(fallakte: Fallakte, leistung: Leistung, pfad: str, ids: set[str]) -> list[Feldproblem]:
    probleme: list[Feldproblem] = []
    if leistung.erbringer not in ids:
        probleme.append(Feldproblem(f"{pfad}.erbringer", _unbekannt(leistung.erbringer)))
    gesehen: set[str] = set()
    for j, e in enumerate(leistung.empfaenger):
        if e not in ids:
            probleme.append(Feldproblem(f"{pfad}.empfaenger[{j}]", _unbekannt(e)))
        elif e == leistung.erbringer:
            probleme.append(
                Feldproblem(
                    f"{pfad}.empfaenger[{j}]",
                    "Erbringer und Empfänger sind dieselbe Person. Innerhalb einer juristischen Person "
                    "gibt es keine steuerbare Leistung (Innenumsatz); bitte nur andere Beteiligte als "
                    "Empfänger angeben.",
                )
            )
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
                probleme.append(Feldproblem(f"{pfad}.kosten.{feld}.{k}", _unbekannt(k)))
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
            probleme.append(Feldproblem(f"{pfad}.werte.{k}", _unbekannt(k)))
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
