"""Inventory screening over HTTP: ``POST /screenings`` (JSON API) and the upload page ``/screening``.

API (prefix /api/v1):

- ``POST /screenings``  the inventory as ``multipart/form-data`` (field ``datei``: CSV or XLSX;
  optional ``stichtag``), as a raw ``text/csv`` or XLSX body, or as JSON
  ``{"stichtag": "2027-01-01", "zeilen": [{"Erbringer": "…", …}]}`` (keys: the template's column
  titles or field names). Answers the screening (``ikz-screening/1``) as JSON, or — by ``Accept`` —
  the PDF report, the XLSX or the CSV export. Unreadable rows are listed in ``probleme`` (200);
  an unreadable file is a 422 problem.
- ``GET /screenings/vorlage.xlsx`` / ``GET /screenings/vorlage.csv``  the empty template.

Web page (no prefix): ``GET /screening`` upload form, ``POST /screening`` result page with the
summary and a sortable table, ``GET /screening/{schluessel}/{datei}`` its downloads.
"""

from __future__ import annotations

import gc
import hashlib
from collections import OrderedDict
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from advisor.deutsch import datum_lesen
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import STICHTAG_STANDARD, Rohtabelle, Screening, screening_als_dict
from advisor.screening.spalten import SPALTEN
from api.deps import Expensive
from api.jsonout import CanonicalJSONResponse
from api.responses import PROBLEM_RESPONSES
from screening.export import export_csv, export_xlsx
from screening.read import read_table_bytes
from screening.report import render_report_pdf
from screening.run import screen_tables, screening_context
from screening.template import template_csv, template_xlsx

router = APIRouter(tags=["Bestandsscreening"])
web_router = APIRouter(include_in_schema=False)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"
TITEL = "Die Bestandsliste ist ungültig."


def _stichtag(text: str | None) -> date:
    """The Stichtag as typed: "01.01.2027" or "2027-01-01"; none given: 01.01.2027."""
    if not text or not text.strip():
        return STICHTAG_STANDARD
    try:
        gelesen = datum_lesen(text)
    except ValueError:
        gelesen = None
    if gelesen is None:
        raise UngueltigeEingabe(
            [Feldproblem("stichtag", f"„{text.strip()}“ ist kein Datum (Format TT.MM.JJJJ, z. B. 01.01.2027).")],
            "Der Stichtag ist ungültig.",
        )
    return gelesen


def _json_table(daten: Any) -> tuple[Rohtabelle, date]:
    if not isinstance(daten, dict) or not isinstance(daten.get("zeilen"), list):
        raise UngueltigeEingabe([Feldproblem("zeilen", 'Erwartet: {"zeilen": [{Spalte: Wert, …}, …]}.')], TITEL)
    unbekannt = set(daten) - {"zeilen", "stichtag"}
    if unbekannt:
        raise UngueltigeEingabe([Feldproblem(k, "Unbekanntes Feld.") for k in sorted(unbekannt)], TITEL)
    koepfe: list[str] = []
    for i, zeile in enumerate(daten["zeilen"]):
        if not isinstance(zeile, dict):
            raise UngueltigeEingabe(
                [Feldproblem(f"zeilen[{i}]", "Jede Zeile muss ein Objekt {Spalte: Wert} sein.")], TITEL
            )
        koepfe += [k for k in zeile if k not in koepfe]
    zeilen = [
        (
            i + 2,
            [
                None if z.get(k) is None else str(z[k]) if not isinstance(z[k], str | int | float | bool) else z[k]
                for k in koepfe
            ],
        )
        for i, z in enumerate(daten["zeilen"])
    ]
    return Rohtabelle("zeilen", koepfe, zeilen), _stichtag(daten.get("stichtag"))


