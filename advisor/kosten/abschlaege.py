"""The schedule of advance payments (Abschläge) in the calculation year.

Convention: an advance is due on the LAST day of its period — monthly on the last day of each
month, quarterly on 31.03., 30.06., 30.09. and 31.12., half-yearly on 30.06. and 31.12., yearly on
31.12. of ``kalkulationsjahr``. Each payer's advances add up exactly to its annual share; the
cents that do not divide evenly go to the earliest advances (100.00 in 3 → 33.34, 33.33, 33.33).
The provider's own share is no payment and has no advances.

Each advance carries the amount if not taxable (``betrag``) and, if taxable, net, VAT and gross
(VAT on advances arises when they are received, § 13 Abs. 1 Nr. 1 Buchst. a Satz 4 UStG).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.kosten.rundung import teile_gleichmaessig
from advisor.kosten.umsatzsteuer import Anteil, Steuerbetrag

MONATE = {
    "monatlich": tuple(range(1, 13)),
    "vierteljaehrlich": (3, 6, 9, 12),
    "halbjaehrlich": (6, 12),
    "jaehrlich": (12,),
}


@dataclass(slots=True)
class Abschlag:
    """One advance payment of one payer."""

    beteiligter: str
    faellig: date
    betrag: Decimal
    steuerpflichtig: Steuerbetrag


def faelligkeiten(rhythmus: str, jahr: int) -> list[date]:
    """Due dates of ``rhythmus`` in ``jahr``: the last day of each period."""
    return [date(jahr, m, calendar.monthrange(jahr, m)[1]) for m in MONATE[rhythmus]]


def abschlagsplan(anteile: tuple[Anteil, ...], rhythmus: str, jahr: int) -> tuple[Abschlag, ...]:
    """Every recipient's advances, payer by payer, in date order."""
    termine = faelligkeiten(rhythmus, jahr)
    n = len(termine)
    plan: list[Abschlag] = []
    for a in anteile:
        if a.rolle != "empfaenger":
            continue
        betraege = teile_gleichmaessig(a.nicht_steuerbar, n)
        netto = teile_gleichmaessig(a.steuerpflichtig.netto, n)
        ust = teile_gleichmaessig(a.steuerpflichtig.umsatzsteuer, n)
        for k, tag in enumerate(termine):
            plan.append(Abschlag(a.beteiligter, tag, betraege[k], Steuerbetrag(netto[k], ust[k], netto[k] + ust[k])))
    return tuple(plan)
