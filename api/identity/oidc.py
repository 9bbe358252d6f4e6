"""Single sign-on with OpenID Connect (authorization code flow with PKCE; authlib + joserfc).

Settings: ``IKZ_OIDC_ISSUER`` (the provider's issuer URL; https, or http on a loopback address
for tests), ``IKZ_OIDC_CLIENT_ID``, ``IKZ_OIDC_CLIENT_SECRET``, ``IKZ_OIDC_ROLLEN_CLAIM`` (the
claim that lists the user's roles, default ``rollen``: a list or a comma/space separated text).

Which organisation a person belongs to — the design: a municipality's identity provider serves
that municipality, so ``IKZ_OIDC_ORGANISATION=<Kennung>`` names the one organisation for every
user of the provider. A service provider whose IdP serves several bodies sets
``IKZ_OIDC_ORGANISATION_CLAIM=<claim>`` instead: the claim must carry the Kennung of an
organisation created beforehand (``ikz admin organisation add``). An unknown organisation, no
known role, or no e-mail address refuses the sign-in (and is recorded); nothing is guessed.

Flow: ``GET /anmelden/oidc`` stores state, nonce and PKCE verifier in the database (any worker
can take the answer), binds them to this browser by a random cookie and redirects to the
provider. ``GET /anmelden/oidc/rueckruf`` checks state and browser, exchanges the code (client
secret, PKCE), verifies the ID token (signature by the provider's JWKS, issuer, audience,
expiry, nonce), then signs the person in: the account is found by "<issuer> <sub>" or created;
its roles follow the claim at every sign-in (the provider is the source of truth).

authlib, joserfc and httpx2 are imported where a sign-in uses them: a server without single
sign-on, and every worker at its start, does without them.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import timedelta
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from fastapi import APIRouter, Request
from sqlalchemy import delete, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from api.audit import Auditeintrag, record_now
from api.db.models import utc_now
from api.identity.dependencies import is_secure
from api.identity.rollen import Rolle, rollen_als_text
from api.identity.tables import OidcLoginRow, OrganisationRow, UserRow
from api.settings import Settings

router = APIRouter(include_in_schema=False)

BROWSER_COOKIE = "ikz_oidc"
PENDING_FOR = timedelta(minutes=10)
METADATA_TTL_S = 3600
SIGNING_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"]
_metadata: dict[str, tuple[float, dict[str, Any]]] = {}


class OidcRefused(Exception):
    """The sign-in cannot be completed; ``grund`` for the audit trail, ``meldung`` for the person."""

    def __init__(self, grund: str, meldung: str) -> None:
        self.grund = grund
        self.meldung = meldung
        super().__init__(grund)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _secure_transport(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1"))


async def provider_metadata(settings: Settings) -> dict[str, Any]:
    """The provider's discovery document (cached for an hour; derived data, not state)."""
    issuer = (settings.oidc_issuer or "").rstrip("/")
    hit = _metadata.get(issuer)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    if not _secure_transport(issuer):
        raise OidcRefused("issuer-unsicher", "Der Anmeldedienst ist nicht über HTTPS konfiguriert.")
    import httpx2

    async with httpx2.AsyncClient(timeout=10) as client:
        response = await client.get(issuer + "/.well-known/openid-configuration")
        response.raise_for_status()
        document = response.json()
    if document.get("issuer", "").rstrip("/") != issuer:
        raise OidcRefused("issuer-falsch", "Der Anmeldedienst meldet einen anderen Aussteller als konfiguriert.")
    _metadata[issuer] = (time.monotonic() + METADATA_TTL_S, document)
    return document


def redirect_uri(request: Request, settings: Settings) -> str:
    if settings.public_url:
        return settings.public_url.rstrip("/") + "/anmelden/oidc/rueckruf"
    return str(request.url_for("oidc_callback"))


def _page(request: Request, status_code: int, meldung: str) -> Response:
    from api.web.render import render_page

    return render_page(
        "zugriff_verweigert.html", status_code=status_code, titel="Anmeldung nicht möglich", meldung=meldung
    )


