"""Who may do what with a saved case: the owning organisation, and partners it was shared with.

A case belongs to the organisation that created it. The owner's users and keys act on it with
the rights of their roles. An organisation the case was shared with ("lesen" or "pruefen") gets
the rights of its roles cut down to those of the share (api/identity/rollen.py). Anyone else is
told the case does not exist (``CaseNotFound``, 404) — the same answer as for a number never
used, so nobody learns which cases other bodies have. A caller who may see the case but not do
the requested thing gets ``AccessDenied`` (403).

A case can be shared only with an organisation named in it: the organisation's name equals a
partner's ``name`` (ignoring case and spacing), or its Kennung equals a partner's ``id``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from api.case_types import CaseNotFound
from api.db.models import CaseRow, CaseVersionRow, utc_now
from api.identity.errors import IdentityError
from api.identity.principal import Principal
from api.identity.rollen import RECHTE_JE_FREIGABE, Recht, rechte
from api.identity.tables import CaseShareRow, OrganisationRow

FREIGABE_ARTEN = tuple(RECHTE_JE_FREIGABE)


class AccessDenied(Exception):
    """The caller may see the case (or resource) but not do this; ``detail`` is German."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


@dataclass(frozen=True, slots=True)
class CaseAccess:
    """A case the caller may act on: ``eigentuemer`` True for the owner, else the share's kind."""

    case_id: int
    principal: Principal
    eigentuemer: bool
    freigabe: str | None


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """A WHERE clause on ``CaseRow``: the cases the caller's organisation owns or was given."""
    shared = select(CaseShareRow.case_id).where(CaseShareRow.organisation_id == principal.organisation_id)
    return or_(CaseRow.organisation_id == principal.organisation_id, CaseRow.id.in_(shared))


def effective_rights(principal: Principal, eigentuemer: bool, freigabe: str | None) -> frozenset[Recht]:
    """The rights of the caller's roles, cut to the share's rights for a partner."""
    own = rechte(principal.rollen)
    if eigentuemer:
        return own
    return own & RECHTE_JE_FREIGABE.get(freigabe or "", frozenset())


def check_case_access(session: Session, principal: Principal, case_id: int, recht: Recht) -> CaseAccess:
    """The caller's access to a case for ``recht``; ``CaseNotFound`` or ``AccessDenied`` otherwise."""
    owner = session.execute(select(CaseRow.organisation_id).where(CaseRow.id == case_id)).first()
    if owner is None or owner[0] is None:
        raise CaseNotFound(case_id)
    eigentuemer = owner[0] == principal.organisation_id
    freigabe = None
    if not eigentuemer:
        freigabe = session.execute(
            select(CaseShareRow.art).where(
                CaseShareRow.case_id == case_id, CaseShareRow.organisation_id == principal.organisation_id
            )
        ).scalar_one_or_none()
        if freigabe is None:
            raise CaseNotFound(case_id)
    if recht not in effective_rights(principal, eigentuemer, freigabe):
        if eigentuemer:
            raise AccessDenied(f"Ihre Rolle erlaubt das nicht ({recht.value}).")
        raise AccessDenied(
            f"Der Fall {case_id} ist Ihrer Organisation nur zum {'Lesen' if freigabe == 'lesen' else 'Prüfen'} "
            f"freigegeben; {recht.value} ist damit nicht erlaubt."
        )
    return CaseAccess(case_id, principal, eigentuemer, freigabe)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _named_in_case(session: Session, case_id: int, organisation: OrganisationRow) -> bool:
    latest = session.execute(
        select(CaseVersionRow.fallakte_json)
        .join(CaseRow, (CaseRow.id == CaseVersionRow.case_id) & (CaseRow.latest_version == CaseVersionRow.number))
        .where(CaseRow.id == case_id)
    ).scalar_one()
    beteiligte: list[dict[str, Any]] = json.loads(latest).get("beteiligte", [])
    return any(
        _plain(str(b.get("name", ""))) == _plain(organisation.name) or str(b.get("id", "")) == organisation.kennung
        for b in beteiligte
    )


