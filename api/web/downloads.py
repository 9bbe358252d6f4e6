"""Downloads of a result: the four documents of the case (Vereinbarung, Steuerlicher Prüfvermerk,
Antrag auf verbindliche Auskunft, Beschlussvorlage — each PDF and DOCX; ``entwurf.*`` is the
agreement under its old name), the Fallakte (JSON, YAML) and the Bewertung (JSON). JSON is
canonical (sorted keys), so the same case gives the same bytes; documents are dated today.

For a saved case the Bewertung is the one stored with the version (as it was decided); the
documents are rendered from the stored Fallakte with the rules loaded now. A case for which a
document cannot be made (e.g. a party § 23 GkG NRW does not admit to an agreement) gets a German
error page naming the reason, not a 500. Documents are rendered in a worker process
(api/worker_pool.py); the rest is built in the thread pool.
"""

from __future__ import annotations

from typing import Any

import yaml
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from advisor.errors import UngueltigeEingabe
from advisor.fallakte import Fallakte
from api import worker_pool
from api.cases import fallakte_als_dict
from api.jsonout import canonical_json
from api.web import advice
from api.web.form_fallakte import slug
from contracts.dokumente import DOKUMENTARTEN, als_docx, als_pdf, erstelle

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: file name → document art, for the documents of the case (``entwurf`` is the agreement's old name)
DOKUMENT_DATEIEN: dict[str, str] = {"entwurf": "vereinbarung", **{art: art for art in DOKUMENTARTEN}}
DATEIEN: dict[str, str] = {
    **{f"{stamm}.{endung}": typ for stamm in DOKUMENT_DATEIEN for endung, typ in (("pdf", PDF), ("docx", DOCX))},
    "fallakte.json": "application/json",
    "fallakte.yaml": "application/yaml",
    "bewertung.json": "application/json",
}


def _inhalt(request: Request, datei: str, fallakte: Fallakte, saved: Any) -> Any:
    """The file's bytes, or — for a document — the built document, to be rendered."""
    if datei == "fallakte.json":
        return canonical_json(fallakte_als_dict(fallakte)).encode("utf-8")
    if datei == "fallakte.yaml":
        return yaml.safe_dump(fallakte_als_dict(fallakte), allow_unicode=True, sort_keys=False).encode("utf-8")
    if datei == "bewertung.json" and saved is not None:
        return canonical_json(saved.bewertung).encode("utf-8")
    beratung = advice.run_beratung(request.app.state, fallakte)
    if datei == "bewertung.json":
        return canonical_json(advice.beratung_dicts(beratung)[0]).encode("utf-8")
    stamm, _, endung = datei.partition(".")
    return erstelle(DOKUMENT_DATEIEN[stamm], beratung, regelwerk=request.app.state.regelwerk)


async def download_response(request: Request, datei: str, fallakte: Fallakte, saved: Any) -> Response:
    """The file ``datei`` (a key of ``DATEIEN``) as an attachment; rendering runs off the event loop.
    A document the case cannot have is answered with a German error page (422)."""
    try:
        inhalt = await run_in_threadpool(_inhalt, request, datei, fallakte, saved)
        if not isinstance(inhalt, bytes):
            render = als_pdf if datei.endswith(".pdf") else als_docx
            inhalt = await worker_pool.ausfuehren(request.app.state.settings, render, inhalt)
    except UngueltigeEingabe as e:
        from api.web import pages

        return pages.not_found(" ".join(p.meldung for p in e.probleme) or e.titel, status_code=422)
    name = slug(fallakte.bezeichnung)[:60] or "fallakte"
    stem, _, ext = datei.partition(".")
    return Response(
        inhalt,
        media_type=DATEIEN[datei],
        headers={"Content-Disposition": f'attachment; filename="{name}-{stem}.{ext}"'},
    )
