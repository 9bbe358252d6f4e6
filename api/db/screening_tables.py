"""The tables of the upload page's screening results (api/screening_store.py): a result's head and
its records in compressed chunks, so that any worker process can serve the downloads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db.models import Base, UTCDateTime


class ScreeningResultRow(Base):
    """One screening shown on the upload page; the URL carries a random token, the table its SHA-256."""

    __tablename__ = "screening_results"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    #: The caller who uploaded ("nutzer:3", "schluessel:2"), or ``None`` without sign-in; a
    #: download must come from the same caller.
    client: Mapped[str | None] = mapped_column(String(100), nullable=True)
    #: ``False`` while the chunks are being written: such a result is not served.
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The uploaded file's name (shown in the report) and the task-field titles.
    quelle: Mapped[str] = mapped_column(String(300))
    titel_json: Mapped[str] = mapped_column(Text)
    #: The Screening without its rows and problems (summary, Stichtag, rule set), serialised.
    kopf: Mapped[bytes] = mapped_column(LargeBinary)


class ScreeningChunkRow(Base):
    """Up to ``CHUNK_RECORDS`` screened rows (``art`` "zeilen") or problems ("probleme"), compressed."""

    __tablename__ = "screening_chunks"

    token_sha256: Mapped[str] = mapped_column(
        ForeignKey("screening_results.token_sha256", ondelete="CASCADE"), primary_key=True
    )
    art: Mapped[str] = mapped_column(String(10), primary_key=True)
    nummer: Mapped[int] = mapped_column(Integer, primary_key=True)
    daten: Mapped[bytes] = mapped_column(LargeBinary)
