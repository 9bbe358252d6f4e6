"""The facts a rule read, as a person reads them: "Entgelt: Kostenerstattung",
"Umsatz aus gleichartigen Tätigkeiten: 262.000,00 €", "Private Anbieter am Markt: unbekannt".

Labels come from ``advisor.bezeichnungen.FAKTEN``, the kind of each value from the fact registry
(``advisor.sachverhalt.FAKTEN``); values arrive in the assessment's JSON form (decimal strings,
ISO dates, keys).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from advisor.bezeichnungen import FAKT_AUSWAHL, FAKTEN
from advisor.sachverhalt import FAKTEN as FAKTARTEN
from api.web.german_input import format_date, format_money, format_number

_AUSWAHL: dict[str, dict[str, str]] = FAKT_AUSWAHL


def wert_des_fakts(fakt: str, wert: Any, katalog: dict[str, str] | None = None) -> str:
    """The value of fact ``fakt`` in German ("ja", "1.234,56 €", "25.11.2026", a choice's label)."""
    if wert is None:
        return "unbekannt"
    if wert is True:
        return "ja"
    if wert is False:
        return "nein"
    if fakt == "aufgabenfeld" and katalog:
        return katalog.get(str(wert), str(wert))
    if fakt in _AUSWAHL:
        return _AUSWAHL[fakt].get(str(wert), str(wert))
    art = FAKTARTEN.get(fakt)
    if art is date:
        return format_date(wert if isinstance(wert, date) else str(wert))
    if art is Decimal:
        try:
            zahl = Decimal(str(wert))
        except InvalidOperation:
            return str(wert)
        return f"{format_number(zahl)}\u00a0%" if fakt.endswith("_prozent") else format_money(zahl)
    return str(wert)


def fakt_lesbar(fakt: str, wert: Any, katalog: dict[str, str] | None = None) -> str:
    """ "<label>: <value>" of one fact (the key itself for a fact without a label)."""
    return f"{FAKTEN.get(fakt, fakt)}: {wert_des_fakts(fakt, wert, katalog)}"
