"""The rate-table page (``GET|POST /satztabellen``): check a municipality's own KGSt table and,
optionally, calculate a case with it. Open like the form while ``IKZ_OFFENE_BERECHNUNG``.

The table (YAML/JSON in the format of rules/tarife/) is validated like the shipped ones; the page
shows its derived annual costs per VZÄ or the German errors with their field. With a Fallakte the
case is calculated with the shipped tables plus this one. Nothing is stored (organisations and
their stored tables come with the persistence step); the upload is bounded by the app's body
limit and the document's number of values.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from advisor.beratung import umsatzsteuersatz
from advisor.errors import UngueltigeEingabe
from advisor.kosten import calculate, kalkulation_als_dict
from advisor.kosten.satztabellen import parse_eigene_satztabelle
from advisor.kosten.satztabellen_json import satztabelle_als_dict
from advisor.parsing import check_document_size, fallakte_aus_dict, parse_document
from api.deps import WebComputation
from api.web.render import render_page

router = APIRouter(include_in_schema=False)


def _seite(status_code: int = 200, **werte: Any) -> Response:
    kontext: dict[str, Any] = {"aktiv": "satztabellen", "probleme": [], "tabelle": None, "kalkulation": None}
    kontext["text"] = ""
    kontext.update(werte)
    return render_page("satztabellen.html", status_code=status_code, **kontext)


async def _text(form: Any, datei_feld: str, text_feld: str) -> tuple[str, str | None]:
    """The uploaded file's text, else the pasted text; or an error sentence."""
    datei = form.get(datei_feld)
    text = form.get(text_feld)
    if datei is not None and not isinstance(datei, str) and datei.filename:
        try:
            return (await datei.read()).decode("utf-8-sig"), None
        except UnicodeDecodeError:
            return "", "Die Datei ist keine UTF-8-Textdatei (YAML oder JSON erwartet)."
    return (text if isinstance(text, str) else ""), None


@router.get("/satztabellen")
def satztabellen_seite(request: Request, _principal: WebComputation) -> Response:
    mitgeliefert = [satztabelle_als_dict(t) for _, t in sorted(request.app.state.satztabellen.tabellen.items())]
    return _seite(mitgeliefert=mitgeliefert)


@router.post("/satztabellen")
async def satztabelle_pruefen(request: Request, _principal: WebComputation) -> Response:
    mitgeliefert = [satztabelle_als_dict(t) for _, t in sorted(request.app.state.satztabellen.tabellen.items())]
    async with request.form(max_fields=10, max_files=2) as form:
        text, fehler = await _text(form, "datei", "text")
        fall_text, fall_fehler = await _text(form, "fallakte", "fallakte_text")
    if fehler or fall_fehler:
        return _seite(422, mitgeliefert=mitgeliefert, probleme=[fehler or fall_fehler])
    if not text.strip():
        return _seite(422, mitgeliefert=mitgeliefert, probleme=["Bitte eine Satztabelle auswählen oder einfügen."])
    return await run_in_threadpool(_pruefen, request, mitgeliefert, text, fall_text)


def _pruefen(request: Request, mitgeliefert: list[Any], text: str, fall_text: str) -> Response:
    """Check the table and calculate the case with it (off the event loop)."""
    max_werte = request.app.state.settings.max_document_nodes
    try:
        tabelle = parse_eigene_satztabelle(text, max_values=max_werte)
        tabellen = request.app.state.satztabellen.mit_eigenen([tabelle])
    except UngueltigeEingabe as e:
        return _seite(422, mitgeliefert=mitgeliefert, probleme=[str(p) for p in e.probleme], text=text)
    kalkulation = None
    if fall_text.strip():
        try:
            daten = parse_document(fall_text)
            check_document_size(daten, max_werte)
            fallakte = fallakte_aus_dict(daten)
            satz = umsatzsteuersatz(request.app.state.regelwerk, fallakte.stichtag)
            kalkulation = kalkulation_als_dict(calculate(fallakte, tabellen, satz))
        except UngueltigeEingabe as e:
            probleme = [f"Fallakte: {p}" for p in e.probleme]
            return _seite(
                422, mitgeliefert=mitgeliefert, probleme=probleme, tabelle=satztabelle_als_dict(tabelle), text=text
            )
    return _seite(mitgeliefert=mitgeliefert, tabelle=satztabelle_als_dict(tabelle), kalkulation=kalkulation, text=text)
