"""Receiving an inventory upload for ``POST /api/v1/screenings`` and the page ``/screening``.

The body goes to a temporary file as it arrives (a raw CSV/XLSX/JSON body counted against
``max_upload_bytes``; a multipart upload spooled by Starlette), then ``read_and_screen`` reads it
with the bounds of ``Lesegrenzen`` and the reading deadline and screens it — in a worker thread,
never on the event loop. Also the OpenAPI description of the request body.
"""

from __future__ import annotations

import gc
import hashlib
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from advisor.eingabe import datum_lesen
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import STICHTAG_STANDARD, Rohtabelle, Screening
from advisor.screening.bestandszeile import map_headers
from advisor.screening.spalten import SPALTEN
from api.openapi import schema_ref
from api.problems import ApiProblem
from screening.ablage import dateiablage
from screening.grenzen import Lesefrist, Lesegrenzen, zahl
from screening.json_read import read_json_table
from screening.read import open_table
from screening.run import screen_tables, screening_context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITEL = "Die Bestandsliste ist ungültig."
#: The multipart envelope around the file (boundaries, part headers, the Stichtag field).
MULTIPART_ZUSCHLAG = 1024 * 1024
STUECK = 65_536
RAW_MEDIA_TYPES = ("text/csv", XLSX, "application/octet-stream")


def upload_body_limit(max_upload_bytes: int) -> int:
    """The body limit of the upload routes: the file limit plus the multipart envelope."""
    return max_upload_bytes + MULTIPART_ZUSCHLAG


def _stichtag(wert: Any) -> date:
    """The Stichtag as typed: "01.01.2027" or "2027-01-01"; none given: 01.01.2027."""
    if wert is None or (isinstance(wert, str) and not wert.strip()):
        return STICHTAG_STANDARD
    gelesen: date | None = None
    if isinstance(wert, str):
        try:
            gelesen = datum_lesen(wert)
        except ValueError:
            gelesen = None
    if gelesen is None:
        gezeigt = str(wert).strip()[:40]
        raise UngueltigeEingabe(
            [Feldproblem("stichtag", f"„{gezeigt}“ ist kein Datum (Format TT.MM.JJJJ, z. B. 01.01.2027).")],
            "Der Stichtag ist ungültig.",
        )
    return gelesen


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


def read_and_screen(request: Request, eingang: Eingang) -> tuple[Screening, dict[str, str], date]:
    """Read the spooled upload (bounded, with the deadline) and screen it — off the event loop.

    ``app.state.laufende_screenings`` counts the runs in progress (an operational gauge).
    """
    zustand = request.app.state
    with _ZAEHLER:
        zustand.laufende_screenings = getattr(zustand, "laufende_screenings", 0) + 1
    try:
        return _read_and_screen(request, eingang)
    finally:
        with _ZAEHLER:
            zustand.laufende_screenings -= 1


_ZAEHLER = threading.Lock()


def _read_and_screen(request: Request, eingang: Eingang) -> tuple[Screening, dict[str, str], date]:
    grenzen = _grenzen(request)
    frist = Lesefrist(grenzen.max_sekunden)
    if eingang.art == "application/json":
        koepfe, zeilen, stichtag_wert = read_json_table(eingang.datei, dateiablage, grenzen, frist)
        tabelle = Rohtabelle("zeilen", koepfe, iter(zeilen))
    else:
        zeilen = None
        stichtag_wert = eingang.stichtag
        tabelle = open_table(eingang.datei, eingang.name, grenzen, frist)
    try:
        stichtag = _stichtag(stichtag_wert)
        pruefe_kopf(tabelle)
        kontext = screening_context(stichtag, request.app.state.regelwerk, request.app.state.satztabellen)
        try:
            screening = screen_tables([tabelle], kontext=kontext, jobs=1)
        finally:
            gc.unfreeze()  # the run froze its objects to spare the collector; a server lets them go again
        return screening, dict(kontext.vorgaben.aufgabenfelder), stichtag
    finally:
        if zeilen is not None:
            zeilen.close()


def pruefe_kopf(tabelle: Rohtabelle) -> None:
    """A table none of whose headers is a required column is no inventory at all: a 422 naming them.

    (A table that lacks only some required columns is screened; its rows are reported as problems.)
    """
    spalten, _ = map_headers(tabelle)
    if not tabelle.koepfe or any(s.pflicht for s in spalten.values()):
        return
    pflicht = ", ".join(f"„{s.titel}“" for s in SPALTEN if s.pflicht)
    unbekannt = [str(k)[:40] for k in tabelle.koepfe[:200] if k is not None and str(k).strip()][:5]
    gefunden = (
        f" Gefunden: {', '.join(f'„{k}“' for k in unbekannt)}{' …' if len(tabelle.koepfe) > 5 else ''}."
        if unbekannt
        else ""
    )
    raise UngueltigeEingabe(
        [
            Feldproblem(
                "datei" if tabelle.quelle != "zeilen" else "zeilen",
                f"Keine Bestandsliste: keine der Pflichtspalten {pflicht} gefunden.{gefunden} "
                "Bitte die Vorlage verwenden (GET /api/v1/screenings/vorlage.xlsx).",
            )
        ],
        TITEL,
    )


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
