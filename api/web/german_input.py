"""Reading numbers and dates as finance officers type them, and writing them back the same way.

"1.234,56" and "1234.56" are both 1234.56 EUR; "2,5" VZÄ is 2.5; "01.01.2027" and "2027-01-01"
are the same date. What cannot be read unambiguously is a ``ValueError`` with a German sentence
for the field — never a guess.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from advisor.deutsch import datum, datum_lesen, gruppiert

_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_GERMAN = re.compile(r"^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")


def parse_number(text: str, *, thousands_allowed: bool) -> Decimal:
    """German or plain decimal notation → ``Decimal``.

    Args:
        text: the typed value, e.g. "18.000,00", "18000.00", "2,5", "-3".
        thousands_allowed: whether "18.000" (dots only, groups of three) reads as eighteen
            thousand (money, counts). For fractional quantities such as VZÄ it is ambiguous and
            rejected.

    Raises:
        ValueError: with a German sentence when the text is no number or is ambiguous.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "").removesuffix("€").removesuffix("%")
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    if "," in s:
        if not _GERMAN.match(s):
            raise ValueError(f"„{text.strip()}“ ist keine Zahl (Beispiel: 1.234,56).")
        s = s.replace(".", "").replace(",", ".")
    elif _GROUPED.match(s):
        if not thousands_allowed:
            raise ValueError(
                f"„{text.strip()}“ ist mehrdeutig: bitte das Komma als Dezimalzeichen verwenden (z. B. 2,5)."
            )
        s = s.replace(".", "")
    elif not _PLAIN.match(s):
        raise ValueError(f"„{text.strip()}“ ist keine Zahl (Beispiel: 1.234,56).")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only valid numbers
        raise ValueError(f"„{text.strip()}“ ist keine Zahl.") from None
    return -value if negative else value


def parse_integer(text: str) -> int:
    """A whole number, German thousands dots allowed ("38.250"); else ``ValueError``."""
    value = parse_number(text, thousands_allowed=True)
    if value != value.to_integral_value():
        raise ValueError(f"„{text.strip()}“ ist keine ganze Zahl.")
    return int(value)


def parse_date(text: str) -> date:
    """ "01.01.2027" or "2027-01-01" → date; else ``ValueError`` with a German sentence."""
    s = text.strip()
    try:
        gelesen = datum_lesen(s)
    except ValueError:
        raise ValueError(f"„{s}“ ist kein gültiges Kalenderdatum.") from None
    if gelesen is None:
        raise ValueError(f"Bitte ein Datum im Format TT.MM.JJJJ angeben (z. B. 01.01.2027), nicht „{s}“.")
    return gelesen


def format_number(value: Decimal | int | str, *, places: int | None = None, grouping: bool = True) -> str:
    """``Decimal("18000.00")`` → "18.000,00"; ``Decimal("2.5")`` → "2,5" (German notation).

    With ``places`` the value is padded to at least that many decimals; it is never rounded here
    (the advisor rounds, once).
    """
    d = Decimal(str(value))
    exponent = d.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and exponent > -places:
        d = d.quantize(Decimal(1).scaleb(-places))
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    grouped = gruppiert(whole) if grouping else str(int(whole))
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_date(value: date | str) -> str:
    """date or ISO string → "25.11.2026"."""
    return datum(value if isinstance(value, date) else date.fromisoformat(str(value)))


def format_money(value: Decimal | str | None) -> str:
    """A money amount (decimal string "1234.56" or Decimal) → "1.234,56 €"; None → "–"."""
    if value is None or value == "":
        return "–"
    return f"{format_number(Decimal(str(value)), places=2)}\u00a0€"
