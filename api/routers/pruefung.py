"""The legal team's review of a saved case (issue 13): state, comments, approvals, signature.

- ``GET  /cases/{id}/pruefung``               where the review stands (state, approvals, missing)
- ``POST /cases/{id}/pruefung/einreichen``    submit the newest version (``{"frist": "2027-01-01"}``)
- ``GET/POST /cases/{id}/kommentare``          threads per clause / a new comment on a clause
- ``PATCH /cases/{id}/kommentare/{kid}``      reply (``antwort``) and/or status (``offen``|``erledigt``)
- ``GET/POST /cases/{id}/freigaben``           decisions / a decision of a role on the current version
- ``POST /cases/{id}/unterzeichnung``         record the signature (date, signatories): frozen
- ``POST /cases/{id}/nachtrag``               a new amendment case referring to the signed one
- ``GET  /pruefungen``                        the reviewer's inbox: cases "zur Prüfung"
- ``GET/PUT /pruefung/einstellungen``         the organisation's approving roles (admin)

The rules are in ``api.review.regeln``; a refused step is a problem+json (409 state, 403 role).
Every step is recorded in the audit trail. Plain ``def`` routes: database work in the pool.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from advisor.beratung import berate
from api import cases as store
from api.audit import Auditeintrag, record
from api.deps import (
    CaseLister,
    CaseReader,
    CaseWriter,
    CurrentRules,
    DbSession,
    RateTables,
    ReadSession,
    get_session,
)
from api.identity.case_access import AccessDenied, CaseAccess
from api.identity.dependencies import case_access, require
from api.identity.principal import Principal
from api.identity.rollen import Recht, Rolle
from api.jsonout import CanonicalJSONResponse
from api.responses import problem
from api.review import kommentare as komm
from api.review import posteingang
from api.review import store as review
from api.review.klauseln import abschnitte_der_version
from api.review.regeln import ENTSCHEIDUNGEN, ZUSTAND_TEXT, Pruefungsfehler, Zustand, rollen_einstellung
from api.review.schemas import status_als_dict, thread_als_dict

router = APIRouter(tags=["Prüfung und Freigabe"])

CaseSigner = Annotated[CaseAccess, Depends(case_access(Recht.LEITUNG_FREIGEBEN, get_session))]
UserAdmin = Annotated[Principal, Depends(require(Recht.NUTZER_VERWALTEN))]
Dokumentart = Literal["vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Rolle oder Freigabe erlaubt das nicht."),
    404: problem("Fall oder Kommentar unbekannt (oder nicht für Ihre Organisation sichtbar)."),
    409: problem("Der Prüfstand erlaubt den Schritt nicht (z. B. offene Kommentare, nicht in Prüfung)."),
    422: problem("Eingabe nicht verarbeitbar."),
}


class Einreichung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    frist: date | None = Field(default=None, description="Frist der Prüfung; Vorgabe: 01.01.2027 bzw. Beginn")


class NeuerKommentar(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dokument: Dokumentart = "vereinbarung"
    klausel: str = Field(min_length=1, max_length=120, description="Klausel-ID, z. B. „kostenerstattung.2“")
    text: str = Field(min_length=1, max_length=5000)
    version: int | None = Field(default=None, ge=1, description="Version (Vorgabe: die neueste)")


class KommentarAenderung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["offen", "erledigt"] | None = None
    antwort: str | None = Field(default=None, min_length=1, max_length=5000)


class FreigabeEntscheidung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rolle: Literal["steuer", "rechtsamt", "leitung"]
    entscheidung: Literal["erteilt", "abgelehnt"]
    begruendung: str | None = Field(default=None, max_length=5000)


class Unterzeichnung(BaseModel):
    model_config = ConfigDict(extra="forbid")
    datum: date
    unterzeichnende: list[Annotated[str, Field(max_length=200)]] = Field(min_length=1, max_length=50)


class Einstellungen(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rollen: list[str] = Field(min_length=1, max_length=3, description="Rollen, die freigeben müssen")


def texte_jetzt(read: Any, case_id: int, regelwerk: Any, satztabellen: Any) -> Any:
    """A function: dokument → {clause id: text} of the case's newest version (cached per version)."""
    saved = store.get_case(read, case_id)

    def texte(dokument: str) -> dict[str, str]:
        return {a.id: a.text for a in abschnitte_der_version(saved, dokument, regelwerk, satztabellen)}

    return texte


@router.get("/cases/{case_id}/pruefung", operation_id="getReview", summary="Prüfstand eines Falls", responses=_ERRORS)
def get_pruefung(access: CaseReader, read: ReadSession) -> Response:
    """Zustand (entwurf, in_pruefung, freigegeben, unterzeichnet), erteilte und fehlende Freigaben,
    offene Kommentare und Frist."""
    return CanonicalJSONResponse(status_als_dict(review.status(read, access.case_id)))


