"""Web access for the review pages — a copy of the web sign-in engineer's dependency
(branch wip/websignin, api/identity/web_access.py: ``web_case_access``, ``require_web_user``),
kept here until that branch is merged; the lead replaces these names by theirs
(``WebCaseReader`` etc. in api/deps.py) at merge.

- ``require_web_user``: the signed-in person (or a bearer key); without one, 303 to
  ``/anmelden?weiter=<this page>`` (``SignInRequired``).
- ``web_case_access(recht, get_session)``: the case of the path's ``fall_id`` if the caller may do
  ``recht`` with it — the German 404 page for another organisation's case, 403 without the
  right; refusals are audited. CSRF of cookie posts is checked by ``current_principal``.

No ``from __future__ import annotations``: FastAPI must resolve the factories' ``Annotated``
parameters.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from api.audit import Auditeintrag, record_now
from api.case_types import CaseNotFound
from api.identity.case_access import AccessDenied, CaseAccess, check_case_access
from api.identity.dependencies import SAFE_METHODS, current_principal
from api.identity.principal import Principal
from api.identity.rollen import Recht


class SignInRequired(Exception):
    """A web page needs a signed-in person; answered with 303 to the sign-in page."""

    def __init__(self, weiter: str) -> None:
        self.weiter = weiter
        super().__init__(weiter)


def _return_path(request: Request) -> str:
    path = request.url.path
    if request.method in SAFE_METHODS and request.url.query:
        path += "?" + request.url.query
    return path if len(path) <= 500 else request.url.path[:500]


async def require_web_user(request: Request) -> Principal:
    """The signed-in caller; without one, ``SignInRequired``."""
    principal = await current_principal(request)
    if principal is None:
        raise SignInRequired(_return_path(request))
    return principal


def web_case_access(recht: Recht, get_session: Callable[..., Any]) -> Callable[..., Awaitable[CaseAccess]]:
    """A dependency: the case of ``fall_id`` if the caller may do ``recht`` with it."""

    async def dependency(
        request: Request,
        fall_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
        principal: Annotated[Principal, Depends(require_web_user)],
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> CaseAccess:
        def check() -> CaseAccess:
            try:
                if not principal.darf(recht):
                    raise AccessDenied(f"Ihre Rolle erlaubt das nicht ({recht.value}).")
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


def _sign_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    return RedirectResponse(f"/anmelden?weiter={quote(exc.weiter, safe='/')}", status_code=303)


def install_sign_in_redirect(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequired, _sign_in)
