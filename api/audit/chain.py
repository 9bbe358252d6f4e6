"""Appending to and verifying the hash chain of the audit trail (see api/audit/__init__.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api.audit.tables import AuditEntryRow, AuditHeadRow
from api.db.models import utc_now
from api.jsonout import canonical_json

GENESIS = "0" * 64
HEAD_ID = 1


@dataclass(frozen=True, slots=True)
class Auditeintrag:
    """What happened: who (``akteur``, e.g. "nutzer:3 a.b@kreis.de" or "schluessel:2 haushalt"),
    for which organisation, which ``aktion`` ("anmelden", "fall_lesen", …) on which ``objekt``
    ("fall:12") with which ``ergebnis`` ("erfolg", "abgelehnt", "nicht_gefunden")."""

    akteur: str
    organisation_id: int | None
    aktion: str
    objekt: str
    ergebnis: str = "erfolg"
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Bruch:
    """The first entry at which the chain is broken, and why (German)."""

    position: int
    grund: str


def entry_hash(position: int, zeit: datetime, eintrag: Auditeintrag, prev_hash: str) -> str:
    """SHA-256 over the entry's fields and the previous hash (canonical JSON, UTC seconds)."""
    felder = {
        "position": position,
        "zeit": zeit.isoformat(),
        "akteur": eintrag.akteur,
        "organisation_id": eintrag.organisation_id,
        "aktion": eintrag.aktion,
        "objekt": eintrag.objekt,
        "ergebnis": eintrag.ergebnis,
        "detail": eintrag.detail,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(felder).encode("utf-8")).hexdigest()


def record(session: Session, eintrag: Auditeintrag) -> int:
    """Append ``eintrag`` in the session's transaction (not committed); returns its position.

    The head row is locked first (SQLite: the write lock of BEGIN IMMEDIATE; PostgreSQL: FOR
    UPDATE), so concurrent writers append one after the other and never fork the chain.
    """
    head = session.execute(
        select(AuditHeadRow)
        .where(AuditHeadRow.id == HEAD_ID)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()
    position = head.last_id + 1
    zeit = utc_now()
    digest = entry_hash(position, zeit, eintrag, head.last_hash)
    session.add(
        AuditEntryRow(
            id=position,
            zeit=zeit,
            akteur=eintrag.akteur[:200],
            organisation_id=eintrag.organisation_id,
            aktion=eintrag.aktion,
            objekt=eintrag.objekt[:100],
            ergebnis=eintrag.ergebnis,
            detail=None if eintrag.detail is None else eintrag.detail[:300],
            prev_hash=head.last_hash,
            hash=digest,
        )
    )
    head.last_id = position
    head.last_hash = digest
    session.flush()
    return position


def record_now(session_factory: sessionmaker[Session], eintrag: Auditeintrag) -> int:
    """Append ``eintrag`` in a transaction of its own and commit; returns its position."""
    with session_factory() as session:
        position = record(session, eintrag)
        session.commit()
        return position


def _stored(row: AuditEntryRow) -> Auditeintrag:
    return Auditeintrag(row.akteur, row.organisation_id, row.aktion, row.objekt, row.ergebnis, row.detail)


def verify(session: Session, batch: int = 1000) -> Bruch | None:
    """Walk the whole chain; ``None`` when intact, else the first broken entry and why."""
    expected_prev, expected_position, last = GENESIS, 1, 0
    while True:
        rows = session.execute(
            select(AuditEntryRow).where(AuditEntryRow.id > last).order_by(AuditEntryRow.id).limit(batch)
        ).scalars()
        count = 0
        for row in rows:
            count += 1
            if row.id != expected_position:
                return Bruch(expected_position, f"Eintrag {expected_position} fehlt (nächster vorhandener: {row.id}).")
            if row.prev_hash != expected_prev:
                return Bruch(row.id, "Der Verweis auf den vorigen Eintrag stimmt nicht.")
            if entry_hash(row.id, row.zeit, _stored(row), row.prev_hash) != row.hash:
                return Bruch(row.id, "Der Inhalt des Eintrags wurde verändert (Prüfsumme stimmt nicht).")
            expected_prev, expected_position, last = row.hash, row.id + 1, row.id
        session.expunge_all()
        if count < batch:
            break
    head = session.get(AuditHeadRow, HEAD_ID)
    if head is None:
        return Bruch(0, "Der Kopf der Kette fehlt.")
    if head.last_id != last or head.last_hash != expected_prev:
        return Bruch(last + 1, f"Die Kette endet bei Eintrag {last}, erwartet bis {head.last_id}: Einträge fehlen.")
    return None


def list_entries(
    session: Session, organisation_id: int, limit: int = 100, before: int | None = None
) -> list[AuditEntryRow]:
    """The newest entries of one organisation (newest first); ``before`` pages further back."""
    query = select(AuditEntryRow).where(AuditEntryRow.organisation_id == organisation_id)
    if before is not None:
        query = query.where(AuditEntryRow.id < before)
    return list(session.execute(query.order_by(AuditEntryRow.id.desc()).limit(limit)).scalars())
