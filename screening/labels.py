"""German labels for the screening's exports, report and page (presentation only).

The tables are those of ``advisor.bezeichnungen`` (the project's one label table), under the names
the screening modules use.
"""

from __future__ import annotations

from advisor.bezeichnungen import ERGEBNISSE_KLEIN as ERGEBNISSE
from advisor.bezeichnungen import FAKTEN, RISIKEN
from advisor.bezeichnungen import RECHTSFORMEN_KURZ as RECHTSFORMEN

__all__ = ["ERGEBNISSE", "FAKTEN", "RECHTSFORMEN", "RISIKEN", "label"]


def label(tabelle: dict[str, str], key: str) -> str:
    """The label, or the key itself for a value without one (never an error in a report)."""
    return tabelle.get(key, key)
