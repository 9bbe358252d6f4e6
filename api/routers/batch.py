"""Bulk routes for budgeting software: ``POST /assessments:batch`` and ``POST /calculations:batch``.

Request: NDJSON (``application/x-ndjson``; also ``application/jsonl``), one Fallakte per line as a
JSON object; blank lines are skipped. Limits (``Settings``): at most ``max_batch_lines`` lines
(default 10,000) and ``max_batch_bytes`` bytes (default 64 MiB) — either is a 413 problem before
any result is sent — and ``max_body_bytes`` per line (default 2 MB; a longer line is a 413 problem
of that line). The body is spooled to a temporary file while it arrives and counted.

Response: NDJSON, streamed, one line per input line in the same order:
``{"zeile": 3, "bewertung": {…}}`` (or ``"kalkulation"``), or ``{"zeile": 4, "problem": {type,
title, status, detail, errors}}`` with a German ``detail`` naming the line and the fields. The
lines are computed a few dozen at a time in a worker thread, so the server stays responsive.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from typing import IO, Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from api.batch import NDJSON, NDJSON_MEDIA_TYPES, Rechner, assessment, calculation, ndjson_lines, process_line
from api.deps import AppSettings, CurrentRules, RateTables
from api.documents import media_type
from api.openapi import schema_ref
from api.problems import ApiProblem
from api.responses import PROBLEM_RESPONSES
from api.settings import Settings

router = APIRouter(tags=["Stapelverarbeitung"])
ZEILEN_JE_SCHRITT = 50


def _body(was: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "NDJSON: je Zeile eine Fallakte (ikz-fallakte/1) als JSON-Objekt. Höchstens 10.000 Zeilen "
            "und 64 MiB, je Zeile höchstens 2 MB (Einstellungen IKZ_MAX_BATCH_LINES, IKZ_MAX_BATCH_BYTES, "
            "IKZ_MAX_BODY_BYTES).",
            "content": {
                media: {
                    "schema": {
                        "type": "string",
                        "description": "Zeilen, jede ein Objekt wie " + schema_ref("Fallakte")["$ref"],
                    }
                }
                for media in (NDJSON, "application/jsonl")
            },
        }
    }


def _responses(feld: str, schema: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": f'NDJSON, je Eingabezeile eine Zeile in derselben Reihenfolge: {{"zeile": n, "{feld}": '
            f'{schema}}} oder {{"zeile": n, "problem": Problem}}.',
            "content": {NDJSON: {"schema": {"type": "string"}}},
        },
        **PROBLEM_RESPONSES,
    }


async def _spool(request: Request, settings: Settings) -> IO[bytes]:
    """The body into a temporary file, counting bytes and lines as it arrives (413 at a limit)."""
    art = media_type(request)
    if art not in NDJSON_MEDIA_TYPES:
        raise ApiProblem(
            415,
            "format-nicht-unterstuetzt",
            f"Der Inhaltstyp „{art or 'keine Angabe'}“ wird nicht unterstützt. Bitte als Content-Type "
            "„application/x-ndjson“ angeben (je Zeile eine Fallakte als JSON).",
        )
    datei = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)
    groesse = zeilen = 0
    letztes = b"\n"
    try:
        async for chunk in request.stream():
            groesse += len(chunk)
            if groesse > settings.max_batch_bytes:
                raise ApiProblem(
                    413,
                    "stapel-zu-gross",
                    f"Der Stapel ist zu groß (höchstens {settings.max_batch_bytes:,} Bytes).".replace(",", "."),
                )
            zeilen += chunk.count(b"\n")
            if chunk:
                letztes = chunk[-1:]
            if zeilen > settings.max_batch_lines:
                raise _zu_viele_zeilen(settings)
            datei.write(chunk)
        if letztes != b"\n" and zeilen + 1 > settings.max_batch_lines:
            raise _zu_viele_zeilen(settings)
    except BaseException:
        datei.close()
        raise
    datei.seek(0)
    return datei


def _zu_viele_zeilen(settings: Settings) -> ApiProblem:
    return ApiProblem(
        413,
        "stapel-zu-viele-zeilen",
        f"Der Stapel hat zu viele Zeilen (höchstens {settings.max_batch_lines:,}).".replace(",", "."),
    )


def _schritt(zeilen: Any, rechne: Rechner, settings: Settings) -> bytes:
    """The next ``ZEILEN_JE_SCHRITT`` lines, processed (in a worker thread)."""
    aus = []
    for nummer, roh in zeilen:
        aus.append(
            process_line(
                nummer,
                roh,
                rechne,
                max_line_bytes=settings.max_body_bytes,
                max_nodes=settings.max_document_nodes,
            )
        )
        if len(aus) >= ZEILEN_JE_SCHRITT:
            break
    return b"".join(aus)


async def _results(datei: IO[bytes], rechne: Rechner, settings: Settings) -> AsyncIterator[bytes]:
    try:
        zeilen = ndjson_lines(datei, settings.max_body_bytes)
        while teil := await run_in_threadpool(_schritt, zeilen, rechne, settings):
            yield teil
    finally:
        datei.close()


async def _batch(request: Request, settings: Settings, rechne: Rechner) -> Response:
    datei = await _spool(request, settings)
    return StreamingResponse(_results(datei, rechne, settings), media_type=NDJSON)


@router.post(
    "/assessments:batch",
    summary="Viele Fallakten bewerten (NDJSON)",
    operation_id="assessCasesBatch",
    openapi_extra=_body("bewertung"),
    responses=_responses("bewertung", "Bewertung"),
)
async def post_assessments_batch(
    request: Request, settings: AppSettings, regelwerk: CurrentRules, satztabellen: RateTables
) -> Response:
    """Je Zeile eine Fallakte → je Zeile eine Bewertung oder ein Problem dieser Zeile, gestreamt."""
    return await _batch(request, settings, assessment(regelwerk, satztabellen))


@router.post(
    "/calculations:batch",
    summary="Viele Fallakten kalkulieren (NDJSON)",
    operation_id="calculateCasesBatch",
    openapi_extra=_body("kalkulation"),
    responses=_responses("kalkulation", "Kalkulation"),
)
async def post_calculations_batch(
    request: Request, settings: AppSettings, regelwerk: CurrentRules, satztabellen: RateTables
) -> Response:
    """Je Zeile eine Fallakte → je Zeile eine Kalkulation oder ein Problem dieser Zeile, gestreamt."""
    return await _batch(request, settings, calculation(regelwerk, satztabellen))
