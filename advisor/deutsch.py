"""German formatting of values for texts the users read: "1.234,56 €", "25.11.2026", "19 %".

The one place for German number notation. Two policies, chosen by the caller:

- ``zahl(wert, stellen)`` / ``euro`` / ``betrag`` round commercially (ROUND_HALF_UP) to the places
  asked for — for figures computed here (texts of the assessment and of the calculation);
- ``zahl(wert)`` without ``stellen`` and ``gruppiert`` never round: the exact value, trailing zeros
  dropped (``2.50`` → ``"2,5"``) — for values as entered.

Formatting uses its own decimal context, so it works inside the calculation's exact context too.
Pure functions; the JSON output keeps machine formats (decimal strings, ISO dates).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

NBSP = "\u00a0"
_FORMAT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[])


_DEUTSCH = str.maketrans(",.", ".,")


def gruppiert(ziffern: str) -> str:
    """Thousands separated by dots: ``"1234567"`` → ``"1.234.567"`` (a sign is kept)."""
    return format(int(ziffern), ",").replace(",", ".")


def zahl(wert: Decimal | int, stellen: int | None = None) -> str:
    """German number. With ``stellen``: rounded half up to that many places (1234567.891, 2 →
    "1.234.567,89"); without: the exact value, trailing zeros dropped (2.50 → "2,5")."""
    d = wert if isinstance(wert, Decimal) else Decimal(wert)
    if stellen is None:
        text = format(d.normalize(_FORMAT), ",f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.translate(_DEUTSCH)
    q = _STELLEN.get(stellen) or Decimal(1).scaleb(-stellen)
    return format(d.quantize(q, context=_FORMAT), ",f").translate(_DEUTSCH)


_STELLEN = {0: Decimal(1), 1: Decimal("0.1"), 2: Decimal("0.01")}


def betrag(wert: Decimal | int) -> str:
    """Money without unit, two places: ``"1.234,56"``."""
    return zahl(wert, 2)


def euro(wert: Decimal | int) -> str:
    """1234.5 → "1.234,50 €" (non-breaking space before the sign)."""
    return f"{betrag(wert)}{NBSP}€"


def prozent(wert: Decimal | int) -> str:
    """19 → "19 %", 12.5 → "12,5 %" (at most two places, non-breaking space)."""
    d = Decimal(wert)
    return f"{zahl(d) if d == d.quantize(Decimal('0.01'), context=_FORMAT) else zahl(d, 2)}{NBSP}%"


def datum(wert: date) -> str:
    """date(2026, 11, 25) → "25.11.2026"."""
    return wert.strftime("%d.%m.%Y")


_DATUM_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def datum_lesen(text: str) -> date | None:
    """A date as people type it: "31.12.2026" or "2026-12-31". ``None`` if the text has neither
    form; ``ValueError`` if it has the form but is no calendar date ("31.02.2027")."""
    s = text.strip()
    if m := _DATUM_DE.match(s):
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _DATUM_ISO.match(s):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


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
        return zahl(value)
    return str(value)
