"""Wiring a screening run: the rule set, the rate tables and ``berate`` for the pure core.

The CLI and the web app call ``screen_path`` / ``screen_tables``; both return a ``Screening``
whose rows and problems live in temporary files (see ``screening.ablage``).
Recommendations are not computed per row (``mit_empfehlungen=False``): the screening sorts the
inventory; the advice for a row on the action list comes from ``ikz assess`` on that case, and the
report recomputes it for the most urgent rows only (``empfehlungen_fuer``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Sized
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from advisor.beratung import berate
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import (
    STICHTAG_STANDARD,
    Fallaktenquelle,
    Rohtabelle,
    Screening,
    Screeningvorgaben,
    Zeilenproblem,
    screen_inventory,
    vorgaben_aus_regelwerk,
)
from rules_loader import load_rate_tables, load_rules
from screening.ablage import dateiablage
from screening.parallel import default_jobs, process_pool_mapper
from screening.read import read_inventory
from screening.speicher import GcPflege


@dataclass(frozen=True)
class Screeningkontext:
    """What every run needs: the rule set, the rate tables, the screening's inputs, ``berate``."""

    regelwerk: Any
    satztabellen: Any
    vorgaben: Screeningvorgaben
    berate: Callable[..., Any]


GROSS = 1_000_000


def screening_context(
    stichtag: date = STICHTAG_STANDARD, regelwerk: Any = None, satztabellen: Any = None
) -> Screeningkontext:
    """Rule set and rate tables (loaded once, or the given ones); ``berate`` without per-row advice."""
    rw = regelwerk if regelwerk is not None else load_rules()
    tabellen = satztabellen if satztabellen is not None else load_rate_tables()
    try:
        vorgaben = vorgaben_aus_regelwerk(rw, stichtag)
    except KeyError:  # a parameter of the rule set (e.g. the § 2b threshold) has no value on that day
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "stichtag",
                    f"Für den Stichtag {stichtag:%d.%m.%Y} enthält das Regelwerk keine gültigen Werte "
                    "(z. B. die Umsatzgrenze des § 2b Abs. 2 Nr. 1 UStG); bitte einen späteren Stichtag wählen.",
                )
            ],
            "Die Bestandsliste ist ungültig.",
        ) from None
    return Screeningkontext(
        rw,
        tabellen,
        vorgaben,
        partial(berate, rw=rw, satztabellen=tabellen, mit_empfehlungen=False),
    )


def screen_tables(
    tabellen: Sequence[Rohtabelle],
    fallakten: Sequence[Fallaktenquelle] = (),
    vorprobleme: Sequence[Zeilenproblem] = (),
    *,
    stichtag: date = STICHTAG_STANDARD,
    jobs: int | None = 1,
    kontext: Screeningkontext | None = None,
    protokoll: Callable[[str], None] | None = None,
    fortschritt: Callable[[int, int], None] | None = None,
    ablage: Callable[[], Any] = dateiablage,
) -> Screening:
    """Screen tables (their rows may be streams; ``jobs=None``: as many workers as worthwhile).

    The screened rows and problems are kept in temporary files (``ablage``, by default an anonymous
    ``Dateiablage``), so memory does not grow with the inventory; ``Screening.close()`` removes them
    (or the garbage collector does).
    """
    kontext = kontext or screening_context(stichtag)
    # A streamed table's length is unknown before it is read: count it as large.
    anzahl = sum(len(t.zeilen) if isinstance(t.zeilen, Sized) else GROSS for t in tabellen)
    mapper = process_pool_mapper(
        default_jobs(anzahl) if jobs is None else jobs, kontext.berate, kontext.vorgaben.stichtag
    )
    return screen_inventory(
        tabellen,
        fallakten,
        kontext.vorgaben,
        kontext.berate,
        regelwerk_version=kontext.regelwerk.version,
        regelwerk_sha256=kontext.regelwerk.sha256,
        vorprobleme=vorprobleme,
        protokoll=protokoll,
        fortschritt=fortschritt,
        abbilden=mapper,
        ablage=ablage,
        speicher=GcPflege(),
    )


def screen_path(path: str | Path, **optionen: Any) -> Screening:
    """Screen a CSV/XLSX file or a directory (tables and Fallakte files)."""
    tabellen, fallakten, probleme = read_inventory(path)
    return screen_tables(tabellen, fallakten, probleme, **optionen)
