"""Reading one cell of an inventory: yes/no, German and plain numbers, German and ISO dates, choices.

Cells arrive as text (CSV) or as spreadsheet values (int, float, datetime, bool from XLSX). Each
reader returns the typed value, ``None`` for an empty cell (unknown), or raises ``Zellfehler`` with
a German sentence. Nothing is guessed: a value that is not clearly one of the accepted forms is an
error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from advisor.eingabe import datum_lesen, lies_zahl
from advisor.screening.spalten import Spalte, normalize_header

_JA = {"ja", "j", "x", "true", "wahr", "1", "yes", "y"}
_NEIN = {"nein", "n", "false", "falsch", "0", "no", "-"}
_MAX_BETRAG = Decimal("1000000000000")


class Zellfehler(ValueError):
    """A cell that cannot be read; the message is a German sentence."""


def is_empty(value: Any) -> bool:
    """An empty cell: ``None`` or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def parse_janein(value: Any) -> bool:
    """ja/j/x/true/1 → True, nein/n/false/0/- → False."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _JA:
        return True
    if text in _NEIN:
        return False
    raise Zellfehler(f"„{_shown(value)}“ ist weder ja noch nein (erlaubt: ja, nein, x oder leer).")


def parse_decimal(value: Any) -> Decimal:
    """A number: ``1.234,56`` (German), ``1234,56``, ``1234.56`` (plain), with optional € / EUR / %
    — the inventory channel of ``advisor.eingabe`` (a dot followed by groups of three digits is a
    thousands separator, ``1.234`` = 1234; English grouping such as ``1,234.56`` is refused)."""
    if isinstance(value, bool):
        raise Zellfehler(f"„{_shown(value)}“ ist keine Zahl.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise Zellfehler("Muss eine endliche Zahl sein.")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = str(value).strip()
    for zeichen in ("€", "EUR", "eur", "%"):
        text = text.replace(zeichen, "")
    try:
        return lies_zahl(text, tausenderpunkte=True)
    except ValueError as e:
        raise Zellfehler(str(e).replace(text.strip(), _shown(text.strip()))) from None


def parse_betrag(value: Any) -> Decimal:
    """Money in EUR: not negative, at most two decimal places (cents)."""
    betrag = parse_decimal(value)
    if betrag < 0:
        raise Zellfehler("Ein Betrag darf nicht negativ sein.")
    if betrag > _MAX_BETRAG:
        raise Zellfehler("Der Betrag ist unrealistisch groß (höchstens 1 Billion EUR).")
    if betrag != betrag.quantize(Decimal("0.01")):
        raise Zellfehler(f"„{_shown(value)}“ hat mehr als zwei Nachkommastellen (Cent).")
    return betrag.quantize(Decimal("0.01"))


def parse_prozent(value: Any) -> Decimal:
    """A percentage between 0 and 100."""
    prozent = parse_decimal(value)
    if not Decimal(0) <= prozent <= Decimal(100):
        raise Zellfehler(f"Ein Prozentsatz muss zwischen 0 und 100 liegen, nicht {_shown(value)}.")
    return prozent


def parse_ganzzahl(value: Any, *, hoechstens: int = 240) -> int:
    """A whole number from 0 to ``hoechstens``."""
    zahl = parse_decimal(value)
    if zahl != zahl.to_integral():
        raise Zellfehler(f"Muss eine ganze Zahl sein, nicht „{_shown(value)}“.")
    if not 0 <= zahl <= hoechstens:
        raise Zellfehler(f"Muss zwischen 0 und {hoechstens} liegen, nicht {_shown(value)}.")
    return int(zahl)


def parse_datum(value: Any) -> date:
    """A date: ``31.12.2026``, ``2026-12-31``, a spreadsheet date or its serial number (XLSX)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _seriendatum(value)
    try:
        gelesen = datum_lesen(str(value))
    except ValueError:
        raise Zellfehler(f"„{_shown(value)}“ ist kein gültiges Kalenderdatum.") from None
    if gelesen is None:
        raise Zellfehler(f"„{_shown(value)}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).")
    return gelesen


def _seriendatum(wert: float) -> date:
    """A spreadsheet serial date (days since 30.12.1899, the 1900 system) → date."""
    if not math.isfinite(wert) or wert != int(wert) or not 1 <= wert <= 2_958_465:
        raise Zellfehler(f"„{_shown(wert)}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).")
    return date(1899, 12, 30) + timedelta(days=int(wert))


def parse_auswahl(value: Any, erlaubt: Mapping[str, str], spalte: Spalte) -> str:
    """One allowed value; ``erlaubt`` maps normalized spellings (key, title) to the key."""
    schluessel = erlaubt.get(normalize_header(str(value)))
    if schluessel is None:
        raise Zellfehler(
            f"Unbekannter Wert „{_shown(value)}“ für „{spalte.titel}“; erlaubte Werte stehen im Blatt „Werte“ "
            "der Vorlage."
        )
    return schluessel


def split_names(value: Any) -> list[str]:
    """``"Stadt A; Gemeinde B"`` → ``["Stadt A", "Gemeinde B"]`` (empty parts are dropped)."""
    return [teil.strip() for teil in str(value).split(";") if teil.strip()]


def auswahl_lookup(werte: Mapping[str, str] | tuple[str, ...]) -> dict[str, str]:
    """Normalized spelling → key, for keys and (if given as a mapping) their German titles."""
    if isinstance(werte, tuple):
        return {normalize_header(w): w for w in werte}
    lookup = {normalize_header(titel): key for key, titel in werte.items() if titel}
    lookup.update({normalize_header(key): key for key in werte})
    return lookup
