"""Unknown query parameters on the JSON API are refused, not ignored.

A budgeting program that sends ``?limt=10`` or ``?stichtg=…`` would otherwise get an answer that
silently ignores what it meant. Every ``/api/v1`` route therefore accepts exactly the query
parameters its operation in the OpenAPI document lists — those FastAPI derives from the handler and
its dependencies, and those a route adds by hand in ``openapi_extra`` (the screening's
``stichtag``). The document is the contract, so it is read rather than FastAPI's internals.
Anything else is a 422 problem naming the parameter.
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute

from advisor.errors import Feldproblem, UngueltigeEingabe

_PLATZHALTER = re.compile(r"\{[^}/]+\}")


def _operationen(app: FastAPI) -> list[tuple[re.Pattern[str], int, dict[str, frozenset[str]]]]:
    """Each documented path as a pattern, its count of literal characters and, per method, the
    names of its query parameters (built once per app from the OpenAPI document)."""
    tabelle = getattr(app.state, "abfrageparameter", None)
    if tabelle is None:
        tabelle = []
        for pfad, eintrag in app.openapi().get("paths", {}).items():
            teile = _PLATZHALTER.split(pfad)
            muster = re.compile("[^/]+".join(re.escape(teil) for teil in teile) + r"\Z")
            methoden = {
                methode.upper(): frozenset(
                    str(p["name"]) for p in operation.get("parameters", []) if p.get("in") == "query"
                )
                for methode, operation in eintrag.items()
                if isinstance(operation, dict)
            }
            tabelle.append((muster, sum(len(teil) for teil in teile), methoden))
        app.state.abfrageparameter = tabelle
    return tabelle


def documented_query_parameters(app: FastAPI, path: str, method: str) -> frozenset[str] | None:
    """The query parameter names the OpenAPI operation for ``method path`` documents, or ``None``
    when the document has no such operation (then nothing is refused here). Where a literal path
    and a template both match (``/cases/x`` against ``/cases/{case_id}``), the more literal wins."""
    treffer = [
        (literal, methoden)
        for muster, literal, methoden in _operationen(app)
        if method.upper() in methoden and muster.match(path)
    ]
    if not treffer:
        return None
    return max(treffer, key=lambda t: t[0])[1][method.upper()]


def reject_unknown_query_parameters(request: Request) -> None:
    """A router dependency: 422 with one problem per query parameter the route does not know."""
    if not request.query_params:
        return  # the common case costs nothing
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    if not route.include_in_schema:
        return
    erlaubt = documented_query_parameters(request.app, request.url.path, request.method)
    if erlaubt is None:
        return
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
