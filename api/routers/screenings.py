"""Inventory screening over HTTP: ``POST /screenings`` (JSON API) and the upload page ``/screening``.

API (prefix /api/v1):

- ``POST /screenings``  the inventory as ``multipart/form-data`` (field ``datei``: CSV or XLSX;
  optional ``stichtag``), as a raw ``text/csv`` or XLSX body, or as JSON
  ``{"stichtag": "2027-01-01", "zeilen": [{"Erbringer": "…", …}]}`` (keys: the template's column
  titles or field names). Answers the screening (``ikz-screening/1``) as JSON, or — by ``Accept`` —
  the PDF report, the XLSX or the CSV export. Unreadable rows are listed in ``probleme`` (200);
  an unreadable file is a 422 problem, a file beyond a bound of ``Lesegrenzen`` a 413 problem.

Streaming: the upload goes to a temporary file as it arrives (bounded by ``BodyLimitMiddleware``
and ``max_upload_bytes``); reading, checking and screening run in a worker thread with the reading
deadline; rows and problems are kept in temporary files; the answer is written piece by piece
from them. So the event loop answers other requests meanwhile and memory does not grow with the
inventory (benchmarks/screening.py, benchmarks/probe.py).
- ``GET /screenings/vorlage.xlsx`` / ``GET /screenings/vorlage.csv``  the empty template.

Web page (no prefix): ``GET /screening`` upload form, ``POST /screening`` result page with the
summary and a sortable table, ``GET /screening/{schluessel}/{datei}`` its downloads. The result
is stored in the database under a random token (api/screening_store.py), so that any worker
process serves the downloads, and only to the caller who uploaded (when signed in).
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Iterator
from typing import IO, Any

from fastapi import APIRouter, Request
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.responses import HTMLResponse, Response, StreamingResponse

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import STICHTAG_STANDARD, Screening, screening_als_dict
from advisor.screening.spalten import SPALTEN
from api.deps import Caller, Expensive
from api.responses import PROBLEM_RESPONSES
from api.screening_store import load_screening, store_screening
from api.screening_upload import (
    SCREENING_REQUEST_BODY,
    SCREENINGANFRAGE_SCHEMA,
    XLSX,
    form_file,
    read_and_screen,
    receive_upload,
    upload_body_limit,
)
from screening.export import iter_csv, write_xlsx_to
from screening.json_export import iter_screening_json
from screening.report import render_report_pdf
from screening.run import screening_context
from screening.template import template_csv, template_xlsx

__all__ = ["SCREENINGANFRAGE_SCHEMA", "router", "upload_body_limit", "web_router"]

router = APIRouter(tags=["Bestandsscreening"])
web_router = APIRouter(include_in_schema=False)

CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"
STUECK = 65_536


def _file_chunks(datei: IO[bytes]) -> Iterator[bytes]:
    with datei:
        datei.seek(0)
        while chunk := datei.read(STUECK):
            yield chunk


def _xlsx_file(screening: Screening) -> IO[bytes]:
    datei = tempfile.TemporaryFile()
    write_xlsx_to(screening, datei)
    return datei


async def _stream(teile: Iterator[bytes], screening: Screening | None) -> AsyncIterator[bytes]:
    """The pieces, produced off the event loop; the screening's stores are released at the end."""
    try:
        async for teil in iterate_in_threadpool(teile):
            yield teil
    finally:
        if screening is not None:
            screening.close()


async def _antwort(screening: Screening, titel: dict[str, str], accept: str, quelle: str) -> Response:
    """The screening in the format ``accept`` asks for, streamed; its stores are released at the end."""
    if PDF in accept:
        try:
            pdf = await run_in_threadpool(render_report_pdf, screening, titel, [quelle])
        finally:
            screening.close()
        return Response(
            pdf, media_type=PDF, headers={"Content-Disposition": 'attachment; filename="bestandsscreening.pdf"'}
        )
    if XLSX in accept:
        datei = await run_in_threadpool(_xlsx_file, screening)
        return StreamingResponse(
            _stream(_file_chunks(datei), screening),
            media_type=XLSX,
            headers={"Content-Disposition": 'attachment; filename="bestandsscreening.xlsx"'},
        )
    if "text/csv" in accept:
        return StreamingResponse(
            _stream(iter_csv(screening), screening),
            media_type=CSV,
            headers={"Content-Disposition": 'attachment; filename="bestandsscreening.csv"'},
        )
    return StreamingResponse(_stream(iter_screening_json(screening), screening), media_type="application/json")


