"""Reading numbers and dates as finance officers type them, and writing them back the same way.

The web form's channel of the one parser (``advisor.eingabe``) and formatter (``advisor.deutsch``).

"1.234,56" and "1234.56" are both 1234.56 EUR; "2,5" VZÄ is 2.5; "01.01.2027" and "2027-01-01"
are the same date. What cannot be read unambiguously is a ``ValueError`` with a German sentence
for the field — never a guess.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.deutsch import NBSP, datum, zahl
from advisor.eingabe import lies_datum, lies_zahl


def parse_number(text: str, *, thousands_allowed: bool) -> Decimal:
    """German or plain decimal notation → ``Decimal`` (the web form's channel of ``advisor.eingabe``).

    Args:
        text: the typed value, e.g. "18.000,00", "18000.00", "2,5", "-3"; a trailing "€" or "%"
            is ignored.
        thousands_allowed: whether "18.000" (dots only, groups of three) reads as eighteen
            thousand (money, counts). For fractional quantities such as VZÄ it is ambiguous and
            rejected.

    Raises:
        ValueError: with a German sentence when the text is no number or is ambiguous.
    """
    s = text.strip().removesuffix("€").removesuffix("%")
    return lies_zahl(s, tausenderpunkte=thousands_allowed)


def parse_integer(text: str) -> int:
    """A whole number, German thousands dots allowed ("38.250"); else ``ValueError``."""
    value = parse_number(text, thousands_allowed=True)
    if value != value.to_integral_value():
        raise ValueError(f"„{text.strip()}“ ist keine ganze Zahl.")
    return int(value)


def parse_date(text: str) -> date:
    """ "01.01.2027" or "2027-01-01" → date; else ``ValueError`` with a German sentence."""
    return lies_datum(text)


def format_number(value: Decimal | int | str, *, places: int | None = None, grouping: bool = True) -> str:
    """``Decimal("18000.00")`` → "18.000,00"; ``Decimal("2.5")`` → "2,5" (German notation).

    Values as entered: the places are kept as given, ``places`` only pads; nothing is rounded here
    (the advisor rounds, once) — policy "mindestens" of ``advisor.deutsch``.
    """
    return zahl(value, places, rundung="mindestens", wie_gegeben=True, gruppen=grouping)


def format_date(value: date | str) -> str:
    """date or ISO string → "25.11.2026"."""
    return datum(value if isinstance(value, date) else date.fromisoformat(str(value)))


def format_money(value: Decimal | str | None) -> str:
    """A money amount (decimal string "1234.56" or Decimal) → "1.234,56 €"; None → "–"."""
    if value is None or value == "":
        return "–"
    return f"{format_number(Decimal(str(value)), places=2)}{NBSP}€"
