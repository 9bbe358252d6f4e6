"""API keys of the caller's organisation (role ``admin``): list, create (shown once), revoke.

The same as ``ikz admin apikey add|revoke``; every change is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from api.audit import Auditeintrag, record
from api.deps import DbSession, KeyAdmin
from api.identity import admin
from api.identity.principal import Principal
from api.identity.tables import ApiKeyRow
from api.jsonout import CanonicalJSONResponse
from api.openapi import schema_ref
from api.responses import problem

router = APIRouter(prefix="/keys", tags=["API-Schlüssel"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Nur die Rolle admin verwaltet Schlüssel."),
}


class SchluesselAnfrage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, description="z. B. „Haushaltssoftware“")
    rolle: str = Field(description="Rolle des Schlüssels, z. B. sachbearbeitung oder leser")


class Schluessel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    rolle: str
    praefix: str = Field(description="Die ersten Zeichen des Schlüssels, zum Wiedererkennen")
    angelegt: str
    widerrufen: str | None
    schluessel: str | None = Field(None, description="Nur in der Antwort auf das Anlegen: der Schlüssel selbst")


def _als_dict(row: ApiKeyRow, key: str | None = None) -> dict[str, object]:
    return {
        "name": row.name,
        "rolle": row.rolle,
        "praefix": row.prefix,
        "angelegt": row.created_at.isoformat(),
        "widerrufen": row.revoked_at.isoformat() if row.revoked_at else None,
        "schluessel": key,
    }


def _record(session: DbSession, principal: Principal, aktion: str, row: ApiKeyRow) -> None:
    record(
        session,
        Auditeintrag(principal.akteur, principal.organisation_id, aktion, f"schluessel:{row.id}", "erfolg", row.name),
    )


def _one(description: str) -> dict[str, object]:
    return {"description": description, "content": {"application/json": {"schema": schema_ref("Schluessel")}}}


@router.get(
    "",
    summary="API-Schlüssel der eigenen Organisation",
    responses={200: {"description": "Alle Schlüssel (ohne den Schlüssel selbst)."}, **_ERRORS},
)
def list_keys(principal: KeyAdmin, session: DbSession) -> Response:
    """Name, Rolle, Präfix, Anlage- und Widerrufszeit jedes Schlüssels."""
    return CanonicalJSONResponse(
        {"schluessel": [_als_dict(r) for r in admin.list_api_keys(session, principal.organisation_id)]}
    )


@router.post(
    "",
    status_code=201,
    summary="API-Schlüssel anlegen",
    responses={
        201: _one("Der neue Schlüssel — nur jetzt sichtbar."),
        **_ERRORS,
        422: problem("Name vergeben oder Rolle unbekannt."),
    },
)
def create_key(principal: KeyAdmin, session: DbSession, anfrage: Annotated[SchluesselAnfrage, Body()]) -> Response:
    """Legt einen Schlüssel an; der Schlüssel steht nur in dieser Antwort und wird nur als Hash gespeichert."""
    row, key = admin.add_api_key(session, principal.organisation_kennung, anfrage.rolle, anfrage.name)
    _record(session, principal, "schluessel_anlegen", row)
    session.commit()
    return CanonicalJSONResponse(_als_dict(row, key), status_code=201, headers={"Cache-Control": "no-store"})


@router.delete(
    "/{name}",
    summary="API-Schlüssel widerrufen",
    responses={200: _one("Der widerrufene Schlüssel."), **_ERRORS, 404: problem("Kein Schlüssel dieses Namens.")},
)
def revoke_key(
    principal: KeyAdmin, session: DbSession, name: Annotated[str, Path(min_length=1, max_length=100)]
) -> Response:
    """Widerruft den Schlüssel; er bleibt mit Widerrufszeit in der Liste."""
    row = admin.revoke_api_key(session, principal.organisation_kennung, name)
    _record(session, principal, "schluessel_widerrufen", row)
    session.commit()
    return CanonicalJSONResponse(_als_dict(row))
