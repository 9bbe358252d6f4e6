"""The OpenAPI document: the advisor's contract models as components, and request bodies for them.

Request bodies are parsed by hand (api/documents.py), so FastAPI does not see their types; each
route declares its body with ``fallakte_request_body()`` and the schemas are added here, generated
from the same pydantic model (``Fallakte``) that validates them.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from advisor.fallakte import Fallakte
from api import contract_schemas

REF = "#/components/schemas/{model}"
DOCUMENT_MEDIA_TYPES = ("application/json", "application/yaml")


def schema_ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=name)}


def request_body(schema_name: str, description: str) -> dict[str, Any]:
    """``openapi_extra`` for a route whose JSON/YAML body is the component ``schema_name``."""
    content = {media: {"schema": schema_ref(schema_name)} for media in DOCUMENT_MEDIA_TYPES}
    return {"requestBody": {"required": True, "description": description, "content": content}}


def fallakte_request_body() -> dict[str, Any]:
    return request_body("Fallakte", "Die Fallakte (ikz-fallakte/1) als JSON oder YAML.")


def json_response(schema_name: str, description: str) -> dict[str, Any]:
    """A ``responses`` entry whose JSON body is the component ``schema_name``."""
    return {"description": description, "content": {"application/json": {"schema": schema_ref(schema_name)}}}


def _components(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema.pop("$defs", {})
    return {**defs, name: schema}


def component_schemas(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """JSON schemas of the contract documents (and ``extra`` models or raw schemas), by name."""
    schemas: dict[str, Any] = {}
    models: dict[str, Any] = {
        "Fallakte": Fallakte,
        "Bewertung": contract_schemas.BewertungSchema,
        "Kalkulation": contract_schemas.KalkulationSchema,
        "Abrechnung": contract_schemas.AbrechnungSchema,
        **(extra or {}),
    }
    for name, model in models.items():
        if isinstance(model, dict):
            schemas.update(_components(name, dict(model)))
        else:
            schemas.update(_components(name, model.model_json_schema(ref_template=REF)))
    return schemas


PROBLEM_MEDIA_TYPE = "application/problem+json"


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_MEDIA_TYPE: {"schema": schema_ref("Problem")}}}


def _fastapi_validation_error(antwort: dict[str, Any]) -> bool:
    """Whether a documented 422 is FastAPI's own ``HTTPValidationError`` (never sent here) rather
    than a 422 a route documents itself (the register import's row problems)."""
    schema = antwort.get("content", {}).get("application/json", {}).get("schema", {})
    return str(schema.get("$ref", "")).endswith("/HTTPValidationError")


def problems_everywhere(document: dict[str, Any]) -> None:
    """Every error of every operation is described as what the server sends: problem+json.

    FastAPI documents its own 422 body (``HTTPValidationError``, application/json), which this
    server never sends; it is replaced by the ``Problem`` schema, and every operation gets a
    ``default`` problem response for the other errors (404, 405, 406, 413, 415, 503, …).
    """
    for pfad in document.get("paths", {}).values():
        for operation in pfad.values():
            antworten = operation.setdefault("responses", {})
            if "422" not in antworten or _fastapi_validation_error(antworten["422"]):
                antworten["422"] = _problem("Eingabe ungültig: deutsche Meldungen mit Feldpfad in `errors`.")
            antworten.setdefault("default", _problem("Fehler (RFC 9457 application/problem+json, deutsch)."))
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)


def install_openapi(app: FastAPI, extra_schemas: dict[str, Any] | None = None) -> None:
    """Make ``app.openapi()`` include the contract schemas (generated once, then cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                servers=app.servers,
            )
            components = document.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in component_schemas(extra_schemas).items():
                components.setdefault(name, schema)
            problems_everywhere(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
