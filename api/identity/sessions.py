"""Server-side sign-in sessions, stored in the database (several workers share them).

The browser's cookie holds a random 256-bit token; the table holds only its SHA-256, the user,
the session's CSRF token and its times. A session ends at sign-out, after ``idle`` without a
request, or ``lifetime`` after sign-in, whichever comes first; a deactivated user's sessions end
with the next request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from api.db.models import utc_now
from api.identity.principal import Principal
from api.identity.rollen import rollen_aus_gespeichert
from api.identity.tables import LoginSessionRow, OrganisationRow, UserRow

#: last_seen_at is written at most this often (a write per request would serialise readers).
TOUCH_INTERVAL = timedelta(minutes=1)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_session(session: Session, user: UserRow, via: str, lifetime: timedelta) -> str:
    """Start a session for ``user`` (flushed, not committed); returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    session.add(
        LoginSessionRow(
            token_sha256=token_digest(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            via=via,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )
    session.execute(delete(LoginSessionRow).where(LoginSessionRow.expires_at < now))
    session.flush()
    return token


def lookup_session(session_factory: sessionmaker[Session], token: str, idle: timedelta) -> Principal | None:
    """The signed-in user of ``token``, or ``None`` if the session is unknown, expired or idle."""
    if not 20 <= len(token) <= 100:
        return None
    digest = token_digest(token)
    with session_factory() as session:
        found = session.execute(
            select(LoginSessionRow, UserRow, OrganisationRow.kennung)
            .join(UserRow, UserRow.id == LoginSessionRow.user_id)
            .join(OrganisationRow, OrganisationRow.id == UserRow.organisation_id)
            .where(LoginSessionRow.token_sha256 == digest)
        ).first()
        if found is None:
            return None
        row, user, kennung = found
        now = utc_now()
        if row.expires_at <= now or row.last_seen_at + idle <= now or not user.active:
            session.delete(row)
            session.commit()
            return None
        principal = Principal(
            art="nutzer",
            id=user.id,
            name=user.email,
            organisation_id=user.organisation_id,
            organisation_kennung=kennung,
            rollen=rollen_aus_gespeichert(user.rollen),
            csrf_token=row.csrf_token,
            session_sha256=digest,
        )
        if now - row.last_seen_at >= TOUCH_INTERVAL:
            row.last_seen_at = now
            session.commit()
        return principal


def end_session(session: Session, digest: str) -> None:
    """Delete the session (sign-out); not committed."""
    session.execute(delete(LoginSessionRow).where(LoginSessionRow.token_sha256 == digest))