def share_case(session: Session, access: CaseAccess, kennung: str, art: str) -> tuple[CaseShareRow, bool]:
    """Share the case with a partner named in it (flushed); returns the share and whether it is new."""
    if art not in FREIGABE_ARTEN:
        raise IdentityError(f"Unbekannte Art der Freigabe „{art}“ (möglich: {', '.join(FREIGABE_ARTEN)}).", "art")
    if not access.eigentuemer:
        raise AccessDenied("Nur die Organisation, der der Fall gehört, kann ihn freigeben.")
    partner = session.execute(
        select(OrganisationRow).where(OrganisationRow.kennung == kennung.strip().lower())
    ).scalar_one_or_none()
    if partner is None or not _named_in_case(session, access.case_id, partner):
        raise IdentityError(
            f"Die Organisation „{kennung}“ ist in diesem Fall nicht als Beteiligte genannt (oder unbekannt); "
            "freigegeben werden kann nur an Beteiligte.",
            "organisation",
        )
    if partner.id == access.principal.organisation_id:
        raise IdentityError("Der Fall gehört bereits Ihrer Organisation.", "organisation")
    row = session.execute(
        select(CaseShareRow).where(CaseShareRow.case_id == access.case_id, CaseShareRow.organisation_id == partner.id)
    ).scalar_one_or_none()
    if row is not None:
        row.art = art
        session.flush()
        return row, False
    row = CaseShareRow(case_id=access.case_id, organisation_id=partner.id, art=art, created_at=utc_now())
    session.add(row)
    session.flush()
    return row, True


def unshare_case(session: Session, access: CaseAccess, kennung: str) -> bool:
    """Withdraw a share (flushed); returns whether there was one."""
    if not access.eigentuemer:
        raise AccessDenied("Nur die Organisation, der der Fall gehört, kann eine Freigabe zurücknehmen.")
    partner = session.execute(
        select(OrganisationRow.id).where(OrganisationRow.kennung == kennung.strip().lower())
    ).scalar_one_or_none()
    if partner is None:
        return False
    result = session.execute(
        delete(CaseShareRow).where(CaseShareRow.case_id == access.case_id, CaseShareRow.organisation_id == partner)
    )
    session.flush()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def share_candidates(session: Session, case_id: int, own_organisation_id: int) -> list[tuple[str, str]]:
    """(Kennung, name) of the registered organisations a case could be shared with: those named
    in its newest version, without the owner, by name."""
    latest = session.execute(
        select(CaseVersionRow.fallakte_json)
        .join(CaseRow, (CaseRow.id == CaseVersionRow.case_id) & (CaseRow.latest_version == CaseVersionRow.number))
        .where(CaseRow.id == case_id)
    ).scalar_one()
    beteiligte: list[dict[str, Any]] = json.loads(latest).get("beteiligte", [])
    namen = {_plain(str(b.get("name", ""))) for b in beteiligte}
    kennungen = {str(b.get("id", "")) for b in beteiligte}
    rows = session.execute(
        select(OrganisationRow.kennung, OrganisationRow.name)
        .where(OrganisationRow.id != own_organisation_id)
        .order_by(OrganisationRow.name, OrganisationRow.kennung)
    ).all()
    return [(k, n) for k, n in rows if _plain(n) in namen or k in kennungen]


def list_shares(session: Session, case_id: int) -> list[tuple[str, str, str]]:
    """(Kennung, name, kind) of every organisation the case is shared with, by Kennung."""
    rows = session.execute(
        select(OrganisationRow.kennung, OrganisationRow.name, CaseShareRow.art)
        .join(CaseShareRow, CaseShareRow.organisation_id == OrganisationRow.id)
        .where(CaseShareRow.case_id == case_id)
        .order_by(OrganisationRow.kennung)
    ).all()
    return [(k, n, a) for k, n, a in rows]
