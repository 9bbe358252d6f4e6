"""The administration pages of an organisation's ``admin`` (issue 12, point 3 in the web):
users and roles, API keys. Everything is limited to the admin's own organisation; each change is
recorded in the audit trail with the detail "web …" (the same entries as ``ikz admin`` and the
API write).

- ``GET  /verwaltung``                           → the users page
- ``GET  /verwaltung/nutzer``                    users with roles and state; form for a new user
- ``POST /verwaltung/nutzer``                    add a user (e-mail, roles, initial password or
                                                 single sign-on only)
- ``POST /verwaltung/nutzer/{nutzer_id}/rollen`` replace a user's roles
- ``POST /verwaltung/nutzer/{nutzer_id}/aktiv``  deactivate (sessions end) or reactivate
- ``GET  /verwaltung/schluessel``                API keys (active and revoked); form for a new one
- ``POST /verwaltung/schluessel``                create a key: shown once on the answer page
                                                 (``Cache-Control: no-store``), stored as a hash
- ``POST /verwaltung/schluessel/{schluessel_id}/widerrufen`` revoke a key

The last active admin of an organisation can neither lose the role nor be deactivated.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from api.deps import DbSession, ReadSession, WebKeyAdmin, WebUserAdmin
from api.identity import admin
from api.identity.errors import IdentityError, NotFound
from api.identity.principal import Principal
from api.identity.rollen import Rolle, rollen_aus_gespeichert
from api.identity.tables import ApiKeyRow
from api.web.ownership import audit
from api.web.render import render_page

router = APIRouter()

RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ROLLEN_TEXT = {
    Rolle.SACHBEARBEITUNG: "Sachbearbeitung (Fälle anlegen und ändern)",
    Rolle.STEUER: "Steuer (prüfen, USt-Freigabe)",
    Rolle.RECHTSAMT: "Rechtsamt (prüfen, rechtliche Freigabe)",
    Rolle.LEITUNG: "Leitung (freigeben, teilen, Protokoll)",
    Rolle.LESER: "Lesen",
    Rolle.ADMIN: "Verwaltung (Konten und Schlüssel)",
}
MELDUNGEN = {
    "angelegt": "Das Konto ist angelegt.",
    "rollen": "Die Rollen sind geändert.",
    "deaktiviert": "Das Konto ist deaktiviert; seine Sitzungen enden.",
    "aktiviert": "Das Konto ist wieder aktiv.",
    "widerrufen": "Der Schlüssel ist widerrufen.",
}


def _nutzer_seite(
    session: Session, principal: Principal, *, status_code: int = 200, meldung: str | None = None, **kontext: Any
) -> Response:
    nutzer = [
        {"row": row, "rollen": set(rollen_aus_gespeichert(row.rollen))}
        for row in admin.list_users(session, principal.organisation_id)
    ]
    session.rollback()
    kontext.setdefault("fehler", None)
    kontext.setdefault("email", "")
    return render_page(
        "verwaltung_nutzer.html",
        status_code=status_code,
        aktiv="verwaltung",
        nutzer=nutzer,
        rollen=ROLLEN_TEXT,
        meldung=MELDUNGEN.get(meldung or ""),
        ich=principal,
        **kontext,
    )


def _schluessel_seite(
    session: Session,
    principal: Principal,
    *,
    status_code: int = 200,
    meldung: str | None = None,
    neu: tuple[ApiKeyRow, str] | None = None,
    **kontext: Any,
) -> Response:
    schluessel = admin.list_api_keys(session, principal.organisation_id)
    session.rollback()
    kontext.setdefault("fehler", None)
    kontext.setdefault("name", "")
    response = render_page(
        "verwaltung_schluessel.html",
        status_code=status_code,
        aktiv="verwaltung",
        schluessel=schluessel,
        rollen=ROLLEN_TEXT,
        meldung=MELDUNGEN.get(meldung or ""),
        neu=neu,
        **kontext,
    )
    if neu is not None:
        response.headers["Cache-Control"] = "no-store"  # the key is shown once and must not be cached
    return response


@router.get("/verwaltung")
def verwaltung(_principal: WebUserAdmin) -> Response:
    return RedirectResponse("/verwaltung/nutzer", status_code=303)


@router.get("/verwaltung/nutzer")
def nutzer_seite(principal: WebUserAdmin, session: ReadSession, meldung: str | None = None) -> Response:
    return _nutzer_seite(session, principal, meldung=meldung)


@router.post("/verwaltung/nutzer")
def nutzer_anlegen(
    principal: WebUserAdmin,
    session: DbSession,
    email: Annotated[str, Form(max_length=320)],
    rolle: Annotated[list[str] | None, Form(max_length=40)] = None,
    passwort: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    try:
        row = admin.add_user(session, email, principal.organisation_kennung, rolle or [], passwort or None)
    except IdentityError as e:
        session.rollback()
        return _nutzer_seite(session, principal, status_code=422, fehler=e, email=email)
    audit(session, principal, "nutzer_anlegen", f"nutzer:{row.id}", ",".join(sorted(rolle or [])))
    return RedirectResponse("/verwaltung/nutzer?meldung=angelegt", status_code=303)


@router.post("/verwaltung/nutzer/{nutzer_id}/rollen")
def nutzer_rollen(
    principal: WebUserAdmin,
    session: DbSession,
    nutzer_id: RowId,
    rolle: Annotated[list[str] | None, Form(max_length=40)] = None,
) -> Response:
    try:
        row = admin.set_user_roles(session, principal.organisation_id, nutzer_id, rolle or [])
    except NotFound:
        raise
    except IdentityError as e:
        session.rollback()
        return _nutzer_seite(session, principal, status_code=422, fehler=e)
    audit(session, principal, "nutzer_rollen_aendern", f"nutzer:{row.id}", row.rollen)
    return RedirectResponse("/verwaltung/nutzer?meldung=rollen", status_code=303)


@router.post("/verwaltung/nutzer/{nutzer_id}/aktiv")
def nutzer_aktiv(
    principal: WebUserAdmin, session: DbSession, nutzer_id: RowId, aktiv: Annotated[str, Form(max_length=4)]
) -> Response:
    try:
        row = admin.set_user_active(session, principal.organisation_id, nutzer_id, aktiv == "ja")
    except NotFound:
        raise
    except IdentityError as e:
        session.rollback()
        return _nutzer_seite(session, principal, status_code=422, fehler=e)
    audit(session, principal, "nutzer_aktivieren" if row.active else "nutzer_deaktivieren", f"nutzer:{row.id}")
    return RedirectResponse(
        f"/verwaltung/nutzer?meldung={'aktiviert' if row.active else 'deaktiviert'}", status_code=303
    )


@router.get("/verwaltung/schluessel")
def schluessel_seite(principal: WebKeyAdmin, session: ReadSession, meldung: str | None = None) -> Response:
    return _schluessel_seite(session, principal, meldung=meldung)


@router.post("/verwaltung/schluessel")
def schluessel_anlegen(
    principal: WebKeyAdmin,
    session: DbSession,
    name: Annotated[str, Form(max_length=200)],
    rolle: Annotated[str, Form(max_length=40)],
) -> Response:
    try:
        row, key = admin.add_api_key(session, principal.organisation_kennung, rolle, name)
    except IdentityError as e:
        session.rollback()
        return _schluessel_seite(session, principal, status_code=422, fehler=e, name=name)
    audit(session, principal, "schluessel_anlegen", f"schluessel:{row.id}", row.name)
    return _schluessel_seite(session, principal, neu=(row, key))


@router.post("/verwaltung/schluessel/{schluessel_id}/widerrufen")
def schluessel_widerrufen(principal: WebKeyAdmin, session: DbSession, schluessel_id: RowId) -> Response:
    row = session.get(ApiKeyRow, schluessel_id)
    if row is None or row.organisation_id != principal.organisation_id:
        raise NotFound("Diesen Schlüssel gibt es in Ihrer Organisation nicht.", "schluessel")
    row = admin.revoke_api_key(session, principal.organisation_kennung, row.name)
    audit(session, principal, "schluessel_widerrufen", f"schluessel:{row.id}", row.name)
    return RedirectResponse("/verwaltung/schluessel?meldung=widerrufen", status_code=303)
