"""Re-assessing an organisation's stored cases after a rule change: bounded, resumable, shared.

A **run** (``auswirkungslaeufe``) is one organisation under one rule set (version and SHA-256;
unique per pair). It walks the organisation's own cases in id order, ``BATCH`` at a time, and
keeps its cursor (``letzter_fall``) in the database, so a restart or another worker continues
where it stopped. A worker holds a run by a **lease** (``lease_owner``, ``lease_until``): it takes a
run only when no lease is current, and renews it with every batch — so several server processes
never work on the same run at once, and a stopped one's run is taken over after ``LEASE``.

Per case (its newest version, when that was assessed under another rule set): the case is
assessed again with today's rules (without recommendations first; cheap), and compared with the
stored assessment (advisor/auswirkungen). When a result, a risk or the open questions change, a
**new version** is stored — with recommendations, as any saved version — noted as
``anlass = "regelaenderung"`` with both rule-set versions (``version_anlaesse``); nothing stored
is changed. Each case's before/after is kept in ``auswirkungen`` for the report. A case changed
by a person since it was read is skipped (its new version was assessed with today's rules).

Review: for every version stored because of a rule change, ``zurueck_in_pruefung`` (api/review/
regelaenderung.py) sends a case under review, approved or signed back to review for the new
version, in the same transaction.

Reading happens outside the write transaction, computing outside any transaction, and the batch's
writes in one short transaction — the server keeps answering meanwhile (benchmarks/register.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import orjson
from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

import rules_loader
from advisor.auswirkungen import auswirkung_als_dict, parse_changelog, vergleiche, zwischen
from advisor.auswirkungen.changelog import Aenderungseintrag
from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.errors import IkzFehler
from advisor.kosten import Satztabellen
from advisor.parsing import fallakte_aus_dict
from advisor.regelwerk.modell import Regelwerk
from api import cases as store
from api.audit import Auditeintrag, record
from api.db.models import CaseRow, CaseVersionRow, utc_now
from api.jsonout import canonical_json
from api.register.satztabellen_org import satztabellen_der_organisation
from api.register.tables import AuswirkungRow, AuswirkungslaufRow, VersionAnlassRow
from api.review.regelaenderung import zurueck_in_pruefung

BATCH = 250
LEASE = timedelta(seconds=60)
ANLASS = "regelaenderung"


def changelog() -> list[Aenderungseintrag]:
    """The shipped rule set's changelog, parsed."""
    return parse_changelog((rules_loader.RULES_DIR / "CHANGELOG.md").read_text(encoding="utf-8"))


