"""The figures of a service's cost calculation that the § 2b assessment reads.

The cost calculation (advisor.kosten) produces one ``Kostenkennzahlen`` per service; ``assess``
takes them optionally. Without them, facts that only the calculation can settle (the annual
reimbursement for § 2b Abs. 2 Nr. 1, the VAT burden an advice avoids) stay unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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
