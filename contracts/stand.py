"""The "Stand" of a document: the day it is generated, or a date the user sets.

Never the case's Stichtag (that is the date the assessment is made for, not the date of the
paper). The day is taken in German time, so a document generated at 00:30 on 1 December in
Düsseldorf is dated 01.12., whatever the server's clock zone. The same input and the same Stand
give the same bytes; only this function reads the clock.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

ZEITZONE = ZoneInfo("Europe/Berlin")


def heute() -> date:
    """Today in Germany."""
    return datetime.now(ZEITZONE).date()


def stand_oder_heute(stand: date | None) -> date:
    """The given Stand, or today (German time) when none is given."""
    return stand if stand is not None else heute()
