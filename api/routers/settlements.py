"""POST /settlements: Fallakte + Ist-Daten → Spitzabrechnung (Nachzahlung/Erstattung je Zahler).

Body (JSON or YAML): ``{"fallakte": <ikz-fallakte/1>, "ist": <ikz-ist/1>}``. Error paths are
prefixed with ``fallakte.`` or ``ist.``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from advisor.beratung import umsatzsteuersatz
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.kosten import abrechnung_als_dict, ist_aus_daten, settle
from advisor.parsing import fallakte_aus_daten
from api.deps import AppSettings, CurrentRules
from api.documents import read_document
from api.jsonout import CanonicalJSONResponse
from api.openapi import json_response, request_body
from api.responses import PROBLEM_RESPONSES

router = APIRouter(tags=["Abrechnung"])
TITEL = "Die Abrechnungsanfrage ist ungültig."

ABRECHNUNGSANFRAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["fallakte", "ist"],
    "additionalProperties": False,
    "properties": {
        "fallakte": {"$ref": "#/components/schemas/Fallakte"},
        "ist": {"$ref": "#/components/schemas/Istdaten"},
    },
}


@router.post(
    "/settlements",
    summary="Spitzabrechnung erstellen",
    openapi_extra=request_body("Abrechnungsanfrage", "Fallakte und Ist-Daten (ikz-ist/1) eines Jahres."),
    responses={200: json_response("Abrechnung", "Die Abrechnung je Leistung und Zahler."), **PROBLEM_RESPONSES},
)
async def post_settlement(request: Request, settings: AppSettings, regelwerk: CurrentRules) -> Response:
    """Rechnet das Ist eines Jahres nach dem Schlüssel der Fallakte ab: Ist-Anteil, gezahlte
    Abschläge und Nachzahlung (negativ: Erstattung) je Zahler."""
    daten = await read_document(request, settings.max_document_nodes, titel=TITEL)
    if not isinstance(daten, dict) or set(daten) != {"fallakte", "ist"}:
        raise UngueltigeEingabe(
            [Feldproblem("", "Erwartet wird ein Abschnitt mit genau den Feldern „fallakte“ und „ist“.")], TITEL
        )
    fallakte = _mit_praefix("fallakte", lambda: fallakte_aus_daten(daten["fallakte"]))
    ist = _mit_praefix("ist", lambda: ist_aus_daten(daten["ist"]))
    # The VAT rate in force on 1 January of each settled year, as ``ikz settle`` uses it.
    abrechnung = _mit_praefix(
        "ist", lambda: settle(fallakte, ist, lambda jahr: umsatzsteuersatz(regelwerk, date(jahr, 1, 1)))
    )
    return CanonicalJSONResponse(abrechnung_als_dict(abrechnung))


def _mit_praefix(praefix: str, action: Any) -> Any:
    try:
        return action()
    except UngueltigeEingabe as e:
        probleme = [Feldproblem(f"{praefix}.{p.pfad}" if p.pfad else praefix, p.meldung) for p in e.probleme]
        raise UngueltigeEingabe(probleme, e.titel) from None
