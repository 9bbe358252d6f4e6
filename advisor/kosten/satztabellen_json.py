"""A rate table as JSON ("ikz-satztabelle/1"): what it says about itself and the derived rows.

For the API (list of the tables, check of an uploaded one) and the web page: source, date,
verification status, rounding and weekly hours, and per grade the hourly rate with the annual
personnel cost per VZÄ that a calculation uses.
"""

from __future__ import annotations

from typing import Any

from advisor.kosten.satztabellen_modell import Satztabelle


def _zahl(wert: Any) -> str | None:
    return None if wert is None else format(wert, "f")


def satztabelle_als_dict(t: Satztabelle) -> dict[str, Any]:
    """The table's facts and its rows (money and numbers as strings; serialise with sorted keys)."""
    return {
        "format": "ikz-satztabelle/1",
        "id": t.id,
        "titel": t.titel,
        "art": t.art,
        "als_satzgrundlage": t.als_satzgrundlage,
        "eigene": t.eigene,
        "stand": t.stand.isoformat() if t.stand else None,
        "bezugsjahre": list(t.bezugsjahre),
        "quelle": t.quelle,
        "geprueft": t.geprueft,
        "zuletzt_geprueft": t.zuletzt_geprueft.isoformat(),
        "hinweise": list(t.hinweise),
        "sachkosten_je_arbeitsplatz": _zahl(t.sachkosten_je_arbeitsplatz),
        "gemeinkostenzuschlag_buero_prozent": _zahl(t.gemeinkostenzuschlag_buero_prozent),
        "gemeinkostenzuschlag_nicht_buero_prozent": _zahl(t.gemeinkostenzuschlag_nicht_buero_prozent),
        "rundung_jahreskosten": _zahl(t.rundung_jahreskosten),
        "wochenarbeitszeit": (
            {"tarifbeschaeftigte": _zahl(t.wochenarbeitszeit[0]), "beamte": _zahl(t.wochenarbeitszeit[1])}
            if t.wochenarbeitszeit
            else None
        ),
        "saetze": [
            {
                "gruppe": s.gruppe,
                "laufbahn": s.laufbahn,
                "stundensatz": _zahl(s.stundensatz),
                "jahresarbeitsstunden": _zahl(s.jahresarbeitsstunden),
                "jahreskosten_je_vzae": _zahl(s.jahreskosten_je_vzae),
                "geprueft": s.geprueft,
                "hinweis": s.hinweis,
            }
            for s in t.personalsaetze.values()
        ],
        "richtwerte": [
            {
                "jahr": r.jahr,
                "quelle": r.quelle,
                "geprueft": r.geprueft,
                "saetze": {k: _zahl(v) for k, v in r.saetze.items()},
            }
            for r in t.richtwerte
        ],
    }
