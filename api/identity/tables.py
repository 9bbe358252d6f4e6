"""The tables of identity and access: organisations, users, sign-in sessions, API keys, case
shares, pending OIDC sign-ins and the rate-limit counters.

Everything a later request needs lives here, in the database — never in process memory — so
that several workers (or servers) can serve one installation. Secrets are stored only as
SHA-256 (session tokens, API keys: random 256-bit values need no slow hash) or Argon2id
(passwords). Schema changes go through api/migrations/versions/.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db.models import Base, UTCDateTime


class OrganisationRow(Base):
    """A public body (Kommune, Kreis, Zweckverband) or a service provider acting for several."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kennung: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UserRow(Base):
    """A person of one organisation; signs in with a password or through OIDC (``oidc_subject``)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    #: Comma-separated role names (api/identity/rollen.py), sorted.
    rollen: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: "<issuer> <sub>" of the identity provider, for users who sign in by OIDC.
    oidc_subject: Mapped[str | None] = mapped_column(String(500), nullable=True, unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoginSessionRow(Base):
    """A signed-in browser: the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "login_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(20))  # "passwort" or "oidc"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class ApiKeyRow(Base):
    """An API key of an organisation with one role and a name; revoked keys stay for the record."""

    __tablename__ = "api_keys"
    __table_args__ = (UniqueConstraint("organisation_id", "name", name="uq_api_keys_organisation_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    rolle: Mapped[str] = mapped_column(String(40))
    key_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    #: The first characters of the key (``ikz_AbCd``), to recognise it in a list; not a secret.
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CaseShareRow(Base):
    """A case shared with a partner organisation: ``art`` is "lesen" or "pruefen"."""

    __tablename__ = "case_shares"
    __table_args__ = (UniqueConstraint("case_id", "organisation_id", name="uq_case_shares_case_organisation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    art: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OidcLoginRow(Base):
    """A sign-in sent to the identity provider and not yet back: state, nonce, PKCE verifier."""

    __tablename__ = "oidc_logins"

    state_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: SHA-256 of the random value in the browser's cookie: the answer must come to that browser.
    browser_sha256: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(100))
    code_verifier: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class RateCounterRow(Base):
    """Requests of one client to one kind of endpoint in one fixed window (rate limits)."""

    __tablename__ = "rate_counters"

    bucket: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
