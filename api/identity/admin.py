"""Administration of organisations, users and API keys (used by ``ikz admin`` and the API).

Every function works in the caller's session and flushes but does not commit, so that the
change and its audit entry (api/audit) are committed together. Invalid input raises
``IdentityError`` with a German sentence naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db.models import utc_now
from api.identity import api_keys
from api.identity.errors import AlreadyExists, IdentityError, NotFound
from api.identity.passwords import hash_password, password_problem
from api.identity.rollen import Rolle, rolle_aus_text, rollen_als_text, rollen_aus_gespeichert
from api.identity.tables import ApiKeyRow, OrganisationRow, UserRow

KENNUNG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
EMAIL = re.compile(r"^[^@\s]{1,200}@[^@\s]{1,100}\.[^@\s]{2,}$")
KEY_NAME = re.compile(r"^[A-Za-z0-9ÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß ._-]{0,99}$")


def check_kennung(kennung: str) -> str:
    """The Kennung in its stored form; ``IdentityError`` unless 2–63 of a–z, 0–9 and "-"."""
    kennung = kennung.strip().lower()
    if not KENNUNG.match(kennung):
        raise IdentityError(
            f"Die Kennung „{kennung}“ ist ungültig: 2 bis 63 Zeichen aus a–z, 0–9 und „-“, z. B. „kreis-musterland“.",
            "kennung",
        )
    return kennung


def normalise_email(email: str) -> str:
    """The address as stored (trimmed, lower case); ``IdentityError`` if it is not one."""
    email = email.strip().lower()
    if not EMAIL.match(email):
        raise IdentityError(f"„{email}“ ist keine gültige E-Mail-Adresse.", "email")
    return email


def find_organisation(session: Session, kennung: str) -> OrganisationRow:
    row = session.execute(
        select(OrganisationRow).where(OrganisationRow.kennung == kennung.strip().lower())
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Es gibt keine Organisation mit der Kennung „{kennung}“.", "organisation")
    return row


def add_organisation(session: Session, kennung: str, name: str) -> OrganisationRow:
    """A new organisation; ``AlreadyExists`` if the Kennung is taken."""
    kennung = check_kennung(kennung)
    name = name.strip()
    if not 1 <= len(name) <= 300:
        raise IdentityError("Der Name der Organisation muss 1 bis 300 Zeichen lang sein.", "name")
    if session.execute(select(OrganisationRow.id).where(OrganisationRow.kennung == kennung)).first():
        raise AlreadyExists(f"Die Organisation „{kennung}“ gibt es bereits.", "kennung")
    row = OrganisationRow(kennung=kennung, name=name, created_at=utc_now())
    session.add(row)
    session.flush()
    return row


def rename_organisation(session: Session, kennung: str, neue_kennung: str, name: str) -> OrganisationRow:
    """Give an organisation a new Kennung and name (e.g. ``bestand`` after the migration)."""
    row = find_organisation(session, kennung)
    neue_kennung = check_kennung(neue_kennung)
    if (
        neue_kennung != row.kennung
        and session.execute(select(OrganisationRow.id).where(OrganisationRow.kennung == neue_kennung)).first()
    ):
        raise AlreadyExists(f"Die Organisation „{neue_kennung}“ gibt es bereits.", "kennung")
    if not 1 <= len(name.strip()) <= 300:
        raise IdentityError("Der Name der Organisation muss 1 bis 300 Zeichen lang sein.", "name")
    row.kennung, row.name = neue_kennung, name.strip()
    session.flush()
    return row


def parse_roles(texts: Iterable[str]) -> list[Rolle]:
    """Role names → roles; ``IdentityError`` naming the unknown one, or if none is given."""
    rollen = []
    for text in texts:
        try:
            rollen.append(rolle_aus_text(text))
        except ValueError as e:
            raise IdentityError(str(e), "rolle") from None
    if not rollen:
        raise IdentityError("Mindestens eine Rolle angeben.", "rolle")
    return rollen


def add_user(session: Session, email: str, kennung: str, rollen: Iterable[str], password: str | None) -> UserRow:
    """A new user of an organisation with roles and (unless OIDC-only) a password."""
    organisation = find_organisation(session, kennung)
    email = normalise_email(email)
    parsed = parse_roles(rollen)
    if password is not None and (problem := password_problem(password)):
        raise IdentityError(problem, "passwort")
    if session.execute(select(UserRow.id).where(UserRow.email == email)).first():
        raise AlreadyExists(f"Es gibt bereits ein Konto für {email}.", "email")
    row = UserRow(
        organisation_id=organisation.id,
        email=email,
        rollen=rollen_als_text(parsed),
        password_hash=None if password is None else hash_password(password),
        active=True,
        failed_logins=0,
        created_at=utc_now(),
    )
    session.add(row)
    session.flush()
    return row


def add_api_key(session: Session, kennung: str, rolle: str, name: str) -> tuple[ApiKeyRow, str]:
    """A new API key; returns the row and the key itself — the only time it is available."""
    organisation = find_organisation(session, kennung)
    name = name.strip()
    if not KEY_NAME.match(name):
        raise IdentityError(
            "Der Name des Schlüssels: 1 bis 100 Zeichen aus Buchstaben, Ziffern, Leerzeichen, „.“, „_“ und „-“.", "name"
        )
    (parsed,) = parse_roles([rolle])
    exists = session.execute(
        select(ApiKeyRow.id).where(ApiKeyRow.organisation_id == organisation.id, ApiKeyRow.name == name)
    ).first()
    if exists:
        raise AlreadyExists(
            f"Die Organisation „{organisation.kennung}“ hat bereits einen Schlüssel „{name}“ "
            "(auch widerrufene Schlüssel behalten ihren Namen für das Protokoll).",
            "name",
        )
    key = api_keys.new_key()
    row = ApiKeyRow(
        organisation_id=organisation.id,
        name=name,
        rolle=parsed.value,
        key_sha256=api_keys.key_digest(key),
        prefix=key[:8],
        created_at=utc_now(),
    )
    session.add(row)
    session.flush()
    return row, key


def revoke_api_key(session: Session, kennung: str, name: str) -> ApiKeyRow:
    """Revoke a key by name (it stays listed as revoked); ``NotFound`` if there is no such key."""
    organisation = find_organisation(session, kennung)
    row = session.execute(
        select(ApiKeyRow).where(ApiKeyRow.organisation_id == organisation.id, ApiKeyRow.name == name.strip())
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Die Organisation „{organisation.kennung}“ hat keinen Schlüssel „{name}“.", "name")
    if row.revoked_at is None:
        row.revoked_at = utc_now()
        session.flush()
    api_keys.forget(row.key_sha256)
    return row


def list_api_keys(session: Session, organisation_id: int) -> list[ApiKeyRow]:
    """The organisation's keys (active and revoked), oldest first."""
    return list(
        session.execute(
            select(ApiKeyRow).where(ApiKeyRow.organisation_id == organisation_id).order_by(ApiKeyRow.id)
        ).scalars()
    )


