"""The FastAPI dependencies of access control (exposed as ``Annotated`` aliases in api/deps.py).

- ``current_principal``  who asks: an ``Authorization: Bearer <key>`` or the session cookie;
  ``None`` without credentials. Wrong credentials are never ignored: an unknown or revoked key
  is a 401 even on an open endpoint. A state-changing request authenticated by the session
  cookie must carry the session's CSRF token (header ``X-CSRF-Token`` or form field
  ``csrf_token``); the Origin/Referer check is the middleware's (api/identity/csrf.py).
- ``require(recht)``     a caller whose roles allow ``recht`` (401 without credentials, 403
  without the right).
- ``computation_access`` the stateless endpoints: open while ``IKZ_OFFENE_BERECHNUNG`` is true,
  else any signed-in caller.
- ``case_access(recht)`` the case of the path's ``case_id``, if the caller may do ``recht`` with
  it (api/identity/case_access.py: 404 for other organisations' cases, 403 without the right);
  a refusal is recorded in the audit trail under the caller's organisation (in a transaction of
  its own: the check may run in a read-only session).
- ``expensive``          counts the request against the per-client limit for expensive work.
"""

import secrets
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.audit import Auditeintrag, record_now
from api.case_types import CaseNotFound
from api.identity import api_keys, rate_limit
from api.identity.case_access import AccessDenied, CaseAccess, check_case_access
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.identity.sessions import lookup_session
from api.problems import ApiProblem
from api.settings import Settings

SESSION_COOKIE = "ikz_sitzung"
SECURE_SESSION_COOKIE = "__Host-ikz_sitzung"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_STATE_KEY = "ikz_principal"
_UNSET = object()


def is_secure(request: Request, settings: Settings) -> bool:
    """Whether the browser reached us over TLS (the proxy's word counts only when trusted)."""
    if request.url.scheme == "https":
        return True
    if settings.trust_proxy_headers:
        return request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower() == "https"
    return False


def session_cookie_name(request: Request, settings: Settings) -> str:
    return SECURE_SESSION_COOKIE if is_secure(request, settings) else SESSION_COOKIE


def session_token(request: Request) -> str | None:
    return request.cookies.get(SECURE_SESSION_COOKIE) or request.cookies.get(SESSION_COOKIE)


def client_address(request: Request, settings: Settings) -> str:
    """The client's IP address (the proxy's X-Forwarded-For only when trusted)."""
    if settings.trust_proxy_headers:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded.strip():
            return forwarded.split(",")[0].strip()[:64]
    return request.client.host if request.client else "unbekannt"


def unauthorized(detail: str, name: str = "anmeldung-erforderlich") -> ApiProblem:
    return ApiProblem(401, name, detail, headers={"WWW-Authenticate": 'Bearer realm="ikz-berater"'})


async def _from_bearer(request: Request, settings: Settings, header: str) -> Principal:
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise unauthorized("Anmeldung per „Authorization: Bearer <API-Schlüssel>“ erwartet.", "schluessel-ungueltig")
    principal = api_keys.cached(key)
    if principal is None:
        principal = await run_in_threadpool(
            api_keys.lookup, request.app.state.read_session_factory, key, settings.api_key_cache_seconds
        )
    if principal is None:
        raise unauthorized("Der API-Schlüssel ist unbekannt oder widerrufen.", "schluessel-ungueltig")
    return principal


class CsrfRefused(ApiProblem):
    """A cookie-authenticated state-changing request without the session's CSRF token (403; on
    the web pages the German refusal page, api/identity/problems.py)."""


#: Bounds of the form parse that finds the token; the first parse is cached for the route, so
#: these are the largest any web form needs (the five-step form has many fields; the screening
#: page uploads one file, the rate-table page two, bounded by the body-limit middleware while it is read).
FORM_MAX_FIELDS = 20_000
FORM_MAX_FILES = 2