@router.post(
    "/cases/{case_id}/pruefung/einreichen",
    operation_id="submitForReview",
    summary="Fall zur Prüfung einreichen",
    responses=_ERRORS,
)
def post_einreichen(access: CaseWriter, session: DbSession, body: Einreichung | None = None) -> Response:
    """Reicht die neueste Version zur Prüfung ein; jede spätere Änderung macht sie wieder zum Entwurf."""
    return CanonicalJSONResponse(status_als_dict(review.einreichen(session, access, body.frist if body else None)))


@router.get(
    "/cases/{case_id}/kommentare", operation_id="listComments", summary="Kommentare je Klausel", responses=_ERRORS
)
def list_kommentare(
    access: CaseReader,
    read: ReadSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    dokument: Annotated[Dokumentart | None, Query(description="nur Kommentare zu diesem Dokument")] = None,
) -> Response:
    """Alle Kommentar-Threads mit Antworten; `geaendert_seit` markiert Klauseln, deren Text sich
    seit dem Kommentar geändert hat."""
    threads = komm.threads(read, access.case_id, texte_jetzt(read, access.case_id, regelwerk, satztabellen), dokument)
    return CanonicalJSONResponse({"fall": access.case_id, "kommentare": [thread_als_dict(t) for t in threads]})


@router.post(
    "/cases/{case_id}/kommentare",
    operation_id="createComment",
    status_code=201,
    summary="Klausel kommentieren",
    responses=_ERRORS,
)
def post_kommentar(
    access: CaseReader,
    body: NeuerKommentar,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
) -> Response:
    """Kommentar zu einer Klausel einer Version (Vorgabe: die neueste); Status „offen“."""
    saved = (
        store.get_case(read, access.case_id)
        if body.version is None
        else store.get_version(read, access.case_id, body.version)
    )
    texte = {a.id: a.text for a in abschnitte_der_version(saved, body.dokument, regelwerk, satztabellen)}
    zustand = review.status(read, access.case_id).zustand
    thread = komm.kommentieren(session, access, zustand, saved.number, body.dokument, body.klausel, body.text, texte)
    return CanonicalJSONResponse(thread_als_dict(thread), status_code=201)


@router.patch(
    "/cases/{case_id}/kommentare/{kid}",
    operation_id="updateComment",
    summary="Kommentar beantworten oder erledigen",
    responses=_ERRORS,
)
def patch_kommentar(
    access: CaseReader,
    kid: Annotated[int, Path(ge=1, le=2**31 - 1)],
    body: KommentarAenderung,
    read: ReadSession,
    session: DbSession,
) -> Response:
    """Antwort anhängen und/oder Status setzen („offen“, „erledigt“)."""
    st = review.status(read, access.case_id)
    komm.aendern(session, access, st.zustand, kid, body.status, body.antwort, st.neueste_version)
    return CanonicalJSONResponse(
        {
            "fall": access.case_id,
            "kommentar": kid,
            "offene_kommentare": review.offene_kommentare(session, access.case_id),
        }
    )


@router.get(
    "/cases/{case_id}/freigaben", operation_id="listApprovals", summary="Freigaben eines Falls", responses=_ERRORS
)
def list_freigaben(access: CaseReader, read: ReadSession) -> Response:
    """Der Prüfstand mit den für die aktuelle Version gültigen Entscheidungen je Rolle."""
    return CanonicalJSONResponse(status_als_dict(review.status(read, access.case_id)))


@router.post(
    "/cases/{case_id}/freigaben", operation_id="decideApproval", summary="Freigeben oder ablehnen", responses=_ERRORS
)
def post_freigabe(access: CaseReader, body: FreigabeEntscheidung, session: DbSession) -> Response:
    """FreigabeEntscheidung einer Rolle über die aktuelle Version. Abgelehnt, solange Kommentare offen
    sind; die Freigabe der Rolle `steuer` ist die schriftliche USt-Freigabe."""
    assert body.entscheidung in ENTSCHEIDUNGEN
    try:
        st = review.entscheiden(session, access, Rolle(body.rolle), body.entscheidung, body.begruendung)
    except Pruefungsfehler as refusal:
        session.rollback()
        p = access.principal
        record(
            session,
            Auditeintrag(p.akteur, p.organisation_id, "freigabe", f"fall:{access.case_id}", "abgelehnt", refusal.name),
        )
        session.commit()
        raise
    return CanonicalJSONResponse(status_als_dict(st))


