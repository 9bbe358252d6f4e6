"""Inventory screening over HTTP: ``POST /screenings`` (JSON API) and the upload page ``/screening``.

API (prefix /api/v1):

- ``POST /screenings``  the inventory as ``multipart/form-data`` (field ``datei``: CSV or XLSX;
  optional ``stichtag``), as a raw ``text/csv`` or XLSX body, or as JSON
  ``{"stichtag": "2027-01-01", "zeilen": [{"Erbringer": "…", …}]}`` (keys: the template's column
  titles or field names). Answers the screening (``ikz-screening/1``) as JSON, or — by ``Accept`` —
  the PDF report, the XLSX or the CSV export. Unreadable rows are listed in ``probleme`` (200);
  an unreadable file is a 422 problem, a file beyond a bound of ``Lesegrenzen`` a 413 problem.

Streaming: the upload goes to a temporary file as it arrives (bounded by ``BodyLimitMiddleware``
and ``max_upload_bytes``); reading, checking, screening and writing the answer in the asked
format run in a worker process (api/worker_pool.py, screening/auftrag.py) with the reading
deadline, rows and problems in temporary files; the answer's file is then streamed. So the
server process answers other requests meanwhile and memory does not grow with the inventory
(benchmarks/screening.py, benchmarks/probe.py).
- ``GET /screenings/vorlage.xlsx`` / ``GET /screenings/vorlage.csv``  the empty template.

The web page ``/screening`` lives in api/web/screening.py and answers with ``screening_response``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from typing import IO

from fastapi import APIRouter, Request
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.responses import Response, StreamingResponse

from advisor.screening import STICHTAG_STANDARD, Screening
from api.deps import Expensive
from api.responses import PROBLEM_RESPONSES
from api.screening_upload import (
    SCREENING_REQUEST_BODY,
    SCREENINGANFRAGE_SCHEMA,
    XLSX,
    receive_upload,
    screen_in_worker,
    upload_body_limit,
)
from screening.auftrag import antwort_schreiben, screen_to_file
from screening.run import screening_context
from screening.template import template_csv, template_xlsx

__all__ = ["SCREENINGANFRAGE_SCHEMA", "router", "screening_response", "upload_body_limit"]

router = APIRouter(tags=["Bestandsscreening"])

CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"
STUECK = 65_536


def _file_chunks(datei: IO[bytes]) -> Iterator[bytes]:
    with datei:
        datei.seek(0)
        while chunk := datei.read(STUECK):
            yield chunk


async def _stream(teile: Iterator[bytes]) -> AsyncIterator[bytes]:
    """The pieces, read off the event loop."""
    async for teil in iterate_in_threadpool(teile):
        yield teil


#: format → (media type, file name of the download; None: shown, not downloaded)
FORMATE: dict[str, tuple[str, str | None]] = {
    "pdf": (PDF, "bestandsscreening.pdf"),
    "xlsx": (XLSX, "bestandsscreening.xlsx"),
    "csv": (CSV, "bestandsscreening.csv"),
    "json": ("application/json", None),
}


def ausgabeformat(accept: str) -> str:
    """The answer's format by ``Accept``: the PDF report, XLSX, CSV, else JSON."""
    if PDF in accept:
        return "pdf"
    if XLSX in accept:
        return "xlsx"
    if "text/csv" in accept:
        return "csv"
    return "json"


def _entfernen(pfad: str) -> None:
    os.unlink(pfad)


def _antwortdatei(pfad: str) -> IO[bytes]:
    """The worker's answer file, opened; its name removed (the open file stays readable)."""
    datei = open(pfad, "rb")  # closed by _file_chunks
    os.unlink(pfad)
    return datei


def _antwort_schreiben(screening: Screening, titel: dict[str, str], format: str, quelle: str) -> IO[bytes]:
    datei = tempfile.TemporaryFile()
    try:
        antwort_schreiben(screening, titel, format, datei, quelle)
    except BaseException:
        datei.close()
        raise
    return datei


def _antwort(datei: IO[bytes], format: str) -> Response:
    """The answer's file, streamed, with its media type (and file name for a download)."""
    media_type, dateiname = FORMATE[format]
    headers = {"Content-Disposition": f'attachment; filename="{dateiname}"'} if dateiname else None
    return StreamingResponse(_stream(_file_chunks(datei)), media_type=media_type, headers=headers)


async def screening_response(screening: Screening, titel: dict[str, str], accept: str, quelle: str) -> Response:
    """A stored screening (the upload page's downloads) in the format ``accept`` asks for, written
    in a thread and streamed; its stores are released once it is written."""
    format = ausgabeformat(accept)
    try:
        datei = await run_in_threadpool(_antwort_schreiben, screening, titel, format, quelle)
    finally:
        screening.close()
    return _antwort(datei, format)


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
    format = ausgabeformat(request.headers.get("accept", ""))
    try:
        pfad = await screen_in_worker(request, eingang, screen_to_file, format, verwerfen=_entfernen)
    finally:
        eingang.close()
    return _antwort(await run_in_threadpool(_antwortdatei, pfad), format)


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
