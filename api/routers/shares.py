"""Sharing a saved case with partner organisations named in it.

- ``GET /cases/{id}/shares``              the organisations the case is shared with
- ``PUT /cases/{id}/shares/{kennung}``    share it (body ``{"art": "lesen" | "pruefen"}``)
- ``DELETE /cases/{id}/shares/{kennung}`` withdraw the share

Only the owning organisation shares (roles ``sachbearbeitung`` and ``leitung``); a partner sees
the list of shares of a case shared with it. Every change is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from api.audit import Auditeintrag, record
from api.deps import CaseReader, CaseSharer, DbSession, ReadSession
from api.identity.case_access import CaseAccess, list_shares, share_case, unshare_case
from api.jsonout import CanonicalJSONResponse
from api.openapi import schema_ref
from api.responses import problem

router = APIRouter(prefix="/cases", tags=["Freigaben"])

Kennung = Annotated[str, Path(min_length=2, max_length=63, pattern=r"^[a-z0-9][a-z0-9-]+$")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Rolle erlaubt das nicht, oder der Fall gehört einer anderen Organisation."),
    404: problem("Fall unbekannt (oder nicht für Ihre Organisation sichtbar)."),
    422: problem("Die Organisation ist im Fall nicht als Beteiligte genannt, oder die Art ist unbekannt."),
}


class FallteilungAnfrage(BaseModel):
    """Wie der Fall freigegeben wird."""

    model_config = ConfigDict(extra="forbid")
    art: str = Field(description="„lesen“ (nur lesen) oder „pruefen“ (lesen und prüfen/kommentieren)")


class Fallteilung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisation: str
    name: str
    art: str


class Fallteilungsliste(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fall: int
    freigaben: list[Fallteilung]


def _liste(session: Any, case_id: int) -> dict[str, Any]:
    return {
        "fall": case_id,
        "freigaben": [{"organisation": k, "name": n, "art": a} for k, n, a in list_shares(session, case_id)],
    }


def _record(session: Any, access: CaseAccess, aktion: str, kennung: str, detail: str) -> None:
    p = access.principal
    record(session, Auditeintrag(p.akteur, p.organisation_id, aktion, f"fall:{access.case_id}", "erfolg", detail))


_LISTE = {
    "description": "Die Freigaben des Falls.",
    "content": {"application/json": {"schema": schema_ref("Fallteilungsliste")}},
}


@router.get("/{case_id}/shares", summary="Freigaben eines Falls", responses={200: _LISTE, **_ERRORS})
def get_shares(access: CaseReader, session: ReadSession) -> Response:
    """Die Organisationen, denen der Fall freigegeben ist, mit der Art der Fallteilung."""
    return CanonicalJSONResponse(_liste(session, access.case_id))


@router.put(
    "/{case_id}/shares/{kennung}",
    summary="Fall an eine beteiligte Organisation freigeben",
    responses={200: _LISTE, 201: _LISTE, **_ERRORS},
)
def put_share(
    access: CaseSharer, kennung: Kennung, session: DbSession, anfrage: Annotated[FallteilungAnfrage, Body()]
) -> Response:
    """Gibt den Fall einer im Fall genannten Partnerorganisation frei (lesen oder prüfen);
    eine bestehende Fallteilung wird geändert."""
    _row, neu = share_case(session, access, kennung, anfrage.art)
    _record(session, access, "fall_freigeben", kennung, f"{kennung} {anfrage.art}")
    session.commit()
    return CanonicalJSONResponse(_liste(session, access.case_id), status_code=201 if neu else 200)


@router.delete(
    "/{case_id}/shares/{kennung}",
    status_code=204,
    summary="Fallteilung zurücknehmen",
    responses={204: {"description": "Zurückgenommen."}, **_ERRORS},
)
def delete_share(access: CaseSharer, kennung: Kennung, session: DbSession) -> Response:
    """Nimmt die Fallteilung an die Organisation zurück (ohne Fallteilung: ebenfalls 204)."""
    if unshare_case(session, access, kennung):
        _record(session, access, "freigabe_zuruecknehmen", kennung, kennung)
    session.commit()
    return Response(status_code=204)
