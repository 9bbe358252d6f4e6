"""Contradictions between the form's answers, warned at the fields concerned (not errors: the
case can still be assessed, but one of the answers is probably wrong).

- A mandating agreement keeps the task with the body that delegates the work (§ 23 Abs. 1 Alt. 2
  GkG NRW); "befreiend = ja" contradicts it.
"""

from __future__ import annotations

from typing import Any

MANDATIERT_UND_BEFREIEND = (
    "Widerspruch: Bei einer mandatierenden Vereinbarung bleibt die Aufgabe bei den Empfängern; eine "
    "befreiende Übertragung setzt eine delegierende Vereinbarung, einen Zweckverband oder ein gemeinsames "
    "Kommunalunternehmen voraus. Bitte Rechtsform oder „befreiende Wirkung“ prüfen."
)


def widersprueche(state: dict[str, Any]) -> dict[str, list[str]]:
    """{form field name: [warning]} for every contradiction in the form state."""
    warnungen: dict[str, list[str]] = {}
    zeilen = state.get("leistungen")
    leistungen: list[Any] = zeilen if isinstance(zeilen, list) else []
    if state.get("rechtsform") == "oerv_mandatierend":
        for j, leistung in enumerate(leistungen):
            if isinstance(leistung, dict) and leistung.get("aufgabenuebertragung_befreiend") == "ja":
                warnungen.setdefault("rechtsform", [MANDATIERT_UND_BEFREIEND])
                warnungen[f"leistungen[{j}].aufgabenuebertragung_befreiend"] = [MANDATIERT_UND_BEFREIEND]
    return warnungen
