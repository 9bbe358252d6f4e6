"""Rate tables stored per organisation: GET/POST /organisation/rate-tables, DELETE …/{id}.

Storing needs ``fall_aendern`` (who prepares cases maintains the cost basis), reading
``fall_lesen``; another organisation never sees or uses them. Each store and delete is audited.
Once stored, every calculation of the organisation's callers (``RateTables``) can name the table
by its id as ``kosten.satzgrundlage``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from advisor.kosten.satztabellen_json import satztabelle_als_dict
from api.audit import Auditeintrag, record
from api.deps import CaseCreator, CaseLister, DbSession, ReadSession
from api.jsonout import CanonicalJSONResponse
from api.openapi import request_body
from api.problems import ApiProblem
from api.register.satztabellen_org import geparst, gespeicherte_tabellen, tabelle_loeschen, tabelle_speichern
from api.responses import PROBLEM_RESPONSES, problem

router = APIRouter(prefix="/organisation/rate-tables", tags=["Satztabellen"])
MAX_BYTES = 512 * 1024


def _liste(session: Any, organisation_id: int) -> dict[str, Any]:
    return {
        "satztabellen": [
            {
                **satztabelle_als_dict(geparst(r.text)),
                "version": r.version,
                "geprueft_am": r.geprueft_am.isoformat(),
                "geprueft_von": r.geprueft_von,
            }
            for r in gespeicherte_tabellen(session, organisation_id)
        ]
    }


@router.get("", operation_id="listOwnRateTables", summary="Gespeicherte eigene Satztabellen der Organisation")
def list_own(principal: CaseLister, read: ReadSession) -> Response:
    """Die aktuellen eigenen Tabellen (neueste Version je id) mit Prüfdatum und Prüfer."""
    return CanonicalJSONResponse(_liste(read, principal.organisation_id))


@router.post(
    "",
    operation_id="storeOwnRateTable",
    summary="Eigene Satztabelle prüfen und für die Organisation speichern",
    status_code=201,
    openapi_extra=request_body("Satztabelle", "Eine eigene Satztabelle im Format von rules/tarife/ (JSON oder YAML)."),
    responses={401: problem("Anmeldung fehlt."), 403: problem("Rolle erlaubt das nicht."), **PROBLEM_RESPONSES},
)
async def store_own(request: Request, principal: CaseCreator) -> Response:
    """Prüft die Tabelle wie `/rate-tables/validate` und speichert sie als neue Version ihrer id;
    die Fälle der Organisation rechnen ab jetzt damit, wenn sie die id als `satzgrundlage` nennen."""
    teile, groesse = [], 0
    async for stueck in request.stream():
        groesse += len(stueck)
        if groesse > MAX_BYTES:
            raise ApiProblem(413, "zu-gross", f"Eine Satztabelle darf höchstens {MAX_BYTES // 1024} KiB groß sein.")
        teile.append(stueck)
    try:
        text = b"".join(teile).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiProblem(400, "kein-utf8", "Die Satztabelle muss UTF-8-Text sein (YAML oder JSON).") from None

    def speichern() -> dict[str, Any]:
        with request.app.state.session_factory() as session:
            row = tabelle_speichern(session, principal, request.app.state.satztabellen, text)
            eintrag = Auditeintrag(
                principal.akteur,
                principal.organisation_id,
                "satztabelle_speichern",
                f"satztabelle:{row.kennung}",
                detail=f"version {row.version}",
            )
            record(session, eintrag)
            session.commit()
            return _liste(session, principal.organisation_id)

    return CanonicalJSONResponse(await run_in_threadpool(speichern), status_code=201)


@router.delete(
    "/{kennung}",
    operation_id="deleteOwnRateTable",
    summary="Eigene Satztabelle zurückziehen",
    responses={404: problem("Keine solche Tabelle.")},
)
def delete_own(principal: CaseCreator, session: DbSession, kennung: Annotated[str, Path(max_length=100)]) -> Response:
    """Zieht die aktuelle Version zurück (sie bleibt gespeichert, damit frühere Kalkulationen erklärbar bleiben)."""
    if not tabelle_loeschen(session, principal.organisation_id, kennung):
        raise ApiProblem(404, "satztabelle-unbekannt", f"Die Organisation hat keine eigene Satztabelle „{kennung}“.")
    record(
        session,
        Auditeintrag(principal.akteur, principal.organisation_id, "satztabelle_loeschen", f"satztabelle:{kennung}"),
    )
    session.commit()
    return CanonicalJSONResponse(_liste(session, principal.organisation_id))
