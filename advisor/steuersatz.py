"""Which VAT rate a taxable service carries: 19 % (§ 12 Abs. 1 UStG) or the reduced rate where
§ 12 Abs. 2 UStG lists the supply (water supply: Nr. 1 with Anlage 2 Nr. 34; local passenger
transport: Nr. 10).

The rate kind comes from the service (``steuersatz``) or, when the case leaves it out, from the
Aufgabenfeld catalogue (``grundvorgaben``: the standard rate); the percentages are dated
parameters of the rule set (``regelsteuersatz``, ``ermaessigter_steuersatz``). Pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from advisor.fallakte import Fallakte, Leistung
from advisor.regelwerk.modell import Regelwerk

#: The norm cited when the case itself says "ermaessigt" (the catalogue's source names the Nr.).
NORM_ERMAESSIGT = "§ 12 Abs. 2 UStG (ermäßigter Steuersatz laut Fallakte)"
NORM_REGELSATZ = "§ 12 Abs. 1 UStG"
_PARAMETER = {"regelsatz": "regelsteuersatz", "ermaessigt": "ermaessigter_steuersatz"}


@dataclass(frozen=True, slots=True)
class Steuersatz:
    """The rate of one service: kind, percent, the norm to cite, and whether the catalogue chose it."""

    art: str
    prozent: Decimal
    norm: str
    aus_katalog: bool


def steuersatz_der_leistung(rw: Regelwerk, leistung: Leistung, stichtag: date) -> Steuersatz:
    """The VAT rate of ``leistung`` on ``stichtag`` if it is taxable.

    Returns the case's choice, else the catalogue's default for its Aufgabenfeld (unknown fields
    and fields without a default: the standard rate); the norm names § 12 Abs. 1 or the catalogue's
    source for the reduced rate (e.g. "§ 12 Abs. 2 Nr. 1 UStG i. V. m. Anlage 2 Nr. 34").
    """
    art = leistung.steuersatz
    aus_katalog = art is None
    if art is None:
        art = (
            rw.katalogvorgaben(leistung.aufgabenfeld).get("steuersatz", "regelsatz")
            if (leistung.aufgabenfeld in rw.katalog)
            else "regelsatz"
        )
    prozent = rw.parameterwert(_PARAMETER[art], stichtag)
    assert isinstance(prozent, Decimal)
    if art == "regelsatz":
        norm = NORM_REGELSATZ
    elif aus_katalog:
        norm = rw.katalogquelle(leistung.aufgabenfeld, "steuersatz") or NORM_ERMAESSIGT
    else:
        norm = NORM_ERMAESSIGT
    return Steuersatz(art, prozent, norm, aus_katalog)


def umsatzsteuersaetze(rw: Regelwerk, fallakte: Fallakte, stichtag: date | None = None) -> dict[str, Decimal]:
    """{service id: VAT rate in percent} for ``calculate`` (at the case's date unless ``stichtag``)."""
    tag = stichtag or fallakte.stichtag
    return {leistung.id: steuersatz_der_leistung(rw, leistung, tag).prozent for leistung in fallakte.leistungen}


def umsatzsteuersaetze_je_jahr(rw: Regelwerk, fallakte: Fallakte) -> Callable[[int], dict[str, Decimal]]:
    """For ``settle``: a settled year → {service id: VAT rate in force on 1 January of that year}."""

    def saetze(jahr: int) -> dict[str, Decimal]:
        return umsatzsteuersaetze(rw, fallakte, date(jahr, 1, 1))

    return saetze
