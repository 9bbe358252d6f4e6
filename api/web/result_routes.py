"""Routes of an unsaved result (post/redirect/get). The URL holds only a random token, never case
content; the result itself is stored server-side (api/web/unsaved_results.py).

- ``GET /ergebnis/{token}``                  the result page (bookmarkable, reload-safe)
- ``POST /ergebnis/{token}/speichern``       "Fall speichern": a new case, or a new version of the
                                             case the form was editing; 303 to ``/faelle/{id}``
- ``GET /ergebnis/{token}/bearbeiten``       back to the form with the case
- ``GET /ergebnis/{token}/download/{datei}`` the downloads of the result
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from advisor.parsing import fallakte_aus_daten
from api.cases import CaseStoreError, create_case, fallakte_als_daten, update_case
from api.web import advice, pages
from api.web.downloads import DATEIEN, download_response
from api.web.result_pages import unsaved_result_page
from api.web.unsaved_results import UnsavedResult, load_result, store_result

router = APIRouter()

NICHT_MEHR_DA = (
    "Dieses Ergebnis ist nicht (mehr) vorhanden. Ungespeicherte Ergebnisse werden 30 Tage aufbewahrt; "
    "bitte erstellen Sie es im Formular neu."
)


def store_and_redirect(request: Request, geprueft: Any, fall_id: int | None, version: int | None) -> Response:
    """Store the checked case's result and answer 303 to its page."""
    bewertung, kalkulation = advice.beratung_dicts(geprueft.beratung)
    with request.app.state.session_factory() as session:
        token = store_result(
            session,
            fallakte_als_daten(geprueft.fallakte),
            bewertung,
            kalkulation,
            fall_id=fall_id,
            fall_version=version,
        )
    return RedirectResponse(f"/ergebnis/{token}", status_code=303)


def _load(request: Request, token: str) -> UnsavedResult | None:
    with request.app.state.session_factory() as session:
        return load_result(session, token)


@router.get("/ergebnis/{token}")
def ergebnis(request: Request, token: str) -> Response:
    gespeichert = _load(request, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    return unsaved_result_page(request, gespeichert)


@router.post("/ergebnis/{token}/speichern")
async def ergebnis_speichern(request: Request, token: str) -> Response:
    async with request.form(max_fields=20) as form:
        notiz_feld = form.get("notiz")
    notiz = notiz_feld.strip()[:500] if isinstance(notiz_feld, str) and notiz_feld.strip() else None
    gespeichert = _load(request, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    fallakte = fallakte_aus_daten(gespeichert.fallakte_daten)
    beratung = advice.run_beratung(request.app.state, fallakte)
    with request.app.state.session_factory() as session:
        try:
            if gespeichert.fall_id is None:
                saved = create_case(session, fallakte, beratung, note=notiz)
            else:
                saved = update_case(
                    session,
                    gespeichert.fall_id,
                    fallakte,
                    beratung,
                    note=notiz,
                    expected_version=gespeichert.fall_version,
                )
        except CaseStoreError as e:
            return pages.not_found(f"Der Fall konnte nicht gespeichert werden. {e.detail}", status_code=409)
    return RedirectResponse(f"/faelle/{saved.case_id}?gespeichert={saved.number}", status_code=303)


@router.get("/ergebnis/{token}/bearbeiten")
def ergebnis_bearbeiten(request: Request, token: str) -> Response:
    gespeichert = _load(request, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    fallakte = fallakte_aus_daten(gespeichert.fallakte_daten)
    return pages.form_page(
        request,
        pages.state_from_fallakte(fallakte),
        live=True,
        fall_id=gespeichert.fall_id,
        version=gespeichert.fall_version,
    )


@router.get("/ergebnis/{token}/download/{datei}")
async def ergebnis_download(request: Request, token: str, datei: str) -> Response:
    gespeichert = _load(request, token)
    if gespeichert is None or datei not in DATEIEN:
        return pages.not_found(NICHT_MEHR_DA if gespeichert is None else "Diese Datei gibt es nicht.")
    return await download_response(request, datei, fallakte_aus_daten(gespeichert.fallakte_daten), gespeichert)
