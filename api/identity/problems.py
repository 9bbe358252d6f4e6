"""problem+json answers for the errors of identity and access (installed by api/app.py)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import RedirectResponse, Response

from advisor.errors import Feldproblem
from api.identity.case_access import AccessDenied
from api.identity.csrf import forgery_refusal
from api.identity.dependencies import CsrfRefused, unauthorized
from api.identity.errors import IdentityError, NotFound
from api.identity.web_access import SignInRequired, signin_url
from api.problems import PROBLEM_URN, problem_response, wants_html


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


def _signin_required(request: Request, exc: Exception) -> Response:
    """A web page without sign-in: 303 to the sign-in page; a script asking for JSON (the live
    panel) gets the API's 401 instead of a page it cannot show."""
    assert isinstance(exc, SignInRequired)
    if wants_html(request):
        return RedirectResponse(signin_url(exc.weiter), status_code=303)
    problem = unauthorized("Die Sitzung ist abgelaufen oder fehlt; bitte neu anmelden (/anmelden).")
    return problem_response(
        request,
        401,
        titel=problem.titel,
        detail=problem.detail,
        type_=PROBLEM_URN + problem.name,
        headers=problem.headers,
    )


def _csrf_refused(request: Request, exc: Exception) -> Response:
    """A cookie post without the session's CSRF token: the German refusal page on the web."""
    assert isinstance(exc, CsrfRefused)
    if wants_html(request):
        return forgery_refusal(request.scope)
    return problem_response(request, 403, titel=exc.titel, detail=exc.detail, type_=PROBLEM_URN + exc.name)


def install_identity_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequired, _signin_required)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(AccessDenied, _access_denied)
    app.add_exception_handler(IdentityError, _identity)
