"""The figures of the calculation that the § 2b assessment reads (``Kostenkennzahlen``).

``erstattung_jahr`` is the provider's turnover from the service if not taxable: what the
recipients reimburse, without the provider's own share. ``mehrbelastung_bei_steuerpflicht`` is
the recipients' total extra burden if taxable (the provider's own share has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation
from advisor.kosten.rundung import als_euro


@dataclass(slots=True)
class Kostenkennzahlen:
    """Per service, for the calculation year, in EUR (two decimal places)."""

    #: What the recipients reimburse per year if not taxable (net costs + input VAT, all payers
    #: except the provider's own share): the provider's turnover from this service.
    erstattung_jahr: Decimal
    #: The recipients' extra burden per year if the service were taxable (sum over payers).
    mehrbelastung_bei_steuerpflicht: Decimal
    #: Cost lines that are no costs under § 2b Abs. 3 Nr. 2 Buchst. c: Wagnis and profit mark-up.
    wagnis: Decimal
    gewinnaufschlag: Decimal
    #: Imputed interest on equity: allowed by KAG NRW, a risk under § 2b (reads as a return).
    kalkulatorische_zinsen: Decimal


def kennzahlen_der_leistung(k: Leistungskalkulation) -> Kostenkennzahlen:
    erstattung = mehrbelastung = 0
    for a in k.anteile:
        if a.rolle == "empfaenger":
            ns, netto, ust = a.in_cent()
            erstattung += ns
            mehrbelastung += netto + ust - ns
    return Kostenkennzahlen(
        erstattung_jahr=als_euro(erstattung),
        mehrbelastung_bei_steuerpflicht=als_euro(mehrbelastung),
        wagnis=k.wagnis,
        gewinnaufschlag=k.gewinnaufschlag,
        kalkulatorische_zinsen=k.kalkulatorische_zinsen,
    )


def kennzahlen(kalkulation: Kalkulation) -> dict[str, Kostenkennzahlen]:
    """{service id: Kostenkennzahlen} for every calculable service (others are left out)."""
    return {
        k.leistung: kennzahlen_der_leistung(k) for k in kalkulation.leistungen if isinstance(k, Leistungskalkulation)
    }
