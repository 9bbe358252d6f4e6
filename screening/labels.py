"""German labels for the screening's exports, report and page (presentation only)."""

from __future__ import annotations

ERGEBNISSE: dict[str, str] = {
    "steuerpflichtig": "steuerpflichtig",
    "offen": "offen",
    "steuerfrei": "steuerfrei",
    "nicht_steuerbar": "nicht steuerbar",
}
RISIKEN: dict[str, str] = {"hoch": "hoch", "mittel": "mittel", "gering": "gering"}
RECHTSFORMEN: dict[str, str] = {
    "oerv_delegierend": "ÖrV delegierend",
    "oerv_mandatierend": "ÖrV mandatierend",
    "zweckverband": "Zweckverband",
    "gemeinsames_kommunalunternehmen": "Gemeinsames Kommunalunternehmen",
    "arbeitsgemeinschaft": "Arbeitsgemeinschaft",
    "verwaltungsvereinbarung": "Verwaltungsvereinbarung",
    "gesetzliche_zuweisung": "Gesetzliche Zuweisung",
    "privatrechtlicher_vertrag": "Privatrechtlicher Vertrag",
}
FAKTEN: dict[str, str] = {
    "umsatz_gleichartige_taetigkeiten": "Umsatz gleichartiger Tätigkeiten",
    "anteil_leistungen_an_jpoer_prozent": "Anteil an jPöR",
}


def label(tabelle: dict[str, str], key: str) -> str:
    """The label, or the key itself for a value without one (never an error in a report)."""
    return tabelle.get(key, key)
