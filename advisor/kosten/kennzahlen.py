"""The figures of the calculation that the § 2b assessment reads (``Kostenkennzahlen``).

``erstattung_jahr`` is the provider's turnover from the service if not taxable: what the
recipients reimburse, without the provider's own share. ``mehrbelastung_bei_steuerpflicht`` is
the recipients' total extra burden if taxable (the provider's own share has none).
"""

from __future__ import annotations

from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation
from advisor.kosten.rundung import als_euro
from advisor.kostenkennzahlen import Kostenkennzahlen


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
