"""The inventory-screening page: ``GET /screening`` upload form, ``POST /screening`` result page
with the summary and a sortable table, ``GET /screening/{schluessel}/{datei}`` its downloads
(PDF, XLSX, CSV; answered by the API's ``screening_response``).

Access: open like the form while ``IKZ_OFFENE_BERECHNUNG`` (a screening is computation; its result
is kept only for its downloads), else sign-in. Uploads count against the per-client limit of
expensive work (German 429 page). The result is stored under a random token
(api/screening_store.py) and served only to whoever uploaded it: the signed-in caller, or on the
open page the uploading browser (SHA-256 of its pre-sign-in cookie) — never to anyone holding
the link.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import screening_als_dict
from advisor.screening.spalten import SPALTEN
from api.deps import WebComputation, WebExpensive
from api.identity.principal import Principal
from api.identity.web_access import SignInRequired, return_path
from api.routers.screenings import PDF, screening_response
from api.screening_store import load_screening, store_screening
from api.screening_upload import XLSX, form_file, screen_in_worker
from api.web.ownership import result_owner
from api.web.render import render_page
from screening.auftrag import screen_and_hand_over, uebernehmen, verwerfen

router = APIRouter()

DOWNLOADS = {"bestandsscreening.pdf": PDF, "bestandsscreening.xlsx": XLSX, "bestandsscreening.csv": "text/csv"}


def uploader(request: Request, principal: Principal | None) -> str | None:
    """Who a result belongs to: "nutzer:3" / "schluessel:7", or "browser:<sha256>"; None when
    an anonymous request has no pre-sign-in cookie (no browser page was loaded first)."""
    if principal is not None:
        return principal.client
    browser = result_owner(request, None).browser_sha256
    return f"browser:{browser}" if browser else None


def _seite(status_code: int = 200, **kontext: Any) -> HTMLResponse:
    kontext.setdefault("daten", None)
    return render_page("screening.html", status_code=status_code, aktiv="screening", spalten=SPALTEN, **kontext)


@router.get("/screening")
def screening_page(_principal: WebComputation) -> Response:
    return _seite(screening=None, fehler=None, stichtag_text="")


@router.post("/screening")
async def screening_upload(request: Request, principal: WebComputation, _limit: WebExpensive) -> Response:
    client = uploader(request, principal)
    if client is None:
        raise SignInRequired(return_path(request))
    stichtag_text: str | None = None
    try:
        eingang = await form_file(request, "Bitte eine Bestandsliste (.csv oder .xlsx) auswählen.")
        stichtag_text = eingang.stichtag
        try:
            lauf = uebernehmen(await screen_in_worker(request, eingang, screen_and_hand_over, verwerfen=verwerfen))
        finally:
            eingang.close()
    except UngueltigeEingabe as e:
        return _seite(422, screening=None, fehler=e, stichtag_text=stichtag_text or "")
    screening, titel = lauf.screening, lauf.titel
    try:
        schluessel = await run_in_threadpool(
            store_screening, request.app.state.session_factory, screening, titel, eingang.name, client
        )
        return _seite(
            screening=screening,
            daten=screening_als_dict(screening),
            feldtitel=titel,
            schluessel=schluessel,
            quelle=eingang.name,
            fehler=None,
            stichtag_text=stichtag_text or "",
        )
    finally:
        screening.close()


def _nicht_gespeichert() -> Response:
    fehler = UngueltigeEingabe(
        [Feldproblem("", "Dieses Ergebnis ist nicht mehr gespeichert. Bitte die Bestandsliste erneut hochladen.")],
        "Ergebnis nicht gefunden.",
    )
    return _seite(404, screening=None, fehler=fehler, stichtag_text="")


@router.get("/screening/{schluessel}/{datei}")
async def screening_download(request: Request, principal: WebComputation, schluessel: str, datei: str) -> Response:
    art = DOWNLOADS.get(datei)
    client = uploader(request, principal)
    if art is None or client is None:
        return _nicht_gespeichert()
    gespeichert = await run_in_threadpool(load_screening, request.app.state.read_session_factory, schluessel, client)
    if gespeichert is None:
        return _nicht_gespeichert()
    screening, titel, quelle = gespeichert
    return await screening_response(screening, titel, art, quelle)
