"""API keys: made, stored as SHA-256, looked up per request through a short-lived cache.

A key is ``ikz_`` and 43 characters of URL-safe base64 (256 random bits). Such a key cannot be
guessed, so a plain SHA-256 is the right storage (as for GitHub's or Stripe's tokens); Argon2's
deliberate slowness would only slow every API request. The lookup result is cached in the
process for ``ttl`` seconds (``IKZ_API_KEY_CACHE_SECONDS``, default 10): a key revoked through
this process stops at once, in other worker processes within that time. The database stays the
only source of truth.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api.identity.principal import Principal
from api.identity.rollen import rollen_aus_gespeichert
from api.identity.tables import ApiKeyRow, OrganisationRow

PREFIX = "ikz_"
MAX_CACHED = 10_000

_cache: dict[str, tuple[float, Principal]] = {}


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def looks_like_key(key: str) -> bool:
    """Cheap shape check before any lookup (bounded length, known prefix)."""
    return key.startswith(PREFIX) and 20 <= len(key) <= 100


def cached(key: str) -> Principal | None:
    """The principal for ``key`` if a fresh lookup is cached, else ``None`` (then call ``lookup``)."""
    hit = _cache.get(key_digest(key))
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    return None


def lookup(session_factory: sessionmaker[Session], key: str, ttl: float) -> Principal | None:
    """The principal of an active key, or ``None`` for an unknown or revoked one; caches hits."""
    if not looks_like_key(key):
        return None
    digest = key_digest(key)
    with session_factory() as session:
        found = session.execute(
            select(ApiKeyRow, OrganisationRow.kennung)
            .join(OrganisationRow, OrganisationRow.id == ApiKeyRow.organisation_id)
            .where(ApiKeyRow.key_sha256 == digest, ApiKeyRow.revoked_at.is_(None))
        ).first()
        if found is None:
            _cache.pop(digest, None)
            return None
        row, kennung = found
        principal = Principal(
            art="schluessel",
            id=row.id,
            name=row.name,
            organisation_id=row.organisation_id,
            organisation_kennung=kennung,
            rollen=rollen_aus_gespeichert(row.rolle),
        )
    if ttl > 0:
        if len(_cache) >= MAX_CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[digest] = (time.monotonic() + ttl, principal)
    return principal


def forget(digest: str) -> None:
    """Drop a key from this process's cache (after revoking it)."""
    _cache.pop(digest, None)


def clear_cache() -> None:
    _cache.clear()
