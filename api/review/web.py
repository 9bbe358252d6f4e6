"""The review in the web (German pages): reading view with comments beside each clause,
submitting, approving, the clause comparison, the Word upload, the Ausfertigung and the inbox.

- ``GET  /faelle/{id}/pruefung?dokument=…``          reading view, state, actions
- ``POST /faelle/{id}/pruefung/einreichen|freigabe|unterzeichnung``
- ``POST /faelle/{id}/pruefung/kommentare``            new comment on a clause
- ``POST /faelle/{id}/pruefung/kommentare/{kid}``      reply / status
- ``GET  /faelle/{id}/klauselvergleich?a=&b=&dokument=`` readable diff (``&format=docx``: Word)
- ``POST /faelle/{id}/pruefung/abgleich``              a DOCX edited in Word, compared (multipart)
- ``GET  /faelle/{id}/ausfertigung``                  the final PDF, only when approved (gate)
- ``GET  /pruefungen``                                 the reviewer's inbox

Every form carries the CSRF token; the rules and the audit are those of the API
(``api.review``). Database and rendering work in plain ``def`` routes (thread pool).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from advisor.beratung import berate
from api import cases as store
from api import worker_pool
from api.audit import Auditeintrag, record
from api.deps import DbSession, ReadSession, get_read_session, get_session
from api.identity.case_access import CaseAccess, effective_rights
from api.identity.errors import IdentityError
from api.identity.principal import Principal
from api.identity.rollen import Recht, Rolle
from api.identity.web_access import require_web_user, web_case_access
from api.review import kommentare as komm
from api.review import posteingang
from api.review import store as review
from api.review.gate import ausfertigung_erlaubt
from api.review.klauseln import abschnitte_der_version, dokument_der_version, vergleich_als_docx
from api.review.regeln import FREIGABE_RECHT, FREIGABE_TEXT, ZUSTAND_TEXT, Zustand
from api.routers.drafts import PDF, dateiname
from api.web.render import render_page
from contracts.dokumente import DOKUMENTARTEN, als_docx, als_pdf, erstelle
from contracts.redline import DocxUnlesbar, abgleich, vergleiche, zusammenfassung

router = APIRouter(include_in_schema=False)

WebLeser = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_LESEN, get_read_session))]
WebSchreiber = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_AENDERN, get_session))]
WebPruefer = Annotated[CaseAccess, Depends(web_case_access(Recht.FALL_LESEN, get_session))]
WebExport = Annotated[CaseAccess, Depends(web_case_access(Recht.DOKUMENT_EXPORTIEREN, get_read_session))]
WebNutzer = Annotated[Principal, Depends(require_web_user)]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_DOCX = 2 * 1024 * 1024


def _dokument(dokument: str | None) -> str:
    return dokument if dokument in DOKUMENTARTEN else "vereinbarung"


def _zurueck(fall_id: int, dokument: str = "vereinbarung", anker: str = "") -> RedirectResponse:
    ziel = f"/faelle/{fall_id}/pruefung?dokument={dokument}" + (f"#{anker}" if anker else "")
    return RedirectResponse(ziel, status_code=303)


def _name(akteur: str) -> str:
    """ "nutzer:3 a.b@kreis.de" → "a.b@kreis.de" (the display name of an actor)."""
    return akteur.split(" ", 1)[-1]


@router.get("/faelle/{fall_id}/pruefung")
def pruefung(
    request: Request,
    access: WebLeser,
    read: ReadSession,
    session: DbSession,
    dokument: Annotated[str | None, Query()] = None,
) -> Response:
    art = _dokument(dokument)
    state = request.app.state
    saved = store.get_case(read, access.case_id)
    p = access.principal
    detail = f"version {saved.number} pruefung {art} web"
    record(session, Auditeintrag(p.akteur, p.organisation_id, "fall_lesen", f"fall:{access.case_id}", "erfolg", detail))
    session.commit()
    einheiten = abschnitte_der_version(saved, art, state.regelwerk, state.satztabellen)
    texte = {a.id: a.text for a in einheiten}
    threads = komm.threads(read, access.case_id, lambda d: texte if d == art else {}, art)
    je_klausel: dict[str, list[komm.Thread]] = {}
    for t in threads:
        je_klausel.setdefault(t.klausel, []).append(t)
    st = review.status(read, access.case_id)
    rechte = effective_rights(access.principal, access.eigentuemer, access.freigabe)
    eigene_rollen = [
        r
        for r in st.erforderlich
        if r in access.principal.rollen and FREIGABE_RECHT[r] in rechte and access.eigentuemer
    ]
    return render_page(
        "pruefung.html",
        aktiv="faelle",
        fall=saved,
        st=st,
        art=art,
        dokumentarten=DOKUMENTARTEN,
        einheiten=einheiten,
        je_klausel=je_klausel,
        entfallen=[t for t in threads if t.klausel not in texte],
        darf_kommentieren=Recht.FALL_PRUEFEN in rechte and st.zustand != Zustand.UNTERZEICHNET,
        darf_antworten=bool({Recht.FALL_PRUEFEN, Recht.FALL_AENDERN} & rechte) and st.zustand != Zustand.UNTERZEICHNET,
        darf_erledigen=Recht.FALL_PRUEFEN in rechte,
        darf_einreichen=Recht.FALL_AENDERN in rechte and st.zustand == Zustand.ENTWURF,
        darf_unterzeichnen=Recht.LEITUNG_FREIGEBEN in rechte
        and st.zustand == Zustand.FREIGEGEBEN
        and access.eigentuemer,
        eigene_rollen=eigene_rollen if st.zustand == Zustand.IN_PRUEFUNG else [],
        zustand_text=ZUSTAND_TEXT,
        freigabe_text=FREIGABE_TEXT,
        name=_name,
        versionen=range(1, saved.number + 1),
    )


@router.post("/faelle/{fall_id}/pruefung/einreichen")
def einreichen(access: WebSchreiber, session: DbSession) -> Response:
    review.einreichen(session, access, None)
    return _zurueck(access.case_id)


@router.post("/faelle/{fall_id}/pruefung/freigabe")
def freigabe(
    access: WebPruefer,
    session: DbSession,
    rolle: Annotated[str, Form(max_length=30)],
    entscheidung: Annotated[str, Form(max_length=20)],
    begruendung: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    if rolle not in {r.value for r in FREIGABE_RECHT} or entscheidung not in ("erteilt", "abgelehnt"):
        raise IdentityError("Unbekannte Rolle oder Entscheidung.", "rolle")
    review.entscheiden(session, access, Rolle(rolle), entscheidung, begruendung.strip() or None)
    return _zurueck(access.case_id)


@router.post("/faelle/{fall_id}/pruefung/unterzeichnung")
def unterzeichnung(
    access: WebPruefer,
    session: DbSession,
    datum: Annotated[date, Form()],
    unterzeichnende: Annotated[str, Form(max_length=2000)],
) -> Response:
    if Recht.LEITUNG_FREIGEBEN not in effective_rights(access.principal, access.eigentuemer, access.freigabe):
        raise IdentityError("Die Unterzeichnung erfasst die Leitung.", "unterzeichnende")
    namen = [n.strip() for n in unterzeichnende.splitlines() if n.strip()]
    review.unterzeichnen(session, access, datum, namen)
    return _zurueck(access.case_id)


@router.post("/faelle/{fall_id}/pruefung/kommentare")
def kommentar_anlegen(
    request: Request,
    access: WebPruefer,
    read: ReadSession,
    session: DbSession,
    klausel: Annotated[str, Form(max_length=120)],
    text: Annotated[str, Form(max_length=5000)],
    dokument: Annotated[str, Form(max_length=30)] = "vereinbarung",
) -> Response:
    art = _dokument(dokument)
    saved = store.get_case(read, access.case_id)
    einheiten = abschnitte_der_version(saved, art, request.app.state.regelwerk, request.app.state.satztabellen)
    zustand = review.status(read, access.case_id).zustand
    komm.kommentieren(session, access, zustand, saved.number, art, klausel, text, {a.id: a.text for a in einheiten})
    return _zurueck(access.case_id, art, f"k-{klausel}")


@router.post("/faelle/{fall_id}/pruefung/kommentare/{kid}")
def kommentar_aendern(
    access: WebPruefer,
    read: ReadSession,
    session: DbSession,
    kid: int,
    antwort: Annotated[str, Form(max_length=5000)] = "",
    status: Annotated[str, Form(max_length=20)] = "",
    dokument: Annotated[str, Form(max_length=30)] = "vereinbarung",
    klausel: Annotated[str, Form(max_length=120)] = "",
) -> Response:
    st = review.status(read, access.case_id)
    komm.aendern(session, access, st.zustand, kid, status or None, antwort.strip() or None, st.neueste_version)
    return _zurueck(access.case_id, _dokument(dokument), f"k-{klausel}" if klausel else "")


@router.get("/faelle/{fall_id}/klauselvergleich")
def klauselvergleich(
    request: Request,
    access: WebExport,
    read: ReadSession,
    session: DbSession,
    a: Annotated[int, Query(ge=1, le=2**31 - 1)],
    b: Annotated[int, Query(ge=1, le=2**31 - 1)],
    dokument: Annotated[str | None, Query()] = None,
    format: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    art, state = _dokument(dokument), request.app.state
    alt, neu = store.get_version(read, access.case_id, a), store.get_version(read, access.case_id, b)
    aenderungen = vergleiche(
        abschnitte_der_version(alt, art, state.regelwerk, state.satztabellen),
        abschnitte_der_version(neu, art, state.regelwerk, state.satztabellen),
    )
    titel = DOKUMENTARTEN[art].titel
    p = access.principal
    if format == "docx":
        record(
            session,
            Auditeintrag(
                p.akteur,
                p.organisation_id,
                "dokument_exportieren",
                f"fall:{access.case_id}",
                "erfolg",
                f"vergleich {a}-{b} {art}.docx web",
            ),
        )
        session.commit()
        daten, name = vergleich_als_docx(aenderungen, art, a, b, neu)
        return Response(daten, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'})
    record(
        session,
        Auditeintrag(
            p.akteur,
            p.organisation_id,
            "fall_lesen",
            f"fall:{access.case_id}",
            "erfolg",
            f"vergleich {a}-{b} {art} web",
        ),
    )
    session.commit()
    return render_page(
        "klauselvergleich.html",
        aktiv="faelle",
        aenderungen=aenderungen,
        zusammenfassung=zusammenfassung(aenderungen),
        a=a,
        b=b,
        dokument_titel=titel,
        bezeichnung=neu.bezeichnung,
        fall_link=f"/faelle/{access.case_id}/pruefung?dokument={art}",
        docx_link=f"/faelle/{access.case_id}/klauselvergleich?a={a}&b={b}&dokument={art}&format=docx",
    )


@router.post("/faelle/{fall_id}/pruefung/abgleich")
async def docx_abgleich(request: Request, access: WebExport) -> Response:
    async with request.form(max_files=1, max_fields=5, max_part_size=MAX_DOCX) as form:
        datei, dokument = form.get("datei"), form.get("dokument")
        daten = await datei.read(MAX_DOCX + 1) if datei is not None and not isinstance(datei, str) else b""
    if len(daten) > MAX_DOCX:
        raise IdentityError("Die Datei ist größer als 2 MB.", "datei")
    if not daten:
        raise IdentityError("Bitte ein Word-Dokument (DOCX) auswählen.", "datei")
    art = _dokument(dokument if isinstance(dokument, str) else None)
    return await _abgleich_seite(request, access, art, daten)


async def _abgleich_seite(request: Request, access: CaseAccess, art: str, daten: bytes) -> Response:
    from starlette.concurrency import run_in_threadpool

    state = request.app.state

    def build() -> Response:
        with state.read_session_factory() as read:
            saved = store.get_case(read, access.case_id)
        erzeugt = dokument_der_version(saved, art, state.regelwerk, state.satztabellen)
        einheiten = abschnitte_der_version(saved, art, state.regelwerk, state.satztabellen)
        try:
            abweichungen = abgleich(daten, als_docx(erzeugt), einheiten)
        except DocxUnlesbar as e:
            raise IdentityError(str(e), "datei") from None
        with state.session_factory() as session:
            p = access.principal
            detail = f"version {saved.number} {art} {len(abweichungen)} abweichungen web"
            record(
                session,
                Auditeintrag(p.akteur, p.organisation_id, "docx_abgleich", f"fall:{access.case_id}", "erfolg", detail),
            )
            session.commit()
        return render_page(
            "abgleich.html",
            aktiv="faelle",
            fall=saved,
            art=art,
            titel=DOKUMENTARTEN[art].titel,
            abweichungen=abweichungen,
        )

    return await run_in_threadpool(build)


@router.get("/faelle/{fall_id}/ausfertigung")
def ausfertigung(request: Request, access: WebExport, read: ReadSession, session: DbSession) -> Response:
    saved = store.get_case(read, access.case_id)
    pruefstand = ausfertigung_erlaubt(read, access.case_id, saved.number)
    p = access.principal
    record(
        session,
        Auditeintrag(
            p.akteur,
            p.organisation_id,
            "dokument_exportieren",
            f"fall:{access.case_id}",
            "erfolg",
            f"version {saved.number} ausfertigung.pdf web",
        ),
    )
    session.commit()
    fallakte = saved.fallakte()
    dokument = erstelle(
        "vereinbarung", berate(fallakte, request.app.state.regelwerk, request.app.state.satztabellen), final=True
    )
    daten = worker_pool.ausfuehren_hier(request.app.state.settings, als_pdf, replace(dokument, pruefstand=pruefstand))
    name = f"{dateiname(fallakte)}-Ausfertigung.pdf"
    return Response(daten, media_type=PDF, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/pruefungen")
def pruefungen(principal: WebNutzer, read: ReadSession) -> Response:
    return render_page(
        "pruefungen.html", aktiv="pruefungen", eintraege=posteingang.eintraege(read, principal), heute=date.today()
    )
