"""The saved-case pages: only for signed-in people, only the organisation's own and shared cases.

- ``GET /faelle``                         the cases of the caller's organisation and those shared with it
- ``GET /faelle/{fall_id}``               a saved case's result (``?version=n``), with its shares
- ``GET /faelle/{fall_id}/bearbeiten``    the form for a new version (right ``fall_aendern``)
- ``GET /faelle/{fall_id}/versionen``     its versions; ``…/vergleich?a=1&b=2`` compares two
- ``GET /faelle/{fall_id}/download/{datei}`` downloads of a saved version (right ``dokument_exportieren``)
- ``POST /faelle/{fall_id}/freigaben``    share with a partner named in the case (right ``fall_teilen``)
- ``POST /faelle/{fall_id}/freigaben/{kennung}/zuruecknehmen`` withdraw a share

A case of another organisation that was not shared is the German 404 page — the same as for a
number never used (api/identity/web_access.py). Reads, exports and shares are recorded in the
audit trail with the detail "web …". Database work runs in plain ``def`` routes (thread pool);
rendering a document runs off the event loop (api/web/downloads.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from api.case_types import GespeicherteVersion
from api.cases import get_case, get_version, list_cases, list_versions
from api.deps import (
    DbSession,
    ReadSession,
    WebCaseExporter,
    WebCaseReader,
    WebCaseSharer,
    WebExpensive,
    get_read_session,
)
from api.identity.case_access import (
    CaseAccess,
    list_shares,
    share_candidates,
    share_case,
    unshare_case,
    visible_to,
)
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.identity.web_access import web_case_access, web_require
from api.web import pages, result_pages
from api.web.downloads import DATEIEN, download_response
from api.web.ownership import audit
from api.web.render import render_page

router = APIRouter()

CaseLister = Annotated[Principal, Depends(web_require(Recht.FALL_LESEN))]
#: Opening the form of a case for a new version: checked like a change, read in a read-only session.
CaseEditor = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_AENDERN, get_read_session))]
Version = Annotated[int | None, Query(ge=1, le=2**31 - 1)]
SEITE_GROESSE = 50


@router.get("/faelle")
def faelle(principal: CaseLister, session: ReadSession, seite: int = 1) -> Response:
    seite = min(max(1, seite), 10**6)
    page = list_cases(session, limit=SEITE_GROESSE, offset=(seite - 1) * SEITE_GROESSE, visible=visible_to(principal))
    return render_page("faelle.html", aktiv="faelle", page=page, seite=seite, limit=SEITE_GROESSE)


@router.get("/faelle/{fall_id}")
def fall(
    request: Request,
    access: WebCaseReader,
    read: ReadSession,
    session: DbSession,
    version: Version = None,
    gespeichert: Version = None,
    freigabe: str | None = None,
) -> Response:
    saved = get_case(read, access.case_id) if version is None else get_version(read, access.case_id, version)
    neueste = get_case(read, access.case_id).number
    principal = access.principal
    teilen = access.eigentuemer and principal.darf(Recht.FALL_TEILEN)
    freigaben = list_shares(read, access.case_id) if access.eigentuemer else []
    kandidaten = share_candidates(read, access.case_id, principal.organisation_id) if teilen else []
    read.rollback()
    audit(session, principal, "fall_lesen", f"fall:{access.case_id}", f"version {saved.number}")
    return result_pages.saved_result_page(
        request,
        saved,
        neueste=neueste,
        gespeichert=gespeichert,
        freigaben=freigaben,
        freigabe_kandidaten=kandidaten,
        darf_teilen=teilen,
        freigabe_meldung=_FREIGABE_MELDUNGEN.get(freigabe or ""),
    )


@router.get("/faelle/{fall_id}/bearbeiten")
def fall_bearbeiten(request: Request, access: CaseEditor, read: ReadSession, session: DbSession) -> Response:
    saved = get_case(read, access.case_id)
    read.rollback()
    audit(session, access.principal, "fall_lesen", f"fall:{access.case_id}", f"version {saved.number} bearbeiten")
    return pages.form_page(
        request, pages.state_from_fallakte(saved.fallakte()), fall_id=saved.case_id, version=saved.number, live=True
    )


@router.get("/faelle/{fall_id}/versionen")
def fall_versionen(access: WebCaseReader, read: ReadSession, session: DbSession) -> Response:
    versionen = list_versions(read, access.case_id)
    saved = get_case(read, access.case_id)
    read.rollback()
    audit(session, access.principal, "fall_versionen_lesen", f"fall:{access.case_id}")
    return render_page("versionen.html", aktiv="faelle", fall=saved, versionen=versionen)


@router.get("/faelle/{fall_id}/vergleich")
def fall_vergleich(
    access: WebCaseReader,
    read: ReadSession,
    session: DbSession,
    a: Annotated[int, Query(ge=1, le=2**31 - 1)],
    b: Annotated[int, Query(ge=1, le=2**31 - 1)],
) -> Response:
    alt = get_version(read, access.case_id, a)
    neu = get_version(read, access.case_id, b)
    read.rollback()
    audit(session, access.principal, "fall_lesen", f"fall:{access.case_id}", f"vergleich {a} {b}")
    return result_pages.comparison_page(alt, neu)


@router.get("/faelle/{fall_id}/download/{datei}")
async def download_saved(
    request: Request,
    access: WebCaseExporter,
    _limit: WebExpensive,
    read: ReadSession,
    session: DbSession,
    datei: str,
    version: Version = None,
) -> Response:
    if datei not in DATEIEN:
        return pages.not_found("Diese Datei gibt es nicht.")

    def load_and_record() -> GespeicherteVersion:
        saved = get_case(read, access.case_id) if version is None else get_version(read, access.case_id, version)
        read.rollback()
        audit(
            session,
            access.principal,
            "dokument_exportieren",
            f"fall:{access.case_id}",
            f"version {saved.number} {datei}",
        )
        return saved

    saved = await run_in_threadpool(load_and_record)
    return await download_response(request, datei, saved.fallakte(), saved)


# --- sharing ------------------------------------------------------------------------------------

_FREIGABE_MELDUNGEN = {
    "erteilt": "Der Fall ist freigegeben.",
    "geaendert": "Die Art der Freigabe ist geändert.",
    "zurueckgenommen": "Die Freigabe ist zurückgenommen.",
}


@router.post("/faelle/{fall_id}/freigaben")
def freigeben(
    access: WebCaseSharer,
    session: DbSession,
    organisation: Annotated[str, Form(max_length=64)],
    art: Annotated[str, Form(max_length=20)],
) -> Response:
    _row, neu = share_case(session, access, organisation, art)
    audit(
        session, access.principal, "fall_freigeben", f"fall:{access.case_id}", f"{organisation.strip().lower()} {art}"
    )
    return RedirectResponse(
        f"/faelle/{access.case_id}?freigabe={'erteilt' if neu else 'geaendert'}#freigaben", status_code=303
    )


@router.post("/faelle/{fall_id}/freigaben/{kennung}/zuruecknehmen")
def freigabe_zuruecknehmen(access: WebCaseSharer, session: DbSession, kennung: str) -> Response:
    if unshare_case(session, access, kennung[:64]):
        audit(session, access.principal, "freigabe_zuruecknehmen", f"fall:{access.case_id}", kennung[:64])
    return RedirectResponse(f"/faelle/{access.case_id}?freigabe=zurueckgenommen#freigaben", status_code=303)