async def _read_request(request: Request) -> tuple[Rohtabelle, date]:
    art = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if art == "multipart/form-data":
        async with request.form() as form:
            datei = form.get("datei")
            if datei is None or isinstance(datei, str):
                raise UngueltigeEingabe(
                    [Feldproblem("datei", "Bitte eine Bestandsliste (.csv oder .xlsx) hochladen.")], TITEL
                )
            stichtag = form.get("stichtag")
            inhalt, name = await datei.read(), datei.filename or "bestand"
        return read_table_bytes(inhalt, name), _stichtag(stichtag if isinstance(stichtag, str) else None)
    body = await request.body()
    if art == "application/json":
        import json
        from decimal import Decimal

        try:
            daten = json.loads(body, parse_float=Decimal)
        except ValueError:
            raise UngueltigeEingabe([Feldproblem("", "Kein gültiges JSON.")], TITEL) from None
        return _json_table(daten)
    if art in ("text/csv", XLSX, "application/octet-stream"):
        name = "bestand.xlsx" if art == XLSX else "bestand.csv"
        return read_table_bytes(body, name), _stichtag(request.query_params.get("stichtag"))
    raise UngueltigeEingabe(
        [Feldproblem("", "Erwartet: multipart/form-data (Feld „datei“), text/csv, XLSX oder JSON.")], TITEL
    )


def _screen(request: Request, tabelle: Rohtabelle, stichtag: date) -> tuple[Screening, dict[str, str]]:
    kontext = screening_context(stichtag, request.app.state.regelwerk, request.app.state.satztabellen)
    try:
        return screen_tables([tabelle], kontext=kontext, jobs=1), dict(kontext.vorgaben.aufgabenfelder)
    finally:
        gc.unfreeze()  # the run froze its objects to spare the collector; a server lets them go again


def _antwort(screening: Screening, titel: dict[str, str], accept: str, quelle: str) -> Response:
    if PDF in accept:
        return Response(
            render_report_pdf(screening, titel, [quelle]),
            media_type=PDF,
            headers={"Content-Disposition": 'attachment; filename="bestandsscreening.pdf"'},
        )
    if XLSX in accept:
        return Response(
            export_xlsx(screening),
            media_type=XLSX,
            headers={"Content-Disposition": 'attachment; filename="bestandsscreening.xlsx"'},
        )
    if "text/csv" in accept:
        return Response(
            export_csv(screening),
            media_type=CSV,
            headers={"Content-Disposition": 'attachment; filename="bestandsscreening.csv"'},
        )
    return CanonicalJSONResponse(screening_als_dict(screening))


@router.post(
    "/screenings",
    summary="Bestandsliste prüfen (Bestandsscreening)",
    responses={
        200: {
            "description": "Das Screening (ikz-screening/1) als JSON, oder nach Accept PDF/XLSX/CSV.",
            "content": {"application/json": {}, PDF: {}, XLSX: {}, "text/csv": {}},
        },
        **PROBLEM_RESPONSES,
    },
)
async def post_screening(request: Request, _limit: Expensive) -> Response:
    """Jede Zeile der Bestandsliste nach § 2b UStG bewerten; Umsatzgrenze je Erbringer und Aufgabenfeld
    über alle gleichartigen Leistungen; Zusammenfassung und Handlungsliste."""
    tabelle, stichtag = await _read_request(request)
    screening, titel = await run_in_threadpool(_screen, request, tabelle, stichtag)
    return await run_in_threadpool(_antwort, screening, titel, request.headers.get("accept", ""), tabelle.quelle)


@router.get(
    "/screenings/vorlage.xlsx",
    summary="Vorlage der Bestandsliste (XLSX)",
    responses={200: {"description": "Die Vorlage", "content": {XLSX: {}}}},
)
async def get_template_xlsx(request: Request) -> Response:
    """Vorlage mit deutschen Spaltenüberschriften, Beispielzeile und erlaubten Werten (Blatt „Werte“)."""
    vorgaben = screening_context(
        STICHTAG_STANDARD, request.app.state.regelwerk, request.app.state.satztabellen
    ).vorgaben
    return Response(
        template_xlsx(vorgaben),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="bestandsliste-vorlage.xlsx"'},
    )


