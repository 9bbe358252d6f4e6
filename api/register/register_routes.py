"""The register, deadlines and calendar: GET /register, PUT /register/{id}, POST /register/import,
GET /fristen, POST/DELETE /kalender/token, GET /kalender/fristen.ics.

Access: the register and deadlines show the cases the caller's organisation owns or was given
(``fall_lesen``); register dates of a case (binding ruling applied for / given, ended) are kept by
its owner's tax officer or case workers (``fall_pruefen`` or ``fall_aendern``); the import creates
cases (``fall_aendern``). CSV/XLSX exports, register changes and imports are audited. The
calendar feed authenticates with HTTP Basic and the user's feed token (api/register/kalender.py).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from advisor.eingabe import datum_lesen
from advisor.errors import Feldproblem, IkzFehler, UngueltigeEingabe
from advisor.screening.bestandszeile import Zeilenproblem
from advisor.screening.fallakten import fallakten_aus_bestand
from advisor.screening.vorgaben import STICHTAG_STANDARD
from api import cases as store
from api.audit import Auditeintrag, record
from api.db.models import utc_now
from api.deps import CaseCreator, CaseLister, DbSession, ReadSession
from api.identity.case_access import check_case_access
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.jsonout import CanonicalJSONResponse
from api.problems import ApiProblem
from api.register import kalender, register
from api.register.medien import CSV, JSON, waehle_medientyp
from api.register.satztabellen_org import satztabellen_der_organisation
from api.register.tabellen_export import CSV_MEDIA, XLSX_MEDIA, csv_bytes, xlsx_bytes
from api.register.tables import RegisterAngabenRow
from api.responses import PROBLEM_RESPONSES, problem
from api.screening_upload import SCREENING_REQUEST_BODY, receive_upload
from screening.grenzen import Lesefrist, Lesegrenzen
from screening.read import open_table


def nur_iso_datum(wert: Any) -> Any:
    """A query date only as JJJJ-MM-TT: pydantic would otherwise read "0" as 01.01.1970."""
    if isinstance(wert, str) and not (len(wert) == 10 and wert[4] == "-" and wert[7] == "-"):
        raise ValueError("Datum bitte als JJJJ-MM-TT angeben.")
    return wert


router = APIRouter(tags=["Vertragsregister"])
MAX_IMPORT_ZEILEN = 2000
_AUTH: dict[int | str, dict[str, Any]] = {401: problem("Anmeldung fehlt."), 403: problem("Rolle erlaubt das nicht.")}
_TABELLE = {
    "description": "JSON, CSV oder XLSX (nach Accept).",
    "content": {
        "application/json": {"schema": {"type": "object"}},
        "text/csv": {"schema": {"type": "string"}},
        XLSX_MEDIA: {"schema": {"type": "string", "format": "binary"}},
    },
}
FRISTSPALTEN = (
    "Datum",
    "Zugang bis (Werktag)",
    "Art",
    "Frist",
    "Fall",
    "Bezeichnung",
    "Leistung",
    "Hinweis",
    "Überfällig",
)


def heute() -> date:
    """Today (a function so that tests can fix it)."""
    return date.today()


def _audit(session: Any, principal: Principal, aktion: str, objekt: str, detail: str | None = None) -> None:
    record(session, Auditeintrag(principal.akteur, principal.organisation_id, aktion, objekt, detail=detail))


def _tabelle(
    medium: str, daten: dict[str, Any], spalten: tuple[str, ...], zeilen: list[list[Any]], name: str
) -> Response:
    if medium == JSON:
        return CanonicalJSONResponse(daten)
    kopf = {"Content-Disposition": f'attachment; filename="{name}.{"csv" if medium == CSV else "xlsx"}"'}
    if medium == CSV:
        return Response(csv_bytes(spalten, zeilen), media_type=CSV_MEDIA, headers=kopf)
    return Response(xlsx_bytes(name[:31], spalten, zeilen), media_type=XLSX_MEDIA, headers=kopf)


@router.get("/register", operation_id="listRegister", summary="Vertragsregister", responses={200: _TABELLE, **_AUTH})
def get_register(
    request: Request,
    principal: CaseLister,
    read: ReadSession,
    session: DbSession,
    suche: Annotated[
        str | None, Query(max_length=200, description="Text in Bezeichnung, Beteiligten, Gegenstand")
    ] = None,
    ust: Annotated[str | None, Query(max_length=40, description="USt-Einordnung, z. B. steuerpflichtig")] = None,
    risiko: Annotated[str | None, Query(max_length=10)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    aufgabenfeld: Annotated[str | None, Query(max_length=60)] = None,
    sortierung: Annotated[
        str, Query(description="fall, bezeichnung, jahresbetrag, risiko, frist, bewertet_am, ust, status")
    ] = "fall",
    absteigend: bool = False,
) -> Response:
    """Jeder Fall der Organisation (und jeder ihr freigegebene) mit den Feldern des Vertragsregisters:
    Beteiligte, Gegenstand, Aufgabenfeld, Rechtsform, Laufzeit und Kündigung, Jahresbetrag,
    USt-Einordnung mit Datum und Regelwerk, Risiko, offene Fragen, Status, nächste Frist, Herkunft."""
    medium = waehle_medientyp(request.headers.get("accept"))
    if sortierung not in register.SORTIERBAR:
        raise UngueltigeEingabe(
            [Feldproblem("sortierung", f"Möglich: {', '.join(register.SORTIERBAR)}.")], "Die Anfrage ist ungültig."
        )
    tag = heute()
    liste = register.sortieren(
        register.filtern(
            register.eintraege(read, principal, tag),
            suche=suche,
            ust=ust,
            risiko=risiko,
            status=status,
            aufgabenfeld=aufgabenfeld,
        ),
        sortierung,
        absteigend,
    )
    if medium != JSON:
        _audit(
            session,
            principal,
            "register_exportieren",
            f"organisation:{principal.organisation_kennung}",
            f"{len(liste)} faelle",
        )
        session.commit()
    daten = {"format": "ikz-register/1", "stand": tag.isoformat(), "eintraege": [e.als_dict(tag) for e in liste]}
    return _tabelle(medium, daten, register.SPALTEN, [e.tabellenzeile() for e in liste], "vertragsregister")


class Registerangaben(BaseModel):
    """What the register keeps about a case besides its versions (dates; ``null`` clears)."""

    model_config = ConfigDict(extra="forbid")
    auskunft_beantragt_am: date | None = None
    auskunft_erteilt_am: date | None = None
    beendet_am: date | None = None


@router.put(
    "/register/{case_id:int}",  # ":int": PUT /register/import is 405, not this route
    operation_id="updateRegisterEntry",
    summary="Registerangaben eines Falls (verbindliche Auskunft, Ende)",
    responses={**_AUTH, 404: problem("Fall unbekannt.")},
)
def put_register(
    principal: CaseLister, case_id: int, angaben: Annotated[Registerangaben, Body()], session: DbSession
) -> Response:
    """Setzt die Daten, die das Register führt: Antrag und Erteilung einer verbindlichen Auskunft
    (§ 89 Abs. 2 AO) und das Ende der Zusammenarbeit. Nur die Eigentümerorganisation."""
    access = check_case_access(session, principal, case_id, Recht.FALL_LESEN)
    if not access.eigentuemer or not (principal.darf(Recht.FALL_PRUEFEN) or principal.darf(Recht.FALL_AENDERN)):
        raise ApiProblem(
            403, "keine-berechtigung", "Registerangaben pflegt die Eigentümerorganisation (Steuer oder Fachamt)."
        )
    if angaben.auskunft_erteilt_am and not angaben.auskunft_beantragt_am:
        raise UngueltigeEingabe(
            [Feldproblem("auskunft_erteilt_am", "Erteilt ohne Antragsdatum.")], "Die Angaben sind ungültig."
        )
    row = session.get(RegisterAngabenRow, case_id)
    if row is None:
        row = RegisterAngabenRow(case_id=case_id)
        session.add(row)
    row.auskunft_beantragt_am = angaben.auskunft_beantragt_am
    row.auskunft_erteilt_am = angaben.auskunft_erteilt_am
    row.beendet_am = angaben.beendet_am
    row.geaendert_am, row.geaendert_von = utc_now(), principal.akteur
    _audit(session, principal, "register_aendern", f"fall:{case_id}", angaben.model_dump_json())
    session.commit()
    return CanonicalJSONResponse(angaben.model_dump(mode="json"))


#: The inventory as for the screening, but CSV or XLSX only (no JSON rows).
IMPORT_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        **SCREENING_REQUEST_BODY["requestBody"],
        "content": {
            art: inhalt
            for art, inhalt in SCREENING_REQUEST_BODY["requestBody"]["content"].items()
            if art != "application/json"
        },
    }
}


@router.post(
    "/register/import",
    operation_id="importRegister",
    openapi_extra=IMPORT_REQUEST_BODY,
    summary="Bestandsliste als Registereinträge übernehmen",
    status_code=201,
    responses={
        **_AUTH,
        **PROBLEM_RESPONSES,
        422: {
            "description": "Eingabe ungültig (problem+json), oder die Liste hat Zeilenprobleme: dann JSON mit "
            "`angelegt` (leer: nichts angelegt) und `probleme` je Zeile und Spalte.",
            "content": {
                **PROBLEM_RESPONSES[422]["content"],
                "application/json": {"schema": {"type": "object"}},
            },
        },
    },
)
async def import_register(request: Request, principal: CaseCreator) -> Response:
    """Eine Bestandsliste (dasselbe Format wie das Screening: CSV/XLSX, roh oder multipart Feld
    `datei`, `stichtag` optional) wird in einem Schritt zu Fällen der Organisation, jeder mit der
    Zeile als Herkunft; alles oder nichts je gültiger Zeile, Probleme mit Zeile und Spalte."""
    eingang = await receive_upload(request)
    try:
        if eingang.art == "application/json":
            raise ApiProblem(415, "format-nicht-unterstuetzt", "Der Import nimmt CSV oder XLSX.")
        return await run_in_threadpool(_importieren, request, principal, eingang)
    finally:
        eingang.close()


def _importieren(request: Request, principal: Principal, eingang: Any) -> Response:
    from advisor.beratung import berate
    from screening.run import screening_context

    zustand = request.app.state
    stichtag = STICHTAG_STANDARD
    if eingang.stichtag:
        try:
            stichtag = datum_lesen(str(eingang.stichtag)) or STICHTAG_STANDARD
        except ValueError:
            raise UngueltigeEingabe(
                [Feldproblem("stichtag", "Kein Datum (TT.MM.JJJJ).")], "Die Bestandsliste ist ungültig."
            ) from None
    grenzen = Lesegrenzen(
        max_bytes=zustand.settings.max_upload_bytes, max_sekunden=zustand.settings.read_timeout_seconds
    )
    tabelle = open_table(eingang.datei, eingang.name, grenzen, Lesefrist(grenzen.max_sekunden))
    with zustand.session_factory() as session:
        tabellen = satztabellen_der_organisation(session, zustand.satztabellen, principal.organisation_id)
        kontext = screening_context(stichtag, zustand.regelwerk, tabellen)
        akten, probleme = fallakten_aus_bestand([tabelle], kontext.vorgaben)
        if len(akten) > MAX_IMPORT_ZEILEN:
            raise UngueltigeEingabe(
                [Feldproblem("datei", f"Höchstens {MAX_IMPORT_ZEILEN} Zeilen auf einmal (gelesen: {len(akten)}).")],
                "Die Bestandsliste ist zu groß für einen Import.",
            )
        angelegt = []
        for zeile, akte in akten:
            try:
                beratung = berate(akte, zustand.regelwerk, tabellen)
            except IkzFehler as e:
                probleme.append(Zeilenproblem(zeile.quelle, zeile.zeile, None, str(e)))
                continue
            saved = store.add_case(
                session,
                akte,
                beratung,
                f"Import aus {eingang.name}, Zeile {zeile.zeile}",
                organisation_id=principal.organisation_id,
            )
            session.add(
                RegisterAngabenRow(
                    case_id=saved.case_id,
                    herkunft_quelle=eingang.name[:300],
                    herkunft_zeile=zeile.zeile,
                    geaendert_am=utc_now(),
                    geaendert_von=principal.akteur,
                )
            )
            _audit(session, principal, "fall_anlegen", f"fall:{saved.case_id}", f"import zeile {zeile.zeile}")
            angelegt.append({"fall": saved.case_id, "zeile": zeile.zeile, "kennung": zeile.kennung})
        _audit(
            session,
            principal,
            "register_importieren",
            f"organisation:{principal.organisation_kennung}",
            f"{len(angelegt)} faelle, {len(probleme)} probleme, sha256 {eingang.sha256[:16]}",
        )
        session.commit()
    daten = {
        "angelegt": angelegt,
        "probleme": [
            {"quelle": p.quelle, "zeile": p.zeile, "spalte": p.spalte, "meldung": p.meldung} for p in probleme
        ],
    }
    return CanonicalJSONResponse(daten, status_code=201 if angelegt else 422)


@router.get(
    "/fristen", operation_id="listDeadlines", summary="Fristen der Organisation", responses={200: _TABELLE, **_AUTH}
)
def get_fristen(
    request: Request,
    principal: CaseLister,
    read: ReadSession,
    session: DbSession,
    bis: Annotated[
        date | None,
        BeforeValidator(nur_iso_datum),
        Query(description="nur Fristen bis zu diesem Tag (JJJJ-MM-TT)"),
    ] = None,
) -> Response:
    """Alle Fristen (Laufzeitende, letzter Kündigungstag, Abschläge, Ende des alten Rechts,
    ausstehende verbindliche Auskunft) aller Fälle, nach Datum; überfällige offene zuerst."""
    medium = waehle_medientyp(request.headers.get("accept"))
    tag = heute()
    zeilen: list[tuple[Any, Any]] = []
    for e in register.eintraege(read, principal, tag):
        for f in e.fristen:
            offen_ueberfaellig = f.art in ("rechtswechsel", "auskunft") and f.ueberfaellig(tag)
            if (f.datum >= tag or offen_ueberfaellig) and (bis is None or f.datum <= bis):
                zeilen.append((f, e))
    zeilen.sort(key=lambda fe: (fe[0].datum, fe[1].fall, fe[0].art))
    if medium != JSON:
        _audit(
            session,
            principal,
            "fristen_exportieren",
            f"organisation:{principal.organisation_kennung}",
            f"{len(zeilen)} fristen",
        )
        session.commit()
    daten = {
        "stand": tag.isoformat(),
        "fristen": [
            {**e.als_dict(tag)["fristen"][list(e.fristen).index(f)], "fall": e.fall, "bezeichnung": e.bezeichnung}
            for f, e in zeilen
        ],
    }
    tabelle = [
        [f.datum, f.zugang_bis, f.art, f.titel, e.fall, e.bezeichnung, f.leistung, f.hinweis, f.ueberfaellig(tag)]
        for f, e in zeilen
    ]
    return _tabelle(medium, daten, FRISTSPALTEN, tabelle, "fristen")


@router.post(
    "/kalender/token",
    operation_id="createCalendarToken",
    summary="Kalender-Token erzeugen (ersetzt das bisherige)",
    status_code=201,
    responses={**_AUTH},
)
def post_token(principal: CaseLister, session: DbSession) -> Response:
    """Erzeugt das Token für den Fristenkalender der angemeldeten Person (einmal angezeigt; ein
    früheres wird widerrufen). Abonnieren: Adresse `/api/v1/kalender/fristen.ics`, Benutzername
    beliebig (z. B. die E-Mail-Adresse), Passwort = Token (HTTP Basic)."""
    if principal.art != "nutzer":
        raise ApiProblem(
            403, "nur-personen", "Kalender-Tokens gibt es nur für angemeldete Personen, nicht für API-Schlüssel."
        )
    token = kalender.token_erstellen(session, principal)
    _audit(session, principal, "kalender_token_erzeugen", f"nutzer:{principal.id}")
    session.commit()
    return CanonicalJSONResponse(
        {"token": token, "adresse": "/api/v1/kalender/fristen.ics", "benutzername": principal.name}, status_code=201
    )


@router.delete(
    "/kalender/token", operation_id="revokeCalendarToken", summary="Kalender-Token widerrufen", responses={**_AUTH}
)
def delete_token(principal: CaseLister, session: DbSession) -> Response:
    """Widerruft das Kalender-Token der angemeldeten Person; der Kalender liefert danach 401."""
    anzahl = kalender.widerrufen(session, principal.id) if principal.art == "nutzer" else 0
    _audit(session, principal, "kalender_token_widerrufen", f"nutzer:{principal.id}", f"{anzahl}")
    session.commit()
    return CanonicalJSONResponse({"widerrufen": anzahl})


@router.get(
    "/kalender/fristen.ics",
    operation_id="getDeadlineCalendar",
    summary="Fristenkalender (iCalendar, HTTP Basic mit Kalender-Token)",
    responses={
        200: {"description": "text/calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}},
        401: problem("Token fehlt oder ungültig."),
    },
)
def get_ics(request: Request) -> Response:
    """Die Fristen der Organisation der Person als iCalendar-Abonnement (ganztägige Termine)."""
    token = kalender.token_aus_basic(request.headers.get("authorization"))
    with request.app.state.read_session_factory() as read:
        principal = kalender.principal_fuer_token(read, token) if token else None
        if principal is None:
            raise ApiProblem(
                401,
                "kalender-token-ungueltig",
                "Für den Fristenkalender als Passwort das Kalender-Token angeben (HTTP Basic).",
                headers={"WWW-Authenticate": 'Basic realm="IKZ-Berater Fristen", charset="UTF-8"'},
            )
        tag = heute()
        inhalt = kalender.kalender(register.eintraege(read, principal, tag), tag)
    return Response(
        inhalt,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, no-store", "Content-Disposition": 'inline; filename="fristen.ics"'},
    )
