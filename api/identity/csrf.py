"""Cross-site request forgery: an Origin/Referer check for every state-changing request, and a
token bound to the session for forms and cookie-authenticated API calls.

1. ``OriginCheckMiddleware`` (every POST, PUT, PATCH, DELETE — the open web form included):
   a request a browser sends from another site carries that site in ``Origin`` (or, failing
   that, ``Referer``) and is refused with 403 — a German page for the web, problem+json under
   /api. Requests with ``Authorization: Bearer`` are not cookie-authenticated and pass (a
   foreign page cannot set that header without CORS, which this server does not allow). A
   request with a session cookie but neither header is refused too. Our own origin is
   ``IKZ_PUBLIC_URL`` when set, else the request's Host (scheme ignored).
2. The token: a signed-in session has its own random CSRF token (api/identity/sessions.py);
   before sign-in, a random token in the cookie ``ikz_formular`` serves (double submit, for the
   sign-in form). ``csrf_feld()`` — a Jinja global — writes the hidden field for the current
   request; ``verify_form_token(request, value)`` checks a posted form. Cookie-authenticated
   API calls send the session's token in ``X-CSRF-Token`` (api/identity/dependencies.py).
"""

from __future__ import annotations

import contextvars
import secrets
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.identity.dependencies import (
    SAFE_METHODS,
    SECURE_SESSION_COOKIE,
    SESSION_COOKIE,
    is_secure,
)
from api.identity.sessions import lookup_session
from api.settings import Settings

FORM_COOKIE = "ikz_formular"
SECURE_FORM_COOKIE = "__Host-ikz_formular"
FIELD = "csrf_token"

_current: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("ikz_current_request", default=None)


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def same_origin(value: str, headers: Headers, settings: Settings) -> bool:
    """Whether ``value`` (an Origin or Referer) is this server."""
    origin = _origin_of(value)
    if origin is None:
        return False
    if settings.public_url:
        return origin == _origin_of(settings.public_url)
    host = headers.get("host", "").lower()
    return bool(host) and origin.split("://", 1)[1] == host


def forgery_refusal(scope: Scope) -> Response:
    """The 403 for a refused request: problem+json under /api, else a German page."""
    request = Request(scope)
    detail = (
        "Die Anfrage kam nicht von dieser Anwendung (Herkunft fehlt oder ist fremd) und wurde zum Schutz "
        "vor untergeschobenen Formularen (CSRF) abgewiesen."
    )
    if scope["path"].startswith("/api/"):
        from api.problems import PROBLEM_URN, problem_response

        return problem_response(request, 403, titel="Zugriff verweigert.", detail=detail, type_=PROBLEM_URN + "csrf")
    from api.web.render import render_page

    return render_page(
        "zugriff_verweigert.html",
        status_code=403,
        titel="Anfrage abgewiesen",
        meldung=detail + " Bitte die Seite neu laden und das Formular erneut absenden.",
    )


class OriginCheckMiddleware:
    """See the module docstring, point 1; also makes the request known to ``csrf_feld()`` and
    sets the pre-sign-in form cookie when a page used a new one."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _current.set(scope)
        try:
            if scope["method"] not in SAFE_METHODS and not self._allowed(Headers(scope=scope)):
                await forgery_refusal(scope)(scope, receive, send)
                return
            await self.app(scope, receive, self._with_form_cookie(scope, send))
        finally:
            _current.reset(token)

    def _allowed(self, headers: Headers) -> bool:
        if headers.get("authorization", "").lower().startswith("bearer "):
            return True
        origin = headers.get("origin")
        if origin is not None:
            return origin != "null" and same_origin(origin, headers, self.settings)
        referer = headers.get("referer")
        if referer:
            return same_origin(referer, headers, self.settings)
        cookies = headers.get("cookie", "")
        return SESSION_COOKIE not in cookies and SECURE_SESSION_COOKIE not in cookies

    def _with_form_cookie(self, scope: Scope, send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                new = scope.get("state", {}).get("ikz_new_form_token")
                if new:
                    request = Request(scope)
                    secure = is_secure(request, self.settings)
                    name = SECURE_FORM_COOKIE if secure else FORM_COOKIE
                    headers = MutableHeaders(scope=message)
                    cookie = f"{name}={new}; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
                    headers.append("set-cookie", cookie)
            await send(message)

        return wrapped


def _state(scope: Scope) -> dict[str, Any]:
    return scope.setdefault("state", {})


def form_token(scope: Scope) -> str:
    """The CSRF token for a form on this request's page: the session's, or the pre-sign-in one."""
    state = _state(scope)
    if "ikz_form_token" in state:
        return str(state["ikz_form_token"])
    request = Request(scope)
    app = scope["app"]
    settings: Settings = app.state.settings
    token: str | None = None
    session_cookie = request.cookies.get(SECURE_SESSION_COOKIE) or request.cookies.get(SESSION_COOKIE)
    known = state.get("ikz_principal")
    if known is not None and known.csrf_token:
        token = known.csrf_token  # access control already looked the session up
    elif session_cookie:
        principal = lookup_session(
            app.state.session_factory, session_cookie, timedelta(minutes=settings.session_idle_minutes)
        )
        token = principal.csrf_token if principal is not None else None
    if token is None:
        token = request.cookies.get(SECURE_FORM_COOKIE) or request.cookies.get(FORM_COOKIE)
        if not token or not 20 <= len(token) <= 100:
            token = secrets.token_urlsafe(32)
            state["ikz_new_form_token"] = token
    state["ikz_form_token"] = token
    return token


def csrf_feld() -> Markup:
    """The hidden form field with the current request's CSRF token (a Jinja global)."""
    scope = _current.get()
    if scope is None:
        raise RuntimeError("csrf_feld() außerhalb einer Anfrage")
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(form_token(scope))}">')


def sitzung_person() -> Any:
    """The signed-in caller of the current request (a Jinja global for the page header), or None:
    the one access control already found, else the session cookie's."""
    scope = _current.get()
    if scope is None:
        return None
    state = _state(scope)
    if "ikz_principal" in state:
        return state["ikz_principal"]
    request = Request(scope)
    cookie = request.cookies.get(SECURE_SESSION_COOKIE) or request.cookies.get(SESSION_COOKIE)
    if not cookie or "app" not in scope:
        return None
    app = scope["app"]
    idle = timedelta(minutes=app.state.settings.session_idle_minutes)
    principal = lookup_session(app.state.session_factory, cookie, idle)
    state["ikz_principal"] = principal
    return principal


def verify_form_token(request: Request, sent: str | None) -> bool:
    """Whether a posted form's token matches the session's (or the pre-sign-in cookie's)."""
    if not sent:
        return False
    expected = form_token(request.scope)
    if _state(request.scope).get("ikz_new_form_token") == expected:
        return False  # a token made just now cannot have been in the form
    # as bytes: compare_digest refuses str with non-ASCII characters (a forged token may have them)
    return secrets.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))
