"""The problem responses API routes can give, for the OpenAPI document (schema: ``Problem``)."""

from __future__ import annotations

from typing import Any

from api.openapi import schema_ref


def problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/problem+json": {"schema": schema_ref("Problem")}}}


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: problem("Anfrage zu groß."),
    415: problem("Inhaltstyp nicht unterstützt (erwartet: application/json oder application/yaml)."),
    422: problem("Eingabe ungültig: deutsche Meldungen mit Feldpfad in `errors`."),
}
