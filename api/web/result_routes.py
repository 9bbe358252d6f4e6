"""Routes of an unsaved result (post/redirect/get). The URL holds only a random token, never case
content; the result itself is stored server-side (api/web/unsaved_results.py), bound to whoever
created it: the signed-in caller's organisation, or on the open form the creating browser.
Anyone else gets the same "not (any more) there" page as for an unknown token.

- ``GET /ergebnis/{token}``                  the result page (bookmarkable, reload-safe)
- ``POST /ergebnis/{token}/speichern``       "Fall speichern" (sign-in required): a new case of the
                                             caller's organisation, or a new version of the case
                                             the form was editing; 303 to ``/faelle/{id}``
- ``GET /ergebnis/{token}/bearbeiten``       back to the form with the case
- ``GET /ergebnis/{token}/download/{datei}`` the downloads of the result (rate-limited like the
                                             API's documents)

Open like the form while ``IKZ_OFFENE_BERECHNUNG`` (the result stores nothing beyond itself).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from advisor.parsing import fallakte_aus_dict
from api.cases import CaseStoreError, fallakte_als_dict
from api.deps import DbSession, ReadSession, WebComputation, WebUser
from api.identity.principal import Principal
from api.identity.web_access import SignInRequired, return_path, web_expensive
from api.web import advice, pages
from api.web.downloads import DATEIEN, download_response
from api.web.ownership import result_owner, save_case
from api.web.result_pages import unsaved_result_page
from api.web.unsaved_results import UnsavedResult, load_result, store_result

router = APIRouter()

NICHT_MEHR_DA = (
    "Dieses Ergebnis ist nicht (mehr) vorhanden. Ungespeicherte Ergebnisse werden 30 Tage aufbewahrt; "
    "bitte erstellen Sie es im Formular neu."
)


def store_and_redirect(
    request: Request,
    session: Session,
    principal: Principal | None,
    geprueft: Any,
    fall_id: int | None,
    version: int | None,
) -> Response:
    """Store the checked case's result for its creator and answer 303 to its page. An anonymous
    browser without its pre-sign-in cookie cannot own a result: it is sent to sign in."""
    owner = result_owner(request, principal)
    if owner.organisation_id is None and owner.browser_sha256 is None:
        raise SignInRequired(return_path(request))
    bewertung, kalkulation = advice.beratung_dicts(geprueft.beratung)
    token = store_result(
        session,
        fallakte_als_dict(geprueft.fallakte),
        bewertung,
        kalkulation,
        owner=owner,
        fall_id=fall_id,
        fall_version=version,
    )
    return RedirectResponse(f"/ergebnis/{token}", status_code=303)


def _load(request: Request, session: Session, principal: Principal | None, token: str) -> UnsavedResult | None:
    result = load_result(session, token, result_owner(request, principal))
    session.rollback()
    return result


@router.get("/ergebnis/{token}")
def ergebnis(request: Request, principal: WebComputation, session: ReadSession, token: str) -> Response:
    gespeichert = _load(request, session, principal, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    return unsaved_result_page(request, gespeichert)


@router.post("/ergebnis/{token}/speichern")
def ergebnis_speichern(
    request: Request,
    principal: WebUser,
    read: ReadSession,
    session: DbSession,
    token: str,
    notiz: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    text = notiz.strip()[:500] if notiz and notiz.strip() else None
    gespeichert = _load(request, read, principal, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    fallakte = fallakte_aus_dict(gespeichert.fallakte_daten)
    beratung = advice.run_beratung(request.app.state, fallakte)
    try:
        saved = save_case(
            session,
            principal,
            fallakte,
            beratung,
            fall_id=gespeichert.fall_id,
            version=gespeichert.fall_version,
            notiz=text,
        )
    except CaseStoreError as e:
        return pages.not_found(f"Der Fall konnte nicht gespeichert werden. {e.detail}", status_code=409)
    return RedirectResponse(f"/faelle/{saved.case_id}?gespeichert={saved.number}", status_code=303)


@router.get("/ergebnis/{token}/bearbeiten")
def ergebnis_bearbeiten(request: Request, principal: WebComputation, session: ReadSession, token: str) -> Response:
    gespeichert = _load(request, session, principal, token)
    if gespeichert is None:
        return pages.not_found(NICHT_MEHR_DA)
    fallakte = fallakte_aus_dict(gespeichert.fallakte_daten)
    return pages.form_page(
        request,
        pages.state_from_fallakte(fallakte),
        live=True,
        fall_id=gespeichert.fall_id,
        version=gespeichert.fall_version,
    )


@router.get("/ergebnis/{token}/download/{datei}", dependencies=[Depends(web_expensive)])
async def ergebnis_download(
    request: Request, principal: WebComputation, session: ReadSession, token: str, datei: str
) -> Response:
    gespeichert = await run_in_threadpool(_load, request, session, principal, token)
    if gespeichert is None or datei not in DATEIEN:
        return pages.not_found(NICHT_MEHR_DA if gespeichert is None else "Diese Datei gibt es nicht.")
    return await download_response(request, datei, fallakte_aus_dict(gespeichert.fallakte_daten), gespeichert)
