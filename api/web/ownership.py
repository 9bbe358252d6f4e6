"""Who acts on the web pages, and what that means for stored data: the owner of an unsaved result,
the owning organisation of a case saved through the form, and the audit entries of web actions.

- ``result_owner(request, principal)`` the ``ResultOwner`` of this request (api/web/unsaved_results.py)
- ``save_case(session, principal, fallakte, beratung, …)`` stores a new case owned by the caller's
  organisation, or a new version of a case the caller may change; the audit entry is committed
  with it. ``CaseNotFound`` for a case the caller may not see, ``AccessDenied`` without the right.
- ``audit(session, principal, aktion, objekt, detail)`` appends a web action's entry (the detail
  starts with "web" so the channel is visible in the trail) and commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request

from advisor.fallakte import Fallakte
from api import cases as store
from api.audit import Auditeintrag, record
from api.db.models import CaseVersionRow
from api.identity.case_access import AccessDenied, check_case_access
from api.identity.csrf import FORM_COOKIE, SECURE_FORM_COOKIE
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.web.unsaved_results import ResultOwner

KANAL = "web"


def result_owner(request: Request, principal: Principal | None) -> ResultOwner:
    """The signed-in caller's organisation and this browser's pre-sign-in cookie (if any): a
    result is stored for the organisation when signed in, else for the browser; a browser that
    signs in still opens what it made before (``ResultOwner.may_open``)."""
    cookie = request.cookies.get(SECURE_FORM_COOKIE) or request.cookies.get(FORM_COOKIE)
    if principal is not None:
        return ResultOwner(principal.organisation_id, principal.client, ResultOwner.browser(cookie))
    return ResultOwner(None, None, ResultOwner.browser(cookie))


def _detail(detail: str | None) -> str:
    return KANAL if not detail else f"{KANAL} {detail}"


def audit(session: Session, principal: Principal, aktion: str, objekt: str, detail: str | None = None) -> None:
    """Record a web action of ``principal`` and commit."""
    record(
        session, Auditeintrag(principal.akteur, principal.organisation_id, aktion, objekt, "erfolg", _detail(detail))
    )
    session.commit()


def save_case(
    session: Session,
    principal: Principal,
    fallakte: Fallakte,
    beratung: Any,
    *,
    fall_id: int | None,
    version: int | None,
    notiz: str | None,
) -> store.GespeicherteVersion:
    """A new case of the caller's organisation (``fall_id`` None) or a new version of ``fall_id``
    (conditional on ``version``); committed together with its audit entry."""

    def hook(aktion: str) -> Any:
        def on_saved(s: Session, row: CaseVersionRow) -> None:
            eintrag = Auditeintrag(
                principal.akteur,
                principal.organisation_id,
                aktion,
                f"fall:{row.case_id}",
                "erfolg",
                _detail(f"version {row.number}"),
            )
            record(s, eintrag)

        return on_saved

    if fall_id is None:
        if not principal.darf(Recht.FALL_AENDERN):
            raise AccessDenied(f"Ihre Rolle erlaubt das nicht ({Recht.FALL_AENDERN.value}).")
        return store.create_case(
            session,
            fallakte,
            beratung,
            note=notiz,
            organisation_id=principal.organisation_id,
            on_saved=hook("fall_anlegen"),
        )
    try:
        check_case_access(session, principal, fall_id, Recht.FALL_AENDERN)
    finally:
        session.rollback()  # no transaction (on SQLite: no write lock) is held while a refusal renders
    try:
        return store.update_case(
            session, fall_id, fallakte, beratung, note=notiz, expected_version=version, on_saved=hook("fall_aendern")
        )
    except Exception:
        session.rollback()
        raise
