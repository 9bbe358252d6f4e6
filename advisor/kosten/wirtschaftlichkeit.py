"""Is the cooperation worth it? (kosten.md §5, Wirtschaftlichkeitsvergleich)

Per recipient and year: its own full cost without the cooperation (``eigenerstellung``) against
its share plus the costs that stay with it anyway (``remanenzkosten``), without VAT and — if the
service were taxable — with VAT. The saving (negative = the cooperation costs more) in EUR and in
% of the own cost, and the break-even VAT burden: the largest extra burden the cooperation can
bear before it stops paying off (= the saving without VAT).

A recipient without ``eigenerstellung`` gets no comparison (``None``), never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.fallakte import Kosten
from advisor.kosten.rundung import NULL, prozentsatz
from advisor.kosten.umsatzsteuer import Anteil


@dataclass(slots=True)
class Eigenerstellungsvergleich:
    """One recipient's comparison with doing the task alone, in EUR per year."""

    beteiligter: str
    eigenerstellung: Decimal
    remanenzkosten: Decimal
    remanenzkosten_angegeben: bool
    kosten_kooperation_nicht_steuerbar: Decimal
    kosten_kooperation_steuerpflichtig: Decimal
    ersparnis_nicht_steuerbar: Decimal
    ersparnis_nicht_steuerbar_prozent: Decimal | None
    ersparnis_steuerpflichtig: Decimal
    ersparnis_steuerpflichtig_prozent: Decimal | None
    tragbare_mehrbelastung: Decimal


def vergleiche(kosten: Kosten, anteile: tuple[Anteil, ...]) -> dict[str, Eigenerstellungsvergleich]:
    """{recipient id: Vergleich} for every recipient whose own cost the case gives."""
    eigen = kosten.eigenerstellung or {}
    remanenz = kosten.remanenzkosten or {}
    ergebnis: dict[str, Eigenerstellungsvergleich] = {}
    for a in anteile:
        if a.rolle != "empfaenger" or a.beteiligter not in eigen:
            continue
        e = eigen[a.beteiligter]
        r = remanenz.get(a.beteiligter)
        bleibt = r if r is not None else NULL
        mit_ns = a.nicht_steuerbar + bleibt
        mit_st = a.steuerpflichtig.brutto + bleibt
        ergebnis[a.beteiligter] = Eigenerstellungsvergleich(
            beteiligter=a.beteiligter,
            eigenerstellung=e,
            remanenzkosten=bleibt,
            remanenzkosten_angegeben=r is not None,
            kosten_kooperation_nicht_steuerbar=mit_ns,
            kosten_kooperation_steuerpflichtig=mit_st,
            ersparnis_nicht_steuerbar=e - mit_ns,
            ersparnis_nicht_steuerbar_prozent=prozentsatz(e - mit_ns, e),
            ersparnis_steuerpflichtig=e - mit_st,
            ersparnis_steuerpflichtig_prozent=prozentsatz(e - mit_st, e),
            tragbare_mehrbelastung=max(e - mit_ns, NULL),
        )
    return ergebnis
