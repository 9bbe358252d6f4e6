"""The reviewer's inbox: cases "zur Prüfung" of the caller's organisation and those shared with
it, with open comment counts, deadlines and missing approvals — earliest deadline first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.db.models import CaseRow
from api.identity.case_access import visible_to
from api.identity.principal import Principal
from api.review.regeln import OFFEN, STANDARD_FRIST, Zustand
from api.review.store import status
from api.review.tables import KommentarRow, PruefungRow

MAX_EINTRAEGE = 500


@dataclass(frozen=True, slots=True)
class Eintrag:
    case_id: int
    bezeichnung: str
    version: int
    eigene: bool
    offene_kommentare: int
    frist: date | None
    fehlend: list[str]


def eintraege(session: Session, principal: Principal) -> list[Eintrag]:
    """Every visible case whose newest version is under review (at most ``MAX_EINTRAEGE``)."""
    offen = (
        select(KommentarRow.case_id, func.count().label("n"))
        .where(KommentarRow.status == OFFEN)
        .group_by(KommentarRow.case_id)
        .subquery()
    )
    rows = session.execute(
        select(CaseRow, PruefungRow.frist, func.coalesce(offen.c.n, 0))
        .join(PruefungRow, PruefungRow.case_id == CaseRow.id)
        .outerjoin(offen, offen.c.case_id == CaseRow.id)
        .where(
            visible_to(principal),
            PruefungRow.zustand == Zustand.IN_PRUEFUNG.value,
            PruefungRow.version == CaseRow.latest_version,
        )
        .order_by(func.coalesce(PruefungRow.frist, STANDARD_FRIST), CaseRow.id)
        .limit(MAX_EINTRAEGE)
    ).all()
    return [
        Eintrag(
            case.id,
            case.bezeichnung,
            case.latest_version,
            case.organisation_id == principal.organisation_id,
            int(n),
            frist,
            [r.value for r in status(session, case.id).fehlend],
        )
        for case, frist, n in rows
    ]