@router.get("/anmelden/oidc")
async def oidc_start(request: Request, weiter: str | None = None) -> Response:
    settings: Settings = request.app.state.settings
    if not settings.oidc_enabled:
        return _page(request, 404, "Die Anmeldung über den Anmeldedienst der Verwaltung ist nicht eingerichtet.")
    import httpx2

    from api.identity.web import safe_target

    try:
        metadata = await provider_metadata(settings)
    except (OidcRefused, httpx2.HTTPError, ValueError):
        return _page(request, 503, "Der Anmeldedienst der Verwaltung ist gerade nicht erreichbar.")
    state, nonce, browser = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(48)
    target = safe_target(weiter)

    def store() -> None:
        with request.app.state.session_factory() as session:
            session.execute(delete(OidcLoginRow).where(OidcLoginRow.created_at < utc_now() - PENDING_FOR))
            session.add(
                OidcLoginRow(
                    state_sha256=_sha(state),
                    browser_sha256=_sha(browser + " " + target),
                    nonce=nonce,
                    code_verifier=verifier,
                    created_at=utc_now(),
                )
            )
            session.commit()

    await run_in_threadpool(store)
    from authlib.integrations.httpx_client import AsyncOAuth2Client  # only with SSO (120 ms at import)
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    client = AsyncOAuth2Client(settings.oidc_client_id, scope="openid email profile")
    url, _ = client.create_authorization_url(
        metadata["authorization_endpoint"],
        state=state,
        nonce=nonce,
        redirect_uri=redirect_uri(request, settings),
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
    )
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        BROWSER_COOKIE,
        f"{browser}.{quote(target, safe='')}",
        max_age=int(PENDING_FOR.total_seconds()),
        path="/anmelden/oidc",
        secure=is_secure(request, settings),
        httponly=True,
        samesite="lax",
    )
    return response


def _roles(value: Any) -> list[Rolle]:
    texts = value if isinstance(value, list) else str(value or "").replace(",", " ").split()
    known = {r.value for r in Rolle}
    return [Rolle(t) for t in (str(x).strip().lower() for x in texts) if t in known]


async def _claims(request: Request, settings: Settings, code: str, pending: OidcLoginRow) -> dict[str, Any]:
    metadata = await provider_metadata(settings)
    secret = settings.oidc_client_secret.get_secret_value() if settings.oidc_client_secret else None
    from authlib.integrations.httpx_client import AsyncOAuth2Client
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    async with AsyncOAuth2Client(
        settings.oidc_client_id, secret, token_endpoint_auth_method="client_secret_basic", timeout=10
    ) as client:
        token = await client.fetch_token(
            metadata["token_endpoint"],
            grant_type="authorization_code",
            code=code,
            redirect_uri=redirect_uri(request, settings),
            code_verifier=pending.code_verifier,
        )
        jwks = (await client.get(metadata["jwks_uri"])).json()
    id_token = token.get("id_token")
    if not id_token:
        raise OidcRefused("kein-id-token", "Der Anmeldedienst hat keine Identität bestätigt.")
    try:
        decoded = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=SIGNING_ALGORITHMS)
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": metadata["issuer"]},
            aud={"essential": True, "value": str(settings.oidc_client_id)},
            sub={"essential": True},
            exp={"essential": True},
            nonce={"essential": True, "value": pending.nonce},
        ).validate(decoded.claims)
    except (JoseError, ValueError) as e:
        raise OidcRefused("id-token-ungueltig", "Die Bestätigung des Anmeldedienstes ist ungültig.") from e
    return dict(decoded.claims)


