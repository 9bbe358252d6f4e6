"""The contract register (tcms.md): the organisation's saved cases as register entries.

One entry per case, from its newest version: parties, subject, Aufgabenfeld, legal form, term and
notice, annual amount, VAT classification with its date and rule-set version, risk, open
questions, status, next deadline, where it came from, and its change log (the versions; a version
made by a rule change is marked). Filter and sort are plain functions over the entries (the web
page and the API use the same ones).

Status: "beendet" when the register records an end or the term is over; otherwise the review
workflow's effective state (api/review: entwurf, in_pruefung, freigegeben, unterzeichnet).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor.bewertung import RISIKO_STUFEN
from advisor.fristen import Frist, fristen, naechste_frist
from advisor.parsing import fallakte_aus_dict
from api.db.models import CaseRow, CaseVersionRow
from api.identity.case_access import visible_to
from api.identity.principal import Principal
from api.register.tables import RegisterAngabenRow, VersionAnlassRow
from api.review.regelaenderung import pruefzustand

STATUS = ("entwurf", "in_pruefung", "freigegeben", "unterzeichnet", "beendet")

SPALTEN = (
    "Fall",
    "Version",
    "Bezeichnung",
    "Beteiligte",
    "Gegenstand",
    "Aufgabenfeld",
    "Rechtsform",
    "Beginn",
    "Ende",
    "Kündigungsfrist (Monate)",
    "Jahresbetrag (EUR)",
    "USt-Einordnung",
    "Bewertet am",
    "Regelwerk",
    "Risiko",
    "Offene Fragen",
    "Status",
    "Nächste Frist",
    "Frist",
    "Herkunft",
    "Eigener Fall",
    "Anlass der Version",
)
SORTIERBAR = {
    "fall": lambda e: e.fall,
    "bezeichnung": lambda e: e.bezeichnung.lower(),
    "jahresbetrag": lambda e: e.jahresbetrag or Decimal(-1),
    "risiko": lambda e: RISIKO_STUFEN.index(e.risiko) if e.risiko in RISIKO_STUFEN else -1,
    "frist": lambda e: e.naechste_frist.datum if e.naechste_frist else date.max,
    "bewertet_am": lambda e: e.bewertet_am,
    "ust": lambda e: e.ust_einordnung,
    "status": lambda e: STATUS.index(e.status) if e.status in STATUS else len(STATUS),
}


@dataclass(frozen=True, slots=True)
class Registereintrag:
    """One cooperation in the register (tcms.md's fields)."""

    fall: int
    version: int
    bezeichnung: str
    beteiligte: tuple[str, ...]
    gegenstand: tuple[str, ...]
    aufgabenfelder: tuple[str, ...]
    rechtsform: str
    beginn: date | None
    ende: date | None
    kuendigungsfrist_monate: int | None
    jahresbetrag: Decimal | None
    ust_einordnung: str
    bewertet_am: datetime
    regelwerk_version: str
    risiko: str
    offene_fragen: tuple[str, ...]
    status: str
    naechste_frist: Frist | None
    fristen: tuple[Frist, ...]
    herkunft: str | None
    eigener_fall: bool
    anlass: str | None

    def als_dict(self, heute: date) -> dict[str, Any]:
        def frist(f: Frist) -> dict[str, Any]:
            return {
                "art": f.art,
                "datum": f.datum.isoformat(),
                "titel": f.titel,
                "leistung": f.leistung,
                "hinweis": f.hinweis,
                "zugang_bis": f.zugang_bis.isoformat() if f.zugang_bis else None,
                "ueberfaellig": f.ueberfaellig(heute),
            }

        return {
            "fall": self.fall,
            "version": self.version,
            "bezeichnung": self.bezeichnung,
            "beteiligte": list(self.beteiligte),
            "gegenstand": list(self.gegenstand),
            "aufgabenfelder": list(self.aufgabenfelder),
            "rechtsform": self.rechtsform,
            "beginn": self.beginn.isoformat() if self.beginn else None,
            "ende": self.ende.isoformat() if self.ende else None,
            "kuendigungsfrist_monate": self.kuendigungsfrist_monate,
            "jahresbetrag": format(self.jahresbetrag, "f") if self.jahresbetrag is not None else None,
            "ust_einordnung": self.ust_einordnung,
            "bewertet_am": self.bewertet_am.isoformat(),
            "regelwerk_version": self.regelwerk_version,
            "risiko": self.risiko,
            "offene_fragen": list(self.offene_fragen),
            "status": self.status,
            "naechste_frist": frist(self.naechste_frist) if self.naechste_frist else None,
            "fristen": [frist(f) for f in self.fristen],
            "herkunft": self.herkunft,
            "eigener_fall": self.eigener_fall,
            "anlass": self.anlass,
        }

    def tabellenzeile(self) -> list[Any]:
        f = self.naechste_frist
        return [
            self.fall,
            self.version,
            self.bezeichnung,
            ", ".join(self.beteiligte),
            "; ".join(self.gegenstand),
            ", ".join(self.aufgabenfelder),
            self.rechtsform,
            self.beginn,
            self.ende,
            self.kuendigungsfrist_monate,
            self.jahresbetrag,
            self.ust_einordnung,
            self.bewertet_am.date(),
            self.regelwerk_version,
            self.risiko,
            " | ".join(self.offene_fragen),
            self.status,
            f.datum if f else None,
            f.titel if f else None,
            self.herkunft,
            self.eigener_fall,
            self.anlass,
        ]


def _jahresbetrag(kalkulation: dict[str, Any], ergebnisse: dict[str, str]) -> Decimal | None:
    """The annual reimbursement as booked: net of VAT for a taxable service, else the amount
    without VAT (which includes the non-deductible input VAT); ``None`` without calculation."""
    werte = [
        Decimal(k["erstattung_steuerpflichtig"]["netto"])
        if ergebnisse.get(k["leistung"]) == "steuerpflichtig"
        else Decimal(k["erstattung_nicht_steuerbar"])
        for k in kalkulation.get("leistungen", [])
        if k.get("kalkulierbar")
    ]
    return sum(werte, Decimal("0.00")) if werte else None


def _risiko(bewertung: dict[str, Any]) -> str:
    stufen = [lb["risiko"] for lb in bewertung.get("leistungen", []) if lb.get("risiko") in RISIKO_STUFEN]
    return max(stufen, key=RISIKO_STUFEN.index) if stufen else "gering"


def eintraege(session: Session, principal: Principal, heute: date) -> list[Registereintrag]:
    """Every case the organisation owns or was given, as a register entry (by case number)."""
    rows = session.execute(
        select(CaseRow, CaseVersionRow)
        .join(
            CaseVersionRow,
            (CaseVersionRow.case_id == CaseRow.id) & (CaseVersionRow.number == CaseRow.latest_version),
        )
        .where(visible_to(principal))
        .order_by(CaseRow.id)
    ).all()
    ids = [c.id for c, _ in rows]
    angaben = {
        a.case_id: a
        for a in session.execute(select(RegisterAngabenRow).where(RegisterAngabenRow.case_id.in_(ids))).scalars()
    }
    anlaesse = {
        (a.case_id, a.number): a
        for a in session.execute(select(VersionAnlassRow).where(VersionAnlassRow.case_id.in_(ids))).scalars()
    }
    ergebnis = []
    for case, version in rows:
        fallakte = fallakte_aus_dict(json.loads(version.fallakte_json))
        bewertung = json.loads(version.bewertung_json)
        kalkulation = json.loads(version.kalkulation_json)
        regime = {lb["leistung"]: lb["regime"] for lb in bewertung.get("leistungen", [])}
        a = angaben.get(case.id)
        liste = fristen(
            fallakte,
            regime,
            heute,
            a.auskunft_beantragt_am if a else None,
            a.auskunft_erteilt_am if a else None,
        )
        laufzeiten = [lz for lz in (s.laufzeit for s in fallakte.leistungen) if lz is not None]
        beginn = min((lz.beginn for lz in laufzeiten), default=None)
        enden = [lz.ende for lz in laufzeiten]
        ende = None if not enden or None in enden else max(e for e in enden if e is not None)
        fristen_monate = [lz.kuendigungsfrist_monate for lz in laufzeiten if lz.kuendigungsfrist_monate is not None]
        if (a and a.beendet_am and a.beendet_am <= heute) or (ende is not None and ende <= heute):
            status = "beendet"
        else:
            status = pruefzustand(session, case.id)
        fragen = tuple(
            dict.fromkeys(q["frage"] for lb in bewertung.get("leistungen", []) for q in lb.get("offene_fragen", []))
        )
        anlass = anlaesse.get((case.id, version.number))
        ergebnis.append(
            Registereintrag(
                fall=case.id,
                version=version.number,
                bezeichnung=case.bezeichnung,
                beteiligte=tuple(b.name for b in fallakte.beteiligte),
                gegenstand=tuple(s.bezeichnung for s in fallakte.leistungen),
                aufgabenfelder=tuple(dict.fromkeys(s.aufgabenfeld for s in fallakte.leistungen)),
                rechtsform=str(fallakte.rechtsform),
                beginn=beginn,
                ende=ende,
                kuendigungsfrist_monate=max(fristen_monate) if fristen_monate else None,
                jahresbetrag=_jahresbetrag(
                    kalkulation, {lb["leistung"]: lb["ergebnis"] for lb in bewertung.get("leistungen", [])}
                ),
                ust_einordnung=version.ergebnis,
                bewertet_am=version.created_at,
                regelwerk_version=version.regelwerk_version,
                risiko=_risiko(bewertung),
                offene_fragen=fragen,
                status=status,
                naechste_frist=naechste_frist(liste, heute),
                fristen=tuple(liste),
                herkunft=f"{a.herkunft_quelle}, Zeile {a.herkunft_zeile}" if a and a.herkunft_quelle else None,
                eigener_fall=case.organisation_id == principal.organisation_id,
                anlass=(
                    f"Regeländerung {anlass.regelwerk_von} → {anlass.regelwerk_nach}" if anlass is not None else None
                ),
            )
        )
    return ergebnis


def filtern(
    liste: Iterable[Registereintrag],
    *,
    suche: str | None = None,
    ust: str | None = None,
    risiko: str | None = None,
    status: str | None = None,
    aufgabenfeld: str | None = None,
) -> list[Registereintrag]:
    """The entries matching every given criterion (text search over title, parties, subject)."""
    text = (suche or "").strip().lower()

    def passt(e: Registereintrag) -> bool:
        if text and text not in " ".join((e.bezeichnung, *e.beteiligte, *e.gegenstand)).lower():
            return False
        if ust and e.ust_einordnung != ust:
            return False
        if risiko and e.risiko != risiko:
            return False
        if status and e.status != status:
            return False
        return not (aufgabenfeld and aufgabenfeld not in e.aufgabenfelder)

    return [e for e in liste if passt(e)]


def sortieren(liste: list[Registereintrag], nach: str = "fall", absteigend: bool = False) -> list[Registereintrag]:
    """Sorted by one of ``SORTIERBAR`` (ties by case number); unknown keys are the caller's check."""
    schluessel = SORTIERBAR[nach]
    return sorted(sorted(liste, key=lambda e: e.fall), key=schluessel, reverse=absteigend)
