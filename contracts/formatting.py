"""German formats for the draft agreement: money "1.234,56 €", dates "25.11.2026", "19 %".

Thin names over the one formatter, ``advisor.deutsch`` (policy "streng"). They only format; they
never round. Money reaches the draft already rounded to the
cent by the calculation (the one place where rounding happens), so a money value with more than
two decimal places is a programming error and raises ``ValueError`` instead of being rounded a
second time.

Legal citations get non-breaking spaces after "§", "§§", "Abs.", "Nr.", "Buchst.", "Art." and
"Satz" so that "§ 2b" never breaks across lines (German legal typography).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from advisor.deutsch import NBSP, zahl

_CENT = Decimal("0.01")
_ZITAT = re.compile(r"(§§?|Abs\.|Nr\.|Art\.|Satz|Anlage|Rz\.) (?=[0-9IVX])|(Buchst\.) (?=[a-z]\b)")


def parse_money(text: str | Decimal) -> Decimal:
    """A money value of the calculation's JSON ("1234.56") as ``Decimal``; rejects more than 2 places."""
    value = text if isinstance(text, Decimal) else Decimal(str(text))
    if not value.is_finite() or value != value.quantize(_CENT):
        raise ValueError(f"Betrag mit mehr als zwei Nachkommastellen oder ungültig: {text!r}")
    return value


def format_number(value: Decimal | int, places: int | None = None) -> str:
    """German number: thousands dot, decimal comma, minus "−"; places as given. ``places`` pads and
    never rounds (policy "streng" of ``advisor.deutsch``: more places raise ``ValueError``)."""
    return zahl(value, places, rundung="streng", wie_gegeben=True)


def format_money(value: Decimal | str) -> str:
    """``Decimal("1234.5")`` → ``"1.234,50 €"`` (amount, non-breaking space, euro sign)."""
    return format_number(parse_money(value), 2) + NBSP + "€"


def format_percent(value: Decimal | str | int) -> str:
    """``Decimal("19")`` → ``"19 %"``; ``"60.00"`` → ``"60,00 %"`` (places kept as given)."""
    return zahl(Decimal(str(value)), wie_gegeben=True) + NBSP + "%"


def format_date(value: date) -> str:
    """``date(2026, 11, 25)`` → ``"25.11.2026"``."""
    return value.strftime("%d.%m.%Y")


def format_citation(text: str) -> str:
    """Non-breaking spaces after §, Abs., Nr., Buchst., Art., Satz before a number."""
    return _ZITAT.sub(lambda m: (m.group(1) or m.group(2)) + NBSP, text)


def format_months(monate: int) -> str:
    """Dative for "mit einer Frist von …": ``12`` → ``"12 Monaten"``, ``1`` → ``"einem Monat"``."""
    return "einem Monat" if monate == 1 else f"{monate} Monaten"
