"""Saved cases: the service the JSON API and the web form use to store and read cases.

Every function works on a SQLAlchemy ``Session`` (from ``api.deps.DbSession`` or
``app.state.session_factory()``). Write functions commit before they return; read functions
leave the session's transaction to the caller. Stable interface:

- ``create_case(session, fallakte, beratung, note=None, *, organisation_id=None, on_saved=None)
  -> GespeicherteVersion`` — a new case, version 1, owned by ``organisation_id``
- ``add_case(session, fallakte, beratung, note=None, *, organisation_id=None) -> GespeicherteVersion`` —
  the same, not committed (several cases in one transaction)
- ``add_version(session, case_id, fallakte, beratung, note, expected_version) -> GespeicherteVersion`` —
  a new version, not committed, only on top of ``expected_version``
- ``create_cases_if_empty(session, [(fallakte, beratung, note), …], organisation_id=None) -> int``
- ``create_case_once(session, key, request_sha256, fallakte, beratung, note=None, *, client="",
  ttl=24 h, organisation_id=None, on_saved=None) -> tuple[GespeicherteVersion, bool]`` — the same,
  guarded by an Idempotency-Key of that client (expires after ``ttl``); ``True`` = replayed
- ``update_case(session, case_id, fallakte, beratung, note=None, expected_version=None, *,
  on_saved=None) -> GespeicherteVersion`` — a new version; ``expected_version`` makes it conditional
- ``get_case(session, case_id) -> GespeicherteVersion`` — the newest version
- ``get_version(session, case_id, number) -> GespeicherteVersion``
- ``list_cases(session, limit=50, offset=0, visible=None) -> Fallseite`` — ``visible`` is a WHERE
  clause on ``CaseRow`` (api/identity/case_access.visible_to); without it, every case
- ``list_versions(session, case_id) -> list[Versionsuebersicht]`` — oldest first
- ``fallakte_als_dict(fallakte) -> dict`` — the JSON form in which a Fallakte is stored
- ``request_fingerprint(fallakte, note) -> str`` — what an Idempotency-Key is checked against

Who may call these is decided before (api/identity/case_access.py); the store does not check.
``on_saved(session, version_row)`` runs after the new version is flushed and before the commit,
so that the audit entry of a change is committed with it (api/audit).

Every version stores the Fallakte, the assessment and the calculation made when it was saved,
with the rule set's version and SHA-256, so an old result can be shown as it was and re-run with
today's rules (``GespeicherteVersion.fallakte()`` gives the model back). Versions are never changed.

Errors: ``CaseNotFound``, ``VersionNotFound``, ``VersionConflict`` (If-Match did not match),
``IdempotencyConflict`` (a key reused for a different request), ``CaseSigned`` (a signed case is
frozen, issue 13); each carries a German ``detail``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor.bewertung import bewertung_als_dict
from advisor.fallakte import Fallakte
from advisor.kosten import kalkulation_als_dict
from api.case_types import (
    BeratungLike,
    CaseNotFound,
    CaseSigned,
    CaseStoreError,
    Fallseite,
    Falluebersicht,
    GespeicherteVersion,
    IdempotencyConflict,
    VersionConflict,
    VersionNotFound,
    Versionsuebersicht,
)
from api.db.models import CaseRow, CaseVersionRow, IdempotencyKeyRow, utc_now
from api.jsonout import canonical_json

__all__ = [
    "BeratungLike",
    "CaseNotFound",
    "Fallseite",
    "CaseStoreError",
    "Falluebersicht",
    "IdempotencyConflict",
    "GespeicherteVersion",
    "VersionConflict",
    "VersionNotFound",
    "Versionsuebersicht",
    "add_case",
    "add_version",
    "create_case",
    "create_case_once",
    "create_cases_if_empty",
    "fallakte_als_dict",
    "get_case",
    "get_version",
    "list_cases",
    "list_versions",
    "request_fingerprint",
    "update_case",
]


OnSaved = Callable[[Session, CaseVersionRow], None]


def create_case(
    session: Session,
    fallakte: Fallakte,
    beratung: BeratungLike,
    note: str | None = None,
    *,
    organisation_id: int | None = None,
    on_saved: OnSaved | None = None,
) -> GespeicherteVersion:
    """Store a new case with its first version, owned by ``organisation_id``; commits."""
    row = _insert_case(session, fallakte, beratung, note, organisation_id)
    if on_saved is not None:
        on_saved(session, row)
    session.commit()
    return _saved(row, fallakte.bezeichnung)


def create_case_once(
    session: Session,
    key: str,
    request_sha256: str,
    fallakte: Fallakte,
    beratung: BeratungLike,
    note: str | None = None,
    *,
    client: str = "",
    ttl: timedelta = timedelta(hours=24),
    organisation_id: int | None = None,
    on_saved: OnSaved | None = None,
) -> tuple[GespeicherteVersion, bool]:
    """Like ``create_case``, at most once per Idempotency-Key of ``client``; commits.

    Returns the version created and ``False``, or — when the client used the key within ``ttl``
    with the same request (same SHA-256) — the version created then and ``True``. The same key
    with a different request raises ``IdempotencyConflict``. Another client's key of the same
    text is a different key; an expired key is forgotten (and deleted) and may be used anew.
    """
    for _attempt in range(2):
        session.execute(delete(IdempotencyKeyRow).where(IdempotencyKeyRow.created_at < utc_now() - ttl))
        stored = session.execute(
            select(IdempotencyKeyRow).where(IdempotencyKeyRow.client == client, IdempotencyKeyRow.key == key)
        ).scalar_one_or_none()
        if stored is not None:
            if stored.request_sha256 != request_sha256:
                session.rollback()
                raise IdempotencyConflict()
            replayed = get_version(session, stored.case_id, stored.version_number)
            session.commit()
            return replayed, True
        row = _insert_case(session, fallakte, beratung, note, organisation_id)
        if on_saved is not None:
            on_saved(session, row)
        session.add(
            IdempotencyKeyRow(
                client=client,
                key=key,
                request_sha256=request_sha256,
                case_id=row.case_id,
                version_number=row.number,
                created_at=row.created_at,
            )
        )
        try:
            session.commit()
        except IntegrityError:
            # Another request with the same key committed first (PostgreSQL); read its result.
            session.rollback()
            continue
        return _saved(row, fallakte.bezeichnung), False
    raise IdempotencyConflict()  # pragma: no cover - the second round always finds the key


def add_case(
    session: Session,
    fallakte: Fallakte,
    beratung: BeratungLike,
    note: str | None = None,
    *,
    organisation_id: int | None = None,
) -> GespeicherteVersion:
    """Add a new case (version 1) to the session's transaction without committing — for a caller
    that stores several cases, or a case and its register data, all or nothing."""
    row = _insert_case(session, fallakte, beratung, note, organisation_id)
    return _saved(row, fallakte.bezeichnung)


def add_version(
    session: Session, case_id: int, fallakte: Fallakte, beratung: BeratungLike, note: str | None, expected_version: int
) -> GespeicherteVersion:
    """Add a new version to the session's transaction without committing, only if
    ``expected_version`` is still the newest (``VersionConflict`` otherwise; nothing is changed)."""
    case = session.execute(
        select(CaseRow).where(CaseRow.id == case_id).with_for_update().execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if case is None:
        raise CaseNotFound(case_id)
    if case.latest_version != expected_version:
        raise VersionConflict(case_id, expected_version, case.latest_version)
    now = utc_now()
    case.latest_version += 1
    case.updated_at = now
    row = _version_row(case.id, case.latest_version, now, fallakte, beratung, note)
    session.add(row)
    session.flush()
    return _saved(row, fallakte.bezeichnung)


def create_cases_if_empty(
    session: Session, entries: Sequence[tuple[Fallakte, BeratungLike, str | None]], organisation_id: int | None = None
) -> int:
    """Store several new cases in one transaction, but only into an empty store; commits.

    Returns how many were stored (0 if there were cases already). Two servers starting at once
    cannot both seed: the check and the inserts share one write transaction.
    """
    if session.execute(select(func.count()).select_from(CaseRow)).scalar_one() > 0:
        session.rollback()
        return 0
    for fallakte, beratung, note in entries:
        _insert_case(session, fallakte, beratung, note, organisation_id)
    session.commit()
    return len(entries)


def update_case(
    session: Session,
    case_id: int,
    fallakte: Fallakte,
    beratung: BeratungLike,
    note: str | None = None,
    expected_version: int | None = None,
    *,
    on_saved: OnSaved | None = None,
) -> GespeicherteVersion:
    """Store a new version of a case; commits.

    Concurrent updates never lose a version: the case row is locked (SQLite: the transaction
    holds the write lock from its start; PostgreSQL: ``FOR UPDATE``), and (case, number) is
    unique. With ``expected_version``, raises ``VersionConflict`` unless it is the newest. A signed
    case (api/review) is frozen: ``CaseSigned``, checked under the same lock as the signature.
    """
    case = session.execute(
        select(CaseRow).where(CaseRow.id == case_id).with_for_update().execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if case is None:
        session.rollback()
        raise CaseNotFound(case_id)
    if expected_version is not None and expected_version != case.latest_version:
        latest = case.latest_version
        session.rollback()
        raise VersionConflict(case_id, expected_version, latest)
    if _signed(session, case_id):
        session.rollback()
        raise CaseSigned(case_id)
    now = utc_now()
    case.latest_version += 1
    case.bezeichnung = fallakte.bezeichnung
    case.updated_at = now
    row = _version_row(case.id, case.latest_version, now, fallakte, beratung, note)
    session.add(row)
    if on_saved is not None:
        session.flush()
        on_saved(session, row)
    session.commit()
    return _saved(row, fallakte.bezeichnung)


def _signed(session: Session, case_id: int) -> bool:
    from api.review.store import ist_unterzeichnet  # the review builds on this store

    return ist_unterzeichnet(session, case_id)


def get_case(session: Session, case_id: int) -> GespeicherteVersion:
    """The newest version of a case, or ``CaseNotFound``."""
    case = session.get(CaseRow, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    return get_version(session, case_id, case.latest_version)


def get_version(session: Session, case_id: int, number: int) -> GespeicherteVersion:
    """One version of a case, or ``CaseNotFound`` / ``VersionNotFound``."""
    row = session.execute(
        select(CaseVersionRow).where(CaseVersionRow.case_id == case_id, CaseVersionRow.number == number)
    ).scalar_one_or_none()
    if row is None:
        if session.get(CaseRow, case_id) is None:
            raise CaseNotFound(case_id)
        raise VersionNotFound(case_id, number)
    fallakte_daten = json.loads(row.fallakte_json)
    return _saved(row, str(fallakte_daten.get("bezeichnung", "")), fallakte_daten)


def list_cases(
    session: Session, limit: int = 50, offset: int = 0, visible: ColumnElement[bool] | None = None
) -> Fallseite:
    """A page of saved cases, the most recently changed first (by the order versions were stored);
    with ``visible``, only the cases that clause admits (and ``total`` counts only those)."""
    count = select(func.count()).select_from(CaseRow)
    query = select(CaseRow, CaseVersionRow.ergebnis).join(
        CaseVersionRow,
        (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
    )
    if visible is not None:
        count, query = count.where(visible), query.where(visible)
    total = session.execute(count).scalar_one()
    rows = session.execute(query.order_by(CaseVersionRow.id.desc()).limit(limit).offset(offset)).all()
    cases = [
        Falluebersicht(
            case_id=case.id,
            bezeichnung=case.bezeichnung,
            latest_version=case.latest_version,
            ergebnis=ergebnis,
            created_at=case.created_at,
            updated_at=case.updated_at,
        )
        for case, ergebnis in rows
    ]
    return Fallseite(cases=cases, total=total, limit=limit, offset=offset)


def list_versions(session: Session, case_id: int) -> list[Versionsuebersicht]:
    """Every version of a case, oldest first, or ``CaseNotFound``."""
    if session.get(CaseRow, case_id) is None:
        raise CaseNotFound(case_id)
    rows = session.execute(
        select(CaseVersionRow).where(CaseVersionRow.case_id == case_id).order_by(CaseVersionRow.number)
    ).scalars()
    return [
        Versionsuebersicht(
            number=r.number,
            created_at=r.created_at,
            note=r.note,
            ergebnis=r.ergebnis,
            regelwerk_version=r.regelwerk_version,
            regelwerk_sha256=r.regelwerk_sha256,
        )
        for r in rows
    ]


def _insert_case(
    session: Session, fallakte: Fallakte, beratung: BeratungLike, note: str | None, organisation_id: int | None
) -> CaseVersionRow:
    now = utc_now()
    case = CaseRow(
        organisation_id=organisation_id,
        bezeichnung=fallakte.bezeichnung,
        latest_version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    session.flush()
    row = _version_row(case.id, 1, now, fallakte, beratung, note)
    session.add(row)
    session.flush()
    return row


def _version_row(
    case_id: int, number: int, now: datetime, fallakte: Fallakte, beratung: BeratungLike, note: str | None
) -> CaseVersionRow:
    bewertung = beratung.bewertung
    return CaseVersionRow(
        case_id=case_id,
        number=number,
        created_at=now,
        note=note,
        fallakte_json=canonical_json(fallakte_als_dict(fallakte)),
        bewertung_json=canonical_json(bewertung_als_dict(bewertung)),
        kalkulation_json=canonical_json(kalkulation_als_dict(beratung.kalkulation)),
        ergebnis=str(bewertung.ergebnis),
        regelwerk_version=bewertung.regelwerk.version,
        regelwerk_sha256=bewertung.regelwerk.sha256,
    )


def request_fingerprint(fallakte: Fallakte, note: str | None) -> str:
    """SHA-256 identifying a create request for its Idempotency-Key: the validated case and the
    note, with numbers compared by value ("18000.0" = "18000.00"), so that the same case sent as
    YAML or as JSON, or formatted differently, is the same request."""
    return hashlib.sha256(
        canonical_json({"fallakte": _by_value(fallakte.model_dump(exclude_none=True)), "notiz": note}).encode("utf-8")
    ).hexdigest()


def _by_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return {str(k): _by_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_by_value(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def fallakte_als_dict(fallakte: Fallakte) -> dict[str, Any]:
    """The Fallakte as JSON data (money as decimal strings, dates ISO, unknown facts left out)."""
    return fallakte.model_dump(mode="json", exclude_none=True)


def _saved(row: CaseVersionRow, bezeichnung: str, fallakte_daten: dict[str, Any] | None = None) -> GespeicherteVersion:
    return GespeicherteVersion(
        case_id=row.case_id,
        number=row.number,
        bezeichnung=bezeichnung,
        created_at=row.created_at,
        note=row.note,
        ergebnis=row.ergebnis,
        regelwerk_version=row.regelwerk_version,
        regelwerk_sha256=row.regelwerk_sha256,
        fallakte_daten=fallakte_daten if fallakte_daten is not None else json.loads(row.fallakte_json),
        bewertung=json.loads(row.bewertung_json),
        kalkulation=json.loads(row.kalkulation_json),
    )
