"""The web form for finance officers: server-rendered German pages over the advisor.

Pages (all HTML; the JSON API lives under /api/v1):

- ``GET /``                       start: new case, examples, import, recently saved cases
- ``GET /formular``               the five-step form (``?beispiel=<name>`` starts from an example)
- ``POST /formular``              the form's buttons: add/remove rows, re-check, save, and show the
                                  result (stored, then 303 to ``/ergebnis/<token>``: post/redirect/get)
- ``POST /formular/live``         the live assessment while typing: JSON with the panel's HTML,
                                  the open questions and catalogue defaults per field id
- ``/ergebnis/<token>…``          an unsaved result, its save and edit actions and downloads
                                  (api/web/result_routes.py)
- ``GET|POST /import``            load a Fallakte file (YAML/JSON) into the form
- ``GET /faelle``                 saved cases with result and date
- ``GET /faelle/{id}``            a saved case's result (``?version=n``)
- ``GET /faelle/{id}/bearbeiten`` the form for a new version
- ``GET /faelle/{id}/versionen``  its versions; ``…/vergleich?a=1&b=2`` compares two
- ``GET /faelle/{id}/download/{datei}`` downloads of a saved version
- ``GET /barrierefreiheit``       the accessibility statement (BITV 2.0)

Errors never reach the user as a traceback or English JSON: invalid input is shown at its field
in German; every other error is a German page (api/web/error_pages.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from advisor.errors import Feldproblem, UngueltigeEingabe
from api.cases import CaseStoreError, create_case, get_case, get_version, list_cases, list_versions, update_case
from api.web import pages, result_pages, result_routes
from api.web.downloads import DATEIEN, download_response
from api.web.form_state import apply_action, empty_state, nest, removal_message
from api.web.render import render_page

router = APIRouter()
router.include_router(result_routes.router)

MAX_FORM_FIELDS = 20_000


async def form_items(request: Request) -> list[tuple[str, str]]:
    form = await request.form(max_fields=MAX_FORM_FIELDS)
    return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]


def _first(items: list[tuple[str, str]], key: str) -> str:
    return next((v for k, v in items if k == key), "")


def _int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


# --- start page and form -----------------------------------------------------------------------


@router.get("/")
def start(request: Request) -> Response:
    with request.app.state.session_factory() as session:
        faelle = list_cases(session, limit=10).cases
    return render_page("start.html", aktiv="start", beispiele=pages.beispiele(request), faelle=faelle)


@router.get("/formular")
def formular(request: Request, beispiel: str | None = None) -> Response:
    if beispiel:
        fallakte = pages.beispiel_fallakte(request, beispiel)
        if fallakte is None:
            return pages.not_found(f"Es gibt kein Beispiel „{beispiel}“.")
        return pages.form_page(request, pages.state_from_fallakte(fallakte), live=True)
    return pages.form_page(request, empty_state(), live=False)


@router.post("/formular")
async def formular_absenden(request: Request) -> Response:
    items = await form_items(request)
    state = nest(items)
    aktion = _first(items, "aktion") or "aktualisieren"
    fall_id = _int_or_none(_first(items, "fall_id"))
    version = _int_or_none(_first(items, "fall_version"))
    notiz = _first(items, "notiz").strip() or None
    if aktion in ("pruefen", "speichern"):
        geprueft = pages.check_form(request, state)
        if geprueft.fallakte is None:
            return pages.form_page(
                request,
                state,
                fall_id=fall_id,
                version=version,
                fehler=geprueft,
                notiz=notiz or "",
                status_code=422,
                ungespeichert=True,
            )
        if aktion == "pruefen":
            return result_routes.store_and_redirect(request, geprueft, fall_id, version)
        return _save(request, geprueft, fall_id, version, notiz, state)
    fokus = apply_action(state, aktion) if aktion != "aktualisieren" else None
    return pages.form_page(
        request,
        state,
        fall_id=fall_id,
        version=version,
        fokus=fokus,
        fokus_meldung=removal_message(aktion),
        live=True,
        notiz=notiz or "",
        ungespeichert=True,
    )


def _save(
    request: Request, geprueft: Any, fall_id: int | None, version: int | None, notiz: str | None, state: dict[str, Any]
) -> Response:
    with request.app.state.session_factory() as session:
        try:
            if fall_id is None:
                saved = create_case(session, geprueft.fallakte, geprueft.beratung, note=notiz)
            else:
                saved = update_case(
                    session, fall_id, geprueft.fallakte, geprueft.beratung, note=notiz, expected_version=version
                )
        except CaseStoreError as e:
            problem = UngueltigeEingabe([Feldproblem("", e.detail)], "Der Fall konnte nicht gespeichert werden.")
            return pages.form_page(
                request,
                state,
                fall_id=fall_id,
                version=version,
                fehler=pages.Pruefung(None, None, problem, {}),
                notiz=notiz or "",
                status_code=409,
                ungespeichert=True,
            )
    return RedirectResponse(f"/faelle/{saved.case_id}?gespeichert={saved.number}", status_code=303)


@router.post("/formular/live")
async def formular_live(request: Request) -> Response:
    items = await form_items(request)
    return pages.live_response(request, nest(items))


# --- import -------------------------------------------------------------------------------------


@router.get("/import")
def import_form(request: Request) -> Response:
    return render_page("import.html", aktiv="import", probleme=[], text="")


@router.post("/import")
async def import_upload(request: Request) -> Response:
    async with request.form(max_fields=10, max_files=1) as form:
        datei = form.get("datei")
        text = form.get("text")
        eingefuegt = text if isinstance(text, str) and text.strip() else ""
        inhalt = eingefuegt
        if datei is not None and not isinstance(datei, str) and datei.filename:
            roh = await datei.read()
            try:
                inhalt = roh.decode("utf-8-sig")
            except UnicodeDecodeError:
                return pages.import_error(["Die Datei ist keine UTF-8-Textdatei (YAML oder JSON erwartet)."], "")
    if not inhalt.strip():
        return pages.import_error(["Bitte eine Datei auswählen oder den Inhalt einfügen."], "")
    try:
        fallakte = pages.parse_upload(request, inhalt)
    except UngueltigeEingabe as e:
        return pages.import_error([str(p) for p in e.probleme], eingefuegt)
    return pages.form_page(request, pages.state_from_fallakte(fallakte), live=True, ungespeichert=True)


# --- saved cases --------------------------------------------------------------------------------


@router.get("/faelle")
def faelle(request: Request, seite: int = 1) -> Response:
    seite = max(1, seite)
    limit = 50
    with request.app.state.session_factory() as session:
        page = list_cases(session, limit=limit, offset=(seite - 1) * limit)
    return render_page("faelle.html", aktiv="faelle", page=page, seite=seite, limit=limit)


@router.get("/faelle/{fall_id}")
def fall(request: Request, fall_id: int, version: int | None = None, gespeichert: int | None = None) -> Response:
    with request.app.state.session_factory() as session:
        try:
            saved = get_case(session, fall_id) if version is None else get_version(session, fall_id, version)
            neueste = get_case(session, fall_id).number
        except CaseStoreError as e:
            return pages.not_found(e.detail)
    return result_pages.saved_result_page(request, saved, neueste=neueste, gespeichert=gespeichert)


@router.get("/faelle/{fall_id}/bearbeiten")
def fall_bearbeiten(request: Request, fall_id: int) -> Response:
    with request.app.state.session_factory() as session:
        try:
            saved = get_case(session, fall_id)
        except CaseStoreError as e:
            return pages.not_found(e.detail)
    return pages.form_page(
        request, pages.state_from_fallakte(saved.fallakte()), fall_id=saved.case_id, version=saved.number, live=True
    )


@router.get("/faelle/{fall_id}/versionen")
def fall_versionen(request: Request, fall_id: int) -> Response:
    with request.app.state.session_factory() as session:
        try:
            versionen = list_versions(session, fall_id)
            saved = get_case(session, fall_id)
        except CaseStoreError as e:
            return pages.not_found(e.detail)
    return render_page("versionen.html", aktiv="faelle", fall=saved, versionen=versionen)


@router.get("/faelle/{fall_id}/vergleich")
def fall_vergleich(request: Request, fall_id: int, a: int, b: int) -> Response:
    with request.app.state.session_factory() as session:
        try:
            alt = get_version(session, fall_id, a)
            neu = get_version(session, fall_id, b)
        except CaseStoreError as e:
            return pages.not_found(e.detail)
    return result_pages.comparison_page(alt, neu)


# --- downloads ----------------------------------------------------------------------------------


@router.get("/faelle/{fall_id}/download/{datei}")
async def download_saved(request: Request, fall_id: int, datei: str, version: int | None = None) -> Response:
    if datei not in DATEIEN:
        return pages.not_found("Diese Datei gibt es nicht.")
    with request.app.state.session_factory() as session:
        try:
            saved = get_case(session, fall_id) if version is None else get_version(session, fall_id, version)
        except CaseStoreError as e:
            return pages.not_found(e.detail)
    return await download_response(request, datei, saved.fallakte(), saved)


# --- accessibility statement --------------------------------------------------------------------


@router.get("/barrierefreiheit")
def barrierefreiheit(request: Request) -> Response:
    settings = request.app.state.settings
    return render_page(
        "barrierefreiheit.html",
        aktiv="barrierefreiheit",
        kontakt=settings.barrierefreiheit_kontakt.strip(),
        durchsetzung=settings.barrierefreiheit_durchsetzung.strip(),
    )
