"""GET /audit: the audit trail of the caller's own organisation (roles ``leitung``, ``admin``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from api.audit import list_entries
from api.deps import AuditReader, DbSession
from api.jsonout import CanonicalJSONResponse
from api.openapi import schema_ref
from api.responses import problem

router = APIRouter(tags=["Prüfprotokoll"])


class Protokolleintrag(BaseModel):
    model_config = ConfigDict(extra="forbid")
    position: int
    zeit: str
    akteur: str
    aktion: str
    objekt: str
    ergebnis: str
    detail: str | None
    hash: str
    vorheriger_hash: str


class Protokoll(BaseModel):
    model_config = ConfigDict(extra="forbid")
    eintraege: list[Protokolleintrag]
    weiter_vor: int | None


@router.get(
    "/audit",
    summary="Prüfprotokoll der eigenen Organisation",
    responses={
        200: {
            "description": "Neueste Einträge zuerst.",
            "content": {"application/json": {"schema": schema_ref("Protokoll")}},
        },
        401: problem("Anmeldung fehlt oder ungültig."),
        403: problem("Nur die Rollen leitung und admin sehen das Protokoll."),
    },
)
def get_audit(
    principal: AuditReader,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    vor: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Nur Einträge vor dieser Position")] = None,
) -> Response:
    """Anmeldungen, Fehlversuche, Lesezugriffe, Änderungen, Exporte, Freigaben und
    Schlüsseländerungen der eigenen Organisation, je mit Zeit, Akteur, Aktion, Objekt, Ergebnis
    und Hash-Verkettung (die ganze Kette prüft `ikz admin audit verify`)."""
    rows = list_entries(session, principal.organisation_id, limit=limit, before=vor)
    body: dict[str, Any] = {
        "eintraege": [
            {
                "position": r.id,
                "zeit": r.zeit.isoformat(),
                "akteur": r.akteur,
                "aktion": r.aktion,
                "objekt": r.objekt,
                "ergebnis": r.ergebnis,
                "detail": r.detail,
                "hash": r.hash,
                "vorheriger_hash": r.prev_hash,
            }
            for r in rows
        ],
        "weiter_vor": rows[-1].id if len(rows) == limit else None,
    }
    return CanonicalJSONResponse(body)