@router.post(
    "/screenings",
    summary="Bestandsliste prüfen (Bestandsscreening)",
    operation_id="screenInventory",
    openapi_extra=SCREENING_REQUEST_BODY,
    responses={
        200: {
            "description": "Das Screening (ikz-screening/1) als JSON, oder nach Accept PDF/XLSX/CSV.",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                PDF: {"schema": {"type": "string", "format": "binary"}},
                XLSX: {"schema": {"type": "string", "format": "binary"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        **PROBLEM_RESPONSES,
    },
)
async def post_screening(request: Request, _limit: Expensive) -> Response:
    """Jede Zeile der Bestandsliste nach § 2b UStG bewerten; Umsatzgrenze je Erbringer und Aufgabenfeld
    über alle gleichartigen Leistungen; Zusammenfassung und Handlungsliste. Die Datei wird beim Lesen
    begrenzt (Größe, entpackte Größe, Zeilen, Spalten, Zelllänge, Lesezeit); eine Überschreitung ist
    ein 413-Problem, das die Grenze nennt."""
    eingang = await receive_upload(request)
    try:
        screening, titel, _ = await run_in_threadpool(read_and_screen, request, eingang)
    finally:
        eingang.close()
    return await _antwort(screening, titel, request.headers.get("accept", ""), eingang.name)


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


def _seite(request: Request, status_code: int = 200, **kontext: Any) -> HTMLResponse:
    from api.web.render import render_page

    kontext.setdefault("daten", None)
    return render_page("screening.html", status_code=status_code, aktiv="screening", spalten=SPALTEN, **kontext)


@web_router.get("/screening")
def screening_page(request: Request) -> Response:
    return _seite(request, screening=None, fehler=None, stichtag_text="")


@web_router.post("/screening")
async def screening_upload(request: Request, caller: Caller) -> Response:
    stichtag_text: str | None = None
    try:
        eingang = await form_file(request, "Bitte eine Bestandsliste (.csv oder .xlsx) auswählen.")
        stichtag_text = eingang.stichtag
        try:
            screening, titel, _stichtag = await run_in_threadpool(read_and_screen, request, eingang)
        finally:
            eingang.close()
    except UngueltigeEingabe as e:
        return _seite(request, 422, screening=None, fehler=e, stichtag_text=stichtag_text or "")
    try:
        client = caller.client if caller is not None else None
        schluessel = await run_in_threadpool(
            store_screening, request.app.state.session_factory, screening, titel, eingang.name, client
        )
        return _seite(
            request,
            screening=screening,
            daten=screening_als_dict(screening),
            feldtitel=titel,
            schluessel=schluessel,
            quelle=eingang.name,
            fehler=None,
            stichtag_text=stichtag_text or "",
        )
    finally:
        screening.close()


DOWNLOADS = {"bestandsscreening.pdf": PDF, "bestandsscreening.xlsx": XLSX, "bestandsscreening.csv": "text/csv"}


def _nicht_gespeichert(request: Request) -> Response:
    fehler = UngueltigeEingabe(
        [Feldproblem("", "Dieses Ergebnis ist nicht mehr gespeichert. Bitte die Bestandsliste erneut hochladen.")],
        "Ergebnis nicht gefunden.",
    )
    return _seite(request, 404, screening=None, fehler=fehler, stichtag_text="")


@web_router.get("/screening/{schluessel}/{datei}")
async def screening_download(request: Request, schluessel: str, datei: str, caller: Caller) -> Response:
    art = DOWNLOADS.get(datei)
    if art is None:
        return _nicht_gespeichert(request)
    client = caller.client if caller is not None else None
    gespeichert = await run_in_threadpool(load_screening, request.app.state.read_session_factory, schluessel, client)
    if gespeichert is None:
        return _nicht_gespeichert(request)
    screening, titel, quelle = gespeichert
    return await _antwort(screening, titel, art, quelle)
