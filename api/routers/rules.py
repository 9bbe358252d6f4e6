"""GET /rules: the § 2b rule set in force — version, hash, every rule with norm and validity."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from advisor.regelwerk import regelwerk_als_dict
from api.deps import CurrentRules
from api.jsonout import CanonicalJSONResponse

router = APIRouter(tags=["Regelwerk"])


@router.get("/rules", summary="Regelwerk (§ 2b UStG) mit Version und Prüfsumme")
async def get_rules(regelwerk: CurrentRules) -> Response:
    """Version und SHA-256 des Regelwerks, jede Regel mit Norm, Titel, Paraphrase, Quellen,
    Geltung (gilt_ab einschließlich, gilt_bis ausschließlich) und Prüfdatum."""
    return CanonicalJSONResponse(regelwerk_als_dict(regelwerk), headers={"ETag": f'"{regelwerk.sha256}"'})
