"""German number and money notation for the herkunft notes and the terminal tables.

``eur(Decimal("80100.16"))`` → ``"80.100,16 €"``; ``zahl(Decimal("2.5"))`` → ``"2,5"``;
``datum(date(2027, 3, 31))`` → ``"31.03.2027"``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.kosten.rundung import runde


def _tausender(ganz: str) -> str:
    vorzeichen = "-" if ganz.startswith("-") else ""
    ziffern = ganz.lstrip("-")
    gruppen = []
    while len(ziffern) > 3:
        gruppen.insert(0, ziffern[-3:])
        ziffern = ziffern[:-3]
    gruppen.insert(0, ziffern)
    return vorzeichen + ".".join(gruppen)


_DEUTSCH = str.maketrans(",.", ".,")


def betrag(wert: Decimal) -> str:
    """Two decimal places (rounded half up), German separators, no unit: ``"1.234,56"``."""
    return format(runde(wert), ",f").translate(_DEUTSCH)


def eur(wert: Decimal) -> str:
    """``"1.234,56 €"``."""
    return f"{betrag(wert)} €"


def zahl(wert: Decimal) -> str:
    """A plain number as written in German, without superfluous zeros: ``2.50`` → ``"2,5"``."""
    text = format(wert.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    ganz, _, rest = text.partition(".")
    return _tausender(ganz) + (f",{rest}" if rest else "")


def prozent(wert: Decimal) -> str:
    """``"20 %"``, ``"12,5 %"``."""
    return f"{zahl(wert)} %"


def datum(tag: date) -> str:
    return tag.strftime("%d.%m.%Y")
