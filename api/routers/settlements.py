"""POST /settlements: Fallakte + Ist-Daten → Spitzabrechnung (Nachzahlung/Erstattung je Zahler).

Body (JSON or YAML): ``{"fallakte": <ikz-fallakte/1>, "ist": <ikz-ist/1>}``, optionally with
``"satztabellen": [<own table>, …]`` (needed only to recompute a planned unit price). Error paths
are prefixed with ``fallakte.``, ``ist.`` or ``satztabellen[i].``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.kosten import abrechnung_als_dict, ist_aus_dict, settle
from advisor.parsing import fallakte_aus_dict
from advisor.steuersatz import umsatzsteuersaetze_je_jahr
from api.deps import AppSettings, CurrentRules, RateTables
from api.documents import read_document
from api.jsonout import CanonicalJSONResponse
from api.openapi import json_response, request_body
from api.responses import PROBLEM_RESPONSES
from api.satztabellen import eigene_tabellen, mit_praefix

router = APIRouter(tags=["Abrechnung"])
TITEL = "Die Abrechnungsanfrage ist ungültig."

ABRECHNUNGSANFRAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["fallakte", "ist"],
    "additionalProperties": False,
    "properties": {
        "fallakte": {"$ref": "#/components/schemas/Fallakte"},
        "ist": {"$ref": "#/components/schemas/Istdaten"},
        "satztabellen": {"type": "array", "items": {"$ref": "#/components/schemas/Satztabelle"}},
    },
}


@router.post(
    "/settlements",
    summary="Spitzabrechnung erstellen",
    openapi_extra=request_body("Abrechnungsanfrage", "Fallakte und Ist-Daten (ikz-ist/1) eines Jahres."),
    responses={200: json_response("Abrechnung", "Die Abrechnung je Leistung und Zahler."), **PROBLEM_RESPONSES},
)
async def post_settlement(
    request: Request, settings: AppSettings, regelwerk: CurrentRules, satztabellen: RateTables
) -> Response:
    """Rechnet das Ist eines Jahres nach dem Schlüssel der Fallakte ab: Ist-Anteil, gezahlte
    Abschläge und Nachzahlung (negativ: Erstattung) je Zahler."""
    daten = await read_document(request, settings.max_document_nodes, titel=TITEL)
    if not isinstance(daten, dict) or not {"fallakte", "ist"} <= set(daten) <= {"fallakte", "ist", "satztabellen"}:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "",
                    "Erwartet wird ein Abschnitt mit den Feldern „fallakte“ und „ist“ (und auf Wunsch „satztabellen“).",
                )
            ],
            TITEL,
        )
    fallakte = _mit_praefix("fallakte", lambda: fallakte_aus_dict(daten["fallakte"]))
    ist = _mit_praefix("ist", lambda: ist_aus_dict(daten["ist"]))
    tabellen = eigene_tabellen(daten.get("satztabellen"), satztabellen)
    # The VAT rate in force on 1 January of each settled year, as ``ikz settle`` uses it.
    abrechnung = _mit_praefix(
        "ist", lambda: settle(fallakte, ist, umsatzsteuersaetze_je_jahr(regelwerk, fallakte), tabellen)
    )
    return CanonicalJSONResponse(abrechnung_als_dict(abrechnung))


_mit_praefix = mit_praefix
