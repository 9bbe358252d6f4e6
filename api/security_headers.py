"""Security headers on every response: CSP, nosniff, no framing, referrer policy, HSTS over TLS,
and ``Cache-Control: no-store`` on pages and answers that carry stored data.

The Content-Security-Policy allows no inline script: scripts and styles come from this server
(/static, /api/v1/docs/assets). Two allowances are transitional and listed for phase 2 of issue
12 (the web pages' rework), each checked by tests/identity/test_security_headers.py:

- the inline table-sorting script of api/templates/screening.html is allowed by its SHA-256
  (only that exact script; move it to /static to drop the allowance);
- ``style-src 'unsafe-inline'`` for the ``style="width: …%"`` of the bars in
  api/templates/ergebnis.html (CSS only, no script; replace by classes or SVG to drop it).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.identity.dependencies import is_secure
from api.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
#: Templates whose inline scripts are still allowed by hash (phase 2 moves them to /static).
TRANSITIONAL_SCRIPT_TEMPLATES = ("screening.html",)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
NO_STORE_PREFIXES = ("/api/v1/cases", "/api/v1/audit", "/api/v1/keys", "/anmelden", "/abmelden", "/faelle")
HSTS = "max-age=31536000; includeSubDomains"


def inline_script_hashes(templates_dir: Path = TEMPLATES_DIR) -> list[str]:
    """CSP hash sources ('sha256-…') of the inline scripts of the transitional templates."""
    hashes = []
    for name in TRANSITIONAL_SCRIPT_TEMPLATES:
        path = templates_dir / name
        if not path.exists():
            continue
        for script in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            if "{{" in script or "{%" in script:
                continue  # a script with template expressions could carry user data: never allowed
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            hashes.append(f"'sha256-{digest}'")
    return hashes


def content_security_policy(script_hashes: list[str]) -> str:
    script_src = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
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
    """Adds the headers (see the module docstring) unless a response set its own."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.csp = content_security_policy(inline_script_hashes())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = is_secure(Request(scope), self.settings)
        no_store = scope["path"].startswith(NO_STORE_PREFIXES)

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in (
                    ("content-security-policy", self.csp),
                    ("x-content-type-options", "nosniff"),
                    ("x-frame-options", "DENY"),
                    ("referrer-policy", "same-origin"),
                    ("cross-origin-opener-policy", "same-origin"),
                    ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"),
                ):
                    if name not in headers:
                        headers[name] = value
                if secure:
                    headers["strict-transport-security"] = HSTS
                if no_store and "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, wrapped)
