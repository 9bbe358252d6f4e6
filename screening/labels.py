"""German labels for the screening's exports, report and page (presentation only).

The tables are those of ``advisor.bezeichnungen`` (the project's one label table), under the names
the screening modules use.
"""

from __future__ import annotations

import functools
from typing import Any

from advisor.bezeichnungen import ERGEBNISSE_KLEIN as ERGEBNISSE
from advisor.bezeichnungen import FAKTEN, RISIKEN
from advisor.bezeichnungen import RECHTSFORMEN_KURZ as RECHTSFORMEN

__all__ = ["ERGEBNISSE", "FAKTEN", "RECHTSFORMEN", "RISIKEN", "aufgabenfeld", "label", "regel"]


def label(tabelle: dict[str, str], key: str) -> str:
    """The label, or the key itself for a value without one (never an error in a report)."""
    return tabelle.get(key, key)


@functools.lru_cache(maxsize=1)
def _regelwerk() -> Any:
    from rules_loader import load_rules

    return load_rules()


@functools.lru_cache(maxsize=512)
def regel(kennung: str | None) -> str:
    """A rule's German name with its norm ("Innenumsatz … (§ 1 Abs. 1 Nr. 1 UStG)"); "" for none."""
    if not kennung:
        return ""
    try:
        r = _regelwerk().regel(kennung)
    except ValueError:  # a rule of another rule set version: its id is all there is
        return kennung
    return f"{r.titel} ({r.norm})"


def aufgabenfeld(kennung: str) -> str:
    """The Aufgabenfeld's German name from the catalogue (the key for one not in it)."""
    feld = _regelwerk().katalog.get(kennung)
    return feld.bezeichnung if feld is not None else kennung
