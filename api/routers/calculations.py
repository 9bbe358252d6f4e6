"""POST /calculations: Fallakte → Kalkulation (costs, shares with and without VAT, advances);
GET /rate-tables and POST /rate-tables/validate: the rate tables, and the check of an own one.

A calculation may bring the municipality's own rate tables: body ``{"fallakte": …,
"satztabellen": [<table>, …]}`` instead of the bare Fallakte (api/satztabellen.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from advisor.beratung import umsatzsteuersatz
from advisor.kosten import calculate, kalkulation_als_dict
from advisor.kosten.satztabellen import eigene_satztabelle_aus_dict
from advisor.kosten.satztabellen_json import satztabelle_als_dict
from advisor.kosten.satztabellen_modell import TITEL_SATZTABELLE
from api.deps import AppSettings, CurrentRules, RateTables
from api.documents import read_document
from api.jsonout import CanonicalJSONResponse
from api.openapi import json_response, request_body, schema_ref
from api.responses import PROBLEM_RESPONSES
from api.satztabellen import MAX_EIGENE_TABELLEN, fallakte_und_satztabellen

router = APIRouter(tags=["Kalkulation"])

KALKULATIONSANFRAGE_SCHEMA: dict[str, Any] = {
    "description": "Die Fallakte allein, oder die Fallakte mit eigenen Satztabellen der Kommune.",
    "oneOf": [
        schema_ref("Fallakte"),
        {
            "type": "object",
            "required": ["fallakte"],
            "additionalProperties": False,
            "properties": {
                "fallakte": schema_ref("Fallakte"),
                "satztabellen": {"type": "array", "maxItems": MAX_EIGENE_TABELLEN, "items": schema_ref("Satztabelle")},
            },
        },
    ],
}
_SATZTABELLEN_ANTWORT = {"type": "object", "description": "Eine Satztabelle mit abgeleiteten Jahreskosten je VZÄ."}


@router.post(
    "/calculations",
    summary="Kostenerstattung kalkulieren",
    openapi_extra=request_body(
        "Kalkulationsanfrage", "Die Fallakte (ikz-fallakte/1), auf Wunsch mit eigenen Satztabellen, als JSON oder YAML."
    ),
    responses={200: json_response("Kalkulation", "Die Kalkulation (ikz-kalkulation/1)."), **PROBLEM_RESPONSES},
)
async def post_calculation(
    request: Request, settings: AppSettings, regelwerk: CurrentRules, satztabellen: RateTables
) -> Response:
    """Jahreskosten je Leistung mit Herkunft jeder Zahl, Anteile je Zahler ohne und mit
    Umsatzsteuer (Regelsteuersatz zum Stichtag), Abschläge mit Umsatzsteuer je Abschlagsrechnung,
    Schlussrechnung und Wirtschaftlichkeitsvergleich. Eigene Satztabellen gelten nur für diese
    Anfrage; die Fallakte nennt sie mit ihrer id als ``kosten.satzgrundlage``."""
    daten = await read_document(request, settings.max_document_nodes)
    fallakte, tabellen = fallakte_und_satztabellen(daten, satztabellen)
    satz = umsatzsteuersatz(regelwerk, fallakte.stichtag)
    return CanonicalJSONResponse(kalkulation_als_dict(calculate(fallakte, tabellen, satz)))


@router.get(
    "/rate-tables",
    summary="Mitgelieferte Satztabellen mit Quelle und Prüfstand",
    responses={200: {"description": "Liste der Satztabellen (ikz-satztabelle/1)."}},
)
async def get_rate_tables(satztabellen: RateTables) -> Response:
    """Jede Satztabelle mit Quelle, Stand, Prüfstatus (je Zeile), Rundung und Wochenarbeitszeit
    und je Entgeltgruppe den Jahreskosten je VZÄ, die eine Kalkulation verwendet."""
    return CanonicalJSONResponse(
        {"satztabellen": [satztabelle_als_dict(satztabellen.tabellen[k]) for k in sorted(satztabellen.tabellen)]}
    )


@router.post(
    "/rate-tables/validate",
    summary="Eigene Satztabelle prüfen",
    openapi_extra=request_body("Satztabelle", "Eine eigene Satztabelle im Format von rules/tarife/ (JSON oder YAML)."),
    responses={200: {"description": "Die geprüfte Tabelle mit abgeleiteten Jahreskosten je VZÄ."}, **PROBLEM_RESPONSES},
)
async def validate_rate_table(request: Request, settings: AppSettings, satztabellen: RateTables) -> Response:
    """Prüft eine eigene Satztabelle (Format, Werte, Stimmigkeit der Stundensätze mit der Rundung,
    freie id) und zeigt die Jahreskosten je VZÄ, mit denen gerechnet würde. Speichert nichts."""
    daten = await read_document(request, settings.max_document_nodes, titel=TITEL_SATZTABELLE)
    tabelle = eigene_satztabelle_aus_dict(daten)
    satztabellen.mit_eigenen([tabelle])  # the id must be free
    return CanonicalJSONResponse({"gueltig": True, "tabelle": satztabelle_als_dict(tabelle)})
