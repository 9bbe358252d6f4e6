"""German formatting of values for texts the users read: "1.234,56 €", "25.11.2026", "19 %".

Pure functions; the JSON output keeps machine formats (decimal strings, ISO dates).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")


def zahl(wert: Decimal | int, stellen: int = 2) -> str:
    """1234567.891 → "1.234.567,89" (commercial rounding)."""
    q = Decimal(1).scaleb(-stellen) if stellen else Decimal(1)
    text = f"{Decimal(wert).quantize(q, rounding=ROUND_HALF_UP):,.{stellen}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def euro(wert: Decimal | int) -> str:
    """1234.5 → "1.234,50 €" (non-breaking space before the sign)."""
    return f"{zahl(wert)}\u00a0€"


def prozent(wert: Decimal | int) -> str:
    """19 → "19 %", 12.5 → "12,5 %"."""
    d = Decimal(wert).normalize()
    stellen = max(0, -d.as_tuple().exponent) if isinstance(d.as_tuple().exponent, int) else 0
    return f"{zahl(d, min(stellen, 2))}\u00a0%"


def datum(wert: date) -> str:
    """date(2026, 11, 25) → "25.11.2026"."""
    return wert.strftime("%d.%m.%Y")


def wert(value: Any, einheit: str | None = None) -> str:
    """Any fact or parameter value, for a German sentence."""
    if value is None:
        return "unbekannt"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return datum(value)
    if isinstance(value, Decimal | int):
        if einheit == "EUR":
            return euro(value)
        if einheit == "Prozent":
            return prozent(value)
        return zahl(value, 0) if Decimal(value) == Decimal(value).to_integral_value() else zahl(value)
    return str(value)
