"""Every error as RFC 9457 ``application/problem+json`` with a German ``detail``.

Shape: ``{"type", "title", "status", "detail", "instance"}`` plus, for invalid input,
``"errors": [{"pfad": "leistungen[0].erbringer", "meldung": "…"}]``. Problem types are URNs
``urn:ikz-berater:problem:<name>`` (listed in docs/api.md); plain HTTP errors use ``about:blank``.
No handler lets a traceback reach the client; the catch-all answers 500 in German and logs.

The same errors on the web pages (any path outside /api) are German HTML pages in the site's frame
(``api.web.error_pages``), unless the client asks for JSON only (the form's live panel does).
"""

from __future__ import annotations

import logging
import secrets
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from advisor.errors import Auswertungsfehler, Feldproblem, UngueltigeEingabe, UngueltigesRegelwerk
from advisor.validation_messages import field_path, german_message
from api.case_types import CaseSigned
from api.cases import CaseNotFound, CaseStoreError, IdempotencyConflict, VersionConflict, VersionNotFound
from api.jsonout import canonical_json_bytes
from screening.grenzen import Grenzueberschreitung

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_URN = "urn:ikz-berater:problem:"
API_PATH = "/api"
log = logging.getLogger("ikz.api")

_HTTP_TITEL = {
    400: "Fehlerhafte Anfrage.",
    401: "Anmeldung erforderlich.",
    403: "Zugriff verweigert.",
    404: "Nicht gefunden.",
    405: "Methode nicht erlaubt.",
    406: "Antwortformat nicht verfügbar.",
    409: "Konflikt.",
    412: "Vorbedingung nicht erfüllt.",
    413: "Anfrage zu groß.",
    415: "Eingabeformat nicht unterstützt.",
    422: "Eingabe nicht verarbeitbar.",
    429: "Zu viele Anfragen.",
    500: "Interner Fehler.",
    503: "Dienst vorübergehend nicht verfügbar.",
}
_HTTP_DETAIL = {
    404: "Unter dieser Adresse gibt es nichts. Die Schnittstelle liegt unter /api/v1 (Übersicht: /api/v1/docs).",
    405: "Diese Adresse unterstützt die verwendete HTTP-Methode nicht.",
}


