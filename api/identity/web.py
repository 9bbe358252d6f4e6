"""The sign-in pages: ``GET|POST /anmelden``, ``POST /abmelden``, and the API documentation page.

Sign-in with e-mail and password (Argon2id, lock-out, one message for every refusal, attempts
per client address limited); on success a new server-side session and its cookie (HttpOnly,
SameSite=Lax, ``__Host-`` and Secure over TLS). Both forms carry a CSRF token
(api/identity/csrf.py). Single sign-on starts at ``/anmelden/oidc`` (api/identity/oidc.py).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, RedirectResponse, Response

from api.audit import Auditeintrag, record, record_now
from api.identity import rate_limit
from api.identity.csrf import FIELD, forgery_refusal, verify_form_token
from api.identity.dependencies import (
    client_address,
    current_principal,
    is_secure,
    session_cookie_name,
    session_token,
)
from api.identity.sessions import create_session, end_session, token_digest
from api.identity.signin import MELDUNG_ABGELEHNT, authenticate
from api.identity.tables import UserRow
from api.settings import Settings

router = APIRouter(include_in_schema=False)

SWAGGER_ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}


def _render(template: str, status_code: int = 200, **context: Any) -> Response:
    from api.web.render import render_page

    return render_page(template, status_code=status_code, **context)


def safe_target(weiter: str | None) -> str:
    """A local path to go to after sign-in; anything else (another site, "//host") gives "/"."""
    if weiter and weiter.startswith("/") and not weiter.startswith(("//", "/\\")) and len(weiter) <= 500:
        return weiter
    return "/"


def _page(request: Request, status_code: int = 200, **context: Any) -> Response:
    settings: Settings = request.app.state.settings
    context.setdefault("angemeldet", None)
    context.setdefault("fehler", None)
    context.setdefault("email", "")
    context.setdefault("abgemeldet", False)
    context.setdefault("weiter", "/")
    return _render("anmelden.html", status_code=status_code, oidc=settings.oidc_enabled, **context)


def start_session(request: Request, response: Response, user: UserRow, via: str) -> None:
    """Create the session for ``user`` (committing it with its audit entry) and set the cookie."""
    settings: Settings = request.app.state.settings
    lifetime = timedelta(hours=settings.session_hours)
    with request.app.state.session_factory() as session:
        old = session_token(request)
        if old:
            end_session(session, token_digest(old))  # no session fixation: a sign-in always gets a new one
        token = create_session(session, user, via, lifetime)
        record(
            session,
            Auditeintrag(
                f"nutzer:{user.id} {user.email}", user.organisation_id, "anmelden", f"nutzer:{user.id}", "erfolg", via
            ),
        )
        session.commit()
    secure = is_secure(request, settings)
    response.set_cookie(
        session_cookie_name(request, settings),
        token,
        max_age=int(lifetime.total_seconds()),
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


@router.get("/anmelden")
async def signin_page(request: Request, weiter: str | None = None, abgemeldet: bool = False) -> Response:
    principal = await current_principal(request)
    return _page(request, angemeldet=principal, weiter=safe_target(weiter), abgemeldet=abgemeldet)


@router.post("/anmelden")
async def signin(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    async with request.form(max_fields=10, max_files=0, max_part_size=4096) as form:
        email = str(form.get("email") or "")[:320]
        passwort = str(form.get("passwort") or "")[:1024]
        sent = form.get(FIELD)
        weiter = safe_target(str(form.get("weiter") or "/"))
    if not await run_in_threadpool(verify_form_token, request, sent if isinstance(sent, str) else None):
        return forgery_refusal(request.scope)
    address = client_address(request, settings)
    verdict = await run_in_threadpool(
        rate_limit.hit, request.app.state.session_factory, f"anmelden ip:{address}", settings.rate_limit_login, 60
    )
    if not verdict.allowed:
        response = _page(
            request,
            429,
            email=email,
            weiter=weiter,
            fehler=f"Zu viele Anmeldeversuche von Ihrem Rechner. Bitte in {verdict.retry_after_s} Sekunden erneut versuchen.",
        )
        response.headers["Retry-After"] = str(verdict.retry_after_s)
        return response

    def check() -> UserRow | None:
        with request.app.state.session_factory() as session:
            result = authenticate(
                session,
                email,
                passwort,
                settings.login_max_failures,
                timedelta(minutes=settings.login_lock_minutes),
            )
            known = result.known
            if result.user is None:
                akteur = f"nutzer:{known.id} {known.email}" if known is not None else "unbekannt"
                organisation = known.organisation_id if known is not None else None
                objekt = f"nutzer:{known.id}" if known is not None else "nutzer:?"
                record(session, Auditeintrag(akteur, organisation, "anmelden", objekt, "abgelehnt", result.grund))
            session.commit()
            return result.user

    user = await run_in_threadpool(check)
    if user is None:
        return _page(request, 401, email=email, weiter=weiter, fehler=MELDUNG_ABGELEHNT)
    response = RedirectResponse(weiter, status_code=303)
    await run_in_threadpool(start_session, request, response, user, "passwort")
    return response


@router.post("/abmelden")
async def signout(request: Request) -> Response:
    async with request.form(max_fields=5, max_files=0, max_part_size=1024) as form:
        sent = form.get(FIELD)
    if not await run_in_threadpool(verify_form_token, request, sent if isinstance(sent, str) else None):
        return forgery_refusal(request.scope)
    settings: Settings = request.app.state.settings
    token = session_token(request)
    principal = await current_principal(request) if token else None
    if token:

        def end() -> None:
            with request.app.state.session_factory() as session:
                end_session(session, token_digest(token))
                session.commit()
            if principal is not None:
                record_now(
                    request.app.state.session_factory,
                    Auditeintrag(principal.akteur, principal.organisation_id, "abmelden", principal.client),
                )

        await run_in_threadpool(end)
    response = RedirectResponse("/anmelden?abgemeldet=true", status_code=303)
    response.delete_cookie(
        session_cookie_name(request, settings),
        path="/",
        secure=is_secure(request, settings),
        httponly=True,
        samesite="lax",
    )
    return response


@router.get("/api/v1/docs")
async def api_docs() -> Response:
    """Swagger UI with its assets from the installed package (no CDN) and an external start script."""
    return _render("api_docs.html")


@router.get("/api/v1/docs/assets/{name}")
async def api_docs_asset(name: str) -> Response:
    import fastapi_offline

    media_type = SWAGGER_ASSETS.get(name)
    if media_type is None:
        return Response(status_code=404)
    path = Path(fastapi_offline.__file__).resolve().parent / "static" / name
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
