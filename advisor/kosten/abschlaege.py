"""The advance payments (Abschläge) of the calculation year, each an invoice of its own.

Due dates as agreed (``abrechnung.faelligkeit`` and ``faelligkeitstag``): in advance on day d of
the first month of each period (default the 1st), in arrears on day d of its last month (default
its last day), or after the period on day d of the following month (which may fall into January
of the next year). Without an agreement: the last day of each period (monthly: each month's end;
quarterly 31.03., 30.06., 30.09., 31.12.; half-yearly 30.06., 31.12.; yearly 31.12.). A day beyond
the end of a short month falls on that month's last day.

Each recipient pays its annual share in equal instalments; the cents that do not divide evenly go
to the earliest advances (100.00 in 3 → 33.34, 33.33, 33.33). When the service is taxable, each
advance is an invoice of its own: its VAT is the rate × its own net amount, rounded per invoice
— never the annual VAT spread over the instalments (a cent too much on an invoice is owed under
§ 14c UStG). The difference to the annual VAT is settled by the final invoice
(``schlussrechnung``). VAT on advances arises when they are received (§ 13 Abs. 1 Nr. 1
Buchst. a Satz 4 UStG). The provider's own share is no payment and has no advances.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.deutsch import datum
from advisor.kosten.rundung import als_euro, in_cent, teile_gleichmaessig
from advisor.kosten.umsatzsteuer import Anteil, Steuerbetrag, umsatzsteuer_cent

#: Periods of each rhythm as (first month, last month).
PERIODEN: dict[str, tuple[tuple[int, int], ...]] = {
    "monatlich": tuple((m, m) for m in range(1, 13)),
    "vierteljaehrlich": ((1, 3), (4, 6), (7, 9), (10, 12)),
    "halbjaehrlich": ((1, 6), (7, 12)),
    "jaehrlich": ((1, 12),),
}
_RHYTHMUS = {
    "monatlich": ("Monatlich", "Monats"),
    "vierteljaehrlich": ("Vierteljährlich", "Quartals"),
    "halbjaehrlich": ("Halbjährlich", "Halbjahres"),
    "jaehrlich": ("Jährlich", "Jahres"),
}


@dataclass(slots=True)
class Abschlag:
    """One advance payment of one payer: the amount if not taxable (``betrag``) and, if taxable,
    the advance invoice (net, VAT of its own net, gross)."""

    beteiligter: str
    faellig: date
    betrag: Decimal
    steuerpflichtig: Steuerbetrag


def _tag(jahr: int, monat: int, tag: int | None) -> date:
    letzter = calendar.monthrange(jahr, monat)[1]
    return date(jahr, monat, letzter if tag is None else min(tag, letzter))


def faelligkeiten(rhythmus: str, jahr: int, faelligkeit: str | None = None, tag: int | None = None) -> list[date]:
    """Due dates of ``rhythmus`` in ``jahr`` as agreed (see the module docstring)."""
    termine: list[date] = []
    for erster, letzter in PERIODEN[rhythmus]:
        if faelligkeit == "im_voraus":
            termine.append(_tag(jahr, erster, tag or 1))
        elif faelligkeit == "nach_periodenende":
            j, m = (jahr + 1, 1) if letzter == 12 else (jahr, letzter + 1)
            termine.append(_tag(j, m, tag))
        else:  # nachschuessig, or nothing agreed: in the last month, by default on its last day
            termine.append(_tag(jahr, letzter, tag))
    return termine


def faelligkeitsregel(rhythmus: str, jahr: int, faelligkeit: str | None, tag: int | None) -> str:
    """The due-date rule as a German sentence with the dates, for the annex and the agreement."""
    wie = _RHYTHMUS[rhythmus][0]
    regel = faelligkeitsbeschreibung(rhythmus, faelligkeit, tag)
    termine = ", ".join(datum(t) for t in faelligkeiten(rhythmus, jahr, faelligkeit, tag))
    return f"{wie} {regel} fällig: {termine}."


def faelligkeitsbeschreibung(rhythmus: str, faelligkeit: str | None, tag: int | None) -> str:
    """When each advance is due, without the dates of a year: "nachschüssig am letzten Tag jedes
    Quartals", "im Voraus zum 15. jedes Monats" (the words an agreement states the rule in)."""
    zeitraum = _RHYTHMUS[rhythmus][1]
    monatlich = rhythmus == "monatlich"
    if faelligkeit == "im_voraus":
        regel = f"im Voraus zum {tag or 1}. " + ("jedes Monats" if monatlich else f"des ersten Monats jedes {zeitraum}")
    elif faelligkeit == "nach_periodenende":
        regel = f"nach Ablauf jedes {zeitraum} zum {tag}. des Folgemonats"
    elif tag is not None:
        regel = f"nachschüssig zum {tag}. " + ("jedes Monats" if monatlich else f"des letzten Monats jedes {zeitraum}")
    else:
        regel = f"nachschüssig am letzten Tag jedes {zeitraum}"
    if tag is not None and tag > 28:
        regel += " (in kürzeren Monaten am Monatsletzten)"
    return regel


def abschlagsplan(
    anteile: tuple[Anteil, ...],
    rhythmus: str,
    jahr: int,
    steuersatz: Decimal,
    faelligkeit: str | None = None,
    tag: int | None = None,
) -> tuple[Abschlag, ...]:
    """Every recipient's advances, payer by payer, in date order; taxable: VAT per invoice."""
    termine = faelligkeiten(rhythmus, jahr, faelligkeit, tag)
    n = len(termine)
    zaehler, nenner = steuersatz.as_integer_ratio()
    plan: list[Abschlag] = []
    for a in anteile:
        if a.rolle != "empfaenger":
            continue
        ns, netto, _ = a.in_cent()
        betraege = teile_gleichmaessig(als_euro(ns), n)
        netto_raten = teile_gleichmaessig(als_euro(netto), n)
        for k, termin in enumerate(termine):
            n_cent = in_cent(netto_raten[k])
            ust = umsatzsteuer_cent(n_cent, zaehler, nenner)
            plan.append(
                Abschlag(
                    a.beteiligter,
                    termin,
                    betraege[k],
                    Steuerbetrag(netto_raten[k], als_euro(ust), als_euro(n_cent + ust)),
                )
            )
    return tuple(plan)
