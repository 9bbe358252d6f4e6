"""The result pages: an unsaved result (``/ergebnis/<token>``), a saved case's version
(``/faelle/<id>``) and the comparison of two versions. All of them read the advisor's JSON shapes
(Bewertung, Kalkulation); the decision path and the next steps are derived from them.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api.web import advice
from api.web.decision_path import decision_path
from api.web.german_input import format_date
from api.web.next_steps import next_steps
from api.web.render import render_page
from api.web.result_view import leistungen_view
from api.web.unsaved_results import UnsavedResult
from api.web.version_diff import fallakte_unterschiede


def _context(request: Request, daten: dict[str, Any], bewertung: dict[str, Any], kalkulation: Any) -> dict[str, Any]:
    """What every result page shows: services with their decision path, the next steps."""
    regelwerk = request.app.state.regelwerk
    aufgabenfelder = dict(advice.aufgabenfeld_choices(regelwerk))
    stichtag = format_date(str(bewertung.get("regelwerk", {}).get("stichtag") or daten.get("stichtag", "")))
    leistungen = leistungen_view(daten, bewertung, kalkulation)
    for n, lv in enumerate(leistungen, start=1):
        lb = lv["bewertung"]
        lv["weg"] = decision_path(lb, regelwerk, f"leistung-{n}", stichtag, aufgabenfelder) if lb else None
    return {
        "daten": daten,
        "bewertung": bewertung,
        "kalkulation": kalkulation,
        "leistungen": leistungen,
        "naechste_schritte": next_steps(daten, bewertung, kalkulation),
        "aufgabenfelder": aufgabenfelder,
        "partner": {str(b.get("id")): str(b.get("name")) for b in daten.get("beteiligte", [])},
        "tabellentitel": dict(advice.satzgrundlage_choices(request.app.state.satztabellen)),
    }


def unsaved_result_page(request: Request, ergebnis: UnsavedResult) -> Response:
    """The result of the form before saving, with "Fall speichern" and "Angaben ändern"."""
    return render_page(
        "ergebnis.html",
        aktiv="formular",
        fall=None,
        neueste=None,
        gespeichert=None,
        ergebnis=ergebnis,
        basis=f"/ergebnis/{ergebnis.token}",
        **_context(request, ergebnis.fallakte_daten, ergebnis.bewertung, ergebnis.kalkulation),
    )


def saved_result_page(
    request: Request,
    saved: Any,
    *,
    neueste: int,
    gespeichert: int | None,
    freigaben: list[tuple[str, str, str]],
    freigabe_kandidaten: list[tuple[str, str]],
    darf_teilen: bool,
    freigabe_meldung: str | None = None,
) -> Response:
    """A saved version of a case, as it was assessed when saved, with its shares: those of the
    owner (``freigaben``: Kennung, name, kind) and, for a caller who may share, the partners named
    in the case it could be shared with (``freigabe_kandidaten``)."""
    return render_page(
        "ergebnis.html",
        aktiv="faelle",
        fall=saved,
        neueste=neueste,
        gespeichert=gespeichert,
        ergebnis=None,
        basis=f"/faelle/{saved.case_id}",
        freigaben=freigaben,
        freigabe_kandidaten=freigabe_kandidaten,
        darf_teilen=darf_teilen,
        freigabe_meldung=freigabe_meldung,
        **_context(request, saved.fallakte_daten, saved.bewertung, saved.kalkulation),
    )


def comparison_page(alt: Any, neu: Any) -> Response:
    """Two versions of a case side by side: results per service and every changed field."""
    return render_page(
        "vergleich.html",
        aktiv="faelle",
        alt=alt,
        neu=neu,
        unterschiede=fallakte_unterschiede(alt.fallakte_daten, neu.fallakte_daten),
        leistungen_alt={
            lv["fallakte"]["id"]: lv for lv in leistungen_view(alt.fallakte_daten, alt.bewertung, alt.kalkulation)
        },
        leistungen_neu=leistungen_view(neu.fallakte_daten, neu.bewertung, neu.kalkulation),
    )
