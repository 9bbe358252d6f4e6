"""Redlines between versions of a saved case, and a Word file edited by the legal team.

- ``GET /cases/{id}/versionen/{a}/vergleich/{b}?dokument=vereinbarung`` — the clause-level
  differences of one document between two versions: JSON (default), an HTML page
  (``Accept: text/html``) or a DOCX with Word tracked changes (``Accept: …wordprocessingml…``).
- ``POST /cases/{id}/versionen/{n}/abgleich?dokument=vereinbarung`` — body: a DOCX of that
  version edited in Word; answers the clauses whose text differs from the generated one. Nothing
  is merged into the case. The body is bounded while it is read (``IKZ_MAX_BODY_BYTES``, 2 MB)
  and parsed with defusedxml.

Both are exports of case content (``dokument_exportieren``), rate-limited like documents and
recorded in the audit trail. Rendering runs in the thread pool.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from api import cases as store
from api.audit import Auditeintrag, record
from api.deps import CaseExporter, CurrentRules, DbSession, Expensive, RateTables, ReadSession
from api.identity.case_access import CaseAccess
from api.jsonout import CanonicalJSONResponse
from api.problems import ApiProblem
from api.responses import problem
from api.review.klauseln import abschnitte_der_version, dokument_der_version, vergleich_als_docx
from api.routers.drafts import DOCX
from api.web.render import render_page
from contracts.dokumente import DOKUMENTARTEN, als_docx
from contracts.redline import DocxUnlesbar, abgleich, vergleiche, zusammenfassung

router = APIRouter(tags=["Prüfung und Freigabe"])

Dokumentart = Literal["vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage"]
Version = Annotated[int, Path(ge=1, le=2**31 - 1)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Rolle oder Freigabe erlaubt das nicht."),
    404: problem("Fall oder Version unbekannt (oder nicht für Ihre Organisation sichtbar)."),
    413: problem("Die hochgeladene Datei ist zu groß."),
    415: problem("Kein Word-Dokument (DOCX)."),
    422: problem("Die Datei ist kein lesbares Word-Dokument."),
    429: problem("Zu viele Dokumente in kurzer Zeit."),
}


def _audit(session: Session, access: CaseAccess, aktion: str, detail: str) -> None:
    p = access.principal
    record(session, Auditeintrag(p.akteur, p.organisation_id, aktion, f"fall:{access.case_id}", "erfolg", detail))
    session.commit()


def _aenderung_als_dict(a: Any) -> dict[str, Any]:
    return {
        "id": a.id,
        "ueberschrift": a.ueberschrift,
        "art": a.art,
        "alt": a.alt,
        "neu": a.neu,
        "stuecke": [{"op": op, "text": t} for op, t in a.stuecke] if a.art != "gleich" else [],
    }


@router.get(
    "/cases/{case_id}/versionen/{a}/vergleich/{b}",
    operation_id="compareVersions",
    summary="Zwei Versionen klauselweise vergleichen (JSON, HTML oder DOCX mit Änderungsverfolgung)",
    response_class=Response,
    responses={
        200: {
            "description": "Die Unterschiede je Klausel; DOCX mit echten Word-Änderungen (w:ins/w:del).",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "text/html": {"schema": {"type": "string"}},
                DOCX: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **_ERRORS,
    },
)
async def get_vergleich(
    request: Request,
    access: CaseExporter,
    _limit: Expensive,
    a: Version,
    b: Version,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    dokument: Annotated[Dokumentart, Query(description="Dokument")] = "vereinbarung",
) -> Response:
    """Klauselweise Unterschiede eines Dokuments zwischen Version `a` (älter) und `b` (neuer)."""
    accept = request.headers.get("accept", "")

    def build() -> Response:
        alt, neu = store.get_version(read, access.case_id, a), store.get_version(read, access.case_id, b)
        aenderungen = vergleiche(
            abschnitte_der_version(alt, dokument, regelwerk, satztabellen),
            abschnitte_der_version(neu, dokument, regelwerk, satztabellen),
        )
        titel = DOKUMENTARTEN[dokument].titel
        if DOCX in accept:
            _audit(session, access, "dokument_exportieren", f"vergleich {a}-{b} {dokument}.docx")
            daten, name = vergleich_als_docx(aenderungen, dokument, a, b, neu)
            return Response(daten, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'})
        _audit(session, access, "fall_lesen", f"vergleich {a}-{b} {dokument}")
        if "text/html" in accept:
            return render_page(
                "klauselvergleich.html",
                aenderungen=aenderungen,
                zusammenfassung=zusammenfassung(aenderungen),
                a=a,
                b=b,
                dokument_titel=titel,
                bezeichnung=neu.bezeichnung,
                fall_link=None,
                docx_link=None,
            )
        return CanonicalJSONResponse(
            {
                "fall": access.case_id,
                "dokument": dokument,
                "von": a,
                "nach": b,
                "zusammenfassung": zusammenfassung(aenderungen),
                "abschnitte": [_aenderung_als_dict(x) for x in aenderungen],
            }
        )

    return await run_in_threadpool(build)


@router.post(
    "/cases/{case_id}/versionen/{n}/abgleich",
    operation_id="compareEditedDocx",
    summary="In Word bearbeitete Fassung mit der erzeugten vergleichen",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "Das in Word bearbeitete DOCX dieser Version (höchstens 2 MB).",
            "content": {DOCX: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
    responses={200: {"description": "Die geänderten Klauseln."}, **_ERRORS},
)
async def post_abgleich(
    request: Request,
    access: CaseExporter,
    _limit: Expensive,
    n: Version,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    satztabellen: RateTables,
    dokument: Annotated[Dokumentart, Query(description="Dokument")] = "vereinbarung",
) -> Response:
    """Zeigt die Klauseln, deren Text im hochgeladenen DOCX vom erzeugten abweicht — ohne etwas
    in den Fall zu übernehmen."""
    art = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if art not in (DOCX, "application/octet-stream"):
        raise ApiProblem(415, "format-nicht-unterstuetzt", f"Bitte das Word-Dokument als „{DOCX}“ senden.")
    hochgeladen = await request.body()

    def build() -> Response:
        saved = store.get_version(read, access.case_id, n)
        erzeugt = dokument_der_version(saved, dokument, regelwerk, satztabellen)
        einheiten = abschnitte_der_version(saved, dokument, regelwerk, satztabellen)
        try:
            abweichungen = abgleich(hochgeladen, als_docx(erzeugt), einheiten)
        except DocxUnlesbar as e:
            raise ApiProblem(422, "docx-unlesbar", str(e)) from None
        _audit(session, access, "docx_abgleich", f"version {n} {dokument} {len(abweichungen)} abweichungen")
        return CanonicalJSONResponse(
            {
                "fall": access.case_id,
                "version": n,
                "dokument": dokument,
                "uebernommen": False,
                "abweichungen": [
                    {
                        "id": x.id,
                        "ueberschrift": x.ueberschrift,
                        "art": x.art,
                        "erzeugt": x.generiert,
                        "hochgeladen": x.hochgeladen,
                        "stuecke": [{"op": op, "text": t} for op, t in x.stuecke],
                    }
                    for x in abweichungen
                ],
            }
        )

    return await run_in_threadpool(build)