class ApiProblem(Exception):
    """An error the API answers with a given status, problem type and German sentence."""

    def __init__(
        self, status: int, name: str, detail: str, *, titel: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        self.status = status
        self.name = name
        self.detail = detail
        self.titel = titel or _HTTP_TITEL.get(status, "Fehler.")
        self.headers = headers or {}
        super().__init__(detail)


def problem_response(
    request: Request,
    status: int,
    *,
    titel: str,
    detail: str,
    type_: str = "about:blank",
    errors: list[Feldproblem] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A problem+json response (deterministic JSON) — or, for a person on the web pages, the German
    error page with the same status, message and headers (see ``wants_html``)."""
    if wants_html(request):
        from api.web.error_pages import error_page

        return error_page(status, titel if errors else detail, probleme=errors, headers=headers)
    body: dict[str, Any] = {
        "type": type_,
        "title": titel,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors is not None:
        body["errors"] = [{"pfad": p.pfad, "meldung": p.meldung} for p in errors]
    return Response(canonical_json_bytes(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def wants_html(request: Request) -> bool:
    """Whether an error is answered with an HTML page: a path outside the API (``/api``), asked for
    by a client that does not ask for JSON only."""
    path = request.url.path
    if path == API_PATH or path.startswith(API_PATH + "/"):
        return False
    accept = request.headers.get("accept", "").lower()
    return not ("json" in accept and "text/html" not in accept)


def _ungueltige_eingabe(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UngueltigeEingabe)
    detail = " ".join(str(p) + ("" if str(p).endswith(".") else ".") for p in exc.probleme) or exc.titel
    return problem_response(
        request, 422, titel=exc.titel, detail=detail, type_=PROBLEM_URN + "ungueltige-eingabe", errors=exc.probleme
    )


def _grenze(request: Request, exc: Exception) -> Response:
    """An inventory beyond a reading bound (size, rows, columns, cell, time): 413 naming the bound."""
    assert isinstance(exc, Grenzueberschreitung)
    detail = " ".join(str(p) for p in exc.probleme) or exc.titel
    return problem_response(
        request, 413, titel=exc.titel, detail=detail, type_=PROBLEM_URN + "grenze-ueberschritten", errors=exc.probleme
    )


def _request_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    probleme = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if loc and loc[0] in {"query", "path", "header", "cookie", "body"}:
            loc = loc[1:]
        probleme.append(Feldproblem(field_path(loc), german_message(dict(error))))
    return _ungueltige_eingabe(request, UngueltigeEingabe(probleme, "Die Anfrage ist ungültig."))


def _api_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    return problem_response(
        request, exc.status, titel=exc.titel, detail=exc.detail, type_=PROBLEM_URN + exc.name, headers=exc.headers
    )


_STORE_ERRORS: dict[type[CaseStoreError], tuple[int, str]] = {
    CaseNotFound: (404, "fall-unbekannt"),
    VersionNotFound: (404, "version-unbekannt"),
    VersionConflict: (412, "version-veraltet"),
    IdempotencyConflict: (422, "idempotency-key-wiederverwendet"),
    CaseSigned: (409, "fall-unterzeichnet"),
}


def _case_store(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CaseStoreError)
    status, name = _STORE_ERRORS.get(type(exc), (409, "fall-konflikt"))
    return problem_response(request, status, titel=_HTTP_TITEL[status], detail=exc.detail, type_=PROBLEM_URN + name)


def _auswertung(request: Request, exc: Exception) -> Response:
    log.error("Auswertungsfehler bei %s: %s", request.url.path, exc)
    return problem_response(
        request,
        422,
        titel="Der Fall kann mit dem Regelwerk nicht entschieden werden.",
        detail=f"{exc} Das ist eine Lücke des Regelwerks, kein Fehler der Eingabe; bitte den Fall melden.",
        type_=PROBLEM_URN + "auswertung-nicht-moeglich",
    )


def _regelwerk(request: Request, exc: Exception) -> Response:
    log.error("Regelwerk fehlerhaft: %s", exc)
    return problem_response(
        request,
        503,
        titel=_HTTP_TITEL[503],
        detail="Das Regelwerk ist fehlerhaft und kann nicht verwendet werden.",
        type_=PROBLEM_URN + "regelwerk-fehlerhaft",
    )


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    titel = _HTTP_TITEL.get(status, "Fehler.")
    # Starlette's own exceptions carry the English reason phrase; ours carry a German sentence.
    eigener_text = isinstance(exc.detail, str) and exc.detail and exc.detail != _reason_phrase(status)
    if eigener_text:
        detail = str(exc.detail)
    elif wants_html(request):
        from api.web.error_pages import fehlerart

        detail = fehlerart(status).erklaerung
    else:
        detail = _HTTP_DETAIL.get(status, titel)
    headers = dict(exc.headers or {})
    if status == 405:
        headers["Allow"] = allowed_methods(request)
    return problem_response(request, status, titel=titel, detail=detail, headers=headers)


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this path (Starlette's 405 names only the first route's)."""
    methoden: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            methoden.update(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methoden))


def _reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _database(request: Request, exc: Exception) -> Response:
    log.warning("Datenbankfehler bei %s: %s", request.url.path, exc)
    return problem_response(
        request,
        503,
        titel=_HTTP_TITEL[503],
        detail="Die Datenbank ist gerade nicht erreichbar oder ausgelastet. Bitte in einigen Sekunden erneut versuchen.",
        type_=PROBLEM_URN + "datenbank-nicht-verfuegbar",
        headers={"Retry-After": "2"},
    )


def _internal(request: Request, exc: Exception) -> Response:
    nummer = secrets.token_hex(4)
    log.exception("Unerwarteter Fehler %s bei %s %s", nummer, request.method, request.url.path, exc_info=exc)
    return problem_response(
        request,
        500,
        titel=_HTTP_TITEL[500],
        detail=f"Interner Fehler im IKZ-Berater (Fehlernummer {nummer}). Bitte melden Sie den Fall mit der Eingabe.",
        type_=PROBLEM_URN + "interner-fehler",
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Register a problem+json handler for every kind of error."""
    app.add_exception_handler(UngueltigeEingabe, _ungueltige_eingabe)
    app.add_exception_handler(Grenzueberschreitung, _grenze)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(ApiProblem, _api_problem)
    app.add_exception_handler(CaseStoreError, _case_store)
    app.add_exception_handler(Auswertungsfehler, _auswertung)
    app.add_exception_handler(UngueltigesRegelwerk, _regelwerk)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(OperationalError, _database)
    app.add_exception_handler(Exception, _internal)
