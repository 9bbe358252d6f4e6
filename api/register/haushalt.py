"""Budget lines of stored cases: one case (``plan_fuer``) and every case of an organisation in a
year (``organisationsplan``), with the organisation's account assignment and rate tables.

The calculation is re-run from the stored Fallakte (deterministic, with the organisation's rate
tables); the VAT status per service is the stored assessment's — the decision on record, not
today's rules (a rule change reaches the budget through a new version, api/register/auswirkungen).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import rules_loader
from advisor.errors import UngueltigeEingabe
from advisor.haushalt import (
    Haushaltsplan,
    Kontierung,
    Steigerung,
    haushaltsplan,
    pruefe_zeitraum,
    standardzeitraum,
)
from advisor.kosten import Satztabellen, calculate
from advisor.parsing import fallakte_aus_dict
from advisor.regelwerk.modell import Regelwerk
from advisor.steuersatz import umsatzsteuersaetze
from api.case_types import GespeicherteVersion
from api.db.models import CaseRow, CaseVersionRow, utc_now
from api.identity.case_access import visible_to
from api.identity.principal import Principal
from api.register.tables import KontierungRow


def kontierung_der_organisation(session: Session, organisation_id: int) -> Kontierung:
    """The organisation's stored account assignment (all ``None`` when never set)."""
    row = session.get(KontierungRow, organisation_id)
    if row is None:
        return Kontierung()
    return Kontierung(row.produkt, row.aufwandskonto, row.ertragskonto)


def kontierung_speichern(session: Session, principal: Principal, k: Kontierung) -> None:
    """Store the organisation's account assignment (not committed)."""
    row = session.get(KontierungRow, principal.organisation_id)
    if row is None:
        row = KontierungRow(organisation_id=principal.organisation_id)
        session.add(row)
    row.produkt, row.aufwandskonto, row.ertragskonto = k.produkt, k.aufwandskonto, k.ertragskonto
    row.geaendert_am, row.geaendert_von = utc_now(), principal.akteur


def ergebnisse_der_bewertung(bewertung: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """{service id: (ergebnis, regime)} of a stored assessment."""
    return {lb["leistung"]: (lb["ergebnis"], lb["regime"]) for lb in bewertung.get("leistungen", [])}


def plan_fuer(
    saved: GespeicherteVersion,
    regelwerk: Regelwerk,
    satztabellen: Satztabellen,
    von: int | None,
    bis: int | None,
    eigene: tuple[Steigerung, ...],
    kontierung: Kontierung,
) -> Haushaltsplan:
    """The budget lines of a stored version (default years: calculation year + 3)."""
    fallakte = saved.fallakte()
    kalkulation = calculate(fallakte, satztabellen, umsatzsteuersaetze(regelwerk, fallakte))
    start, ende = standardzeitraum(fallakte, kalkulation)
    von = start if von is None else von
    bis = (von + 3 if von != start else ende) if bis is None else bis
    pruefe_zeitraum(von, bis)
    return haushaltsplan(
        fallakte,
        kalkulation,
        ergebnisse_der_bewertung(saved.bewertung),
        von,
        bis,
        rules_loader.load_budget_defaults(),
        eigene,
        kontierung,
    )


@dataclass(frozen=True, slots=True)
class Fallplan:
    """One case's plan in the organisation's overview, or why it has none."""

    case_id: int
    bezeichnung: str
    version: int
    plan: Haushaltsplan | None
    fehler: str | None


def organisationsplan(
    session: Session,
    principal: Principal,
    regelwerk: Regelwerk,
    satztabellen: Satztabellen,
    jahr: int,
    eigene: tuple[Steigerung, ...],
    kontierung: Kontierung,
) -> Iterator[Fallplan]:
    """Every case the organisation owns or was given, newest version, planned for ``jahr``."""
    rows = session.execute(
        select(
            CaseRow.id,
            CaseRow.bezeichnung,
            CaseVersionRow.number,
            CaseVersionRow.fallakte_json,
            CaseVersionRow.bewertung_json,
        )
        .join(
            CaseVersionRow,
            (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
        )
        .where(visible_to(principal))
        .order_by(CaseRow.id)
    )
    vorgaben = rules_loader.load_budget_defaults()
    for case_id, bezeichnung, number, fallakte_json, bewertung_json in rows:
        try:
            fallakte = fallakte_aus_dict(json.loads(fallakte_json))
            kalkulation = calculate(fallakte, satztabellen, umsatzsteuersaetze(regelwerk, fallakte))
            plan = haushaltsplan(
                fallakte,
                kalkulation,
                ergebnisse_der_bewertung(json.loads(bewertung_json)),
                jahr,
                jahr,
                vorgaben,
                eigene,
                kontierung,
            )
        except UngueltigeEingabe as e:
            yield Fallplan(case_id, bezeichnung, number, None, e.text())
            continue
        yield Fallplan(case_id, bezeichnung, number, plan, None)
