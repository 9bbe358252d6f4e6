"""The one German formatter: numbers, money, percentages and dates for texts the users read.

Every German rendering in the project goes through ``zahl`` and ``datum`` (the documents'
``contracts/formatting.py``, the web's ``api/web/german_input.py``, the screening and the CLI call
them). Notation: thousands dot, decimal comma, the minus sign U+2212 ("−1.234,56"), a non-breaking
space before "€" and "%", dates "25.11.2026".

Rounding policy — the caller names one; nothing rounds silently:

=============  ==========================================================================
``rundung``    what happens when the value has more places than ``stellen``
=============  ==========================================================================
kaufmaennisch  rounded half up (ROUND_HALF_UP) to ``stellen`` — figures computed for a text
               (assessment and calculation texts, the CLI): ``zahl(x, 2)``, ``euro``, ``betrag``
streng         ``ValueError`` — money in documents is already rounded to the cent by the
               calculation (the one place where money is rounded); a second rounding is a bug
mindestens     kept exactly, ``stellen`` only pads — values as entered (the web form's fields)
=============  ==========================================================================

Without ``stellen`` the exact value is written: trailing zeros dropped (``2.50`` → ``"2,5"``), or
kept as given with ``wie_gegeben=True`` (``"60.00"`` → ``"60,00"``). Fewer places than ``stellen``
are always padded with zeros. Formatting uses its own decimal context, so it works inside the
calculation's exact context too. Pure functions; the JSON output keeps machine formats (decimal
strings, ISO dates). Reading German input is ``advisor/eingabe.py``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Literal

NBSP = "\u00a0"
#: The minus sign of every German rendering (U+2212); the parsers accept it and "-".
MINUS = "\u2212"
Rundung = Literal["kaufmaennisch", "streng", "mindestens"]
_FORMAT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[])


_DEUTSCH = str.maketrans(",.", ".,")


def gruppiert(ziffern: str) -> str:
    """Thousands separated by dots: ``"1234567"`` → ``"1.234.567"`` (a sign is kept)."""
    return zahl(int(ziffern))


def zahl(
    wert: Decimal | int | str,
    stellen: int | None = None,
    *,
    rundung: Rundung = "kaufmaennisch",
    wie_gegeben: bool = False,
    gruppen: bool = True,
) -> str:
    """German number under the rounding policy of the module docstring.

    ``zahl(Decimal("1234567.891"), 2)`` → "1.234.567,89"; ``zahl(Decimal("2.50"))`` → "2,5";
    ``zahl("60.00", wie_gegeben=True)`` → "60,00"; ``zahl(-3)`` → "−3"; ``gruppen=False`` leaves
    out the thousands dots (an editable count such as "38250").
    """
    d = wert if isinstance(wert, Decimal) else Decimal(str(wert))
    if not d.is_finite():
        raise ValueError(f"{wert!r} ist keine endliche Zahl")
    if stellen is None:
        if not wie_gegeben:
            d = d.normalize(_FORMAT)
            if d == d.to_integral_value():
                d = d.quantize(Decimal(1), context=_FORMAT)
    else:
        q = _STELLEN.get(stellen) or Decimal(1).scaleb(-stellen)
        exponent = d.as_tuple().exponent
        mehr = isinstance(exponent, int) and exponent < -stellen
        if mehr and rundung == "streng":
            if d != d.quantize(q, context=_FORMAT):
                raise ValueError(f"{wert!r} hat mehr als {stellen} Nachkommastellen")
            d = d.quantize(q, context=_FORMAT)
        elif not (mehr and rundung == "mindestens"):
            d = d.quantize(q, context=_FORMAT)
    text = format(d, ",f" if gruppen else "f")
    if text.startswith("-"):
        text = MINUS + text[1:]
    return text.translate(_DEUTSCH)


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


def datum_iso_oder_datum(wert: date | str) -> str:
    """A date or an ISO date string → "25.11.2026"."""
    return datum(wert if isinstance(wert, date) else date.fromisoformat(str(wert)))


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
        return zahl(value)
    return str(value)
