"""POST /calculations: Fallakte → Kalkulation (costs, shares with and without VAT, advances)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from advisor.beratung import umsatzsteuersatz
from advisor.kosten import calculate, kalkulation_als_dict
from api.deps import CurrentRules, FallakteBody, RateTables
from api.jsonout import CanonicalJSONResponse
from api.openapi import fallakte_request_body, json_response
from api.responses import PROBLEM_RESPONSES

router = APIRouter(tags=["Kalkulation"])


@router.post(
    "/calculations",
    summary="Kostenerstattung kalkulieren",
    openapi_extra=fallakte_request_body(),
    responses={200: json_response("Kalkulation", "Die Kalkulation (ikz-kalkulation/1)."), **PROBLEM_RESPONSES},
)
async def post_calculation(fallakte: FallakteBody, regelwerk: CurrentRules, satztabellen: RateTables) -> Response:
    """Jahreskosten je Leistung mit Herkunft jeder Zahl, Anteile je Zahler ohne und mit
    Umsatzsteuer (Regelsteuersatz zum Stichtag), Abschläge und Wirtschaftlichkeitsvergleich."""
    satz = umsatzsteuersatz(regelwerk, fallakte.stichtag)
    return CanonicalJSONResponse(kalkulation_als_dict(calculate(fallakte, satztabellen, satz)))
