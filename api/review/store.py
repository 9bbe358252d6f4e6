"""The review's persistence: state, approvals, signature, amendment cases and settings.

Each function works in the caller's session (``DbSession``), applies the rules of
``api.review.regeln`` to what is stored, records the step in the audit trail in the same
transaction and commits; a refusal raises ``Pruefungsfehler`` before anything is written.
Comments are in ``api.review.kommentare``; who may call is decided before (api/deps.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.audit import Auditeintrag, record
from api.case_types import CaseNotFound
from api.db.models import CaseRow, CaseVersionRow, utc_now
from api.identity.case_access import CaseAccess
from api.identity.principal import Principal
from api.identity.rollen import Rolle
from api.review.regeln import (
    STANDARD_FRIST,
    Freigabe,
    Pruefungsfehler,
    Zustand,
    erforderliche_rollen,
    fehlende_freigaben,
    gueltige_freigaben,
    pruefe_einreichen,
    pruefe_freigabe,
    pruefe_unterzeichnung,
    wirksamer_zustand,
    zustand_nach_entscheidung,
)
from api.review.tables import FreigabeEntscheidungRow, KommentarRow, PruefEinstellungRow, PruefungRow


@dataclass(frozen=True)
class Pruefstatus:
    """Where the review of a case stands now (the effective state, see ``regeln``)."""

    case_id: int
    zustand: Zustand
    neueste_version: int
    pruef_version: int | None
    erforderlich: tuple[Rolle, ...]
    freigaben: dict[Rolle, Freigabe]
    fehlend: list[Rolle]
    offene_kommentare: int
    frist: date | None
    eingereicht_am: datetime | None = None
    unterzeichnet_am: date | None = None
    unterzeichnende: list[str] = field(default_factory=list)
    nachtrag_zu: int | None = None


def _audit(session: Session, principal: Principal, aktion: str, case_id: int, detail: str | None = None) -> None:
    record(
        session, Auditeintrag(principal.akteur, principal.organisation_id, aktion, f"fall:{case_id}", "erfolg", detail)
    )


def rollen_der_organisation(session: Session, organisation_id: int | None) -> tuple[Rolle, ...]:
    """The roles that must approve cases of the organisation (default: steuer, rechtsamt, leitung)."""
    if organisation_id is None:
        return erforderliche_rollen(None)
    row = session.get(PruefEinstellungRow, organisation_id)
    return erforderliche_rollen(row.rollen if row else None)


def setze_rollen(session: Session, organisation_id: int, rollen_text: str) -> None:
    """Store the organisation's approving roles (already checked by ``regeln.rollen_einstellung``); not committed."""
    row = session.get(PruefEinstellungRow, organisation_id)
    if row is None:
        session.add(PruefEinstellungRow(organisation_id=organisation_id, rollen=rollen_text))
    else:
        row.rollen = rollen_text
    session.flush()


def offene_kommentare(session: Session, case_id: int) -> int:
    """How many threads of the case are ``offen``."""
    return session.execute(
        select(func.count())
        .select_from(KommentarRow)
        .where(KommentarRow.case_id == case_id, KommentarRow.status == "offen")
    ).scalar_one()


def _freigaben(session: Session, case_id: int) -> list[Freigabe]:
    rows = session.execute(
        select(FreigabeEntscheidungRow)
        .where(FreigabeEntscheidungRow.case_id == case_id)
        .order_by(FreigabeEntscheidungRow.id)
    ).scalars()
    return [Freigabe(Rolle(r.rolle), r.entscheidung, r.version, r.akteur, r.zeit, r.begruendung) for r in rows]


