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
- ``/faelle…``                    saved cases, versions, downloads, shares (api/web/case_routes.py)
- ``/verwaltung…``                users and API keys of the organisation (api/web/admin_routes.py)
- ``/screening…``                 the inventory screening (api/web/screening.py)
- ``GET /barrierefreiheit``       the accessibility statement (BITV 2.0)

Who may use what (api/identity/web_access.py, docs/betrieb.md): pages that store nothing — the
form, its live panel, the import into the form, the result of a check — follow
``IKZ_OFFENE_BERECHNUNG`` like the API's stateless endpoints; saving and everything about saved
cases needs sign-in. The start page lists saved cases only for a signed-in reader.

Handler style (one for all web routes): database or CPU work runs in plain ``def`` routes (the
thread pool); a route that must await the request body is ``async def`` and hands the advisor's
work to ``run_in_threadpool``. Sessions come from the ``DbSession``/``ReadSession`` aliases.

Errors never reach the user as a traceback or English JSON: invalid input is shown at its field
in German; every other error is a German page (api/web/error_pages.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from advisor.errors import Feldproblem, UngueltigeEingabe
from api.cases import CaseStoreError, list_cases
from api.deps import AppSettings, DbSession, OptionalWebUser, ReadSession, WebComputation
from api.identity.case_access import visible_to
from api.identity.dependencies import FORM_MAX_FIELDS
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.identity.web_access import signin_url
from api.web import admin_routes, case_routes, pages, result_routes, screening
from api.web.form_state import apply_action, empty_state, nest, removal_message
from api.web.ownership import save_case
from api.web.render import render_page

router = APIRouter()
router.include_router(result_routes.router)
router.include_router(case_routes.router)
router.include_router(admin_routes.router)
router.include_router(screening.router)

MAX_FORM_FIELDS = FORM_MAX_FIELDS  # the CSRF check parses the form first, with the same bound


async def form_items(request: Request) -> list[tuple[str, str]]:
    form = await request.form(max_fields=MAX_FORM_FIELDS)
    return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]


def _first(items: list[tuple[str, str]], key: str) -> str:
    return next((v for k, v in items if k == key), "")


def _int_or_none(text: str) -> int | None:
    """A case or version number from a hidden field; anything else (also "²" or 20 digits) is None."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


# --- start page and form -----------------------------------------------------------------------


@router.get("/")
def start(request: Request, principal: OptionalWebUser, session: ReadSession) -> Response:
    faelle = None
    if principal is not None and principal.darf(Recht.FALL_LESEN):
        faelle = list_cases(session, limit=10, visible=visible_to(principal)).cases
    return render_page("start.html", aktiv="start", beispiele=pages.beispiele(request), faelle=faelle)


@router.get("/formular")
def formular(request: Request, _principal: WebComputation, beispiel: str | None = None) -> Response:
    if beispiel:
        fallakte = pages.beispiel_fallakte(request, beispiel)
        if fallakte is None:
            return pages.not_found(f"Es gibt kein Beispiel „{beispiel}“.")
        return pages.form_page(request, pages.state_from_fallakte(fallakte), live=True)
    return pages.form_page(request, empty_state(), live=False)


@router.post("/formular")
async def formular_absenden(request: Request, principal: WebComputation, session: DbSession) -> Response:
    items = await form_items(request)
    return await run_in_threadpool(_formular_aktion, request, principal, session, items)


def _formular_aktion(
    request: Request, principal: Principal | None, session: Session, items: list[tuple[str, str]]
) -> Response:
    """The form's buttons (off the event loop: checking runs the advisor)."""
    state = nest(items)
    aktion = _first(items, "aktion") or "aktualisieren"
    fall_id = _int_or_none(_first(items, "fall_id"))
    version = _int_or_none(_first(items, "fall_version"))
    notiz = _first(items, "notiz").strip()[:500] or None
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
            return result_routes.store_and_redirect(request, session, principal, geprueft, fall_id, version)
        if principal is None:
            # "Fall speichern" without (or after an expired) sign-in: the entries are kept as this
            # browser's unsaved result, and the sign-in leads back to it, where it can be saved.
            result = result_routes.store_and_redirect(request, session, None, geprueft, fall_id, version)
            return RedirectResponse(signin_url(str(result.headers["location"])), status_code=303)
        return _save(request, session, principal, geprueft, fall_id, version, notiz, state)
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
    request: Request,
    session: Session,
    principal: Principal,
    geprueft: Any,
    fall_id: int | None,
    version: int | None,
    notiz: str | None,
    state: dict[str, Any],
) -> Response:
    try:
        saved = save_case(
            session, principal, geprueft.fallakte, geprueft.beratung, fall_id=fall_id, version=version, notiz=notiz
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
async def formular_live(request: Request, _principal: WebComputation) -> Response:
    items = await form_items(request)
    return await run_in_threadpool(pages.live_response, request, nest(items))


# --- import -------------------------------------------------------------------------------------


@router.get("/import")
def import_form(_principal: WebComputation) -> Response:
    return render_page("import.html", aktiv="import", probleme=[], text="")


@router.post("/import")
async def import_upload(request: Request, _principal: WebComputation) -> Response:
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
    return await run_in_threadpool(_import_form, request, inhalt, eingefuegt)


def _import_form(request: Request, inhalt: str, eingefuegt: str) -> Response:
    try:
        fallakte = pages.parse_upload(request, inhalt)
    except UngueltigeEingabe as e:
        return pages.import_error([str(p) for p in e.probleme], eingefuegt)
    return pages.form_page(request, pages.state_from_fallakte(fallakte), live=True, ungespeichert=True)


# --- accessibility statement --------------------------------------------------------------------


@router.get("/barrierefreiheit")
def barrierefreiheit(settings: AppSettings) -> Response:
    return render_page(
        "barrierefreiheit.html",
        aktiv="barrierefreiheit",
        kontakt=settings.barrierefreiheit_kontakt.strip(),
        durchsetzung=settings.barrierefreiheit_durchsetzung.strip(),
    )
