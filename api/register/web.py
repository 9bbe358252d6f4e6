"""The register's pages: ``GET /register`` (filter and sort by GET form, links to the exports) and
``GET /auswirkungen`` (the impact report of the current or a given rule set).

Both need a signed-in person (without: redirect to the sign-in page, which returns here) and show
only the caller's organisation's cases; the exports are the API's (``/api/v1/register`` with
``Accept``, audited).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import RedirectResponse, Response

from api.audit import Auditeintrag, record
from api.deps import Caller
from api.identity.rollen import Recht
from api.register import register
from api.register.auswirkungen_routes import bericht
from api.register.register_routes import heute
from api.register.tabellen_export import CSV_MEDIA, XLSX_MEDIA, csv_bytes, xlsx_bytes
from api.web.render import render_page

router = APIRouter()
SORTIERUNG = {
    "frist": "Nächste Frist",
    "fall": "Fallnummer",
    "bezeichnung": "Bezeichnung",
    "jahresbetrag": "Jahresbetrag",
    "risiko": "Risiko",
    "ust": "USt-Einordnung",
    "status": "Status",
    "bewertet_am": "Bewertet am",
}
Text = Annotated[str | None, Query(max_length=200)]


def _anmelden(pfad: str) -> Response:
    return RedirectResponse(f"/anmelden?weiter={pfad}", status_code=303)


@router.get("/register")
def register_seite(
    request: Request,
    caller: Caller,
    suche: Text = None,
    ust: Text = None,
    risiko: Text = None,
    status: Text = None,
    aufgabenfeld: Text = None,
    sortierung: Text = "frist",
    absteigend: bool = False,
) -> Response:
    if caller is None:
        return _anmelden("/register")
    if not caller.darf(Recht.FALL_LESEN):
        return render_page("zugriff_verweigert.html", status_code=403)
    sortierung = sortierung if sortierung in register.SORTIERBAR else "frist"
    tag = heute()
    with request.app.state.read_session_factory() as session:
        alle = register.eintraege(session, caller, tag)
    gefiltert = register.filtern(
        alle,
        suche=suche,
        ust=ust or None,
        risiko=risiko or None,
        status=status or None,
        aufgabenfeld=aufgabenfeld or None,
    )
    return render_page(
        "register.html",
        aktiv="register",
        eintraege=register.sortieren(gefiltert, sortierung, absteigend),
        anzahl=len(alle),
        heute=tag,
        filter={
            "suche": suche or "",
            "ust": ust or "",
            "risiko": risiko or "",
            "status": status or "",
            "aufgabenfeld": aufgabenfeld or "",
        },
        sortierung=sortierung,
        absteigend=absteigend,
        sortieroptionen=SORTIERUNG,
        ust_werte=sorted({e.ust_einordnung for e in alle}),
        aufgabenfelder=sorted({a for e in alle for a in e.aufgabenfelder}),
        status_werte=register.STATUS,
    )


@router.get("/register/export.{endung}")
def register_export(
    request: Request,
    caller: Caller,
    endung: str,
    suche: Text = None,
    ust: Text = None,
    risiko: Text = None,
    status: Text = None,
    aufgabenfeld: Text = None,
    sortierung: Text = "frist",
    absteigend: bool = False,
) -> Response:
    """The filtered register as CSV or XLSX for the signed-in person (audited like the API's)."""
    if caller is None:
        return _anmelden("/register")
    if endung not in ("csv", "xlsx"):
        return Response(status_code=404)
    if not caller.darf(Recht.FALL_LESEN):
        return render_page("zugriff_verweigert.html", status_code=403)
    tag = heute()
    with request.app.state.read_session_factory() as session:
        alle = register.eintraege(session, caller, tag)
    liste = register.sortieren(
        register.filtern(
            alle,
            suche=suche,
            ust=ust or None,
            risiko=risiko or None,
            status=status or None,
            aufgabenfeld=aufgabenfeld or None,
        ),
        sortierung if sortierung in register.SORTIERBAR else "frist",
        absteigend,
    )
    with request.app.state.session_factory() as session:
        record(
            session,
            Auditeintrag(
                caller.akteur,
                caller.organisation_id,
                "register_exportieren",
                f"organisation:{caller.organisation_kennung}",
                detail=f"{len(liste)} faelle {endung}",
            ),
        )
        session.commit()
    zeilen = [e.tabellenzeile() for e in liste]
    kopf = {"Content-Disposition": f'attachment; filename="vertragsregister.{endung}"'}
    if endung == "csv":
        return Response(csv_bytes(register.SPALTEN, zeilen), media_type=CSV_MEDIA, headers=kopf)
    return Response(xlsx_bytes("Vertragsregister", register.SPALTEN, zeilen), media_type=XLSX_MEDIA, headers=kopf)


@router.get("/auswirkungen")
def auswirkungen_seite(request: Request, caller: Caller, regelwerk: Text = None) -> Response:
    if caller is None:
        return _anmelden("/auswirkungen")
    if not caller.darf(Recht.FALL_LESEN):
        return render_page("zugriff_verweigert.html", status_code=403)
    aktuell = request.app.state.regelwerk.version
    with request.app.state.read_session_factory() as session:
        daten = bericht(session, caller.organisation_id, regelwerk, aktuell)
    return render_page("auswirkungen.html", aktiv="auswirkungen", bericht=daten, version=regelwerk or aktuell)
