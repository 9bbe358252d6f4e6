"""Saved cases: POST/GET/PUT /cases, GET /cases/{id}/versions[/{n}], GET /cases/{id}/draft.

Every change is a new version; each version stores the assessment made when it was saved with
the rule set's version and hash. ``?neu_bewerten=true`` adds the assessment with today's rules.
POST accepts an ``Idempotency-Key`` (scoped to the caller, remembered ``IKZ_IDEMPOTENCY_HOURS``);
PUT accepts ``If-Match: "<version>"``; GET sends the version as ``ETag``. Database work runs in
the thread pool (these routes are plain ``def``); the draft's rendering in a worker process
(api/worker_pool.py).

Access: every route needs credentials; a case is visible to its organisation and to partners it
was shared with (api/deps.py ``Case*`` aliases: 404 for anyone else). Creating, reading,
changing and exporting are recorded in the audit trail (a change together with its version).
The version note travels in the header ``Notiz`` (percent-encoded UTF-8), not in the URL; the
old ``?notiz=`` still works but is deprecated (answers carry ``Deprecation: true``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Header, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.fallakte import Fallakte
from advisor.kosten import kalkulation_als_dict
from api import cases as store
from api import worker_pool
from api.audit import Auditeintrag, record
from api.db.models import CaseVersionRow
from api.deps import (
    AppSettings,
    CaseCreator,
    CaseExporter,
    CaseLister,
    CaseReader,
    CaseWriter,
    CurrentRules,
    DbSession,
    Expensive,
    FallakteBody,
    RateTables,
    ReadSession,
)
from api.identity.case_access import CaseAccess, visible_to
from api.identity.principal import Principal
from api.jsonout import CanonicalJSONResponse
from api.openapi import fallakte_request_body, json_response
from api.problems import ApiProblem
from api.responses import PROBLEM_RESPONSES, problem
from api.review.gate import ausfertigung_erlaubt
from api.routers.drafts import DOCX, PDF, choose_media_type, dateiname
from api.schemas import fallliste_als_dict, version_als_dict, versionsliste_als_dict
from contracts.dokumente import als_docx, als_pdf, erstelle

router = APIRouter(prefix="/cases", tags=["Gespeicherte Fälle"])

NotizQuery = Annotated[
    str | None,
    Query(
        alias="notiz",
        max_length=500,
        deprecated=True,
        description="Veraltet: die Notiz gehört nicht in die Adresse (Zugriffsprotokolle). Kopfzeile `Notiz` nutzen.",
    ),
]
NotizHeader = Annotated[
    str | None,
    Header(
        alias="Notiz",
        max_length=1600,
        description="Kurze Notiz zur Änderung (≤ 500 Zeichen), UTF-8 prozentkodiert, z. B. `Stand%20f%C3%BCr%20Kreistag`.",
    ),
]
NeuBewerten = Annotated[
    bool, Query(description="Zusätzlich mit dem heutigen Regelwerk bewerten (das gespeicherte Ergebnis bleibt).")
]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: problem("Fall oder Version unbekannt (oder nicht für Ihre Organisation sichtbar).")
}
_AUTH: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Rolle oder Freigabe erlaubt das nicht."),
}


def _note(header: str | None, query: str | None) -> tuple[str | None, bool]:
    """The version note from the header (percent-decoded) or the deprecated query parameter;
    ``True`` when the query parameter was used."""
    if header is not None:
        try:
            text = unquote(header, errors="strict")
        except UnicodeDecodeError:
            raise ApiProblem(
                400, "notiz-ungueltig", "Die Kopfzeile Notiz muss UTF-8 in Prozentkodierung sein."
            ) from None
        if len(text) > 500:
            raise ApiProblem(400, "notiz-ungueltig", "Die Notiz darf höchstens 500 Zeichen lang sein.")
        return text.strip() or None, False
    return query, query is not None


def _audited(principal: Principal, aktion: str, detail: str | None = None) -> Any:
    """An ``on_saved`` hook that records the change with the new version, in its transaction."""

    def hook(session: Session, row: CaseVersionRow) -> None:
        objekt = f"fall:{row.case_id}"
        record(
            session,
            Auditeintrag(
                principal.akteur, principal.organisation_id, aktion, objekt, "erfolg", f"version {row.number}"
            ),
        )

    return hook


def _record_read(session: Session, access: CaseAccess, aktion: str, detail: str | None = None) -> None:
    """Record a read in the audit trail and commit (``session`` writes; the case itself was read
    in a read-only session, outside any write lock)."""
    principal = access.principal
    eintrag = Auditeintrag(principal.akteur, principal.organisation_id, aktion, f"fall:{access.case_id}", detail=detail)
    record(session, eintrag)
    session.commit()


def _deprecated(response: Response, used_query: bool) -> Response:
    if used_query:
        response.headers["Deprecation"] = "true"
    return response


def _version_response(saved: store.GespeicherteVersion, status: int = 200, **extra: Any) -> Response:
    headers = {"ETag": f'"{saved.number}"'}
    if status == 201:
        headers["Location"] = f"/api/v1/cases/{saved.case_id}"
    return CanonicalJSONResponse(version_als_dict(saved, **extra), status_code=status, headers=headers)


_VERSION = json_response("FallVersion", "Die Version mit Fallakte, Bewertung, Kalkulation und Regelwerksstand.")


@router.post(
    "",
    status_code=201,
    summary="Fall speichern (Version 1)",
    openapi_extra=fallakte_request_body(),
    responses={
        201: _VERSION,
        200: {**_VERSION, "description": "Wiederholung (Idempotency-Key): der damals angelegte Fall."},
        **_AUTH,
        **PROBLEM_RESPONSES,
    },
)
def post_case(
    principal: CaseCreator,  # first: who asks is checked before the body is read
    fallakte: FallakteBody,
    session: DbSession,
    settings: AppSettings,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    notiz_kopf: NotizHeader = None,
    notiz: NotizQuery = None,
    idempotency_key: Annotated[
        str | None,
        Header(min_length=1, max_length=255, description="Wiederholungen mit demselben Schlüssel legen nichts neu an."),
    ] = None,
) -> Response:
    """Speichert eine Fallakte als neuen Fall der eigenen Organisation mit Bewertung und Kalkulation.

    Mit `Idempotency-Key`: eine Wiederholung derselben Anfrage desselben Aufrufers (innerhalb von
    24 Stunden) liefert den damals angelegten Fall (Status 200, Kopf `Idempotent-Replayed: true`);
    derselbe Schlüssel mit anderer Fallakte → 422.
    """
    note, used_query = _note(notiz_kopf, notiz)
    beratung = berate(fallakte, regelwerk, satztabellen)
    hook = _audited(principal, "fall_anlegen")
    if idempotency_key is None:
        saved = store.create_case(
            session, fallakte, beratung, note=note, organisation_id=principal.organisation_id, on_saved=hook
        )
        return _deprecated(_version_response(saved, status=201), used_query)
    fingerprint = store.request_fingerprint(fallakte, note)
    saved, replayed = store.create_case_once(
        session,
        idempotency_key,
        fingerprint,
        fallakte,
        beratung,
        note=note,
        client=principal.client,
        ttl=timedelta(hours=settings.idempotency_hours),
        organisation_id=principal.organisation_id,
        on_saved=hook,
    )
    response = _version_response(saved, status=200 if replayed else 201)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return _deprecated(response, used_query)


@router.get(
    "",
    summary="Gespeicherte Fälle auflisten",
    responses={200: json_response("Fallliste", "Eine Seite der gespeicherten Fälle."), **_AUTH, **PROBLEM_RESPONSES},
)
def list_cases(
    principal: CaseLister,
    session: ReadSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    """Die Fälle der eigenen Organisation und die ihr freigegebenen, zuletzt geänderte zuerst,
    mit dem Ergebnis ihrer neuesten Version."""
    page = store.list_cases(session, limit=limit, offset=offset, visible=visible_to(principal))
    return CanonicalJSONResponse(fallliste_als_dict(page))


@router.get("/{case_id}", summary="Neueste Version eines Falls", responses={200: _VERSION, **_AUTH, **_NOT_FOUND})
def get_case(
    access: CaseReader,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    neu_bewerten: NeuBewerten = False,
) -> Response:
    """Die neueste Version mit der beim Speichern erstellten Bewertung und Kalkulation."""
    saved = store.get_case(read, access.case_id)
    _record_read(session, access, "fall_lesen", f"version {saved.number}")
    return _version_response(
        saved, neubewertung=_neubewertung(saved, regelwerk, satztabellen) if neu_bewerten else None
    )


@router.put(
    "/{case_id}",
    summary="Neue Version eines Falls speichern",
    openapi_extra=fallakte_request_body(),
    responses={
        200: _VERSION,
        **_AUTH,
        **_NOT_FOUND,
        412: problem("If-Match passt nicht zur neuesten Version."),
        **PROBLEM_RESPONSES,
    },
)
def put_case(
    access: CaseWriter,
    fallakte: FallakteBody,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    notiz_kopf: NotizHeader = None,
    notiz: NotizQuery = None,
    if_match: Annotated[
        str | None, Header(max_length=40, description='Nur speichern, wenn dies die neueste Version ist, z. B. "3".')
    ] = None,
) -> Response:
    """Speichert die Fallakte als neue Version; ältere Versionen bleiben unverändert abrufbar."""
    note, used_query = _note(notiz_kopf, notiz)
    expected = _parse_if_match(if_match)
    beratung = berate(fallakte, regelwerk, satztabellen)
    saved = store.update_case(
        session,
        access.case_id,
        fallakte,
        beratung,
        note=note,
        expected_version=expected,
        on_saved=_audited(access.principal, "fall_aendern"),
    )
    return _deprecated(_version_response(saved), used_query)


@router.get(
    "/{case_id}/versions",
    summary="Versionen eines Falls",
    responses={200: json_response("Versionsliste", "Alle Versionen des Falls."), **_AUTH, **_NOT_FOUND},
)
def list_versions(access: CaseReader, read: ReadSession, session: DbSession) -> Response:
    """Alle Versionen, älteste zuerst, je mit Ergebnis und Regelwerksstand."""
    versionen = store.list_versions(read, access.case_id)
    _record_read(session, access, "fall_versionen_lesen")
    return CanonicalJSONResponse(versionsliste_als_dict(access.case_id, versionen))


@router.get(
    "/{case_id}/versions/{version}",
    summary="Eine Version eines Falls",
    responses={200: _VERSION, **_AUTH, **_NOT_FOUND},
)
def get_version(
    access: CaseReader,
    version: Annotated[int, Path(ge=1, le=2**31 - 1)],
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    neu_bewerten: NeuBewerten = False,
) -> Response:
    """Eine Version so, wie sie gespeichert wurde — optional neu bewertet."""
    saved = store.get_version(read, access.case_id, version)
    _record_read(session, access, "fall_lesen", f"version {saved.number}")
    return _version_response(
        saved, neubewertung=_neubewertung(saved, regelwerk, satztabellen) if neu_bewerten else None
    )


@router.get(
    "/{case_id}/draft",
    summary="Vereinbarungsentwurf eines gespeicherten Falls (PDF oder DOCX)",
    response_class=Response,
    responses={
        200: {
            "description": "Der Entwurf der gewählten (sonst neuesten) Version: PDF, oder DOCX bei `Accept: "
            + DOCX
            + "`.",
            "content": {
                PDF: {"schema": {"type": "string", "format": "binary"}},
                DOCX: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **_AUTH,
        **_NOT_FOUND,
        406: problem("Weder PDF noch DOCX ist laut Accept annehmbar."),
        409: problem("Ausfertigung verlangt, aber die Version ist nicht freigegeben (fehlende Freigaben genannt)."),
        429: problem("Zu viele Dokumente in kurzer Zeit."),
    },
)
async def get_case_draft(
    request: Request,
    access: CaseExporter,
    _limit: Expensive,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    settings: AppSettings,
    version: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Version (Standard: die neueste)")] = None,
    final: Annotated[bool, Query(description="Ausfertigung ohne Entwurfskennzeichnung")] = False,
) -> Response:
    """Die öffentlich-rechtliche Vereinbarung zu einer gespeicherten Version, mit Anlagen.
    Die Ausfertigung (`final=true`) gibt es nur für eine freigegebene Version, sonst 409 mit den
    fehlenden Freigaben (`fehlende_freigaben`). Jeder Abruf wird im Prüfprotokoll vermerkt."""
    media_type = choose_media_type(request.headers.get("accept"))
    endung = "pdf" if media_type == PDF else "docx"

    def load_and_record() -> tuple[store.GespeicherteVersion, str | None]:
        saved = (
            store.get_case(read, access.case_id)
            if version is None
            else store.get_version(read, access.case_id, version)
        )
        pruefstand = ausfertigung_erlaubt(read, access.case_id, saved.number) if final else None
        art = "ausfertigung" if final else "entwurf"
        _record_read(session, access, "dokument_exportieren", f"version {saved.number} {art}.{endung}")
        return saved, pruefstand

    saved, pruefstand = await run_in_threadpool(load_and_record)
    fallakte = saved.fallakte()

    dokument = erstelle("vereinbarung", berate(fallakte, regelwerk, satztabellen), final=final)
    if pruefstand is not None:  # the gate vouches for it: "freigegeben …" instead of "ungeprüft"
        dokument = replace(dokument, pruefstand=pruefstand)
    data = await worker_pool.ausfuehren(settings, als_pdf if media_type == PDF else als_docx, dokument)
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{dateiname(fallakte)}.{endung}"'},
    )


def _neubewertung(saved: store.GespeicherteVersion, regelwerk: Any, satztabellen: Any) -> dict[str, Any]:
    fallakte: Fallakte = saved.fallakte()
    beratung = berate(fallakte, regelwerk, satztabellen)
    bewertung = bewertung_als_dict(beratung.bewertung)
    stand = beratung.bewertung.regelwerk
    return {
        "regelwerk": {"version": stand.version, "sha256": stand.sha256},
        "regelwerk_geaendert": stand.sha256 != saved.regelwerk_sha256,
        "ergebnis": bewertung["ergebnis"],
        "ergebnis_geaendert": bewertung["ergebnis"] != saved.ergebnis,
        "bewertung": bewertung,
        "kalkulation": kalkulation_als_dict(beratung.kalkulation),
    }


def _parse_if_match(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise ApiProblem(
            400, "if-match-ungueltig", f'If-Match muss eine Versionsnummer sein (z. B. "3"), nicht „{value}“.'
        )
    return int(text)
