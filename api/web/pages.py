"""Building the web pages: check the form, run the advisor, and render form, live panel, result,
comparison and error pages. The routes (api/web/routes.py) only dispatch to these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from advisor.errors import Feldproblem, IkzFehler, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.parsing import check_document_size, fallakte_aus_dict, parse_document
from api.cases import fallakte_als_dict
from api.web import advice
from api.web.error_pages import error_page
from api.web.form_checks import widersprueche
from api.web.form_fallakte import fallakte_dict_aus_formular, form_state
from api.web.form_state import field_id
from api.web.form_view import Formular, errors_by_field
from api.web.render import render_fragment, render_page
from api.web.result_view import fragen_by_field, leistungen_view


@dataclass
class Pruefung:
    """The outcome of checking the form: a valid case and its Beratung, or the problems."""

    fallakte: Fallakte | None
    beratung: Any
    fehler: IkzFehler | None
    feldnamen: dict[str, str] = field(default_factory=dict)
    #: The case as read from the form (for the names of rows in messages).
    daten: dict[str, Any] = field(default_factory=dict)
    #: {form field: why} for values the form implied.
    abgeleitet: dict[str, str] = field(default_factory=dict)

    def probleme(self) -> list[Feldproblem]:
        if isinstance(self.fehler, UngueltigeEingabe):
            return self.fehler.probleme
        if self.fehler is not None:
            return [
                Feldproblem(
                    "",
                    "Der Fall kann mit dem aktuellen Regelwerk nicht bewertet werden. "
                    + str(self.fehler).splitlines()[0],
                )
            ]
        return []


def check_form(request: Request, state: dict[str, Any]) -> Pruefung:
    """Read the form, validate it as a Fallakte and run the Beratung.

    Problems from reading the form (an unreadable number) and from the case model are reported
    together, each at its field; a rule-set defect becomes a German message, never a 500.
    """
    gelesen = fallakte_dict_aus_formular(state)
    eigene = gelesen.probleme

    def pruefung(fallakte: Fallakte | None, beratung: Any, fehler: IkzFehler | None) -> Pruefung:
        return Pruefung(fallakte, beratung, fehler, gelesen.feldnamen, gelesen.daten, gelesen.abgeleitet)

    try:
        fallakte = fallakte_aus_dict(gelesen.daten)
    except UngueltigeEingabe as e:
        schon = {p.pfad for p in eigene}
        # An empty Kennung in a row without a name: the missing name says all (the Kennung is optional).
        neue = [p for p in e.probleme if p.pfad not in schon and p.pfad not in gelesen.ohne_kennung]
        return pruefung(None, None, UngueltigeEingabe(eigene + neue))
    if eigene:
        return pruefung(None, None, UngueltigeEingabe(eigene))
    try:
        beratung = advice.run_beratung(request.app.state, fallakte)
    except IkzFehler as e:
        return pruefung(None, None, e)
    return pruefung(fallakte, beratung, None)


def state_from_fallakte(fallakte: Fallakte) -> dict[str, Any]:
    return form_state(fallakte_als_dict(fallakte))


# --- the form -----------------------------------------------------------------------------------


def field_hints(request: Request, state: dict[str, Any]) -> dict[str, str]:
    """{form field: hint} for what fills a field left empty: the catalogue's default, or a value the
    form implies (a delegating agreement implies "befreiend"), the latter winning."""
    return {
        **advice.katalog_hinweise(state, request.app.state.regelwerk),
        **fallakte_dict_aus_formular(state).abgeleitet,
    }


def _formular(request: Request, state: dict[str, Any], **kwargs: Any) -> Formular:
    app = request.app.state
    return Formular(
        state=state,
        aufgabenfelder=advice.aufgabenfeld_choices(app.regelwerk),
        satzgrundlagen=advice.satzgrundlage_choices(app.satztabellen),
        katalog_hinweise=field_hints(request, state),
        warnungen=widersprueche(state),
        **kwargs,
    )


def _live_context(request: Request, state: dict[str, Any], pruefung: Pruefung) -> dict[str, Any]:
    if pruefung.fallakte is None:
        _, summary = errors_by_field(pruefung.probleme(), pruefung.feldnamen, pruefung.daten)
        return {
            "gueltig": False,
            "probleme": summary,
            "leistungen": [],
            "normen": {},
            "frage_anker": {},
            "fehler_intern": None,
        }
    bewertung, kalkulation = advice.beratung_dicts(pruefung.beratung)
    daten = fallakte_als_dict(pruefung.fallakte)
    anker = {}
    for lb in bewertung.get("leistungen", []):
        for q in lb.get("offene_fragen", []):
            if q.get("feld"):
                anker[f"{lb['leistung']}/{q['fakt']}"] = field_id(q["feld"])
    return {
        "gueltig": True,
        "probleme": [],
        "leistungen": leistungen_view(daten, bewertung, kalkulation),
        "normen": advice.normen(request.app.state.regelwerk),
        "frage_anker": anker,
        "fehler_intern": None,
        "bewertung": bewertung,
        "daten": daten,
    }


def form_page(
    request: Request,
    state: dict[str, Any],
    *,
    fall_id: int | None = None,
    version: int | None = None,
    fokus: str | None = None,
    fokus_meldung: str | None = None,
    live: bool = True,
    fehler: Pruefung | None = None,
    notiz: str = "",
    status_code: int = 200,
    ungespeichert: bool = False,
) -> Response:
    """The five-step form. With ``fehler`` every problem is shown at its field and in a summary;
    with ``live`` the result panel and the open questions are computed server-side (so the form
    is complete without JavaScript). ``ungespeichert``: the page holds entries that exist nowhere
    else (it answers a POST), so leaving it asks first."""
    pruefung = fehler if fehler is not None else (check_form(request, state) if live else None)
    feld_fehler: dict[str, list[str]] = {}
    summary: list[tuple[str, str]] = []
    if fehler is not None:
        feld_fehler, summary = errors_by_field(fehler.probleme(), fehler.feldnamen, fehler.daten)
    fragen: dict[str, list[str]] = {}
    live_html = Markup(
        '<p class="meldung">Das Zwischenergebnis erscheint, sobald die Pflichtangaben vollständig sind.</p>'
    )
    if pruefung is not None:
        context = _live_context(request, state, pruefung)
        live_html = Markup(render_fragment("_live.html", live=context))
        if pruefung.fallakte is not None:
            fragen = fragen_by_field(context["bewertung"], context["daten"])
    formular = _formular(
        request,
        state,
        fehler=feld_fehler,
        fragen=fragen,
        zusammenfassung=summary,
        fokus=fokus,
        fokus_meldung=fokus_meldung,
        fall_id=fall_id,
        version=version,
    )
    return render_page(
        "formular.html",
        status_code=status_code,
        aktiv="formular",
        formular=formular,
        live_html=live_html,
        notiz=notiz,
        ungespeichert=ungespeichert,
    )


def live_response(request: Request, state: dict[str, Any]) -> Response:
    """JSON for the live panel: {"html", "ergebnis", "fragen", "katalog", "warnungen"}; the last
    three map field ids to the text shown at the field."""
    pruefung = check_form(request, state)
    context = _live_context(request, state, pruefung)
    fragen = fragen_by_field(context["bewertung"], context["daten"]) if context["gueltig"] else {}
    hinweise = {**advice.katalog_hinweise(state, request.app.state.regelwerk), **pruefung.abgeleitet}
    warnungen = widersprueche(state)
    body = {
        "html": render_fragment("_live.html", live=context),
        "ergebnis": context["bewertung"]["ergebnis"] if context["gueltig"] else None,
        "fragen": {field_id(k): " ".join(v) for k, v in fragen.items()},
        "katalog": {field_id(k): v for k, v in hinweise.items()},
        "warnungen": {field_id(k): " ".join(v) for k, v in warnungen.items()},
    }
    return JSONResponse(body)


# --- examples, import, errors -------------------------------------------------------------------


def _examples_dir(request: Request) -> Path:
    return Path(request.app.state.settings.examples_dir)


def beispiele(request: Request) -> list[dict[str, str]]:
    """The shipped examples: name (file stem) and title."""
    out = []
    for path in sorted(_examples_dir(request).glob("*.yaml")):
        try:
            fallakte = fallakte_aus_dict(parse_document(path.read_text(encoding="utf-8")))
        except (UngueltigeEingabe, OSError):
            continue
        out.append({"name": path.stem, "bezeichnung": fallakte.bezeichnung})
    return out


def beispiel_fallakte(request: Request, name: str) -> Fallakte | None:
    """The example called ``name`` (a file stem of the examples directory), or None."""
    known = {p.stem: p for p in _examples_dir(request).glob("*.yaml")}
    path = known.get(name)
    if path is None:
        return None
    return fallakte_aus_dict(parse_document(path.read_text(encoding="utf-8")))


def parse_upload(request: Request, text: str) -> Fallakte:
    """An imported YAML/JSON text → Fallakte, with the API's bound on the document size."""
    daten = parse_document(text)
    check_document_size(daten, request.app.state.settings.max_document_nodes)
    return fallakte_aus_dict(daten)


def import_error(probleme: list[str], text: str) -> Response:
    return render_page("import.html", status_code=422, aktiv="import", probleme=probleme, text=text)


def not_found(meldung: str, status_code: int = 404) -> Response:
    """The German error page (404 unless said otherwise) with ``meldung``."""
    return error_page(status_code, meldung)