def _veraltet(organisation_id: int, sha256: str) -> Any:
    return (
        select(CaseRow.id)
        .join(
            CaseVersionRow,
            (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
        )
        .where(CaseRow.organisation_id == organisation_id, CaseVersionRow.regelwerk_sha256 != sha256)
    )


def lauf_starten(session: Session, organisation_id: int, regelwerk: Regelwerk, akteur: str) -> AuswirkungslaufRow:
    """The organisation's run for ``regelwerk`` — the existing one, or a new one (committed)."""
    vorhanden = session.execute(
        select(AuswirkungslaufRow).where(
            AuswirkungslaufRow.organisation_id == organisation_id,
            AuswirkungslaufRow.regelwerk_sha256 == regelwerk.sha256,
        )
    ).scalar_one_or_none()
    if vorhanden is not None:
        return vorhanden
    total = session.execute(
        select(func.count()).select_from(CaseRow).where(CaseRow.organisation_id == organisation_id)
    ).scalar_one()
    jetzt = utc_now()
    row = AuswirkungslaufRow(
        organisation_id=organisation_id,
        regelwerk_version=regelwerk.version,
        regelwerk_sha256=regelwerk.sha256,
        status="wartend",
        gestartet_von=akteur,
        created_at=jetzt,
        updated_at=jetzt,
        total=total,
        done=0,
        letzter_fall=0,
    )
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # another worker created it at the same moment
        session.rollback()
        return lauf_starten(session, organisation_id, regelwerk, akteur)
    return row


def laeufe_fuer_veraltete(session_factory: sessionmaker[Session], regelwerk: Regelwerk) -> int:
    """Start a run for every organisation with a case assessed under another rule set (at start
    of a server with a new rule set); returns how many runs were started."""
    with session_factory() as session:
        orgs = session.execute(
            select(CaseRow.organisation_id)
            .join(
                CaseVersionRow,
                (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
            )
            .where(CaseRow.organisation_id.is_not(None), CaseVersionRow.regelwerk_sha256 != regelwerk.sha256)
            .distinct()
        ).scalars()
        neu = 0
        for org in [o for o in orgs if o is not None]:
            vorher = session.execute(
                select(func.count())
                .select_from(AuswirkungslaufRow)
                .where(
                    AuswirkungslaufRow.organisation_id == org,
                    AuswirkungslaufRow.regelwerk_sha256 == regelwerk.sha256,
                )
            ).scalar_one()
            if not vorher:
                lauf_starten(session, org, regelwerk, "system: neues Regelwerk beim Start")
                neu += 1
        return neu


def _beanspruchen(session_factory: sessionmaker[Session], regelwerk: Regelwerk, arbeiter: str) -> int | None:
    """Take a run of this rule set that no other worker holds; its id, or ``None``."""
    jetzt = utc_now()
    with session_factory() as session:
        kandidaten = session.execute(
            select(AuswirkungslaufRow.id)
            .where(
                AuswirkungslaufRow.regelwerk_sha256 == regelwerk.sha256,
                AuswirkungslaufRow.status.in_(("wartend", "laufend")),
                or_(
                    AuswirkungslaufRow.lease_until.is_(None),
                    AuswirkungslaufRow.lease_until < jetzt,
                    AuswirkungslaufRow.lease_owner == arbeiter,
                ),
            )
            .order_by(AuswirkungslaufRow.id)
        ).scalars()
        for lauf_id in list(kandidaten):
            ergebnis = session.execute(
                update(AuswirkungslaufRow)
                .where(
                    AuswirkungslaufRow.id == lauf_id,
                    or_(
                        AuswirkungslaufRow.lease_until.is_(None),
                        AuswirkungslaufRow.lease_until < jetzt,
                        AuswirkungslaufRow.lease_owner == arbeiter,
                    ),
                )
                .values(lease_owner=arbeiter, lease_until=jetzt + LEASE, status="laufend", updated_at=jetzt)
            )
            session.commit()
            if getattr(ergebnis, "rowcount", 0) == 1:
                return lauf_id
        return None


@dataclass(slots=True)
class _Ergebnis:
    case_id: int
    bezeichnung: str
    version: int
    regelwerk_vorher: str
    diff: dict[str, Any]
    geaendert: bool
    beratung: Any = None
    fallakte: Any = None


def _gleich(vorher: dict[str, Any], bewertung: Any) -> bool:
    """Whether result, risk and open questions (by fact) of every service are as stored — read off
    the new assessment without building its criteria (most cases do not change)."""
    alt = {lb["leistung"]: lb for lb in vorher.get("leistungen", [])}
    if vorher.get("ergebnis") != bewertung.ergebnis or set(alt) != {lb.leistung for lb in bewertung.leistungen}:
        return False
    for lb in bewertung.leistungen:
        a = alt[lb.leistung]
        if a.get("ergebnis") != lb.ergebnis or a.get("risiko") != lb.risiko:
            return False
        if {q["fakt"] for q in a.get("offene_fragen", [])} != {q.fakt for q in lb.offene_fragen}:
            return False
    return True


def _neu_bewerten(
    zeilen: list[Any], regelwerk: Regelwerk, tabellen: Satztabellen, eintraege: list[Aenderungseintrag]
) -> list[_Ergebnis]:
    """Compute before/after for a batch (no database access)."""
    ergebnisse = []
    for case_id, bezeichnung, number, fallakte_json, bewertung_json, version_vorher in zeilen:
        vorher = orjson.loads(bewertung_json)
        try:
            fallakte = fallakte_aus_dict(orjson.loads(fallakte_json))
            beratung = berate(fallakte, regelwerk, tabellen, mit_empfehlungen=False)
        except IkzFehler as fehlerursache:  # a stored case the new rules cannot assess: reported, nothing stored
            fehler = {
                "geaendert": False,
                "fehler": str(fehlerursache)[:500],
                "ergebnis": {"vorher": vorher.get("ergebnis")},
            }
            ergebnisse.append(_Ergebnis(case_id, bezeichnung, number, version_vorher, fehler, False))
            continue
        if _gleich(vorher, beratung.bewertung):
            gleich = {
                "geaendert": False,
                "ergebnis": {"vorher": vorher.get("ergebnis"), "nachher": vorher.get("ergebnis")},
            }
            ergebnisse.append(_Ergebnis(case_id, bezeichnung, number, version_vorher, gleich, False))
            continue
        abschnitte = zwischen(eintraege, version_vorher, regelwerk.version)
        diff = vergleiche(vorher, bewertung_als_dict(beratung.bewertung), abschnitte)
        e = _Ergebnis(case_id, bezeichnung, number, version_vorher, auswirkung_als_dict(diff), diff.geaendert)
        if diff.geaendert:
            e.fallakte = fallakte
            e.beratung = berate(fallakte, regelwerk, tabellen)  # stored like any saved version
        ergebnisse.append(e)
    return ergebnisse


def bearbeite(
    session_factory: sessionmaker[Session],
    read_session_factory: sessionmaker[Session],
    regelwerk: Regelwerk,
    shipped: Satztabellen,
    arbeiter: str | None = None,
    batch: int = BATCH,
) -> bool:
    """Process one batch of a run this worker can take; ``False`` when there is nothing to do."""
    arbeiter = arbeiter or secrets.token_hex(8)
    lauf_id = _beanspruchen(session_factory, regelwerk, arbeiter)
    if lauf_id is None:
        return False
    with read_session_factory() as read:
        lauf = read.get(AuswirkungslaufRow, lauf_id)
        assert lauf is not None
        org, cursor = lauf.organisation_id, lauf.letzter_fall
        tabellen = satztabellen_der_organisation(read, shipped, org)
        zeilen = read.execute(
            select(
                CaseRow.id,
                CaseRow.bezeichnung,
                CaseVersionRow.number,
                CaseVersionRow.fallakte_json,
                CaseVersionRow.bewertung_json,
                CaseVersionRow.regelwerk_version,
                CaseVersionRow.regelwerk_sha256,
            )
            .join(
                CaseVersionRow,
                (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
            )
            .where(CaseRow.organisation_id == org, CaseRow.id > cursor)
            .order_by(CaseRow.id)
            .limit(batch)
        ).all()
    letzter = zeilen[-1][0] if zeilen else cursor
    zu_bewerten = [z[:6] for z in zeilen if z[6] != regelwerk.sha256]
    ergebnisse = _neu_bewerten(zu_bewerten, regelwerk, tabellen, changelog())
    with session_factory() as session:
        zeilen_neu: list[dict[str, Any]] = []
        for e in ergebnisse:
            version_neu = None
            if e.geaendert:
                try:
                    saved = store.add_version(
                        session,
                        e.case_id,
                        e.fallakte,
                        e.beratung,
                        f"Neubewertung wegen Regeländerung {e.regelwerk_vorher} → {regelwerk.version}",
                        e.version,
                    )
                except store.VersionConflict:
                    e.diff = {**e.diff, "uebersprungen": "Der Fall wurde inzwischen geändert und neu bewertet."}
                else:
                    version_neu = saved.number
                    session.add(
                        VersionAnlassRow(
                            case_id=e.case_id,
                            number=saved.number,
                            anlass=ANLASS,
                            regelwerk_von=e.regelwerk_vorher,
                            regelwerk_nach=regelwerk.version,
                            lauf_id=lauf_id,
                            created_at=utc_now(),
                        )
                    )
                    record(
                        session,
                        Auditeintrag(
                            f"system:auswirkungen lauf {lauf_id}",
                            org,
                            "fall_neu_bewerten",
                            f"fall:{e.case_id}",
                            detail=f"version {saved.number} {e.regelwerk_vorher} -> {regelwerk.version}",
                        ),
                    )
                    zurueck_in_pruefung(session, e.case_id, saved.number)
            zeilen_neu.append(
                {
                    "lauf_id": lauf_id,
                    "case_id": e.case_id,
                    "bezeichnung": e.bezeichnung[:300],
                    "version_vorher": e.version,
                    "version_neu": version_neu,
                    "regelwerk_vorher": e.regelwerk_vorher,
                    "geaendert": version_neu is not None,
                    "diff_json": canonical_json(e.diff),
                }
            )
        if zeilen_neu:
            session.execute(insert(AuswirkungRow), zeilen_neu)
        jetzt = utc_now()
        fertig = len(zeilen) < batch
        werte: dict[str, Any] = {
            "letzter_fall": letzter,
            "done": AuswirkungslaufRow.done + len(zeilen),
            "updated_at": jetzt,
            "lease_until": None if fertig else jetzt + LEASE,
            "lease_owner": None if fertig else arbeiter,
        }
        if fertig:
            werte["status"] = "fertig"
        ergebnis = session.execute(
            update(AuswirkungslaufRow)
            .where(AuswirkungslaufRow.id == lauf_id, AuswirkungslaufRow.lease_owner == arbeiter)
            .values(**werte)
        )
        if getattr(ergebnis, "rowcount", 0) != 1:  # the lease was lost (took longer than LEASE): discard
            session.rollback()
            return True
        session.commit()
    return True


def alles_bearbeiten(app_state: Any, arbeiter: str | None = None, stop: Callable[[], bool] = lambda: False) -> int:
    """Process batches until no run is left (or ``stop()``); returns the number of batches.
    One worker name for the whole loop, so that it keeps the lease it renews."""
    arbeiter = arbeiter or secrets.token_hex(8)
    n = 0
    while not stop() and bearbeite(
        app_state.session_factory, app_state.read_session_factory, app_state.regelwerk, app_state.satztabellen, arbeiter
    ):
        n += 1
    return n