def list_users(session: Session, organisation_id: int) -> list[UserRow]:
    """The organisation's users, by e-mail address."""
    return list(
        session.execute(
            select(UserRow).where(UserRow.organisation_id == organisation_id).order_by(UserRow.email)
        ).scalars()
    )


def _user_of(session: Session, organisation_id: int, user_id: int) -> UserRow:
    row = session.get(UserRow, user_id)
    if row is None or row.organisation_id != organisation_id:
        raise NotFound("Dieses Konto gibt es in Ihrer Organisation nicht.", "nutzer")
    return row


def _other_active_admins(session: Session, organisation_id: int, user_id: int) -> int:
    return sum(
        1
        for row in list_users(session, organisation_id)
        if row.id != user_id and row.active and Rolle.ADMIN in rollen_aus_gespeichert(row.rollen)
    )


def set_user_roles(session: Session, organisation_id: int, user_id: int, rollen: Iterable[str]) -> UserRow:
    """Replace a user's roles (flushed). The last active ``admin`` of an organisation keeps that
    role, so that nobody locks the organisation out of its own administration."""
    row = _user_of(session, organisation_id, user_id)
    parsed = parse_roles(rollen)
    if (
        Rolle.ADMIN in rollen_aus_gespeichert(row.rollen)
        and Rolle.ADMIN not in parsed
        and _other_active_admins(session, organisation_id, user_id) == 0
    ):
        raise IdentityError("Die Organisation braucht mindestens ein aktives Konto mit der Rolle admin.", "rolle")
    row.rollen = rollen_als_text(parsed)
    session.flush()
    return row


def set_user_active(session: Session, organisation_id: int, user_id: int, active: bool) -> UserRow:
    """Activate or deactivate a user (flushed); deactivating ends their sessions at the next
    request (api/identity/sessions.py checks ``active``). The last active admin stays active."""
    row = _user_of(session, organisation_id, user_id)
    if (
        not active
        and Rolle.ADMIN in rollen_aus_gespeichert(row.rollen)
        and _other_active_admins(session, organisation_id, user_id) == 0
    ):
        raise IdentityError("Das letzte aktive Konto mit der Rolle admin kann nicht deaktiviert werden.", "nutzer")
    row.active = active
    if active:
        row.failed_logins = 0
        row.locked_until = None
    session.flush()
    return row
