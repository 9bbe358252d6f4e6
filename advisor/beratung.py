"""``berate``: the whole advice for a case — calculation first, then the assessment that reads it.

This is what the adapters call (CLI, API, draft, screening): one function, one result object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.bewerten import assess
from advisor.bewertung import Bewertung
from advisor.fallakte import Fallakte
from advisor.kosten import Kalkulation, Satztabellen, calculate, kennzahlen
from advisor.kosten.kennzahlen import Kostenkennzahlen
from advisor.regelwerk.modell import Regelwerk
from advisor.steuersatz import umsatzsteuersaetze


@dataclass(frozen=True)
class Beratung:
    """A case with its calculation and its assessment (consistent with each other)."""

    fallakte: Fallakte
    bewertung: Bewertung
    kalkulation: Kalkulation


def umsatzsteuersatz(rw: Regelwerk, stichtag: date) -> Decimal:
    """The standard VAT rate in force on ``stichtag`` (dated parameter ``regelsteuersatz``).

    For a case whose services may carry the reduced rate of § 12 Abs. 2 UStG, use
    ``advisor.steuersatz.umsatzsteuersaetze`` (per service) instead.
    """
    satz = rw.parameterwert("regelsteuersatz", stichtag)
    if not isinstance(satz, Decimal):
        raise TypeError(f"Parameter regelsteuersatz ist am {stichtag.isoformat()} kein Prozentsatz")
    return satz


def berate(
    fallakte: Fallakte,
    rw: Regelwerk,
    satztabellen: Satztabellen,
    *,
    mit_empfehlungen: bool = True,
    stichtag: date | None = None,
) -> Beratung:
    """Calculate the costs, then assess § 2b UStG with the calculation's figures (a lever that
    changes the costs is re-assessed on its own recalculation)."""
    if stichtag is not None:
        fallakte = fallakte.model_copy(update={"stichtag": stichtag})
    kalkulation = calculate(fallakte, satztabellen, umsatzsteuersaetze(rw, fallakte))

    def kalkuliere(geaendert: Fallakte) -> dict[str, Kostenkennzahlen]:
        return kennzahlen(calculate(geaendert, satztabellen, umsatzsteuersaetze(rw, geaendert)))

    bewertung = assess(fallakte, rw, kennzahlen(kalkulation), mit_empfehlungen=mit_empfehlungen, kalkuliere=kalkuliere)
    return Beratung(fallakte, bewertung, kalkulation)
