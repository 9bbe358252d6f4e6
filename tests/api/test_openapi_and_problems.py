"""The OpenAPI document validates and documents every resource; every error is problem+json."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from api.app import create_app

ENDPOINTS = {
    ("post", "/api/v1/assessments"),
    ("post", "/api/v1/calculations"),
    ("post", "/api/v1/settlements"),
    ("post", "/api/v1/drafts"),
    ("post", "/api/v1/documents/{art}"),
    ("get", "/api/v1/rules"),
    ("get", "/api/v1/catalogue"),
    ("post", "/api/v1/cases"),
    ("get", "/api/v1/cases"),
    ("get", "/api/v1/cases/{case_id}"),
    ("put", "/api/v1/cases/{case_id}"),
    ("get", "/api/v1/cases/{case_id}/versions"),
    ("get", "/api/v1/cases/{case_id}/versions/{version}"),
    ("get", "/api/v1/rate-tables"),
    ("post", "/api/v1/rate-tables/validate"),
}
#: Bodies that are not a bare Fallakte: an envelope, or a rate table (issue 16).
ANDERE_BODIES = {
    "/api/v1/settlements": "Abrechnungsanfrage",
    "/api/v1/calculations": "Kalkulationsanfrage",
    "/api/v1/rate-tables/validate": "Satztabelle",
}


@pytest.fixture
def openapi(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_openapi_document_is_valid_openapi(openapi):
    validate(openapi)


def test_every_endpoint_is_documented(openapi):
    documented = {(method, path) for path, item in openapi["paths"].items() for method in item}
    assert ENDPOINTS <= documented


def test_fallakte_bodies_are_documented_as_json_and_yaml_with_the_contract_schema(openapi):
    for method, path in ENDPOINTS:
        if method in {"post", "put"}:
            name = ANDERE_BODIES.get(path, "Fallakte")
            content = openapi["paths"][path][method]["requestBody"]["content"]
            assert content["application/yaml"]["schema"] == {"$ref": f"#/components/schemas/{name}"}, path
            assert content["application/json"]["schema"] == {"$ref": f"#/components/schemas/{name}"}, path
    anfrage = openapi["components"]["schemas"]["Kalkulationsanfrage"]
    assert {"$ref": "#/components/schemas/Fallakte"} in anfrage["oneOf"]
    fallakte = openapi["components"]["schemas"]["Fallakte"]
    assert fallakte["additionalProperties"] is False
    assert fallakte["properties"]["beteiligte"]["maxItems"] == 500


def test_errors_are_documented_as_problem_json(openapi):
    responses = openapi["paths"]["/api/v1/assessments"]["post"]["responses"]
    assert responses["422"]["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_the_docs_page_is_served(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and "openapi.json" in response.text


def test_an_unknown_address_is_a_german_404_problem(client, problem):
    assert "/api/v1" in problem(client.get("/api/v1/gibt-es-nicht"), 404)["detail"]


def test_a_wrong_method_is_a_german_405_problem(client, problem):
    assert "Methode" in problem(client.delete("/api/v1/rules"), 405)["title"]


def test_an_unexpected_failure_is_a_german_500_problem_without_a_traceback(settings, problem):
    app = create_app(settings)
    kaputt = APIRouter()

    @kaputt.get("/api/v1/kaputt")
    async def broken() -> None:
        raise RuntimeError("geheimes Detail aus dem Inneren")

    app.include_router(kaputt)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/kaputt")
    body = problem(response, 500)
    assert "geheimes Detail" not in response.text and "RuntimeError" not in response.text
    assert body["detail"].startswith("Interner Fehler")
    app.state.engine.dispose()


def test_a_database_that_is_busy_is_a_503_problem_with_retry_after(app, key_client, problem, monkeypatch):
    client = key_client
    from sqlalchemy.exc import OperationalError

    from api import cases

    def locked(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(cases, "list_cases", locked)
    response = client.get("/api/v1/cases")
    problem(response, 503)
    assert response.headers["retry-after"] == "2"


def _validator(openapi: dict, component: str):
    from jsonschema.validators import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource("urn:openapi", Resource(contents=openapi, specification=DRAFT202012))
    schema = {"$ref": f"urn:openapi#/components/schemas/{component}"}
    return Draft202012Validator(schema, registry=registry)


def test_the_responses_match_their_documented_schemas(key_client, openapi, personal_yaml):
    client = key_client
    yaml_headers = {"content-type": "application/yaml"}
    for path, component in (
        ("/api/v1/assessments", "Bewertung"),
        ("/api/v1/calculations", "Kalkulation"),
        ("/api/v1/cases", "FallVersion"),
    ):
        body = client.post(path, content=personal_yaml, headers=yaml_headers).json()
        errors = [e.message for e in _validator(openapi, component).iter_errors(body)]
        assert errors == [], (path, errors[:3])
    for path, component in (("/api/v1/cases", "Fallliste"), ("/api/v1/cases/1/versions", "Versionsliste")):
        errors = [e.message for e in _validator(openapi, component).iter_errors(client.get(path).json())]
        assert errors == [], (path, errors[:3])
    bad = client.post("/api/v1/assessments", content="format: x", headers=yaml_headers).json()
    assert [e.message for e in _validator(openapi, "Problem").iter_errors(bad)] == []


def test_a_documented_schema_would_catch_a_wrong_money_format(openapi):
    wrong = {"format": "ikz-kalkulation/1", "leistungen": [{"leistung": "x", "kosten_netto": 12.5}]}
    assert list(_validator(openapi, "Kalkulation").iter_errors(wrong))


def test_a_german_detail_given_with_an_http_error_is_kept(settings, problem):
    from fastapi import HTTPException

    app = create_app(settings)
    eigen = APIRouter()

    @eigen.get("/api/v1/eigen")
    async def own() -> None:
        raise HTTPException(404, detail="Diesen Bericht gibt es nicht mehr.")

    app.include_router(eigen)
    with TestClient(app) as client:
        assert problem(client.get("/api/v1/eigen"), 404)["detail"] == "Diesen Bericht gibt es nicht mehr."
    app.state.engine.dispose()


def test_a_422_a_route_documents_itself_is_kept_and_fastapis_own_is_replaced(openapi):
    """The register import answers row problems as JSON beside problem+json; every other 422 is
    problem+json only (FastAPI's HTTPValidationError is never sent)."""
    import_422 = openapi["paths"]["/api/v1/register/import"]["post"]["responses"]["422"]["content"]
    assert set(import_422) == {"application/problem+json", "application/json"}
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            if (path, method) != ("/api/v1/register/import", "post"):
                assert set(operation["responses"]["422"]["content"]) == {"application/problem+json"}, (path, method)
    assert "HTTPValidationError" not in str(openapi)
