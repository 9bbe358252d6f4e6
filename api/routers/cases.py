"""Saved cases: POST/GET/PUT /cases, GET /cases/{id}/versions[/{n}].

Every change is a new version; each version stores the assessment made when it was saved with
the rule set's version and hash. ``?neu_bewerten=true`` adds the assessment with today's rules.
POST accepts an ``Idempotency-Key``; PUT accepts ``If-Match: "<version>"``; GET sends the
version as ``ETag``. Database work runs in the thread pool (these routes are plain ``def``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query
from starlette.responses import Response

from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.fallakte import Fallakte
from advisor.kosten import kalkulation_als_dict
from api import cases as store
from api.deps import CurrentRules, DbSession, FallakteBody, RateTables
from api.jsonout import CanonicalJSONResponse
from api.openapi import fallakte_request_body, json_response
from api.problems import ApiProblem
from api.responses import PROBLEM_RESPONSES, problem
from api.schemas import fallliste_als_dict, version_als_dict, versionsliste_als_dict

router = APIRouter(prefix="/cases", tags=["Gespeicherte Fälle"])

CaseId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Nummer des gespeicherten Falls")]
Notiz = Annotated[str | None, Query(max_length=500, description="Kurze Notiz zur Änderung")]
NeuBewerten = Annotated[
    bool, Query(description="Zusätzlich mit dem heutigen Regelwerk bewerten (das gespeicherte Ergebnis bleibt).")
]
_NOT_FOUND = {404: problem("Fall oder Version unbekannt.")}


def _version_response(saved: store.SavedVersion, status: int = 200, **extra: Any) -> Response:
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
        **PROBLEM_RESPONSES,
    },
)
def post_case(
    fallakte: FallakteBody,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    notiz: Notiz = None,
    idempotency_key: Annotated[
        str | None,
        Header(min_length=1, max_length=255, description="Wiederholungen mit demselben Schlüssel legen nichts neu an."),
    ] = None,
) -> Response:
    """Speichert eine Fallakte als neuen Fall mit ihrer Bewertung und Kalkulation.

    Mit `Idempotency-Key`: eine Wiederholung derselben Anfrage liefert den damals angelegten Fall
    (Status 200, Kopf `Idempotent-Replayed: true`); derselbe Schlüssel mit anderer Fallakte → 422.
    """
    beratung = berate(fallakte, regelwerk, satztabellen)
    if idempotency_key is None:
        return _version_response(store.create_case(session, fallakte, beratung, note=notiz), status=201)
    fingerprint = store.request_fingerprint(fallakte, notiz)
    saved, replayed = store.create_case_once(session, idempotency_key, fingerprint, fallakte, beratung, note=notiz)
    response = _version_response(saved, status=200 if replayed else 201)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@router.get(
    "",
    summary="Gespeicherte Fälle auflisten",
    responses={200: json_response("Fallliste", "Eine Seite der gespeicherten Fälle."), **PROBLEM_RESPONSES},
)
def list_cases(
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    """Die gespeicherten Fälle, zuletzt geänderte zuerst, mit dem Ergebnis ihrer neuesten Version."""
    page = store.list_cases(session, limit=limit, offset=offset)
    return CanonicalJSONResponse(fallliste_als_dict(page))


@router.get("/{case_id}", summary="Neueste Version eines Falls", responses={200: _VERSION, **_NOT_FOUND})
def get_case(
    case_id: CaseId,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    neu_bewerten: NeuBewerten = False,
) -> Response:
    """Die neueste Version mit der beim Speichern erstellten Bewertung und Kalkulation."""
    saved = store.get_case(session, case_id)
    return _version_response(
        saved, neubewertung=_neubewertung(saved, regelwerk, satztabellen) if neu_bewerten else None
    )


@router.put(
    "/{case_id}",
    summary="Neue Version eines Falls speichern",
    openapi_extra=fallakte_request_body(),
    responses={
        200: _VERSION,
        **_NOT_FOUND,
        412: problem("If-Match passt nicht zur neuesten Version."),
        **PROBLEM_RESPONSES,
    },
)
def put_case(
    case_id: CaseId,
    fallakte: FallakteBody,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    notiz: Notiz = None,
    if_match: Annotated[
        str | None, Header(max_length=40, description='Nur speichern, wenn dies die neueste Version ist, z. B. "3".')
    ] = None,
) -> Response:
    """Speichert die Fallakte als neue Version; ältere Versionen bleiben unverändert abrufbar."""
    expected = _parse_if_match(if_match)
    beratung = berate(fallakte, regelwerk, satztabellen)
    saved = store.update_case(session, case_id, fallakte, beratung, note=notiz, expected_version=expected)
    return _version_response(saved)


@router.get(
    "/{case_id}/versions",
    summary="Versionen eines Falls",
    responses={200: json_response("Versionsliste", "Alle Versionen des Falls."), **_NOT_FOUND},
)
def list_versions(case_id: CaseId, session: DbSession) -> Response:
    """Alle Versionen, älteste zuerst, je mit Ergebnis und Regelwerksstand."""
    return CanonicalJSONResponse(versionsliste_als_dict(case_id, store.list_versions(session, case_id)))


@router.get(
    "/{case_id}/versions/{version}",
    summary="Eine Version eines Falls",
    responses={200: _VERSION, **_NOT_FOUND},
)
def get_version(
    case_id: CaseId,
    version: Annotated[int, Path(ge=1, le=2**31 - 1)],
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    neu_bewerten: NeuBewerten = False,
) -> Response:
    """Eine Version so, wie sie gespeichert wurde — optional neu bewertet."""
    saved = store.get_version(session, case_id, version)
    return _version_response(
        saved, neubewertung=_neubewertung(saved, regelwerk, satztabellen) if neu_bewerten else None
    )


def _neubewertung(saved: store.SavedVersion, regelwerk: Any, satztabellen: Any) -> dict[str, Any]:
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
