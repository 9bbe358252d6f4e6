"""Password sign-in: checks address and password, counts failures and locks an account.

Every refusal looks the same to the person signing in (one message, same timing: an unknown
address is verified against a dummy hash); the reason goes only to the audit trail. After
``max_failures`` failed attempts in a row the account is locked for ``lock`` — during the lock
even the right password is refused, so guessing cannot continue. Attempts per client address
are limited separately (api/identity/rate_limit.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db.models import utc_now
from api.identity.passwords import hash_password, needs_rehash, verify_password
from api.identity.tables import UserRow

MELDUNG_ABGELEHNT = (
    "Die Anmeldung ist fehlgeschlagen: E-Mail-Adresse oder Passwort stimmen nicht, oder das Konto ist "
    "vorübergehend gesperrt. Nach mehreren Fehlversuchen bitte einige Minuten warten."
)


@dataclass(frozen=True, slots=True)
class SigninResult:
    """The user on success (``grund`` "erfolg"), else ``None`` and the reason for the record:
    "unbekannt", "passwort_falsch", "gesperrt" or "inaktiv"; ``known`` is the account the
    address belongs to, if any (for the audit trail only, never for the answer)."""

    user: UserRow | None
    grund: str
    known: UserRow | None = None


def authenticate(session: Session, email: str, password: str, max_failures: int, lock: timedelta) -> SigninResult:
    """Check a sign-in; updates the failure count and lock (flushed, the caller commits)."""
    user = session.execute(select(UserRow).where(UserRow.email == email.strip().lower())).scalar_one_or_none()
    stored = user.password_hash if user is not None else None
    ok = verify_password(stored, password)
    if user is None:
        return SigninResult(None, "unbekannt")
    now = utc_now()
    if user.locked_until is not None and user.locked_until > now:
        return SigninResult(None, "gesperrt", user)
    if not user.active:
        return SigninResult(None, "inaktiv", user)
    if not ok:
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + lock
            user.failed_logins = 0
            session.flush()
            return SigninResult(None, "gesperrt", user)
        session.flush()
        return SigninResult(None, "passwort_falsch", user)
    user.failed_logins = 0
    user.locked_until = None
    if stored is not None and needs_rehash(stored):
        user.password_hash = hash_password(password)
    session.flush()
    return SigninResult(user, "erfolg", user)
