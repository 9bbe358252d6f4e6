"""Budget lines per partner and year for budgeting software (issue 15; docs/haushalt.md).

Public interface:

- ``haushaltsplan(fallakte, kalkulation, ergebnisse, von, bis, vorgaben, eigene=(), kontierung=Kontierung())
  -> Haushaltsplan`` and ``standardzeitraum(fallakte, kalkulation) -> (von, bis)``;
- ``vorgaben_aus_daten(d) -> Fortschreibungsvorgaben`` (rules_loader.load_budget_defaults() reads the file),
  ``steigerungen_aus_daten(list) -> tuple[Steigerung, ...]``, ``jaehrliche_steigerung(...)``;
- ``haushaltsplan_als_dict(plan)`` (JSON "ikz-haushalt/1") and ``tabellenzeilen(plan)`` (CSV/XLSX rows).

Pure: no I/O. Money is Decimal, whole cents; rounding per year (fortschreibung.py).
"""

from advisor.haushalt.als_dict import SPALTEN, haushaltsplan_als_dict, tabellenzeilen
from advisor.haushalt.annahmen import (
    Fortschreibungsvorgaben,
    Steigerung,
    jaehrliche_steigerung,
    steigerungen_aus_daten,
    vorgaben_aus_daten,
)
from advisor.haushalt.planung import (
    MAX_JAHRE,
    Haushaltsplan,
    Haushaltszeile,
    Jahresplan,
    Kontierung,
    haushaltsplan,
    pruefe_zeitraum,
    standardzeitraum,
)

__all__ = [
    "MAX_JAHRE",
    "SPALTEN",
    "Fortschreibungsvorgaben",
    "Haushaltsplan",
    "Haushaltszeile",
    "Jahresplan",
    "Kontierung",
    "Steigerung",
    "haushaltsplan",
    "haushaltsplan_als_dict",
    "jaehrliche_steigerung",
    "pruefe_zeitraum",
    "standardzeitraum",
    "steigerungen_aus_daten",
    "tabellenzeilen",
    "vorgaben_aus_daten",
]
