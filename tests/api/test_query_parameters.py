"""Unknown query parameters are refused with a 422 naming them (found by schemathesis in CI)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi.routing import APIRoute, iter_route_contexts

from api.app import API_PREFIX
from api.query_params import route_query_parameters


def test_an_unknown_query_parameter_is_named_in_a_422(key_client, problem):
    antwort = key_client.get("/api/v1/cases?limt=5")
    body = problem(antwort, 422, pfad="limt")
    meldung = body["errors"][0]["meldung"]
    assert "Unbekannter Abfrageparameter" in meldung and "limit" in meldung and "offset" in meldung


def test_documented_query_parameters_still_work(key_client):
    antwort = key_client.get("/api/v1/cases?limit=5&offset=0")
    assert antwort.status_code == 200, antwort.text
    assert antwort.json()["limit"] == 5


def test_a_route_without_query_parameters_refuses_any(client, problem):
    body = problem(client.get("/api/v1/rules?x=1"), 422, pfad="x")
    assert "kennt keine Abfrageparameter" in body["errors"][0]["meldung"]


def test_a_hostile_parameter_name_is_shortened_and_never_breaks_the_answer(key_client, problem):
    name = "%C3%89%19%F0%BA%BA%B6" + "x" * 500
    body = problem(key_client.get(f"/api/v1/cases?{name}=1&Klausel+kommentieren=null"), 422)
    assert all(len(e["pfad"]) <= 80 for e in body["errors"])


def test_a_parameter_documented_by_hand_is_accepted(key_client):
    """The screening's ``stichtag`` is documented in ``openapi_extra``, not by the handler."""
    antwort = key_client.post(
        "/api/v1/screenings?stichtag=2027-01-01",
        content="Erbringer;Empfänger;Leistung\n".encode(),
        headers={"content-type": "text/csv"},
    )
    assert antwort.status_code != 422 or "Abfrageparameter" not in antwort.text, antwort.text


def test_the_names_derived_from_each_route_are_the_query_parameters_its_operation_documents(app):
    """The check refuses by names derived from the matched route (api/query_params.py); the OpenAPI
    document is the contract. For every /api/v1 operation of the real app both must be the same."""
    document = app.openapi()
    geprueft: list[str] = []
    dokumentiert_insgesamt: set[str] = set()
    for kontext in iter_route_contexts(app.routes):
        route = kontext.original_route  # what the check finds in request.scope["route"]
        if not isinstance(route, APIRoute) or not kontext.include_in_schema:
            continue
        pfad = kontext.path_format
        if not pfad.startswith(f"{API_PREFIX}/"):
            continue
        for methode in sorted(kontext.methods):
            operation = document["paths"][pfad][methode.lower()]
            dokumentiert = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert route_query_parameters(route) == dokumentiert, f"{methode} {pfad}"
            geprueft.append(f"{methode} {pfad}")
            dokumentiert_insgesamt |= dokumentiert
    # every documented /api/v1 operation was compared, among them ones with parameters from the
    # handler, by alias (regelwerk) and by hand (the screening's stichtag in openapi_extra)
    im_dokument = [
        f"{m.upper()} {p}" for p, ops in document["paths"].items() if p.startswith(f"{API_PREFIX}/") for m in ops
    ]
    assert sorted(geprueft) == sorted(im_dokument)
    assert {"limit", "offset", "stichtag", "regelwerk"} <= dokumentiert_insgesamt


def test_the_derivation_follows_dependencies_aliases_and_hidden_parameters_as_the_document_does():
    """What the real app has no route for yet, on a small app of its own: a query parameter of a
    dependency of a dependency, an alias, a parameter hidden from the schema, one by hand."""

    def innen(tiefe: int = 0) -> int:
        return tiefe

    def aussen(seite: Annotated[int, Query(alias="Seite")] = 1, tiefe: int = Depends(innen)) -> int:
        return seite + tiefe

    router = APIRouter()

    @router.get("/x/{kennung}", openapi_extra={"parameters": [{"name": "von_hand", "in": "query"}]})
    def x(
        kennung: int,
        verborgen: Annotated[str | None, Query(include_in_schema=False)] = None,
        wert: int = Depends(aussen),
    ) -> dict[str, int]:
        return {}

    kleine_app = FastAPI()
    kleine_app.include_router(router, prefix="/p")
    operation = kleine_app.openapi()["paths"]["/p/x/{kennung}"]["get"]
    dokumentiert = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    assert dokumentiert == {"Seite", "tiefe", "von_hand"}
    (route,) = [r for r in router.routes if isinstance(r, APIRoute)]
    assert route_query_parameters(route) == dokumentiert