def status(session: Session, case_id: int) -> Pruefstatus:
    """The effective review state of a case; ``CaseNotFound`` for an unknown case."""
    case = session.get(CaseRow, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    row = session.get(PruefungRow, case_id)
    gespeichert = Zustand(row.zustand) if row else Zustand.ENTWURF
    pruef_version = row.version if row else None
    zustand = wirksamer_zustand(gespeichert, pruef_version, case.latest_version)
    erforderlich = rollen_der_organisation(session, case.organisation_id)
    alle = _freigaben(session, case_id)
    version = pruef_version if zustand == Zustand.UNTERZEICHNET and pruef_version else case.latest_version
    return Pruefstatus(
        case_id=case_id,
        zustand=zustand,
        neueste_version=case.latest_version,
        pruef_version=pruef_version if zustand != Zustand.ENTWURF else None,
        erforderlich=erforderlich,
        freigaben=gueltige_freigaben(alle, version),
        fehlend=fehlende_freigaben(erforderlich, alle, version),
        offene_kommentare=offene_kommentare(session, case_id),
        frist=row.frist if row else None,
        eingereicht_am=row.eingereicht_am if row and zustand != Zustand.ENTWURF else None,
        unterzeichnet_am=row.unterzeichnet_am if row else None,
        unterzeichnende=json.loads(row.unterzeichnende) if row and row.unterzeichnende else [],
        nachtrag_zu=row.nachtrag_zu if row else None,
    )


def standard_frist(fallakte_daten: dict[str, Any]) -> date:
    """The review deadline when none is given: 01.01.2027 for a cooperation that exists already
    (or whose start is unknown), else the earliest start of its services."""
    beginne: list[date] = []
    for leistung in fallakte_daten.get("leistungen", []) or []:
        beginn = ((leistung or {}).get("laufzeit") or {}).get("beginn")
        if not beginn:
            return STANDARD_FRIST
        beginne.append(date.fromisoformat(str(beginn)))
    frueheste = min(beginne, default=STANDARD_FRIST)
    return STANDARD_FRIST if frueheste <= STANDARD_FRIST else frueheste


def _gesperrt(session: Session, case_id: int) -> tuple[CaseRow, PruefungRow | None]:
    """The case row locked against concurrent changes (SQLite: the write lock; PostgreSQL: FOR UPDATE)."""
    case = session.execute(
        select(CaseRow).where(CaseRow.id == case_id).with_for_update().execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if case is None:
        raise CaseNotFound(case_id)
    row = session.execute(
        select(PruefungRow).where(PruefungRow.case_id == case_id).execution_options(populate_existing=True)
    ).scalar_one_or_none()
    return case, row


def einreichen(session: Session, access: CaseAccess, frist: date | None) -> Pruefstatus:
    """Submit the newest version for review (``entwurf`` → ``in_pruefung``); commits."""
    case, row = _gesperrt(session, access.case_id)
    gespeichert = Zustand(row.zustand) if row else Zustand.ENTWURF
    pruefe_einreichen(wirksamer_zustand(gespeichert, row.version if row else None, case.latest_version))
    if frist is None:
        version = session.execute(
            select(CaseVersionRow.fallakte_json).where(
                CaseVersionRow.case_id == case.id, CaseVersionRow.number == case.latest_version
            )
        ).scalar_one()
        frist = standard_frist(json.loads(version))
    jetzt = utc_now()
    if row is None:
        row = PruefungRow(case_id=case.id, updated_at=jetzt)
        session.add(row)
    row.zustand, row.version, row.eingereicht_am, row.frist, row.updated_at = (
        Zustand.IN_PRUEFUNG.value,
        case.latest_version,
        jetzt,
        frist,
        jetzt,
    )
    _audit(session, access.principal, "pruefung_einreichen", case.id, f"version {case.latest_version}")
    session.commit()
    return status(session, case.id)


def entscheiden(
    session: Session, access: CaseAccess, rolle: Rolle, entscheidung: str, begruendung: str | None
) -> Pruefstatus:
    """Record an approval or a refusal of ``rolle`` for the version under review; commits.
    When the last required approval is given the case becomes ``freigegeben``; a refusal sends
    it back to ``entwurf``."""
    case, row = _gesperrt(session, access.case_id)
    gespeichert = Zustand(row.zustand) if row else Zustand.ENTWURF
    zustand = wirksamer_zustand(gespeichert, row.version if row else None, case.latest_version)
    erforderlich = rollen_der_organisation(session, case.organisation_id)
    pruefe_freigabe(
        zustand, rolle, access.principal.rollen, erforderlich, offene_kommentare(session, case.id), access.eigentuemer
    )
    assert row is not None  # in_pruefung implies a stored row
    jetzt = utc_now()
    session.add(
        FreigabeEntscheidungRow(
            case_id=case.id,
            version=case.latest_version,
            rolle=rolle.value,
            entscheidung=entscheidung,
            begruendung=begruendung,
            akteur=access.principal.akteur[:200],
            organisation_id=access.principal.organisation_id,
            zeit=jetzt,
        )
    )
    session.flush()
    neu = zustand_nach_entscheidung(erforderlich, _freigaben(session, case.id), case.latest_version)
    row.zustand, row.updated_at = neu.value, jetzt
    _audit(
        session,
        access.principal,
        f"freigabe_{entscheidung}",
        case.id,
        f"version {case.latest_version} rolle {rolle.value} → {neu.value}",
    )
    session.commit()
    return status(session, case.id)


def unterzeichnen(session: Session, access: CaseAccess, am: date, unterzeichnende: list[str]) -> Pruefstatus:
    """Record the signature of the approved version (``freigegeben`` → ``unterzeichnet``, frozen); commits."""
    case, row = _gesperrt(session, access.case_id)
    gespeichert = Zustand(row.zustand) if row else Zustand.ENTWURF
    zustand = wirksamer_zustand(gespeichert, row.version if row else None, case.latest_version)
    if not access.eigentuemer:
        raise Pruefungsfehler(
            403, "nur-eigene-organisation", "Die Unterzeichnung erfasst die Organisation, der der Fall gehört."
        )
    pruefe_unterzeichnung(zustand, unterzeichnende)
    assert row is not None
    namen = [u.strip() for u in unterzeichnende if u.strip()]
    row.zustand, row.unterzeichnet_am, row.unterzeichnende, row.updated_at = (
        Zustand.UNTERZEICHNET.value,
        am,
        json.dumps(namen, ensure_ascii=False),
        utc_now(),
    )
    _audit(session, access.principal, "unterzeichnen", case.id, f"version {row.version} am {am.isoformat()}")
    session.commit()
    return status(session, case.id)


def ist_unterzeichnet(session: Session, case_id: int) -> bool:
    """Whether the case is signed (frozen); used by the case store under its lock."""
    gespeichert = session.execute(
        select(PruefungRow.zustand).where(PruefungRow.case_id == case_id)
    ).scalar_one_or_none()
    return gespeichert == Zustand.UNTERZEICHNET.value


def vermerke_nachtrag(session: Session, access: CaseAccess, neuer_fall: int) -> None:
    """Mark ``neuer_fall`` as the amendment of the signed case; not committed."""
    session.add(
        PruefungRow(case_id=neuer_fall, zustand=Zustand.ENTWURF.value, nachtrag_zu=access.case_id, updated_at=utc_now())
    )
    _audit(session, access.principal, "nachtrag_anlegen", access.case_id, f"nachtrag fall:{neuer_fall}")
    session.flush()
