"""problem+json answers for the errors of identity and access (installed by api/app.py)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from advisor.errors import Feldproblem
from api.identity.case_access import AccessDenied
from api.identity.errors import IdentityError, NotFound
from api.problems import PROBLEM_URN, problem_response


def _access_denied(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AccessDenied)
    return problem_response(
        request, 403, titel="Zugriff verweigert.", detail=exc.detail, type_=PROBLEM_URN + "recht-fehlt"
    )


def _identity(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, IdentityError)
    status, name = (404, "nicht-gefunden") if isinstance(exc, NotFound) else (422, "ungueltige-eingabe")
    return problem_response(
        request,
        status,
        titel="Nicht gefunden." if status == 404 else "Eingabe nicht verarbeitbar.",
        detail=exc.detail,
        type_=PROBLEM_URN + name,
        errors=[Feldproblem(exc.feld, exc.detail)],
    )


def install_identity_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AccessDenied, _access_denied)
    app.add_exception_handler(IdentityError, _identity)
