"""The final invoice (Schlussrechnung) of a year: the whole supply less the advances paid.

§ 14 Abs. 5 Satz 2 UStG: a final invoice states the whole supply (net, VAT) and deducts the
advances paid with their net amounts and their VAT separately. So the remaining amount is
net − Σ advance nets and VAT − Σ advance VAT, each on its own (negative: a refund). When the
year is not taxable, the same structure with VAT 0 is the year-end statement (no invoice under
§ 14 UStG).
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.kosten.umsatzsteuer import Steuerbetrag


@dataclass(slots=True)
class Schlussrechnung:
    """One recipient's final invoice: the whole supply, the advances deducted, what remains."""

    beteiligter: str
    leistung: Steuerbetrag
    abschlaege: Steuerbetrag
    verbleibend: Steuerbetrag


def schlussrechnung(beteiligter: str, leistung: Steuerbetrag, abschlaege: Steuerbetrag) -> Schlussrechnung:
    """Whole supply − advances, net and VAT each (gross = net + VAT on every line)."""
    netto = leistung.netto - abschlaege.netto
    ust = leistung.umsatzsteuer - abschlaege.umsatzsteuer
    return Schlussrechnung(beteiligter, leistung, abschlaege, Steuerbetrag(netto, ust, netto + ust))
