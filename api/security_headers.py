"""Security headers on every response: CSP, nosniff, no framing, referrer policy, HSTS over TLS,
and ``Cache-Control: no-store`` on pages and answers that carry stored data.

The Content-Security-Policy allows no inline script and no inline style: scripts and styles come
from this server (/static, /api/v1/docs/assets). tests/identity/test_security_baseline.py checks
that no template carries an inline script, an ``on…=`` handler or a ``style=`` attribute.
"""

from __future__ import annotations

from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
NO_STORE_PREFIXES = ("/api/v1/cases", "/api/v1/audit", "/api/v1/keys", "/anmelden", "/abmelden", "/faelle")
HSTS = "max-age=31536000; includeSubDomains"


def content_security_policy() -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """Adds the headers (see the module docstring) unless a response set its own.

    Works on the raw header list (precomputed bytes): it runs on every response, so it stays a
    few microseconds (benchmarks/load.py, the ``floor`` endpoint, shows what it costs).
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.headers: list[tuple[bytes, bytes]] = [
            (b"content-security-policy", content_security_policy().encode("ascii")),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
        ]

    def _secure(self, scope: Scope) -> bool:
        if scope.get("scheme") == "https":
            return True
        if not self.settings.trust_proxy_headers:
            return False
        for name, value in scope["headers"]:
            if name == b"x-forwarded-proto":
                return value.split(b",")[0].strip().lower() == b"https"
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = self._secure(scope)
        no_store = scope["path"].startswith(NO_STORE_PREFIXES)

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _value in headers}
                headers.extend(h for h in self.headers if h[0] not in present)
                if secure:
                    headers.append((b"strict-transport-security", HSTS.encode("ascii")))
                if no_store and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, wrapped)
