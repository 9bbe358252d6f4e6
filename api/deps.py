"""The API's dependencies, as ``Annotated`` aliases for the routers' signatures.

- ``AppSettings``  the server's ``Settings``
- ``DbSession``    a SQLAlchemy session, closed (and rolled back if not committed) when the
                   endpoint function returns — before the response is sent
- ``ReadSession``  the same for reading only (api/db/session.py: on SQLite no write lock, on
                   PostgreSQL a read-only transaction; a write in it fails)
- ``CurrentRules`` the § 2b rule set loaded at start (``rules_loader.load_rules()``)
- ``RateTables``   the rate tables loaded at start (``rules_loader.load_rate_tables()``) plus the ones
                   the caller's organisation stored (api/register/satztabellen_org.py)
- ``FallakteBody`` the request body (JSON or YAML) as a validated ``Fallakte``

Access control (api/identity/dependencies.py; no router checks permissions by hand):

- ``Caller``          who asks, or ``None`` without credentials (wrong credentials → 401)
- ``Computation``     stateless endpoints: open while ``IKZ_OFFENE_BERECHNUNG`` (else 401)
- ``Expensive``       Computation plus the per-client rate limit (documents, screenings; 429)
- ``CaseReader``, ``CaseWriter``, ``CaseExporter``, ``CaseSharer`` the path's case, if the
  caller may read / change / export / share it (404 for another organisation's case)
- ``CaseCreator``     a caller allowed to create cases
- ``AuditReader``, ``KeyAdmin`` callers allowed to read the audit trail / manage API keys

The web pages (api/identity/web_access.py; HTML answers instead of problem+json):

- ``WebUser``         the signed-in person; without sign-in 303 to ``/anmelden?weiter=<page>``
- ``OptionalWebUser`` the signed-in person or ``None`` (never redirects)
- ``WebComputation``  pages that store nothing: open while ``IKZ_OFFENE_BERECHNUNG``, else sign-in
- ``WebExpensive``    the per-client rate limit of expensive web work (German 429 page)
- ``WebCaseReader``, ``WebCaseWriter``, ``WebCaseExporter``, ``WebCaseSharer``, ``WebCaseReviewer``
  the case of the path parameter ``fall_id`` for reading / changing / exporting / sharing /
  reviewing (German 404 page for another organisation's case, 403 page without the right)
- ``WebUserAdmin``, ``WebKeyAdmin``, ``WebAuditReader`` signed-in callers with that right
- ``web_case_access(recht, get_session)`` / ``web_require(recht)`` for any other right

Every state-changing web form writes ``{{ csrf_feld() }}`` (a Jinja global, api/identity/csrf.py);
a cookie post without the token is refused with the German 403 page before the route runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from advisor.fallakte import Fallakte
from advisor.kosten import Satztabellen
from advisor.regelwerk.modell import Regelwerk
from api.documents import read_fallakte
from api.identity.case_access import CaseAccess
from api.identity.dependencies import case_access, computation_access, current_principal, expensive, require
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.identity.web_access import (
    open_web_computation,
    optional_web_user,
    require_web_user,
    web_case_access,
    web_expensive,
    web_require,
)
from api.register.satztabellen_org import satztabellen_der_organisation
from api.settings import Settings


# Cheap dependencies are ``async def``: FastAPI runs a plain ``def`` dependency in the thread pool,
# and that hand-off costs more than the lookup itself (design.md, FastAPI notes).
async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_read_session(request: Request) -> Iterator[Session]:
    with request.app.state.read_session_factory() as session:
        yield session


async def get_regelwerk(request: Request) -> Regelwerk:
    return request.app.state.regelwerk


def get_satztabellen(
    request: Request, principal: Annotated[Principal | None, Depends(current_principal)]
) -> Satztabellen:
    """The shipped rate tables plus those the caller's organisation stored (api/register/
    satztabellen_org.py); without credentials only the shipped ones. A plain ``def``: it reads
    the database (in the thread pool)."""
    shipped: Satztabellen = request.app.state.satztabellen
    if principal is None:
        return shipped
    with request.app.state.read_session_factory() as session:
        return satztabellen_der_organisation(session, shipped, principal.organisation_id)


async def get_fallakte(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> Fallakte:
    return await read_fallakte(request, settings.max_document_nodes)


AppSettings = Annotated[Settings, Depends(get_settings)]
DbSession = Annotated[Session, Depends(get_session, scope="function")]
ReadSession = Annotated[Session, Depends(get_read_session, scope="function")]
CurrentRules = Annotated[Regelwerk, Depends(get_regelwerk)]
RateTables = Annotated[Satztabellen, Depends(get_satztabellen)]
FallakteBody = Annotated[Fallakte, Depends(get_fallakte)]

Caller = Annotated[Principal | None, Depends(current_principal)]
Computation = Annotated[Principal | None, Depends(computation_access)]
Expensive = Annotated[None, Depends(expensive)]
CaseCreator = Annotated[Principal, Depends(require(Recht.FALL_AENDERN))]
CaseLister = Annotated[Principal, Depends(require(Recht.FALL_LESEN))]
CaseReader = Annotated[CaseAccess, Depends(case_access(Recht.FALL_LESEN, get_read_session))]
CaseWriter = Annotated[CaseAccess, Depends(case_access(Recht.FALL_AENDERN, get_session))]
CaseExporter = Annotated[CaseAccess, Depends(case_access(Recht.DOKUMENT_EXPORTIEREN, get_read_session))]
CaseSharer = Annotated[CaseAccess, Depends(case_access(Recht.FALL_TEILEN, get_session))]
AuditReader = Annotated[Principal, Depends(require(Recht.AUDIT_LESEN))]
KeyAdmin = Annotated[Principal, Depends(require(Recht.SCHLUESSEL_VERWALTEN))]

WebUser = Annotated[Principal, Depends(require_web_user)]
OptionalWebUser = Annotated[Principal | None, Depends(optional_web_user)]
WebComputation = Annotated[Principal | None, Depends(open_web_computation)]
WebExpensive = Annotated[None, Depends(web_expensive)]
WebCaseReader = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_LESEN, get_read_session))]
WebCaseWriter = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_AENDERN, get_session))]
WebCaseExporter = Annotated[CaseAccess, Depends(web_case_access(Recht.DOKUMENT_EXPORTIEREN, get_read_session))]
WebCaseSharer = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_TEILEN, get_session))]
WebCaseReviewer = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_PRUEFEN, get_session))]
WebUserAdmin = Annotated[Principal, Depends(web_require(Recht.NUTZER_VERWALTEN))]
WebKeyAdmin = Annotated[Principal, Depends(web_require(Recht.SCHLUESSEL_VERWALTEN))]
WebAuditReader = Annotated[Principal, Depends(web_require(Recht.AUDIT_LESEN))]
