"""POST /drafts: Fallakte → the agreement as PDF (default) or DOCX (by ``Accept``).

Kept for existing clients; ``POST /documents/vereinbarung`` is the same document in the registry
of all four documents. Rendering is CPU work of tens of milliseconds, so it runs in a worker
process (api/worker_pool.py), off the event loop and its process. ``?final=true`` gives the "Ausfertigung" without draft marks; ``?stand``
dates it (default: today, no longer the case's Stichtag).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from advisor.beratung import berate
from advisor.fallakte import Fallakte
from api import worker_pool
from api.deps import AppSettings, CurrentRules, Expensive, FallakteBody, RateTables
from api.openapi import fallakte_request_body
from api.problems import ApiProblem
from api.responses import PROBLEM_RESPONSES, problem
from contracts.dokumente import als_docx, als_pdf, erstelle

router = APIRouter(tags=["Vereinbarungsentwurf"])

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_RENDERERS = {PDF: (als_pdf, "pdf"), DOCX: (als_docx, "docx")}


@router.post(
    "/drafts",
    summary="Vereinbarungsentwurf erzeugen (PDF oder DOCX)",
    openapi_extra=fallakte_request_body(),
    response_class=Response,
    responses={
        200: {
            "description": "Der Entwurf: PDF, oder DOCX bei `Accept: " + DOCX + "`.",
            "content": {
                PDF: {"schema": {"type": "string", "format": "binary"}},
                DOCX: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        406: problem("Weder PDF noch DOCX ist laut Accept annehmbar."),
        429: problem("Zu viele Dokumente in kurzer Zeit (Grenze je Aufrufer und Minute)."),
        **PROBLEM_RESPONSES,
    },
)
async def post_draft(
    request: Request,
    _limit: Expensive,
    fallakte: FallakteBody,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    settings: AppSettings,
    final: Annotated[bool, Query(description="Ausfertigung ohne Entwurfskennzeichnung")] = False,
    stand: Annotated[date | None, Query(description="Stand-Datum (JJJJ-MM-TT); Vorgabe: heute")] = None,
) -> Response:
    """Öffentlich-rechtliche Vereinbarung (beim Zweckverband: Verbandssatzung) mit Anlagen."""
    media_type = choose_media_type(request.headers.get("accept"))
    render, endung = _RENDERERS[media_type]
    # The assessment and the clauses (a few ms) here; the rendering in a worker process.
    dokument = erstelle("vereinbarung", berate(fallakte, regelwerk, satztabellen), final=final, stand=stand)
    data = await worker_pool.ausfuehren(settings, render, dokument)
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{dateiname(fallakte)}.{endung}"'},
    )


def choose_media_type(accept: str | None) -> str:
    """PDF or DOCX by the Accept header: the most specific matching range gives each its quality;
    the higher quality wins, PDF on a tie (and without Accept). Neither acceptable → 406."""
    if not accept or not accept.strip():
        return PDF
    ranges: dict[str, float] = {}
    for part in accept.split(","):
        kind, *params = (f.strip() for f in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges[kind.lower()] = quality

    def quality_of(candidate: str) -> float:
        for media_range in (candidate, "application/*", "*/*"):
            if media_range in ranges:
                return ranges[media_range]
        return 0.0

    pdf, docx = quality_of(PDF), quality_of(DOCX)
    if max(pdf, docx) <= 0:
        raise ApiProblem(
            406,
            "format-nicht-verfuegbar",
            f"Der Entwurf kann als {PDF} oder {DOCX} geliefert werden; Accept verlangt „{accept}“.",
        )
    return DOCX if docx > pdf else PDF


def ascii_slug(bezeichnung: str) -> str:
    """An ASCII slug of a case title for file names ("Digitaler-Zwilling-Kreis"), at most 60 characters."""
    text = bezeichnung.replace("ß", "ss").replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")


def dateiname(fallakte: Fallakte) -> str:
    """An ASCII file name from the case title ("Vereinbarung-Digitaler-Zwilling-Kreis")."""
    slug = ascii_slug(fallakte.bezeichnung)
    return f"Vereinbarung-{slug}" if slug else "Vereinbarung"
