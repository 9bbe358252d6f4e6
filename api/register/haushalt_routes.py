"""Budget lines: GET /cases/{id}/haushalt, GET /haushalt?jahr=, GET/PUT /organisation/kontierung.

JSON ("ikz-haushalt/1"), CSV or XLSX by ``Accept`` (the same safe export as the screening).
Access: reading a case's budget needs the right to read it (404 for another organisation's case);
the overview covers the cases the caller's organisation owns or was given; setting the account
assignment needs ``nutzer_verwalten`` (the organisation's administrator). Every CSV/XLSX export
and every change of the assignment is recorded in the audit trail; database work runs in the
thread pool (plain ``def``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from starlette.responses import Response

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.haushalt import (
    SPALTEN,
    Kontierung,
    Steigerung,
    haushaltsplan_als_dict,
    jaehrliche_steigerung,
    tabellenzeilen,
)
from advisor.haushalt.annahmen import pruefe_prozent
from advisor.haushalt.fortschreibung import als_decimal
from advisor.kosten.rundung import in_cent
from api import cases as store
from api.audit import Auditeintrag, record
from api.deps import CaseLister, CaseReader, CurrentRules, DbSession, ReadSession
from api.identity.dependencies import require
from api.identity.principal import Principal
from api.identity.rollen import Recht
from api.identity.tables import OrganisationRow
from api.jsonout import CanonicalJSONResponse
from api.register.haushalt import kontierung_der_organisation, kontierung_speichern, organisationsplan, plan_fuer
from api.register.medien import CSV, JSON, waehle_medientyp
from api.register.satztabellen_org import satztabellen_der_organisation
from api.register.tabellen_export import CSV_MEDIA, XLSX_MEDIA, csv_bytes, xlsx_bytes
from api.responses import problem

router = APIRouter(tags=["Haushalt"])

_AUTH: dict[int | str, dict[str, Any]] = {
    401: problem("Anmeldung fehlt oder ungültig."),
    403: problem("Rolle erlaubt das nicht."),
}
_TABELLE = {
    "description": "Haushaltsansätze als JSON (ikz-haushalt/1), CSV oder XLSX (nach Accept).",
    "content": {
        "application/json": {"schema": {"type": "object"}},
        "text/csv": {"schema": {"type": "string"}},
        XLSX_MEDIA: {"schema": {"type": "string", "format": "binary"}},
    },
}
Prozent = Annotated[
    str | None, Query(max_length=10, description="eigene Steigerung in % je Jahr ab 01.01. (z. B. 2,5)")
]
Accept = Annotated[str | None, Header()]  # read, never stored; any length the server accepts
KontierungsAdmin = Annotated[Principal, Depends(require(Recht.NUTZER_VERWALTEN))]


def _eigene(personal: str | None, sachkosten: str | None, von: int, bis: int) -> tuple[Steigerung, ...]:
    eigene: list[Steigerung] = []
    probleme: list[Feldproblem] = []
    for gruppe, wert in (("personal", personal), ("sachkosten", sachkosten)):
        if wert is None:
            continue
        p = pruefe_prozent(wert, gruppe, probleme)
        if p is not None:
            eigene.extend(jaehrliche_steigerung(gruppe, p, von, bis))  # type: ignore[arg-type]
    if probleme:
        raise UngueltigeEingabe(probleme, "Die Fortschreibungsannahmen sind ungültig.")
    return tuple(eigene)


def _audit(session: Any, principal: Principal, aktion: str, objekt: str, detail: str) -> None:
    record(session, Auditeintrag(principal.akteur, principal.organisation_id, aktion, objekt, detail=detail))
    session.commit()


def _antwort(medium: str, daten: dict[str, Any], zeilen: list[list[Any]], name: str) -> Response:
    if medium == JSON:
        return CanonicalJSONResponse(daten)
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{"csv" if medium == CSV else "xlsx"}"'}
    if medium == CSV:
        return Response(csv_bytes(SPALTEN, zeilen), media_type=CSV_MEDIA, headers=disposition)
    return Response(xlsx_bytes("Haushalt", SPALTEN, zeilen), media_type=XLSX_MEDIA, headers=disposition)


@router.get(
    "/cases/{case_id}/haushalt",
    operation_id="getCaseBudget",
    summary="Haushaltsansätze eines Falls je Beteiligtem und Jahr",
    responses={200: _TABELLE, **_AUTH, 404: problem("Fall unbekannt (oder nicht sichtbar).")},
)
def get_case_budget(
    request: Request,
    access: CaseReader,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    von: Annotated[int | None, Query(description="erstes Jahr (Standard: Kalkulationsjahr)")] = None,
    bis: Annotated[int | None, Query(description="letztes Jahr (Standard: von + 3, § 84 GO NRW)")] = None,
    personal: Prozent = None,
    sachkosten: Prozent = None,
    accept: Accept = None,
) -> Response:
    """Je Leistung und Jahr die erwarteten Zahlungen jedes Beteiligten (netto, USt, brutto,
    Abschläge nach Fälligkeit) und die Erstattung an den Erbringer, mit allen Annahmen der
    Fortschreibung (Vorgaben mit Quelle oder eigene Werte) und der Kontierung der Organisation."""
    medium = waehle_medientyp(accept)
    saved = store.get_case(read, access.case_id)
    principal = access.principal
    eigene = _eigene(personal, sachkosten, 2000, 2100)
    plan = plan_fuer(
        saved,
        regelwerk,
        satztabellen_der_organisation(read, request.app.state.satztabellen, principal.organisation_id),
        von,
        bis,
        eigene,
        kontierung_der_organisation(read, principal.organisation_id),
    )
    daten = {**haushaltsplan_als_dict(plan), "fall": saved.case_id, "version": saved.number}
    zeilen = list(tabellenzeilen(plan, f"Fall {saved.case_id}: {saved.bezeichnung}"))
    aktion = "haushalt_lesen" if medium == JSON else "haushalt_exportieren"
    _audit(session, principal, aktion, f"fall:{saved.case_id}", f"{plan.von}-{plan.bis} {medium}")
    return _antwort(medium, daten, zeilen, f"haushalt-fall-{saved.case_id}-{plan.von}-{plan.bis}")


def _eigene_beteiligte(org: OrganisationRow) -> tuple[str, str]:
    return org.kennung.strip().lower(), " ".join(org.name.split()).lower()


@router.get(
    "/haushalt",
    operation_id="getOrganisationBudget",
    summary="Haushaltsansätze aller Fälle der Organisation in einem Jahr",
    responses={200: _TABELLE, **_AUTH},
)
def get_organisation_budget(
    request: Request,
    principal: CaseLister,
    read: ReadSession,
    session: DbSession,
    regelwerk: CurrentRules,
    jahr: Annotated[int, Query(ge=2000, le=2100, description="Haushaltsjahr")],
    personal: Prozent = None,
    sachkosten: Prozent = None,
    accept: Accept = None,
) -> Response:
    """Alle Fälle, die der Organisation gehören oder ihr freigegeben sind, für ein Jahr: jede Zeile
    mit `eigene: true`, wenn der Beteiligte die eigene Organisation ist (Kennung = id oder gleicher
    Name); Summen der eigenen Aufwände und Erträge. Fälle ohne Planwerte stehen mit Grund dabei."""
    medium = waehle_medientyp(accept)
    org = read.get(OrganisationRow, principal.organisation_id)
    assert org is not None
    kennung, name = _eigene_beteiligte(org)
    satztabellen = satztabellen_der_organisation(read, request.app.state.satztabellen, principal.organisation_id)
    kontierung = kontierung_der_organisation(read, principal.organisation_id)
    eigene = _eigene(personal, sachkosten, jahr, jahr)
    faelle: list[dict[str, Any]] = []
    zeilen: list[list[Any]] = []
    summe = {"aufwand": [0, 0, 0], "ertrag": [0, 0, 0]}
    for fp in organisationsplan(read, principal, regelwerk, satztabellen, jahr, eigene, kontierung):
        eintrag: dict[str, Any] = {"fall": fp.case_id, "bezeichnung": fp.bezeichnung, "version": fp.version}
        if fp.plan is None:
            faelle.append({**eintrag, "fehler": fp.fehler, "zeilen": []})
            continue
        plan_daten = haushaltsplan_als_dict(fp.plan)
        eigene_zeilen = []
        for j in plan_daten["jahre"]:
            for z in j["zeilen"]:
                z["leistung"] = j["leistung"]
                z["eigene"] = z["beteiligter"].lower() == kennung or " ".join(z["name"].split()).lower() == name
                eigene_zeilen.append(z)
        for z, roh in zip(eigene_zeilen, fp.plan.zeilen, strict=True):
            if z["eigene"]:
                for i, feld in enumerate(("netto", "umsatzsteuer", "brutto")):
                    summe[roh.art][i] += in_cent(getattr(roh, feld))
        faelle.append(
            {
                **eintrag,
                "zeilen": eigene_zeilen,
                "nicht_geplant": plan_daten["nicht_geplant"],
                "annahmen": plan_daten["annahmen"],
            }
        )
        zeilen.extend(tabellenzeilen(fp.plan, f"Fall {fp.case_id}: {fp.bezeichnung}"))

    def euro(cent: int) -> str:
        return format(als_decimal(cent), "f")

    daten = {
        "format": "ikz-haushalt-organisation/1",
        "jahr": jahr,
        "organisation": org.kennung,
        "kontierung": {
            "produkt": kontierung.produkt,
            "aufwandskonto": kontierung.aufwandskonto,
            "ertragskonto": kontierung.ertragskonto,
        },
        "summen_eigene": {
            art: {"netto": euro(w[0]), "umsatzsteuer": euro(w[1]), "brutto": euro(w[2])} for art, w in summe.items()
        },
        "faelle": faelle,
    }
    aktion = "haushalt_lesen" if medium == JSON else "haushalt_exportieren"
    _audit(session, principal, aktion, f"organisation:{org.kennung}", f"jahr {jahr} {medium} {len(faelle)} faelle")
    return _antwort(medium, daten, zeilen, f"haushalt-{org.kennung}-{jahr}")


_KONTEN = Annotated[str | None, Query(max_length=20, pattern=r"^[0-9A-Za-z.\-/ ]*$")]


@router.get("/organisation/kontierung", operation_id="getAccountAssignment", summary="Kontierung der Organisation")
def get_kontierung(principal: CaseLister, read: ReadSession) -> Response:
    """Produkt, Aufwandskonto der Zahler und Ertragskonto des Erbringers (NKF) der eigenen Organisation."""
    k = kontierung_der_organisation(read, principal.organisation_id)
    return CanonicalJSONResponse(
        {"produkt": k.produkt, "aufwandskonto": k.aufwandskonto, "ertragskonto": k.ertragskonto}
    )


@router.put(
    "/organisation/kontierung",
    operation_id="setAccountAssignment",
    summary="Kontierung der Organisation einstellen",
    responses={**_AUTH},
)
def put_kontierung(
    principal: KontierungsAdmin,
    session: DbSession,
    produkt: Annotated[str | None, Query(max_length=50, pattern=r"^[0-9A-Za-z.\-/ ]*$")] = None,
    aufwandskonto: _KONTEN = None,
    ertragskonto: _KONTEN = None,
) -> Response:
    """Stellt die Kontierung ein (leer = nicht eingestellt); nur die Administration der Organisation."""

    def leer(x: str | None) -> str | None:
        return x.strip() or None if x is not None else None

    k = Kontierung(leer(produkt), leer(aufwandskonto), leer(ertragskonto))
    kontierung_speichern(session, principal, k)
    detail = f"produkt={k.produkt} aufwand={k.aufwandskonto} ertrag={k.ertragskonto}"
    _audit(session, principal, "kontierung_aendern", f"organisation:{principal.organisation_kennung}", detail)
    return CanonicalJSONResponse(
        {"produkt": k.produkt, "aufwandskonto": k.aufwandskonto, "ertragskonto": k.ertragskonto}
    )
