"""Rate tables an organisation stores for its cases (issue 16's open step, docs/kosten.md §10).

A table is uploaded as YAML/JSON in the format of rules/tarife/ (``art: kgst_vollkostensatz``),
checked exactly like a table sent with a request, and stored with who checked it and when. A new
upload of the same id is a new version (the old row stays); deleting retires the newest version
(``geloescht_am``), so a case calculated with it can still be explained. The organisation's
cases are calculated with the shipped tables plus its stored ones (``satztabellen_der_organisation``),
which the ``RateTables`` dependency uses for every authenticated caller.
"""

from __future__ import annotations

import functools

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.kosten import Satztabellen
from advisor.kosten.satztabellen import Satztabelle, parse_eigene_satztabelle
from api.db.models import utc_now
from api.identity.principal import Principal
from api.register.tables import EigeneSatztabelleRow

MAX_TABELLEN_JE_ORGANISATION = 20


@functools.lru_cache(maxsize=256)
def geparst(text: str) -> Satztabelle:
    return parse_eigene_satztabelle(text)


def _aktuelle(session: Session, organisation_id: int) -> list[EigeneSatztabelleRow]:
    neueste = (
        select(EigeneSatztabelleRow.kennung, func.max(EigeneSatztabelleRow.version).label("v"))
        .where(EigeneSatztabelleRow.organisation_id == organisation_id)
        .group_by(EigeneSatztabelleRow.kennung)
        .subquery()
    )
    rows = session.execute(
        select(EigeneSatztabelleRow)
        .join(
            neueste,
            (EigeneSatztabelleRow.kennung == neueste.c.kennung) & (EigeneSatztabelleRow.version == neueste.c.v),
        )
        .where(EigeneSatztabelleRow.organisation_id == organisation_id, EigeneSatztabelleRow.geloescht_am.is_(None))
        .order_by(EigeneSatztabelleRow.kennung)
    ).scalars()
    return list(rows)


def gespeicherte_tabellen(session: Session, organisation_id: int) -> list[EigeneSatztabelleRow]:
    """The organisation's current (newest, not deleted) tables, by id."""
    return _aktuelle(session, organisation_id)


def satztabellen_der_organisation(session: Session, shipped: Satztabellen, organisation_id: int | None) -> Satztabellen:
    """The shipped tables plus the organisation's stored ones (``shipped`` without any)."""
    if organisation_id is None:
        return shipped
    rows = _aktuelle(session, organisation_id)
    if not rows:
        return shipped
    return shipped.mit_eigenen([geparst(r.text) for r in rows])


def tabelle_speichern(session: Session, principal: Principal, shipped: Satztabellen, text: str) -> EigeneSatztabelleRow:
    """Check ``text`` and store it as the next version of its id (not committed).

    Raises ``UngueltigeEingabe``: the table is invalid, its id is a shipped table's, or the
    organisation already has the maximum number of tables.
    """
    tabelle = parse_eigene_satztabelle(text)
    if tabelle.id in shipped.tabellen:
        raise UngueltigeEingabe(
            [Feldproblem("id", f"„{tabelle.id}“ ist eine mitgelieferte Tabelle; bitte eine eigene id wählen.")],
            "Die Satztabelle ist ungültig.",
        )
    aktuell = {r.kennung: r for r in _aktuelle(session, principal.organisation_id)}
    if tabelle.id not in aktuell and len(aktuell) >= MAX_TABELLEN_JE_ORGANISATION:
        raise UngueltigeEingabe(
            [Feldproblem("", f"Höchstens {MAX_TABELLEN_JE_ORGANISATION} eigene Satztabellen je Organisation.")],
            "Die Satztabelle kann nicht gespeichert werden.",
        )
    letzte = session.execute(
        select(func.max(EigeneSatztabelleRow.version)).where(
            EigeneSatztabelleRow.organisation_id == principal.organisation_id,
            EigeneSatztabelleRow.kennung == tabelle.id,
        )
    ).scalar_one()
    row = EigeneSatztabelleRow(
        organisation_id=principal.organisation_id,
        kennung=tabelle.id,
        version=(letzte or 0) + 1,
        text=text,
        geprueft_am=utc_now(),
        geprueft_von=principal.akteur,
    )
    session.add(row)
    session.flush()
    return row


def tabelle_loeschen(session: Session, organisation_id: int, kennung: str) -> bool:
    """Retire the current version of ``kennung`` (not committed); ``False`` if there is none."""
    for row in _aktuelle(session, organisation_id):
        if row.kennung == kennung:
            row.geloescht_am = utc_now()
            return True
    return False
