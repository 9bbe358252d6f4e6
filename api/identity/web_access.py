"""Access control for the web pages (the HTML counterpart of api/identity/dependencies.py).

- ``require_web_user``   the signed-in person (or a bearer key); without credentials the page
  answers 303 to ``/anmelden?weiter=<this page>`` (``SignInRequired``), never 401.
- ``web_require(recht)`` the same, whose roles must allow ``recht`` (else a German 403 page).
- ``web_case_access(recht, get_session)`` the case of the path parameter ``fall_id`` if the
  caller may do ``recht`` with it: a case of another organisation (or none) is the German 404
  page — the same page as for a number never used; the refusal is recorded in the audit trail.
- ``web_expensive`` the per-client rate limit of expensive work (documents, screenings).
- ``open_web_computation`` the pages that store nothing (the empty form, its re-rendering and
  live panel, the import into the form, the rate-table page): open while
  ``IKZ_OFFENE_BERECHNUNG`` is true, like the API's stateless endpoints; otherwise sign-in.

CSRF: a cookie-authenticated POST must carry the session's token (the hidden field written by
the Jinja global ``csrf_feld()``, or the header ``X-CSRF-Token``); ``current_principal`` checks
it, and on the web a missing or wrong token is the German 403 page (``CsrfRefused``). Anonymous
posts to open pages carry the pre-sign-in token of the cookie ``ikz_formular``, checked by
``verify_anonymous_form``. The Origin check of every state-changing request is the middleware's
(api/identity/csrf.py).

No ``from __future__ import annotations`` here: FastAPI must resolve the dependency factories'
``Annotated`` parameters, which name the factories' local variables.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.audit import Auditeintrag, record_now
from api.case_types import CaseNotFound
from api.identity.case_access import AccessDenied, CaseAccess, check_case_access
from api.identity.dependencies import SAFE_METHODS, charge_expensive, current_principal
from api.identity.principal import Principal
from api.identity.rollen import Recht

SIGNIN_PATH = "/anmelden"


class SignInRequired(Exception):
    """A web page needs a signed-in person; answered with 303 to the sign-in page."""

    def __init__(self, weiter: str) -> None:
        self.weiter = weiter
        super().__init__(weiter)


def return_path(request: Request) -> str:
    """Where to go after sign-in: this page (path and query) for a GET; for a form post the page
    the form was on cannot be replayed, so its path only (the person submits again)."""
    path = request.url.path
    if request.method in SAFE_METHODS and request.url.query:
        path += "?" + request.url.query
    return path if len(path) <= 500 else request.url.path[:500]


def signin_url(weiter: str) -> str:
    """The sign-in page with a local return path (``safe_target`` checks it again on arrival)."""
    return f"{SIGNIN_PATH}?weiter={quote(weiter, safe='/')}"


async def optional_web_user(request: Request) -> Principal | None:
    """Who asks, or None (a cookie post without the session's CSRF token is refused, 403)."""
    return await current_principal(request)


async def require_web_user(
    principal: Annotated[Principal | None, Depends(optional_web_user)], request: Request
) -> Principal:
    """The signed-in caller; without one, ``SignInRequired`` (303 to /anmelden?weiter=…)."""
    if principal is None:
        raise SignInRequired(return_path(request))
    return principal


def web_require(recht: Recht) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the signed-in caller whose roles allow ``recht`` (else a German 403 page)."""

    async def dependency(principal: Annotated[Principal, Depends(require_web_user)]) -> Principal:
        if not principal.darf(recht):
            raise AccessDenied(f"Ihre Rolle erlaubt das nicht ({recht.value}).")
        return principal

    return dependency


async def open_web_computation(
    request: Request, principal: Annotated[Principal | None, Depends(optional_web_user)]
) -> Principal | None:
    """Pages that store nothing: open while ``IKZ_OFFENE_BERECHNUNG``, else sign-in required."""
    if principal is None and not request.app.state.settings.offene_berechnung:
        raise SignInRequired(return_path(request))
    return principal


async def web_expensive(
    request: Request, principal: Annotated[Principal | None, Depends(open_web_computation)]
) -> None:
    """Expensive web work (document downloads, screening uploads): counted against the client's
    per-minute limit like the API's (a German 429 page with Retry-After when exhausted)."""
    await run_in_threadpool(charge_expensive, request, principal)


def web_case_access(recht: Recht, get_session: Callable[..., Any]) -> Callable[..., Awaitable[CaseAccess]]:
    """A dependency: the case of the path's ``fall_id`` if the caller may do ``recht`` with it
    (``CaseNotFound`` → German 404 page, ``AccessDenied`` → German 403 page; both audited)."""

    async def dependency(
        request: Request,
        fall_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="Nummer des gespeicherten Falls")],
        principal: Annotated[Principal, Depends(web_require(recht))],
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> CaseAccess:
        def check() -> CaseAccess:
            try:
                return check_case_access(session, principal, fall_id, recht)
            except (CaseNotFound, AccessDenied) as refusal:
                session.rollback()
                ergebnis = "nicht_gefunden" if isinstance(refusal, CaseNotFound) else "abgelehnt"
                eintrag = Auditeintrag(
                    principal.akteur, principal.organisation_id, recht.value, f"fall:{fall_id}", ergebnis, "web"
                )
                record_now(request.app.state.session_factory, eintrag)
                raise
            finally:
                session.rollback()

        return await run_in_threadpool(check)

    return dependency
