"""GET /catalogue: the Aufgabenfelder with the defaults each fills in, and their sources."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from advisor.regelwerk import katalog_als_dict
from api.deps import CurrentRules
from api.jsonout import CanonicalJSONResponse

router = APIRouter(tags=["Regelwerk"])


@router.get("/catalogue", summary="Katalog der Aufgabenfelder mit Vorgaben")
async def get_catalogue(regelwerk: CurrentRules) -> Response:
    """Jedes Aufgabenfeld mit den Fakten, die es vorbelegt, und der Quelle (oder „Annahme“)."""
    return CanonicalJSONResponse(katalog_als_dict(regelwerk), headers={"ETag": f'"{regelwerk.sha256}"'})