def _account(request: Request, settings: Settings, claims: dict[str, Any]) -> UserRow:
    """Find or create the account of the ID token's person; refuse what cannot be decided."""
    rollen = _roles(claims.get(settings.oidc_rollen_claim))
    email = str(claims.get("email") or "").strip().lower()
    subject = f"{(settings.oidc_issuer or '').rstrip('/')} {claims['sub']}"
    kennung = (
        str(claims.get(settings.oidc_organisation_claim, ""))
        if settings.oidc_organisation_claim
        else settings.oidc_organisation
    )
    if not rollen:
        raise OidcRefused("keine-rolle", "Ihr Konto beim Anmeldedienst hat keine Rolle für den IKZ-Berater.")
    if not email:
        raise OidcRefused("keine-email", "Der Anmeldedienst hat keine E-Mail-Adresse übermittelt.")
    with request.app.state.session_factory() as session:
        organisation = session.execute(
            select(OrganisationRow).where(OrganisationRow.kennung == (kennung or "").strip().lower())
        ).scalar_one_or_none()
        if organisation is None:
            raise OidcRefused("organisation-unbekannt", "Ihre Organisation ist im IKZ-Berater nicht eingerichtet.")
        user = session.execute(select(UserRow).where(UserRow.oidc_subject == subject)).scalar_one_or_none()
        if user is None:
            user = session.execute(select(UserRow).where(UserRow.email == email)).scalar_one_or_none()
            if user is not None and (user.oidc_subject is not None or user.organisation_id != organisation.id):
                raise OidcRefused("email-vergeben", "Für diese E-Mail-Adresse besteht ein anderes Konto.")
        if user is None:
            user = UserRow(
                organisation_id=organisation.id,
                email=email,
                rollen="",
                password_hash=None,
                active=True,
                failed_logins=0,
                created_at=utc_now(),
            )
            session.add(user)
        if user.organisation_id != organisation.id or not user.active:
            raise OidcRefused("konto-gesperrt", "Ihr Konto ist gesperrt oder gehört zu einer anderen Organisation.")
        user.oidc_subject = subject
        user.rollen = rollen_als_text(rollen)
        session.commit()
        return user


@router.get("/anmelden/oidc/rueckruf", name="oidc_callback")
async def oidc_callback(request: Request, state: str = "", code: str = "", error: str = "") -> Response:
    settings: Settings = request.app.state.settings
    if not settings.oidc_enabled:
        return _page(request, 404, "Die Anmeldung über den Anmeldedienst der Verwaltung ist nicht eingerichtet.")
    import httpx2

    cookie = request.cookies.get(BROWSER_COOKIE, "")
    browser, _, quoted_target = cookie.partition(".")
    target = unquote(quoted_target)

    def take_pending() -> OidcLoginRow | None:
        with request.app.state.session_factory() as session:
            row = session.get(OidcLoginRow, _sha(state)) if state else None
            if row is None:
                return None
            session.delete(row)  # one use only
            session.commit()
            fresh = row.created_at > utc_now() - PENDING_FOR
            same_browser = secrets.compare_digest(row.browser_sha256, _sha(browser + " " + target))
            return row if fresh and same_browser else None

    pending = await run_in_threadpool(take_pending)
    try:
        if pending is None:
            raise OidcRefused(
                "state-ungueltig", "Die Anmeldung ist abgelaufen oder wurde in einem anderen Browser begonnen."
            )
        if error or not code:
            raise OidcRefused("abgebrochen", "Die Anmeldung beim Anmeldedienst wurde abgebrochen.")
        claims = await _claims(request, settings, code, pending)
        user = await run_in_threadpool(_account, request, settings, claims)
    except (OidcRefused, httpx2.HTTPError, KeyError, ValueError) as e:
        refused = (
            e
            if isinstance(e, OidcRefused)
            else OidcRefused("anbieter-fehler", "Der Anmeldedienst hat nicht wie erwartet geantwortet.")
        )
        await run_in_threadpool(
            record_now,
            request.app.state.session_factory,
            Auditeintrag("unbekannt (oidc)", None, "anmelden", "nutzer:?", "abgelehnt", refused.grund),
        )
        return _page(request, 403, refused.meldung)
    from api.identity.web import safe_target, start_session

    response = RedirectResponse(safe_target(target), status_code=303)
    response.delete_cookie(BROWSER_COOKIE, path="/anmelden/oidc")
    await run_in_threadpool(start_session, request, response, user, "oidc")
    return response
