"""Unknown query parameters on the JSON API are refused, not ignored.

A budgeting program that sends ``?limt=10`` or ``?stichtg=…`` would otherwise get an answer that
silently ignores what it meant. Every ``/api/v1`` route therefore accepts exactly the query
parameters its operation in the OpenAPI document lists — those FastAPI derives from the handler and
its dependencies, and those a route adds by hand in ``openapi_extra`` (the screening's
``stichtag``). Anything else is a 422 problem naming the parameter.

The names are not read from the document at request time: building it costs a tenth of a second
per app. They are derived from the matched route the way FastAPI derives the document's query
parameters — the query parameters of the route's dependency tree (by the name a request uses,
without those hidden from the schema) and the ``in: query`` entries of its
``openapi_extra["parameters"]`` — once per route and app. The document stays the contract:
tests/api/test_query_parameters.py checks, for every ``/api/v1`` operation of a real app, that
these names are exactly the query parameters the document lists. That check is what stands
behind two cases the derivation does not model because no route has them: a query parameter
declared as a pydantic model (the document lists its fields) and one of a dependency given to
``include_router`` (the matched route does not carry those).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_validation_alias
from fastapi.routing import APIRoute

from advisor.errors import Feldproblem, UngueltigeEingabe


def route_query_parameters(route: APIRoute) -> frozenset[str]:
    """The query parameter names the OpenAPI operation of ``route`` lists, derived from the route:
    its dependency tree's query parameters and the ``in: query`` entries of ``openapi_extra``."""
    namen: set[str] = set()
    offen: list[Dependant] = [route.dependant]
    while offen:
        dependant = offen.pop()
        for feld in dependant.query_params:
            if getattr(feld.field_info, "include_in_schema", True):
                namen.add(get_validation_alias(feld))
        offen.extend(dependant.dependencies)
    extra: Any = (route.openapi_extra or {}).get("parameters", [])
    namen.update(str(p["name"]) for p in extra if isinstance(p, dict) and p.get("in") == "query")
    return frozenset(namen)


def _erlaubte_namen(app: FastAPI, route: APIRoute) -> frozenset[str]:
    """``route_query_parameters(route)``, derived once per route and app."""
    tabelle: dict[int, frozenset[str]] | None = getattr(app.state, "abfrageparameter", None)
    if tabelle is None:
        tabelle = app.state.abfrageparameter = {}
    # The key is the route's id: the app keeps its routes alive, so no other route can take it.
    erlaubt = tabelle.get(id(route))
    if erlaubt is None:
        erlaubt = tabelle[id(route)] = route_query_parameters(route)
    return erlaubt


def reject_unknown_query_parameters(request: Request) -> None:
    """A router dependency: 422 with one problem per query parameter the route does not know."""
    if not request.query_params:
        return  # the common case costs nothing
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    if not route.include_in_schema:
        return
    erlaubt = _erlaubte_namen(request.app, route)
    unbekannt = sorted({name for name in request.query_params.keys() if name not in erlaubt})
    if not unbekannt:
        return
    hinweis = (
        f"Erlaubt sind: {', '.join(sorted(erlaubt))}." if erlaubt else "Diese Adresse kennt keine Abfrageparameter."
    )
    raise UngueltigeEingabe(
        [Feldproblem(name[:80], f"Unbekannter Abfrageparameter. {hinweis}") for name in unbekannt[:10]],
        "Die Anfrage enthält unbekannte Abfrageparameter.",
    )