@router.post(
    "/cases/{case_id}/unterzeichnung",
    operation_id="recordSignature",
    summary="Unterzeichnung erfassen",
    responses=_ERRORS,
)
def post_unterzeichnung(access: CaseSigner, body: Unterzeichnung, session: DbSession) -> Response:
    """Erfasst Datum und Unterzeichnende der freigegebenen Version; danach ist der Fall eingefroren."""
    return CanonicalJSONResponse(
        status_als_dict(review.unterzeichnen(session, access, body.datum, body.unterzeichnende))
    )


@router.post(
    "/cases/{case_id}/nachtrag",
    operation_id="createAmendment",
    status_code=201,
    summary="Nachtrag anlegen",
    responses=_ERRORS,
)
def post_nachtrag(
    access: CaseWriter, read: ReadSession, session: DbSession, regelwerk: CurrentRules, satztabellen: RateTables
) -> Response:
    """Legt zu einem unterzeichneten Fall einen neuen Fall (Nachtrag) mit dessen Fallakte an, der auf ihn verweist."""
    if review.status(read, access.case_id).zustand != Zustand.UNTERZEICHNET:
        raise Pruefungsfehler(
            409,
            "nicht-unterzeichnet",
            "Einen Nachtrag gibt es nur zu einem unterzeichneten Fall; der Fall lässt sich noch ändern.",
        )
    if not access.eigentuemer:
        raise AccessDenied("Einen Nachtrag legt die Organisation an, der der Fall gehört.")
    saved = store.get_case(read, access.case_id)
    fallakte = saved.fallakte()
    neu = store.create_case(
        session,
        fallakte,
        berate(fallakte, regelwerk, satztabellen),
        note=f"Nachtrag zu Fall {access.case_id}",
        organisation_id=access.principal.organisation_id,
        on_saved=lambda s, row: review.vermerke_nachtrag(s, access, row.case_id),
    )
    return CanonicalJSONResponse(
        {"fall": neu.case_id, "version": neu.number, "nachtrag_zu": access.case_id},
        status_code=201,
        headers={"Location": f"/api/v1/cases/{neu.case_id}"},
    )


@router.get("/pruefungen", operation_id="listReviews", summary="Fälle zur Prüfung (Posteingang)", responses=_ERRORS)
def list_pruefungen(principal: CaseLister, read: ReadSession) -> Response:
    """Fälle „zur Prüfung“ der eigenen Organisation und der ihr freigegebenen, mit offenen
    Kommentaren und Frist, früheste Frist zuerst."""
    eintraege = posteingang.eintraege(read, principal)
    return CanonicalJSONResponse(
        {
            "pruefungen": [
                {
                    "fall": e.case_id,
                    "bezeichnung": e.bezeichnung,
                    "version": e.version,
                    "zustand": Zustand.IN_PRUEFUNG.value,
                    "zustand_text": ZUSTAND_TEXT[Zustand.IN_PRUEFUNG],
                    "eigene_organisation": e.eigene,
                    "offene_kommentare": e.offene_kommentare,
                    "frist": e.frist.isoformat() if e.frist else None,
                    "fehlende_freigaben": e.fehlend,
                }
                for e in eintraege
            ]
        }
    )


@router.get(
    "/pruefung/einstellungen", operation_id="getReviewSettings", summary="Rollen, die freigeben", responses=_ERRORS
)
def get_einstellungen(principal: CaseLister, read: ReadSession) -> Response:
    """Welche Rollen Fälle der eigenen Organisation freigeben müssen."""
    rollen = review.rollen_der_organisation(read, principal.organisation_id)
    return CanonicalJSONResponse({"rollen": [r.value for r in rollen]})


@router.put(
    "/pruefung/einstellungen",
    operation_id="setReviewSettings",
    summary="Rollen festlegen, die freigeben",
    responses=_ERRORS,
)
def put_einstellungen(principal: UserAdmin, body: Einstellungen, session: DbSession) -> Response:
    """Legt fest, welche Rollen (steuer, rechtsamt, leitung) Fälle der Organisation freigeben müssen."""
    try:
        gespeichert = rollen_einstellung(body.rollen)
    except ValueError as e:
        raise Pruefungsfehler(422, "rolle-ungueltig", str(e)) from None
    review.setze_rollen(session, principal.organisation_id, gespeichert)
    record(
        session,
        Auditeintrag(
            principal.akteur,
            principal.organisation_id,
            "pruefrollen_setzen",
            f"organisation:{principal.organisation_id}",
            "erfolg",
            gespeichert,
        ),
    )
    session.commit()
    return CanonicalJSONResponse({"rollen": gespeichert.split(",")})
