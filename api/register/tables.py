"""The tables of issue 15 (migration 0014_register): account assignment per organisation, the
register's origin of an imported case, calendar feed tokens, why a version was made, the runs and
results of a rule change's re-assessment, and the rate tables an organisation stores.

Nothing here changes a stored case version: a re-assessment adds a version and notes its cause
in ``version_anlaesse``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db.models import Base, UTCDateTime


class KontierungRow(Base):
    """The NKF account assignment of an organisation's budget lines (advisor.haushalt.Kontierung)."""

    __tablename__ = "organisation_kontierung"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    produkt: Mapped[str | None] = mapped_column(String(50), nullable=True)
    aufwandskonto: Mapped[str | None] = mapped_column(String(20), nullable=True)
    ertragskonto: Mapped[str | None] = mapped_column(String(20), nullable=True)
    geaendert_am: Mapped[datetime] = mapped_column(UTCDateTime())
    geaendert_von: Mapped[str] = mapped_column(String(400))


class RegisterAngabenRow(Base):
    """What the register keeps about a case beyond its versions: where an imported entry came from
    (screening source and inventory row), a binding ruling applied for / given, the end."""

    __tablename__ = "register_angaben"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    herkunft_quelle: Mapped[str | None] = mapped_column(String(300), nullable=True)
    herkunft_zeile: Mapped[int | None] = mapped_column(Integer, nullable=True)
    auskunft_beantragt_am: Mapped[date | None] = mapped_column(Date, nullable=True)
    auskunft_erteilt_am: Mapped[date | None] = mapped_column(Date, nullable=True)
    beendet_am: Mapped[date | None] = mapped_column(Date, nullable=True)
    geaendert_am: Mapped[datetime] = mapped_column(UTCDateTime())
    geaendert_von: Mapped[str] = mapped_column(String(400))


class KalenderTokenRow(Base):
    """A user's calendar feed token (only its SHA-256 is stored); revoked ones stay for the record."""

    __tablename__ = "kalender_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class VersionAnlassRow(Base):
    """Why a version was stored when not by a person's edit: ``regelaenderung`` with both rule sets."""

    __tablename__ = "version_anlaesse"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_version_anlaesse_case_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    anlass: Mapped[str] = mapped_column(String(40))
    regelwerk_von: Mapped[str] = mapped_column(String(100))
    regelwerk_nach: Mapped[str] = mapped_column(String(100))
    lauf_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuswirkungslaufRow(Base):
    """One re-assessment of an organisation's cases under a rule set; resumable from ``letzter_fall``.

    A worker holds the run while ``lease_until`` is in the future (several workers: one works, a
    stopped one's run is taken over when its lease expires).
    """

    __tablename__ = "auswirkungslaeufe"
    __table_args__ = (UniqueConstraint("organisation_id", "regelwerk_sha256", name="uq_auswirkungslaeufe_org_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    regelwerk_version: Mapped[str] = mapped_column(String(100))
    regelwerk_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    gestartet_von: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    total: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer)
    letzter_fall: Mapped[int] = mapped_column(Integer)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fehler: Mapped[str | None] = mapped_column(String(500), nullable=True)


class AuswirkungRow(Base):
    """A case re-assessed in a run: before/after per service (JSON) and the version it added."""

    __tablename__ = "auswirkungen"
    __table_args__ = (UniqueConstraint("lauf_id", "case_id", name="uq_auswirkungen_lauf_case"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    lauf_id: Mapped[int] = mapped_column(ForeignKey("auswirkungslaeufe.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    bezeichnung: Mapped[str] = mapped_column(String(300))
    version_vorher: Mapped[int] = mapped_column(Integer)
    version_neu: Mapped[int | None] = mapped_column(Integer, nullable=True)
    regelwerk_vorher: Mapped[str] = mapped_column(String(100))
    geaendert: Mapped[bool] = mapped_column(Boolean)
    diff_json: Mapped[str] = mapped_column(Text)


class EigeneSatztabelleRow(Base):
    """A rate table an organisation stored (YAML as uploaded, checked); new versions never replace
    old rows — ``geloescht_am`` retires one."""

    __tablename__ = "eigene_satztabellen"
    __table_args__ = (
        UniqueConstraint("organisation_id", "kennung", "version", name="uq_eigene_satztabellen_org_id_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    kennung: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    geprueft_am: Mapped[datetime] = mapped_column(UTCDateTime())
    geprueft_von: Mapped[str] = mapped_column(String(400))
    geloescht_am: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
