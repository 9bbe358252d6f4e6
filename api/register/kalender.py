"""The deadline feed per user (iCalendar, RFC 5545) and its revocable feed token.

Authentication without a secret in the URL: the feed's address is the same for everyone
(``/kalender/fristen.ics``); the calendar client sends HTTP Basic credentials — any user name
(e.g. the e-mail address) and the **feed token** as password. Thunderbird, Apple Calendar and
DAVx5 can subscribe like this; clients that only take a bare URL (Google Calendar, Outlook on the
web) cannot — deliberately, because their URL would carry the secret into proxy and server logs.
A token is shown once when created, stored only as SHA-256, grants nothing but this feed (read-
only, the user's organisation's deadlines, with the user's current roles), and is revoked by the
user (or when the user is deactivated). A user has at most one active token: creating a new one
revokes the old.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from datetime import UTC, date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.db.models import utc_now
from api.identity.principal import Principal
from api.identity.rollen import Recht, rollen_aus_gespeichert
from api.identity.tables import OrganisationRow, UserRow
from api.register.register import Registereintrag
from api.register.tables import KalenderTokenRow

PRODID = "-//IKZ-Berater//Fristen//DE"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_erstellen(session: Session, principal: Principal) -> str:
    """A new feed token for the signed-in user (older ones revoked); flushed, not committed."""
    widerrufen(session, principal.id)
    token = secrets.token_urlsafe(32)
    session.add(KalenderTokenRow(user_id=principal.id, token_sha256=_digest(token), created_at=utc_now()))
    session.flush()
    return token


def widerrufen(session: Session, user_id: int) -> int:
    """Revoke the user's active tokens; returns how many (not committed)."""
    result = session.execute(
        update(KalenderTokenRow)
        .where(KalenderTokenRow.user_id == user_id, KalenderTokenRow.revoked_at.is_(None))
        .values(revoked_at=utc_now())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def token_aus_basic(header: str | None) -> str | None:
    """The password of an HTTP Basic ``Authorization`` header (``None`` if absent or malformed)."""
    if not header or not header[:6].lower() == "basic ":
        return None
    try:
        klar = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    _name, trenner, passwort = klar.partition(":")
    return passwort if trenner and 20 <= len(passwort) <= 100 else None


def principal_fuer_token(session: Session, token: str) -> Principal | None:
    """The user the active token belongs to, with current roles; ``None`` if unknown, revoked,
    deactivated, or the roles no longer allow reading cases."""
    found = session.execute(
        select(UserRow, OrganisationRow.kennung)
        .join(KalenderTokenRow, KalenderTokenRow.user_id == UserRow.id)
        .join(OrganisationRow, OrganisationRow.id == UserRow.organisation_id)
        .where(KalenderTokenRow.token_sha256 == _digest(token), KalenderTokenRow.revoked_at.is_(None))
    ).first()
    if found is None:
        return None
    user, kennung = found
    principal = Principal(
        "nutzer", user.id, user.email, user.organisation_id, kennung, rollen_aus_gespeichert(user.rollen)
    )
    if not user.active or not principal.darf(Recht.FALL_LESEN):
        return None
    return principal


def kalender(eintraege: list[Registereintrag], heute: date) -> bytes:
    """The deadlines of the entries as all-day events; stable UIDs, DTSTAMP from the case's version
    (the same register gives the same bytes)."""
    import icalendar  # loaded when a feed is asked for, not at every worker's start

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "IKZ-Berater: Fristen")
    for e in eintraege:
        for f in e.fristen:
            if f.art == "abschlag" and f.datum < heute:
                continue
            ereignis = icalendar.Event()
            ereignis.add("uid", f"fall-{e.fall}-{f.art}-{f.leistung or 'fall'}-{f.datum.isoformat()}@ikz-berater")
            ereignis.add("dtstamp", e.bewertet_am.astimezone(UTC) if e.bewertet_am.tzinfo else datetime.now(UTC))
            ereignis.add("dtstart", f.zugang_bis or f.datum)
            ereignis.add("dtend", date.fromordinal((f.zugang_bis or f.datum).toordinal() + 1))
            ereignis.add("summary", f"{f.titel} (Fall {e.fall})")
            beschreibung = [f"Fall {e.fall}: {e.bezeichnung}"]
            if f.hinweis:
                beschreibung.append(f.hinweis)
            ereignis.add("description", "\n".join(beschreibung))
            ereignis.add("categories", [f.art])
            ereignis.add("transp", "TRANSPARENT")
            cal.add_component(ereignis)
    return cal.to_ical()