async def _check_csrf(request: Request, principal: Principal) -> None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form(max_fields=FORM_MAX_FIELDS, max_files=FORM_MAX_FILES)
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if (
        not sent
        or not principal.csrf_token
        or not secrets.compare_digest(sent.encode("utf-8"), principal.csrf_token.encode("utf-8"))
    ):
        raise CsrfRefused(
            403,
            "csrf-token-fehlt",
            "Anfragen mit Sitzungs-Cookie brauchen das CSRF-Token der Sitzung (Kopfzeile X-CSRF-Token). "
            "Programme nutzen besser einen API-Schlüssel.",
        )


async def current_principal(request: Request) -> Principal | None:
    """Who asks (see the module docstring); the result is kept for the rest of the request."""
    known = getattr(request.state, _STATE_KEY, _UNSET)
    if known is not _UNSET:
        return known  # type: ignore[return-value]
    settings: Settings = request.app.state.settings
    principal: Principal | None = None
    header = request.headers.get("authorization")
    if header:
        principal = await _from_bearer(request, settings, header)
    elif token := session_token(request):
        idle = timedelta(minutes=settings.session_idle_minutes)
        principal = await run_in_threadpool(lookup_session, request.app.state.session_factory, token, idle)
        if principal is not None and request.method not in SAFE_METHODS:
            await _check_csrf(request, principal)
    setattr(request.state, _STATE_KEY, principal)
    return principal


OptionalPrincipal = Annotated[Principal | None, Depends(current_principal)]


async def require_principal(principal: OptionalPrincipal) -> Principal:
    if principal is None:
        raise unauthorized(
            "Für diese Anfrage ist eine Anmeldung nötig: ein API-Schlüssel („Authorization: Bearer …“) "
            "oder eine Sitzung (/anmelden)."
        )
    return principal


def require(recht: Recht) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller, whose roles must allow ``recht``."""

    async def dependency(principal: Annotated[Principal, Depends(require_principal)]) -> Principal:
        if not principal.darf(recht):
            raise ApiProblem(403, "recht-fehlt", f"Ihre Rolle erlaubt das nicht ({recht.value}).")
        return principal

    return dependency


async def computation_access(request: Request, principal: OptionalPrincipal) -> Principal | None:
    """Open while ``IKZ_OFFENE_BERECHNUNG`` is true; otherwise credentials are required."""
    if principal is None and not request.app.state.settings.offene_berechnung:
        await require_principal(principal)
    return principal


def case_access(recht: Recht, get_session: Callable[..., Any]) -> Callable[..., CaseAccess]:
    """A dependency: the path's case, if the caller may do ``recht`` with it (``get_session`` is
    the request's database-session dependency, shared with the route)."""

    def dependency(
        request: Request,
        case_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="Nummer des gespeicherten Falls")],
        principal: Annotated[Principal, Depends(require(recht))],
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> CaseAccess:
        try:
            return check_case_access(session, principal, case_id, recht)
        except (CaseNotFound, AccessDenied) as refusal:
            session.rollback()
            ergebnis = "nicht_gefunden" if isinstance(refusal, CaseNotFound) else "abgelehnt"
            eintrag = Auditeintrag(
                principal.akteur, principal.organisation_id, recht.value, f"fall:{case_id}", ergebnis
            )
            record_now(request.app.state.session_factory, eintrag)
            raise
        finally:
            session.rollback()

    return dependency


def charge_expensive(request: Request, principal: Principal | None) -> None:
    """Count an expensive request against the client's per-minute limit (429 when exhausted);
    the client is the caller, or its IP address without credentials."""
    settings: Settings = request.app.state.settings
    client = principal.client if principal is not None else "ip:" + client_address(request, settings)
    verdict = rate_limit.hit(request.app.state.session_factory, f"teuer {client}", settings.rate_limit_expensive, 60)
    if not verdict.allowed:
        raise ApiProblem(
            429,
            "zu-viele-anfragen",
            f"Höchstens {settings.rate_limit_expensive} solcher Anfragen je Minute; bitte in "
            f"{verdict.retry_after_s} Sekunden erneut versuchen.",
            headers={"Retry-After": str(verdict.retry_after_s)},
        )


def expensive(request: Request, principal: Annotated[Principal | None, Depends(computation_access)]) -> None:
    """Count an expensive request (documents, screenings) against the client's per-minute limit."""
    charge_expensive(request, principal)
