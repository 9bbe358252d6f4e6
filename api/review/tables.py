"""The tables of the review (issue 13): a case's review state, approvals per version and role,
comments per clause with their replies, and each organisation's approving roles.

Approvals are never updated or deleted: a new decision is a new row; which decisions count is
decided by ``api.review.regeln`` (only those for the version under review). Comments keep the
version, document and clause id they were written on and the clause's text at that time, so a
later version can show that the clause changed since. Schema changes go through
api/migrations/versions/ (0012_review).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db.models import Base, UTCDateTime


class PruefungRow(Base):
    """The review state of a case; no row means ``entwurf`` without history."""

    __tablename__ = "pruefungen"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    zustand: Mapped[str] = mapped_column(String(20))
    #: The version the state refers to (submitted, approved or signed).
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    eingereicht_am: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    frist: Mapped[date | None] = mapped_column(Date(), nullable=True)
    unterzeichnet_am: Mapped[date | None] = mapped_column(Date(), nullable=True)
    #: The signatories as a JSON list of names.
    unterzeichnende: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: For an amendment case (Nachtrag): the signed case it amends.
    nachtrag_zu: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FreigabeEntscheidungRow(Base):
    """One decision ("erteilt" | "abgelehnt") of a role on one version of a case."""

    __tablename__ = "freigabe_entscheidungen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    rolle: Mapped[str] = mapped_column(String(30))
    entscheidung: Mapped[str] = mapped_column(String(20))
    begruendung: Mapped[str | None] = mapped_column(Text, nullable=True)
    akteur: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    zeit: Mapped[datetime] = mapped_column(UTCDateTime())


class KommentarRow(Base):
    """A comment on a clause of a version, or (``antwort_auf`` set) a reply in its thread."""

    __tablename__ = "kommentare"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    antwort_auf: Mapped[int | None] = mapped_column(ForeignKey("kommentare.id", ondelete="CASCADE"), nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    dokument: Mapped[str] = mapped_column(String(30))
    klausel: Mapped[str] = mapped_column(String(120))
    #: The clause's text when the comment was written (to mark a later change).
    klausel_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    #: "offen" | "erledigt" for a thread's first comment; None for a reply.
    status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    akteur: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    erstellt: Mapped[datetime] = mapped_column(UTCDateTime())
    erledigt_von: Mapped[str | None] = mapped_column(String(200), nullable=True)
    erledigt_am: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class PruefEinstellungRow(Base):
    """Which roles of an organisation must approve its cases ("steuer,rechtsamt,leitung")."""

    __tablename__ = "pruef_einstellungen"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    rollen: Mapped[str] = mapped_column(String(200))
