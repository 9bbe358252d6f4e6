"""Downloads of a result: the draft agreement (PDF, DOCX), the Fallakte (JSON, YAML) and the
Bewertung (JSON). JSON is canonical (sorted keys), so the same case gives the same bytes.

For a saved case the Bewertung is the one stored with the version (as it was decided); the draft is
rendered from the stored Fallakte with the rules loaded now.
"""

from __future__ import annotations

from typing import Any

import yaml
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from advisor.fallakte import Fallakte
from api.cases import fallakte_als_daten
from api.jsonout import canonical_json
from api.web import advice
from api.web.form_fallakte import slug
from contracts import render_docx, render_pdf

DATEIEN: dict[str, str] = {
    "entwurf.pdf": "application/pdf",
    "entwurf.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "fallakte.json": "application/json",
    "fallakte.yaml": "application/yaml",
    "bewertung.json": "application/json",
}


def _inhalt(request: Request, datei: str, fallakte: Fallakte, saved: Any) -> bytes:
    if datei == "fallakte.json":
        return canonical_json(fallakte_als_daten(fallakte)).encode("utf-8")
    if datei == "fallakte.yaml":
        return yaml.safe_dump(fallakte_als_daten(fallakte), allow_unicode=True, sort_keys=False).encode("utf-8")
    if datei == "bewertung.json" and saved is not None:
        return canonical_json(saved.bewertung).encode("utf-8")
    beratung = advice.run_beratung(request.app.state, fallakte)
    if datei == "bewertung.json":
        return canonical_json(advice.beratung_dicts(beratung)[0]).encode("utf-8")
    if datei == "entwurf.pdf":
        return render_pdf(beratung)
    return render_docx(beratung)


async def download_response(request: Request, datei: str, fallakte: Fallakte, saved: Any) -> Response:
    """The file ``datei`` (a key of ``DATEIEN``) as an attachment; rendering runs off the event loop."""
    inhalt = await run_in_threadpool(_inhalt, request, datei, fallakte, saved)
    name = slug(fallakte.bezeichnung)[:60] or "fallakte"
    stem, _, ext = datei.partition(".")
    return Response(
        inhalt,
        media_type=DATEIEN[datei],
        headers={"Content-Disposition": f'attachment; filename="{name}-{stem}.{ext}"'},
    )
