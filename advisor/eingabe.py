"""The one reader of numbers and dates people type, with a stated tolerance per input channel.

Every channel reads through ``lies_zahl`` and ``lies_datum``; what differs is stated here and
nowhere else:

=========================  ===============================================  ========================
channel                    numbers                                          dates
=========================  ===============================================  ========================
web form                   "1.234,56", "1234,56", "1234.56", "−3"; "1.234"  "31.12.2026",
(``api/web/german_input``)  is 1234 only in money and count fields, and      "2026-12-31"
                           ambiguous (refused) in fractional fields (VZÄ)
inventory cell             the same, "1.234" always 1234; "€", "EUR", "%"   the same, plus the
(``advisor/screening/``    around the number are ignored; spreadsheet       spreadsheet's own dates
``zellen``)                numbers are taken as they are                    and serial numbers
command line               –                                                the same as the form
(``cli/common``)
=========================  ===============================================  ========================

Refused everywhere, with a German sentence naming what to write instead: English grouping
("1,234.56", "1,234,567") — read the German way it would be 1.23456, read the English way 1234.56,
so it is ambiguous and never guessed —, two decimal commas, a dot after the comma, and anything
that is not a number. Spaces and non-breaking spaces inside a number are dropped ("1 234,56");
the minus may be "-" or "−" (U+2212, which ``advisor.deutsch`` writes).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

_DEUTSCH = re.compile(r"^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$")
_GRUPPIERT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SCHLICHT = re.compile(r"^\d+(\.\d+)?$")
_ENGLISCH = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_DATUM_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_BEISPIEL = "(Beispiel: 1.234,56 oder 1234.56)"


def lies_zahl(text: str, *, tausenderpunkte: bool) -> Decimal:
    """A typed number → ``Decimal``; ``ValueError`` with a German sentence if it is none or ambiguous.

    ``tausenderpunkte``: whether dots followed by groups of three digits ("18.000") are thousands
    separators (money, counts, inventory cells); where they are not allowed such a value is
    ambiguous and refused (a fractional quantity such as "2.500" VZÄ).
    """
    gezeigt = text.strip()
    s = gezeigt.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    negativ = s.startswith(("-", "\u2212"))
    if negativ:
        s = s[1:]
    if _ENGLISCH.match(s) and ("." in s or s.count(",") > 1):
        raise ValueError(
            f"„{gezeigt}“ ist mehrdeutig (englische Schreibweise?): bitte deutsch mit Dezimalkomma "
            f"schreiben, z. B. 1.234,56, oder ohne Tausendertrennzeichen, z. B. 1234.56."
        )
    if "," in s:
        if not _DEUTSCH.match(s):
            raise ValueError(f"„{gezeigt}“ ist keine Zahl {_BEISPIEL}.")
        s = s.replace(".", "").replace(",", ".")
    elif _GRUPPIERT.match(s):
        if not tausenderpunkte:
            raise ValueError(f"„{gezeigt}“ ist mehrdeutig: bitte das Komma als Dezimalzeichen verwenden (z. B. 2,5).")
        s = s.replace(".", "")
    elif not _SCHLICHT.match(s):
        raise ValueError(f"„{gezeigt}“ ist keine Zahl {_BEISPIEL}.")
    try:
        wert = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only valid numbers
        raise ValueError(f"„{gezeigt}“ ist keine Zahl.") from None
    return -wert if negativ else wert


def datum_lesen(text: str) -> date | None:
    """A date as people type it: "31.12.2026" or "2026-12-31". ``None`` if the text has neither
    form; ``ValueError`` if it has the form but is no calendar date ("31.02.2027")."""
    s = text.strip()
    if m := _DATUM_DE.match(s):
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _DATUM_ISO.match(s):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def lies_datum(text: str) -> date:
    """ "31.12.2026" or "2026-12-31" → date; else ``ValueError`` with a German sentence."""
    s = text.strip()
    try:
        gelesen = datum_lesen(s)
    except ValueError:
        raise ValueError(f"„{s}“ ist kein gültiges Kalenderdatum.") from None
    if gelesen is None:
        raise ValueError(f"Bitte ein Datum im Format TT.MM.JJJJ angeben (z. B. 01.01.2027), nicht „{s}“.")
    return gelesen
