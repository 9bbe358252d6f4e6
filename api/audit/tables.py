"""The audit trail's tables: the entries (append-only, each with the previous entry's hash) and
the head of the chain (one row, locked by every writer so that two writers never fork it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db.models import Base, UTCDateTime


class AuditEntryRow(Base):
    """One recorded event. ``id`` is the position in the chain (1, 2, 3, … without gaps)."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    zeit: Mapped[datetime] = mapped_column(UTCDateTime())
    akteur: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    aktion: Mapped[str] = mapped_column(String(40))
    objekt: Mapped[str] = mapped_column(String(100))
    ergebnis: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(String(300), nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The newest entry's position and hash (row id 1)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
