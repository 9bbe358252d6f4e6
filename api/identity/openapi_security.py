"""The OpenAPI document's security: the API key (``Authorization: Bearer``) as a scheme, required
on the routes with stored data, optional on the stateless ones (while ``IKZ_OFFENE_BERECHNUNG``)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

SCHEME = "apiSchluessel"
#: Paths (under /api/v1) whose every operation needs credentials.
PROTECTED_PREFIXES = ("/api/v1/cases", "/api/v1/audit", "/api/v1/keys", "/api/v1/pruefung")


def add_security(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so the document names the scheme and each operation's requirement."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        document = build()
        if SCHEME in document.get("components", {}).get("securitySchemes", {}):
            return document
        document.setdefault("components", {}).setdefault("securitySchemes", {})[SCHEME] = {
            "type": "http",
            "scheme": "bearer",
            "description": "API-Schlüssel der Organisation (`ikz admin apikey add`), gesendet als "
            "`Authorization: Bearer ikz_…`. Ohne Schlüssel: 401.",
        }
        offen = app.state.settings.offene_berechnung
        for path, operations in document.get("paths", {}).items():
            for operation in operations.values():
                if path.startswith(PROTECTED_PREFIXES) or not offen:
                    operation["security"] = [{SCHEME: []}]
                else:
                    operation["security"] = [{}, {SCHEME: []}]
        return document

    app.openapi = openapi  # type: ignore[method-assign]
