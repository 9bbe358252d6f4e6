"""The reimbursable annual cost of a service as the documents state it, taken from the calculation.

The calculation (JSON view of ``advisor.kosten``) gives the net cost lines, the input VAT paid on
them and two totals: the reimbursement if the service is not taxable (net cost plus all input
VAT, which then is a cost) and the net reimbursement if it is taxable (net cost plus only the input
VAT the provider cannot deduct). The documents show the total that applies, and how it is made up,
so that every amount in the cost clause is a visible total of the cost annex.

Nothing is summed anew: the parts come from the calculation, and a calculation whose parts do not
add up to its own total is reported as an internal error (``KalkulationWiderspruechlich``) instead
of being shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contracts.formatting import parse_money

_MIT_VORSTEUERABZUG = ("steuerpflichtig",)


class KalkulationWiderspruechlich(RuntimeError):
    """The calculation's parts do not add up to its own total (a defect of the calculation)."""


@dataclass(frozen=True, slots=True)
class Kostenbasis:
    """What a service costs a year as reimbursable: net cost lines, the input VAT that stays a
    cost, and the total (net of any VAT on the reimbursement itself)."""

    kosten_netto: Decimal
    vorsteuer_gezahlt: Decimal
    vorsteuer_nicht_abziehbar: Decimal
    erstattungsfaehig: Decimal
    steuerpflichtig: bool
    #: Unit price × planned quantity minus the cost (``stueckpreis`` keys only; else 0): what the
    #: payers pay beyond (or, negative, below) the cost at the planned quantities.
    kostendeckung: Decimal = Decimal("0.00")

    @property
    def kosten(self) -> Decimal:
        """The cost of the year: net cost lines plus the input VAT that stays a cost."""
        return self.kosten_netto + self.vorsteuer_nicht_abziehbar


def kostenbasis(kalkulation: Mapping[str, Any], ergebnis: str) -> Kostenbasis:
    """The cost basis of one service for its assessment result.

    Taxable (``steuerpflichtig``): the provider deducts ``vorsteuerabzug_bei_steuerpflicht``; the
    rest of the input VAT stays a cost; the total is ``erstattung_steuerpflichtig.netto``. Every
    other result (not taxable, exempt, open): all input VAT is a cost; the total is
    ``erstattung_nicht_steuerbar``. With a unit price the payers pay price × planned quantity: the
    total is the cost plus the calculation's ``kostendeckung`` of that column.

    Raises:
        KalkulationWiderspruechlich: net cost plus non-deductible input VAT differs from the total.
    """
    netto = parse_money(kalkulation["kosten_netto"])
    vorsteuer = parse_money(kalkulation["vorsteuer"])
    preis = kalkulation.get("stueckpreis")
    steuerpflichtig = ergebnis in _MIT_VORSTEUERABZUG
    deckung = Decimal("0.00")
    if steuerpflichtig:
        abzug = parse_money(kalkulation.get("vorsteuerabzug_bei_steuerpflicht") or kalkulation["vorsteuer"])
        gesamt = parse_money(kalkulation["erstattung_steuerpflichtig"]["netto"])
        bleibt = vorsteuer - abzug
        if isinstance(preis, Mapping):
            deckung = parse_money(preis["kostendeckung_steuerpflichtig"])
    else:
        # With a unit price, erstattung_nicht_steuerbar is the cost; the payers pay price × quantity.
        gesamt = parse_money(kalkulation["erstattung_nicht_steuerbar"])
        bleibt = vorsteuer
        if isinstance(preis, Mapping):
            deckung = parse_money(preis["kostendeckung_nicht_steuerbar"])
            if netto + bleibt != gesamt:
                raise KalkulationWiderspruechlich(
                    f"Kalkulation der Leistung „{kalkulation.get('leistung')}“: Kosten {netto} + Vorsteuer {bleibt} "
                    f"ergeben nicht die Kosten {gesamt}."
                )
            gesamt += deckung
    if netto + bleibt + deckung != gesamt:
        raise KalkulationWiderspruechlich(
            f"Kalkulation der Leistung „{kalkulation.get('leistung')}“: Kosten {netto} + nicht abziehbare "
            f"Vorsteuer {bleibt} ergeben nicht die Erstattung {gesamt}."
        )
    return Kostenbasis(netto, vorsteuer, bleibt, gesamt, steuerpflichtig, deckung)
