"""The impact of a rule change: POST /auswirkungen (start), GET /auswirkungen?regelwerk=<version>.

Access: the caller's organisation only (its own cases); starting a run needs a role that reviews
or prepares cases (``fall_pruefen`` or ``fall_aendern``) or the management (``leitung_freigeben``);
reading the report needs ``fall_lesen``. The report is also the page /auswirkungen.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from advisor.auswirkungen import versionsschluessel, zwischen
from api.audit import Auditeintrag, record
from api.deps import CaseLister, CurrentRules, DbSession, ReadSession
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.jsonout import CanonicalJSONResponse
from api.problems import ApiProblem
from api.register.auswirkungen import changelog, lauf_starten
from api.register.tables import AuswirkungRow, AuswirkungslaufRow
from api.responses import problem

router = APIRouter(tags=["Regeländerungen"])


def _lauf_als_dict(lauf: AuswirkungslaufRow) -> dict[str, Any]:
    return {
        "lauf": lauf.id,
        "regelwerk": {"version": lauf.regelwerk_version, "sha256": lauf.regelwerk_sha256},
        "status": lauf.status,
        "faelle_gesamt": lauf.total,
        "faelle_geprueft": lauf.done,
        "gestartet_von": lauf.gestartet_von,
        "gestartet_am": lauf.created_at.isoformat(),
        "aktualisiert_am": lauf.updated_at.isoformat(),
    }


def bericht(session: Session, organisation_id: int, version: str | None, aktuell: str) -> dict[str, Any] | None:
    """The organisation's newest run for ``version`` (default: the current rule set) with every
    changed case's before/after and the changelog sections it spans; ``None`` without a run."""
    lauf = session.execute(
        select(AuswirkungslaufRow)
        .where(
            AuswirkungslaufRow.organisation_id == organisation_id,
            AuswirkungslaufRow.regelwerk_version == (version or aktuell),
        )
        .order_by(AuswirkungslaufRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if lauf is None:
        return None
    zeilen = session.execute(
        select(AuswirkungRow).where(AuswirkungRow.lauf_id == lauf.id).order_by(AuswirkungRow.case_id)
    ).scalars()
    geaendert, unveraendert, fehler = [], [], []
    vorher_versionen: set[str] = set()
    for z in zeilen:
        vorher_versionen.add(z.regelwerk_vorher)
        diff = json.loads(z.diff_json)
        eintrag = {
            "fall": z.case_id,
            "bezeichnung": z.bezeichnung,
            "version_vorher": z.version_vorher,
            "version_neu": z.version_neu,
            "regelwerk_vorher": z.regelwerk_vorher,
        }
        if "fehler" in diff:
            fehler.append({**eintrag, "fehler": diff["fehler"]})
        elif diff.get("geaendert"):
            geaendert.append({**eintrag, **diff})
        else:
            unveraendert.append(z.case_id)
    aelteste = min(vorher_versionen, key=versionsschluessel) if vorher_versionen else lauf.regelwerk_version
    abschnitte = zwischen(changelog(), aelteste, lauf.regelwerk_version)
    return {
        "format": "ikz-auswirkungen/1",
        **_lauf_als_dict(lauf),
        "geaendert": geaendert,
        "unveraendert": unveraendert,
        "nicht_bewertbar": fehler,
        "changelog": [{"version": e.version, "titel": e.titel, "text": e.text} for e in abschnitte],
    }


def _darf_starten(p: Principal) -> bool:
    return p.darf(Recht.FALL_PRUEFEN) or p.darf(Recht.FALL_AENDERN) or p.darf(Recht.LEITUNG_FREIGEBEN)


@router.post(
    "/auswirkungen",
    operation_id="startImpactRun",
    summary="Gespeicherte Fälle mit dem aktuellen Regelwerk neu bewerten (im Hintergrund)",
    status_code=202,
    responses={401: problem("Anmeldung fehlt."), 403: problem("Rolle erlaubt das nicht.")},
)
def post_auswirkungen(request: Request, principal: CaseLister, session: DbSession, regelwerk: CurrentRules) -> Response:
    """Startet (oder zeigt) den Lauf der eigenen Organisation für das aktuelle Regelwerk. Der Lauf
    arbeitet im Hintergrund, ist fortsetzbar und überschreibt nichts: geänderte Fälle erhalten eine
    neue Version mit dem Anlass „regelaenderung“."""
    if not _darf_starten(principal):
        raise ApiProblem(403, "keine-berechtigung", "Neu bewerten dürfen Fachamt, Steuer, Rechtsamt und Leitung.")
    lauf = lauf_starten(session, principal.organisation_id, regelwerk, principal.akteur)
    record(
        session,
        Auditeintrag(
            principal.akteur,
            principal.organisation_id,
            "auswirkungen_starten",
            f"lauf:{lauf.id}",
            detail=regelwerk.version,
        ),
    )
    session.commit()
    if request.app.state.settings.auswirkungen_im_hintergrund:
        request.app.state.auswirkungsarbeiter.wecken()
    return CanonicalJSONResponse(_lauf_als_dict(lauf), status_code=202, headers={"Location": "/api/v1/auswirkungen"})


@router.get(
    "/auswirkungen",
    operation_id="getImpactReport",
    summary="Was eine Regeländerung an den gespeicherten Fällen ändert",
    responses={401: problem("Anmeldung fehlt."), 404: problem("Kein Lauf für diese Version.")},
)
def get_auswirkungen(
    principal: CaseLister,
    read: ReadSession,
    regelwerk: CurrentRules,
    version: Annotated[
        str | None, Query(alias="regelwerk", max_length=100, description="Version des Regelwerks")
    ] = None,
) -> Response:
    """Je geändertem Fall vorher/nachher je Leistung (Ergebnis, Risiko, offene Fragen), die Regeln,
    die den Unterschied machen, mit Norm, Quellen und Änderungsvermerk, die neue Version; dazu die
    unveränderten Fälle und die Abschnitte des Änderungsprotokolls."""
    daten = bericht(read, principal.organisation_id, version, regelwerk.version)
    if daten is None:
        raise ApiProblem(
            404,
            "kein-lauf",
            f"Für das Regelwerk {version or regelwerk.version} gibt es keine Neubewertung dieser Organisation.",
        )
    return CanonicalJSONResponse(daten)
