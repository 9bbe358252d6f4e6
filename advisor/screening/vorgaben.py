"""What a screening needs from the rule set: the date, the Aufgabenfeld catalogue, the threshold.

Kept as a small value object so that reading and portfolio logic can be tested with hand-made
values, and so that the adapters read the rule set once per run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

#: From 01.01.2027 § 2b UStG applies to every public body (§ 27 Abs. 22a UStG): the default date
#: of a screening of existing cooperations.
STICHTAG_STANDARD = date(2027, 1, 1)


@dataclass(frozen=True, slots=True)
class Screeningvorgaben:
    """Attributes:
    stichtag: the date every row is assessed for.
    aufgabenfelder: catalogue key → German title.
    bagatellgrenze: § 2b Abs. 2 Nr. 1 UStG threshold in EUR on ``stichtag``.
    """

    stichtag: date
    aufgabenfelder: Mapping[str, str]
    bagatellgrenze: Decimal


def vorgaben_aus_regelwerk(regelwerk: Any, stichtag: date = STICHTAG_STANDARD) -> Screeningvorgaben:
    """The screening's inputs from the loaded rule set: catalogue titles and the dated threshold."""
    titel = {key: feld.bezeichnung for key, feld in regelwerk.katalog.items()}
    grenze = regelwerk.parameterwert("bagatellgrenze_abs2_nr1", stichtag)
    return Screeningvorgaben(
        stichtag=stichtag, aufgabenfelder=dict(sorted(titel.items())), bagatellgrenze=Decimal(grenze)
    )
