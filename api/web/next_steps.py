"""What a finance officer does next with an assessed case ("Nächste Schritte"), derived from the
assessment and the calculation: open questions to clarify, a design that avoids VAT, a binding
ruling where a risk remains, VAT to budget for, and the agreement to adopt, approve and publish
before the Stichtag.

Every step names its source in the case (a question, a recommendation, a risk, an amount); nothing
here decides a tax question — the figures are the calculation's, the outcomes the assessment's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor.bezeichnungen import ERGEBNISSE_KLEIN, RISIKEN
from api.web.german_input import format_date, format_money

_KEINE_UST = {"nicht_steuerbar", "steuerfrei"}
_OERV = {"oerv_delegierend", "oerv_mandatierend"}


@dataclass(frozen=True)
class NaechsterSchritt:
    """One thing to do: a short title, the explanation, and where applicable a link on this page."""

    titel: str
    text: str
    punkte: tuple[str, ...] = ()
    anker: str | None = None


def _betrag(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal(0)


def next_steps(
    daten: dict[str, Any], bewertung: dict[str, Any], kalkulation: dict[str, Any] | None
) -> list[NaechsterSchritt]:
    """The next steps for the case, most urgent first."""
    leistungen = bewertung.get("leistungen", [])
    kalk = {k.get("leistung"): k for k in (kalkulation or {}).get("leistungen", [])}
    stichtag = format_date(str(daten.get("stichtag") or bewertung.get("regelwerk", {}).get("stichtag", "")))
    schritte: list[NaechsterSchritt] = []

    fragen = [f"{lb.get('bezeichnung')}: {q.get('frage')}" for lb in leistungen for q in lb.get("offene_fragen", [])]
    if fragen:
        schritte.append(
            NaechsterSchritt(
                "Offene Fragen klären",
                f"Von {len(fragen)} Angabe{'n' if len(fragen) != 1 else ''} hängt das Ergebnis ab. Klären Sie sie "
                "(etwa mit dem Fachamt oder dem Partner) und tragen Sie die Antworten über „Angaben ändern“ ein.",
                tuple(fragen),
            )
        )

    for n, lb in enumerate(leistungen, start=1):
        empfehlungen = [e for e in lb.get("empfehlungen", []) if e.get("ergebnis_danach") in _KEINE_UST]
        if lb.get("ergebnis") == "steuerpflichtig" and empfehlungen:
            beste = max(empfehlungen, key=lambda e: _betrag(e.get("mehrbelastung_vermieden_eur")))
            betrag = beste.get("mehrbelastung_vermieden_eur")
            schritte.append(
                NaechsterSchritt(
                    f"Gestaltung prüfen: {lb.get('bezeichnung')}",
                    f"{beste.get('massnahme')} Danach: {ERGEBNISSE_KLEIN.get(beste.get('ergebnis_danach'), '')}, "
                    f"Risiko {RISIKEN.get(beste.get('risiko_danach'), beste.get('risiko_danach'))}"
                    + (f"; vermeidet {format_money(betrag)} Mehrbelastung je Jahr." if betrag else "."),
                    anker=f"leistung-{n}-empfehlungen",
                )
            )

    riskant = [lb for lb in leistungen if lb.get("risiko") in ("mittel", "hoch") and lb.get("ergebnis") != "offen"]
    if riskant:
        namen = ", ".join(f"„{lb.get('bezeichnung')}“ (Risiko {RISIKEN.get(lb.get('risiko'))})" for lb in riskant)
        schritte.append(
            NaechsterSchritt(
                "Verbindliche Auskunft erwägen",
                f"Das Ergebnis für {namen} ist mit einem Risiko behaftet. Eine verbindliche Auskunft des "
                "Finanzamts (§ 89 Abs. 2 AO) schafft Sicherheit, bevor die Vereinbarung gilt; sie kann "
                "gebührenpflichtig sein (§ 89 Abs. 3 AO).",
            )
        )

    for n, lb in enumerate(leistungen, start=1):
        if lb.get("ergebnis") != "steuerpflichtig":
            continue
        k = kalk.get(lb.get("leistung")) or {}
        mehr = (k.get("kennzahlen") or {}).get("mehrbelastung_bei_steuerpflicht") if k.get("kalkulierbar") else None
        schritte.append(
            NaechsterSchritt(
                f"Umsatzsteuer einplanen: {lb.get('bezeichnung')}",
                "Der Erbringer stellt die Erstattung mit Umsatzsteuer in Rechnung und meldet sie an; "
                "die Empfänger planen die Mehrbelastung im Haushalt ein"
                + (f" (zusammen {format_money(mehr)} je Jahr)." if mehr else "."),
                anker=f"leistung-{n}-kosten",
            )
        )

    schritte.append(_beschluss(daten, stichtag))
    return schritte


def _beschluss(daten: dict[str, Any], stichtag: str) -> NaechsterSchritt:
    """Adopting the agreement: who decides, and the approval and publication the legal form needs."""
    rechtsform = daten.get("rechtsform")
    nrw = daten.get("bundesland", "NW") == "NW"
    if rechtsform in _OERV and nrw:
        text = (
            "Vereinbarungsentwurf prüfen und anpassen, von Rat bzw. Kreistag beschließen lassen und "
            "unterzeichnen. Die Vereinbarung braucht die Genehmigung der Aufsichtsbehörde und wird erst "
            "nach der öffentlichen Bekanntmachung wirksam (§ 24 GkG NRW)"
        )
    elif rechtsform == "zweckverband" and nrw:
        text = (
            "Die Änderung der Verbandssatzung von der Verbandsversammlung beschließen, von der "
            "Aufsichtsbehörde genehmigen und öffentlich bekannt machen lassen (§§ 9, 20 GkG NRW)"
        )
    else:
        text = (
            "Vereinbarungsentwurf prüfen und anpassen, von den zuständigen Gremien beschließen und "
            "unterzeichnen lassen; Genehmigung und Bekanntmachung richten sich nach dem Landesrecht der "
            "kommunalen Zusammenarbeit"
        )
    return NaechsterSchritt(
        "Vereinbarung beschließen, genehmigen und bekannt machen",
        f"{text}. Alles muss vor dem Stichtag {stichtag} abgeschlossen sein, damit die Vereinbarung ab dann gilt.",
        anker="downloads",
    )
