"""POST /documents/{art}: Fallakte → one of the four documents of the case, PDF (default) or DOCX
(by ``Accept``).

``art``: ``vereinbarung`` (the agreement, or the Verbandssatzung of a Zweckverband),
``pruefvermerk`` (internal tax memo), ``auskunft`` (application for a binding ruling, § 89 Abs. 2
AO), ``beschlussvorlage`` (council paper). All four come from one assessment and one calculation of
the posted case. ``stand`` (ISO date) dates the document; default: today. The same body and Stand
give the same bytes.

A stateless, open computation: it reads nothing stored and stores nothing, so it needs no
identity; the routes for saved cases check who asks. Invalid input — also a party § 23 GkG NRW
does not admit to an agreement — is a 422 problem naming the field. The assessment and the
document's text are built here; rendering it runs in a worker process (api/worker_pool.py).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from advisor.beratung import berate
from api import worker_pool
from api.deps import AppSettings, CurrentRules, FallakteBody, RateTables
from api.openapi import fallakte_request_body
from api.responses import PROBLEM_RESPONSES, problem
from api.routers.drafts import DOCX, PDF, ascii_slug, choose_media_type
from contracts.dokumente import DOKUMENTARTEN, als_docx, als_pdf, erstelle

router = APIRouter(tags=["Dokumente"])

Art = Literal["vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage"]


@router.post(
    "/documents/{art}",
    operation_id="createDocument",
    summary="Dokument des Falls erzeugen: Vereinbarung, Prüfvermerk, Antrag auf verbindliche Auskunft, Beschlussvorlage",
    openapi_extra=fallakte_request_body(),
    response_class=Response,
    responses={
        200: {
            "description": "Das Dokument: PDF, oder DOCX bei `Accept: " + DOCX + "`.",
            "content": {
                PDF: {"schema": {"type": "string", "format": "binary"}},
                DOCX: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        406: problem("Weder PDF noch DOCX ist laut Accept annehmbar."),
        **PROBLEM_RESPONSES,
    },
)
async def post_document(
    request: Request,
    art: Annotated[Art, Path(description="Art des Dokuments")],
    fallakte: FallakteBody,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    settings: AppSettings,
    final: Annotated[bool, Query(description="Ausfertigung ohne Entwurfskennzeichnung")] = False,
    stand: Annotated[date | None, Query(description="Stand-Datum (JJJJ-MM-TT); Vorgabe: heute")] = None,
    antragsteller: Annotated[
        str | None, Query(max_length=64, description="nur auskunft: Kennung des antragstellenden Beteiligten")
    ] = None,
    fuer: Annotated[
        str | None,
        Query(max_length=64, description="nur beschlussvorlage: Kennung des Beteiligten, dessen Gremium beschließt"),
    ] = None,
) -> Response:
    """Eines der vier Dokumente des Falls, aus einer Bewertung und einer Kalkulation erzeugt."""
    media_type = choose_media_type(request.headers.get("accept"))
    optionen = (
        {"antragsteller": antragsteller} if art == "auskunft" else {"fuer": fuer} if art == "beschlussvorlage" else {}
    )
    beratung = berate(fallakte, regelwerk, satztabellen)
    dokument = erstelle(art, beratung, final=final, stand=stand, regelwerk=regelwerk, **optionen)
    data = await worker_pool.ausfuehren(settings, als_docx if media_type == DOCX else als_pdf, dokument)
    endung = "docx" if media_type == DOCX else "pdf"
    stamm = DOKUMENTARTEN[art].dateiname
    slug = ascii_slug(fallakte.bezeichnung)
    name = f"{stamm}-{slug}" if slug else stamm
    return Response(
        data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}.{endung}"'}
    )