@router.get(
    "/screenings/vorlage.csv",
    summary="Vorlage der Bestandsliste (CSV)",
    responses={200: {"description": "Die Vorlage", "content": {"text/csv": {}}}},
)
async def get_template_csv() -> Response:
    """Kopfzeile und Beispielzeile, getrennt durch „;“, UTF-8."""
    return Response(
        template_csv(),
        media_type=CSV,
        headers={"Content-Disposition": 'attachment; filename="bestandsliste-vorlage.csv"'},
    )


# --- the upload page ----------------------------------------------------------------------------

_ERGEBNISSE: OrderedDict[str, tuple[Screening, dict[str, str], str]] = OrderedDict()
MAX_GESPEICHERT = 16


def _merke(schluessel: str, wert: tuple[Screening, dict[str, str], str]) -> None:
    _ERGEBNISSE[schluessel] = wert
    _ERGEBNISSE.move_to_end(schluessel)
    while len(_ERGEBNISSE) > MAX_GESPEICHERT:
        _ERGEBNISSE.popitem(last=False)


def _seite(request: Request, status_code: int = 200, **kontext: Any) -> HTMLResponse:
    from api.web.render import render_page

    kontext.setdefault("daten", None)
    return render_page("screening.html", status_code=status_code, aktiv="screening", spalten=SPALTEN, **kontext)


@web_router.get("/screening")
def screening_page(request: Request) -> Response:
    return _seite(request, screening=None, fehler=None, stichtag_text="")


@web_router.post("/screening")
async def screening_upload(request: Request) -> Response:
    stichtag_text: object = None
    try:
        async with request.form() as form:
            stichtag_text = form.get("stichtag")
            datei = form.get("datei")
            if datei is None or isinstance(datei, str) or not datei.filename:
                raise UngueltigeEingabe(
                    [Feldproblem("datei", "Bitte eine Bestandsliste (.csv oder .xlsx) auswählen.")], TITEL
                )
            inhalt, name = await datei.read(), datei.filename
        stichtag = _stichtag(stichtag_text if isinstance(stichtag_text, str) else None)
        tabelle = read_table_bytes(inhalt, name)
        screening, titel = await run_in_threadpool(_screen, request, tabelle, stichtag)
    except UngueltigeEingabe as e:
        getippt = stichtag_text if isinstance(stichtag_text, str) else ""
        return _seite(request, 422, screening=None, fehler=e, stichtag_text=getippt)
    schluessel = hashlib.sha256(inhalt + stichtag.isoformat().encode()).hexdigest()[:24]
    _merke(schluessel, (screening, titel, name))
    return _seite(
        request,
        screening=screening,
        daten=screening_als_dict(screening),
        feldtitel=titel,
        schluessel=schluessel,
        quelle=name,
        fehler=None,
        stichtag_text=stichtag_text if isinstance(stichtag_text, str) else "",
    )


@web_router.get("/screening/{schluessel}/{datei}")
async def screening_download(request: Request, schluessel: str, datei: str) -> Response:
    gespeichert = _ERGEBNISSE.get(schluessel)
    art = {"bestandsscreening.pdf": PDF, "bestandsscreening.xlsx": XLSX, "bestandsscreening.csv": "text/csv"}.get(datei)
    if gespeichert is None or art is None:
        fehler = UngueltigeEingabe(
            [Feldproblem("", "Dieses Ergebnis ist nicht mehr gespeichert. Bitte die Bestandsliste erneut hochladen.")],
            "Ergebnis nicht gefunden.",
        )
        return _seite(request, 404, screening=None, fehler=fehler, stichtag_text="")
    screening, titel, quelle = gespeichert
    return await run_in_threadpool(_antwort, screening, titel, art, quelle)
