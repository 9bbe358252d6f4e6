"""Fallakte field paths and values in the users' words: "leistungen[0].kosten.positionen[1].betrag"
→ "Leistung 1 (Entgeltabrechnung) › Position 2 › Betrag (Euro je Jahr)", "48000.00" → "48.000,00 €".

Used wherever a person reads about a field: the error summary, the error pages, the version
comparison. The labels are those of ``advisor.bezeichnungen.FELDER`` (the form's own words); a
field without a label (a new one) is shown by its key rather than hidden.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from advisor.bezeichnungen import AUSWAHLFELDER, FELDER, ZEILEN
from api.web.german_input import format_date, format_money, format_number

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
#: Dictionaries keyed by partner id: their keys are partners, not field names.
_PARTNERTABELLEN = {"werte", "festanteile", "eigenerstellung", "remanenzkosten"}
_BETRAEGE = {
    "leistungen[].umsatz_gleichartige_taetigkeiten",
    "leistungen[].kosten.positionen[].betrag",
    "leistungen[].kosten.positionen[].vorsteuer",
    "leistungen[].kosten.sachkostenpauschale_je_vzae",
    "leistungen[].kosten.eigenerstellung.*",
    "leistungen[].kosten.remanenzkosten.*",
    "leistungen[].kosten.verteilung.stueckpreis",
    "leistungen[].kosten.anlagen[].anschaffungskosten",
    "leistungen[].kosten.anlagen[].vorsteuer",
    "leistungen[].kosten.anlagen[].wiederbeschaffungswert",
    "leistungen[].kosten.anlagen[].fremdkapitalzinsen",
}
_PROZENTE = {
    "leistungen[].anteil_leistungen_an_jpoer_prozent",
    "leistungen[].kosten.gemeinkostenzuschlag_prozent",
    "leistungen[].kosten.gewinnaufschlag_prozent",
    "leistungen[].kosten.verteilung.sockel_prozent",
    "leistungen[].kosten.verteilung.festanteile.*",
    "leistungen[].kosten.verteilung.bestandteile[].gewicht_prozent",
    "leistungen[].kosten.anlagen[].eigenkapitalanteil_prozent",
    "leistungen[].kosten.kalkulatorischer_zinssatz_prozent",
    "leistungen[].kosten.fortschreibung[].prozent",
}
_DATEN = {
    "stichtag",
    "leistungen[].laufzeit.beginn",
    "leistungen[].laufzeit.letzter_tag",
    "leistungen[].laufzeit.ende",
    "leistungen[].kosten.verteilung.einwohner_stichtag",
    "leistungen[].kosten.anlagen[].anschaffung",
    "leistungen[].kosten.fortschreibung[].ab",
}
_PARTNERFELDER = {
    "leistungen[].erbringer",
    "leistungen[].empfaenger",
    "leistungen[].kosten.verteilung.restcent_traeger",
    "beteiligte[].mitglieder",
    "beteiligte[].rechtstraeger",
}


def _segments(pfad: str) -> list[str | int]:
    return [int(m.group(2)) if m.group(2) is not None else m.group(1) for m in _SEGMENT.finditer(pfad)]


def generic_path(pfad: str) -> str:
    """ "leistungen[0].kosten.verteilung.werte.stadt-a" → "leistungen[].kosten.verteilung.werte.*"."""
    out = ""
    vorher: str | int | None = None
    for seg in _segments(pfad):
        if isinstance(seg, int):
            out += "[]"
        elif vorher in _PARTNERTABELLEN:
            out += ".*"
        else:
            out += f".{seg}" if out else seg
        vorher = seg
    return out


def field_label(pfad: str) -> str:
    """The label of the field at ``pfad`` (any row), or its last key when it has none."""
    generic = generic_path(pfad)
    if generic in FELDER:
        return FELDER[generic]
    last = next((s for s in reversed(_segments(pfad)) if isinstance(s, str)), pfad)
    return str(last)


def pfad_lesbar(pfad: str, daten: dict[str, Any] | None = None) -> str:
    """A Fallakte path as a person reads it: the rows it passes (with their names where ``daten``,
    the Fallakte as a dict, knows them) and the field's label, joined by "›"."""
    if not pfad:
        return ""
    daten = daten or {}
    namen = partner_names(daten)
    segs = _segments(pfad)
    teile: list[str] = []
    knoten: Any = daten
    generic = ""
    for i, seg in enumerate(segs):
        letzte = i == len(segs) - 1
        if isinstance(seg, int):
            liste = str(segs[i - 1]) if i else ""
            zeile = knoten[seg] if isinstance(knoten, list) and seg < len(knoten) else None
            name = ""
            if isinstance(zeile, dict):
                name = str(zeile.get("name") or zeile.get("bezeichnung") or "")
            if liste in ZEILEN:
                if teile and teile[-1] == FELDER.get(generic, None):
                    teile.pop()  # "Kostenpositionen › Position 2" says it twice
                teile.append(f"{ZEILEN[liste]} {seg + 1}" + (f" ({name})" if name else ""))
            else:
                teile.append(f"Eintrag {seg + 1}")
            generic += "[]"
            knoten = zeile
            continue
        vorher = segs[i - 1] if i else None
        if vorher in _PARTNERTABELLEN:
            generic += ".*"
            teile[-1] = f"{FELDER.get(generic, teile[-1])} – {namen.get(seg, seg)}"
            continue
        generic = f"{generic}.{seg}" if generic else seg
        knoten = knoten.get(seg) if isinstance(knoten, dict) else None
        if letzte or seg in _PARTNERTABELLEN or generic in ("beteiligte", "leistungen"):
            teile.append(FELDER.get(generic, seg))
    return " › ".join(teile)


def partner_names(daten: dict[str, Any]) -> dict[str, str]:
    """{partner id: name} of a Fallakte dict."""
    out = {}
    for b in daten.get("beteiligte", []) if isinstance(daten.get("beteiligte"), list) else []:
        if isinstance(b, dict) and b.get("id"):
            out[str(b["id"])] = str(b.get("name") or b["id"])
    return out


def wert_lesbar(pfad: str, value: Any, namen: dict[str, str] | None = None) -> str:
    """A Fallakte value as a person reads it: labels for choices, names for partners, German
    numbers, amounts and dates; "–" for a value not given."""
    namen = namen or {}
    generic = generic_path(pfad)
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return "ja"
    if value is False:
        return "nein"
    if generic in _PARTNERFELDER:
        werte = value if isinstance(value, list) else [value]
        return ", ".join(namen.get(str(v), str(v)) for v in werte)
    if generic in AUSWAHLFELDER:
        return AUSWAHLFELDER[generic].get(str(value), str(value))
    if generic in _DATEN:
        return format_date(value if isinstance(value, date) else str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    zahl = _decimal(value) if generic in _BETRAEGE | _PROZENTE or isinstance(value, int | float) else None
    if zahl is not None:
        if generic in _BETRAEGE:
            return format_money(zahl)
        if generic in _PROZENTE:
            return f"{format_number(zahl)}\u00a0%"
        return format_number(zahl)
    if isinstance(value, str) and generic.endswith(".*"):
        zahl = _decimal(value)
        if zahl is not None:
            return format_number(zahl)
    return str(value)


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
