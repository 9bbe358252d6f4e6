"""The tables of saved cases: a case, its versions (each with the assessment made when it was
saved, and the rule set's version and hash), and the Idempotency-Keys of POST /cases.
The tables of identity and the audit trail are in api/identity/tables.py and api/audit/tables.py.

Every change to a case is a new row in ``case_versions``; rows are never updated or deleted. The
pair (case_id, number) is unique, so two writers can never both store "version 3".
Schema changes go through an Alembic migration in api/migrations/versions/.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time stored as naive UTC and returned timezone-aware (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    """The current time in UTC, to the second (what the API shows)."""
    return datetime.now(UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    """A saved case; ``latest_version`` is the number of its newest version."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: The organisation that created the case and owns it (api/identity/). ``None`` only for a
    #: case saved through the web form while it is still open (phase 1 of issue 12): no API
    #: caller sees such a case.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), nullable=True, index=True)
    bezeichnung: Mapped[str] = mapped_column(String(300))
    latest_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CaseVersionRow(Base):
    """One version of a case: the Fallakte as saved and the assessment made with it."""

    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_case_versions_case_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    #: The validated Fallakte as canonical JSON (sorted keys, money as strings).
    fallakte_json: Mapped[str] = mapped_column(Text)
    #: The Bewertung and the Kalkulation as computed when this version was saved.
    bewertung_json: Mapped[str] = mapped_column(Text)
    kalkulation_json: Mapped[str] = mapped_column(Text)
    ergebnis: Mapped[str] = mapped_column(String(40))
    regelwerk_version: Mapped[str] = mapped_column(String(100))
    regelwerk_sha256: Mapped[str] = mapped_column(String(64))


class IdempotencyKeyRow(Base):
    """A POST /cases made with an Idempotency-Key: which request (hash) created which version.

    A key belongs to the client that sent it (``client``: "schluessel:<id>" or "nutzer:<id>"), so
    two clients choosing the same key never see each other's case; keys expire (api/cases.py).
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("client", "key", name="uq_idempotency_keys_client_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(255))
    request_sha256: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    version_number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class UnsavedResultRow(Base):
    """A result the web form showed before it was saved (post/redirect/get): the page has a URL
    with only a random token in it, never case content. Rows older than the retention period are
    removed when new ones are written (``api.web.unsaved_results``)."""

    __tablename__ = "unsaved_results"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    #: The validated Fallakte, the Bewertung and the Kalkulation as canonical JSON.
    fallakte_json: Mapped[str] = mapped_column(Text)
    bewertung_json: Mapped[str] = mapped_column(Text)
    kalkulation_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: When the form edited a saved case: which case and version ("Fall speichern" adds a version).
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Who may open it (api/web/unsaved_results.py): the creator's organisation when signed in
    #: (``created_by`` names the caller, "nutzer:3"), else the SHA-256 of the creating browser's
    #: pre-sign-in cookie. A row with neither (stored before sign-in existed) is served to nobody.
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    browser_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
