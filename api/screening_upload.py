"""Receiving an inventory upload for ``POST /api/v1/screenings`` and the page ``/screening``.

The body goes to a temporary file as it arrives (a raw CSV/XLSX/JSON body counted against
``max_upload_bytes``; a multipart upload spooled by Starlette), then ``screen_in_worker`` has a
worker process (api/worker_pool.py) read it with the bounds of ``Lesegrenzen`` and the reading
deadline and screen it (screening/auftrag.py) — never on the event loop, nor in its process.
Also the OpenAPI description of the request body.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from advisor.errors import Feldproblem, UngueltigeEingabe
from api import worker_pool
from api.openapi import schema_ref
from api.problems import ApiProblem
from screening.auftrag import Screeningauftrag
from screening.grenzen import Lesegrenzen, zahl

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITEL = "Die Bestandsliste ist ungültig."
#: The multipart envelope around the file (boundaries, part headers, the Stichtag field).
MULTIPART_ZUSCHLAG = 1024 * 1024
STUECK = 65_536
RAW_MEDIA_TYPES = ("text/csv", XLSX, "application/octet-stream")
T = TypeVar("T")


def upload_body_limit(max_upload_bytes: int) -> int:
    """The body limit of the upload routes: the file limit plus the multipart envelope."""
    return max_upload_bytes + MULTIPART_ZUSCHLAG


def _grenzen(request: Request) -> Lesegrenzen:
    settings = request.app.state.settings
    return Lesegrenzen(max_bytes=settings.max_upload_bytes, max_sekunden=settings.read_timeout_seconds)


@dataclass
class Eingang:
    """An upload spooled to a temporary file: the file, its name, media type, Stichtag and hash."""

    datei: IO[bytes]
    name: str
    art: str
    stichtag: Any
    sha256: str

    def close(self) -> None:
        self.datei.close()


async def _spool(request: Request, limit: int) -> tuple[IO[bytes], str]:
    """The raw body into a temporary file (memory up to 1 MB), counted against ``limit``."""
    datei = tempfile.SpooledTemporaryFile(max_size=1_000_000)
    pruefsumme = hashlib.sha256()
    groesse = 0
    try:
        async for chunk in request.stream():
            groesse += len(chunk)
            if groesse > limit:
                raise ApiProblem(
                    413, "anfrage-zu-gross", f"Die Datei ist zu groß (höchstens {zahl(limit // 1_000_000)} MB)."
                )
            pruefsumme.update(chunk)
            datei.write(chunk)
    except BaseException:
        datei.close()
        raise
    datei.seek(0)
    return datei, pruefsumme.hexdigest()


async def form_file(request: Request, feld_fehlt: str) -> Eingang:
    """The multipart upload (field ``datei``; optional ``stichtag``), spooled by Starlette."""
    try:
        form = await request.form(max_files=1, max_fields=10)
    except HTTPException:
        raise UngueltigeEingabe(
            [Feldproblem("datei", "Der Inhalt ist kein gültiges multipart/form-data (höchstens eine Datei).")], TITEL
        ) from None
    datei = form.get("datei")
    if not isinstance(datei, UploadFile) or not datei.filename:
        await form.close()
        raise UngueltigeEingabe([Feldproblem("datei", feld_fehlt)], TITEL)
    pruefsumme = await run_in_threadpool(_sha256, datei.file)
    stichtag = form.get("stichtag")
    return Eingang(datei.file, datei.filename, "datei", stichtag if isinstance(stichtag, str) else None, pruefsumme)


def _sha256(datei: IO[bytes]) -> str:
    pruefsumme = hashlib.sha256()
    while chunk := datei.read(STUECK):
        pruefsumme.update(chunk)
    datei.seek(0)
    return pruefsumme.hexdigest()


async def receive_upload(request: Request) -> Eingang:
    art = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if art == "multipart/form-data":
        return await form_file(request, "Bitte eine Bestandsliste (.csv oder .xlsx) hochladen.")
    if art != "application/json" and art not in RAW_MEDIA_TYPES:
        raise ApiProblem(
            415,
            "format-nicht-unterstuetzt",
            f"Der Inhaltstyp „{art or 'keine Angabe'}“ wird nicht unterstützt. Erwartet: multipart/form-data "
            "(Feld „datei“), text/csv, XLSX oder application/json.",
        )
    datei, pruefsumme = await _spool(request, request.app.state.settings.max_upload_bytes)
    name = "bestand.xlsx" if art == XLSX else "bestand.csv"
    return Eingang(datei, name, art, request.query_params.get("stichtag"), pruefsumme)


def _als_datei(eingang: Eingang, verzeichnis: str) -> str:
    """The spooled upload as a named file in ``verzeichnis`` (a worker process opens it by path)."""
    fd, pfad = tempfile.mkstemp(prefix="ikz-upload-", dir=verzeichnis)
    try:
        with os.fdopen(fd, "wb") as ziel:
            eingang.datei.seek(0)
            shutil.copyfileobj(eingang.datei, ziel, STUECK)
    except BaseException:
        os.unlink(pfad)
        raise
    return pfad


async def screen_in_worker(
    request: Request,
    eingang: Eingang,
    aufgabe: Callable[..., T],
    *args: Any,
    verwerfen: Callable[[T], None] | None = None,
) -> T:
    """Run ``aufgabe(auftrag, *args)`` for the upload in a worker process (api/worker_pool.py):
    reading with the bounds of ``Lesegrenzen`` and the deadline, checking, screening.

    ``app.state.laufende_screenings`` counts the runs in progress (an operational gauge).
    """
    zustand = request.app.state
    verzeichnis = worker_pool.arbeitsverzeichnis()
    pfad = await run_in_threadpool(_als_datei, eingang, verzeichnis)
    auftrag = Screeningauftrag(
        pfad,
        eingang.name,
        eingang.art,
        eingang.stichtag,
        _grenzen(request),
        zustand.regelwerk,
        zustand.satztabellen,
        verzeichnis,
    )
    with _ZAEHLER:
        zustand.laufende_screenings = getattr(zustand, "laufende_screenings", 0) + 1
    try:
        return await worker_pool.ausfuehren(zustand.settings, aufgabe, auftrag, *args, verwerfen=verwerfen)
    finally:
        with _ZAEHLER:
            zustand.laufende_screenings -= 1
        with contextlib.suppress(FileNotFoundError):  # gone with the scratch directory at shutdown
            os.unlink(pfad)


_ZAEHLER = threading.Lock()


SCREENING_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "Die Bestandsliste: als Datei-Upload (multipart/form-data, Feld „datei“, optional "
        "„stichtag“), als CSV- oder XLSX-Inhalt (Stichtag dann als Abfrageparameter) oder als JSON. "
        "Grenzen: 50 MB, 100.000 Zeilen, 16.384 Spalten, 32.767 Zeichen je Zelle, 120 s Lesezeit.",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["datei"],
                    "properties": {
                        "datei": {"type": "string", "format": "binary", "description": "CSV- oder XLSX-Datei"},
                        "stichtag": {
                            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]
                        },
                    },
                },
                "encoding": {"datei": {"contentType": f"text/csv, {XLSX}, application/octet-stream"}},
            },
            "text/csv": {"schema": {"type": "string"}},
            XLSX: {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            "application/json": {"schema": schema_ref("Screeninganfrage")},
        },
    },
    "parameters": [
        {
            "name": "stichtag",
            "in": "query",
            "required": False,
            "description": "Stichtag (JJJJ-MM-TT) für CSV- und XLSX-Inhalte; Standard 2027-01-01.",
            "schema": {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]},
        }
    ],
}

SCREENINGANFRAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["zeilen"],
    "properties": {
        "stichtag": {
            "description": "Stichtag JJJJ-MM-TT; leer oder null: 2027-01-01.",
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}, {"type": "null"}],
        },
        "zeilen": {
            "type": "array",
            "maxItems": 100_000,
            "items": {
                "type": "object",
                "description": "Eine Zeile: {Spaltenüberschrift der Vorlage oder Feldname: Wert}.",
                "additionalProperties": {"type": ["string", "number", "boolean", "null"], "maxLength": 32767},
            },
        },
    },
}
