"""The web pages' link to the advisor: run the Beratung, and read the catalogue and rate tables for
the form's choices and hints. The rule set and rate tables are the ones the app loaded at start
(``app.state``), the same the JSON API uses.
"""

from __future__ import annotations

from typing import Any

from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.fallakte import Fallakte
from api.web import labels
from api.web.labels import ja_nein


def run_beratung(app_state: Any, fallakte: Fallakte) -> Any:
    """The Beratung (calculation, then assessment with its figures) of a valid case."""
    return berate(fallakte, app_state.regelwerk, app_state.satztabellen)


def beratung_dicts(beratung: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(Bewertung, Kalkulation) of a Beratung in their JSON shapes (money as decimal strings)."""
    kalkulation = None
    if getattr(beratung, "kalkulation", None) is not None:
        from advisor.kosten import kalkulation_als_dict

        kalkulation = kalkulation_als_dict(beratung.kalkulation)
    return bewertung_als_dict(beratung.bewertung), kalkulation


def aufgabenfeld_choices(regelwerk: Any) -> list[tuple[str, str]]:
    """(key, label) of every Aufgabenfeld of the catalogue, by label."""
    return sorted(((k, f.bezeichnung) for k, f in regelwerk.katalog.items()), key=lambda kv: kv[1].lower())


def satzgrundlage_choices(satztabellen: Any) -> list[tuple[str, str]]:
    """(key, label) of every rate table usable as a cost basis, and "eigene_klr" (own figures)."""
    return [
        (k, satztabellen.tabellen[k].titel if k in satztabellen.tabellen else "Eigene Kosten- und Leistungsrechnung")
        for k in satztabellen.satzgrundlagen
    ]


def katalog_hinweise(state: dict[str, Any], regelwerk: Any) -> dict[str, str]:
    """{form field name: "Vorgabe aus dem Katalog …: ja (Quelle)"} for each service whose
    Aufgabenfeld has defaults, at the field of each default fact — so the user sees what the
    catalogue fills in when the field is left at "unbekannt", and can override it."""
    hints: dict[str, str] = {}
    leistungen = state.get("leistungen")
    leistungen = leistungen if isinstance(leistungen, list) else []
    for j, leistung in enumerate(leistungen):
        if not isinstance(leistung, dict):
            continue
        key = str(leistung.get("aufgabenfeld") or "")
        feld = regelwerk.katalog.get(key)
        if feld is None:
            continue
        for fakt, vorgabe in feld.vorgaben.items():
            wert = getattr(vorgabe, "wert", vorgabe)
            quelle = getattr(vorgabe, "quelle", None)
            shown = labels.ANHANG_I.get(str(wert), ja_nein(wert)) if fakt == "anhang_i_taetigkeit" else ja_nein(wert)
            text = f"Vorgabe aus dem Katalog „{feld.bezeichnung}“, wenn leer: {shown}"
            hints[f"leistungen[{j}].{fakt}"] = f"{text} ({quelle})." if quelle else f"{text}."
    return hints


def katalog_beschreibung(regelwerk: Any) -> dict[str, list[str]]:
    """{Aufgabenfeld key: ["<fact label>: ja", …]} — what each field of the catalogue fills in."""
    out: dict[str, list[str]] = {}
    for key, feld in regelwerk.katalog.items():
        out[key] = [
            f"{labels.FAKT_LABELS.get(fakt, fakt)} {ja_nein(getattr(v, 'wert', v))}"
            for fakt, v in feld.vorgaben.items()
        ]
    return out


def normen(regelwerk: Any) -> dict[str, str]:
    """{rule id: norm} for every rule (to name the decisive rule in the live panel)."""
    return {r.id: r.norm for r in regelwerk.regeln}
