"""POST /assessments: Fallakte → Bewertung (§ 2b UStG), with the cost figures of the calculation."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from api.deps import CurrentRules, FallakteBody, RateTables
from api.jsonout import CanonicalJSONResponse
from api.openapi import fallakte_request_body, json_response
from api.responses import PROBLEM_RESPONSES

router = APIRouter(tags=["Bewertung"])


@router.post(
    "/assessments",
    summary="Fallakte bewerten (§ 2b UStG)",
    openapi_extra=fallakte_request_body(),
    responses={200: json_response("Bewertung", "Die Bewertung (ikz-bewertung/1)."), **PROBLEM_RESPONSES},
)
async def post_assessment(fallakte: FallakteBody, regelwerk: CurrentRules, satztabellen: RateTables) -> Response:
    """Bewertet jede Leistung der Fallakte nach § 2b UStG: Ergebnis, Kriterien mit Norm und Quelle,
    offene Fragen, Risiko und Empfehlungen. Die Kostenkennzahlen kommen aus der Kalkulation."""
    beratung = berate(fallakte, regelwerk, satztabellen)
    return CanonicalJSONResponse(bewertung_als_dict(beratung.bewertung))
