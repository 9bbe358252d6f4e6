"""problem+json for refused review steps (installed by api/app.py).

A ``Pruefungsfehler`` becomes its status (409 state, 403 role, 422 input) with the German
sentence; when approvals are missing, the extension member ``fehlende_freigaben`` lists their
roles, so a budgeting tool can show whom to ask. On web pages the German error page.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from api.jsonout import canonical_json_bytes
from api.problems import PROBLEM_MEDIA_TYPE, PROBLEM_URN, problem_response, wants_html
from api.review.regeln import Pruefungsfehler

_TITEL = {
    403: "Zugriff verweigert.",
    409: "Der Prüfstand erlaubt das nicht.",
    422: "Eingabe nicht verarbeitbar.",
}


def _pruefungsfehler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Pruefungsfehler)
    titel = _TITEL.get(exc.status, "Fehler.")
    if wants_html(request) or not exc.fehlend:
        return problem_response(request, exc.status, titel=titel, detail=exc.detail, type_=PROBLEM_URN + exc.name)
    body = {
        "type": PROBLEM_URN + exc.name,
        "title": titel,
        "status": exc.status,
        "detail": exc.detail,
        "instance": request.url.path,
        "fehlende_freigaben": [r.value for r in exc.fehlend],
    }
    return Response(canonical_json_bytes(body), status_code=exc.status, media_type=PROBLEM_MEDIA_TYPE)


def install_review_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Pruefungsfehler, _pruefungsfehler)
