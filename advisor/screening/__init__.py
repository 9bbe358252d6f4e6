"""Inventory screening: every existing cooperation of a body assessed at once (issue 6).

Pure: rows already read into memory (``Rohtabelle``) or validated Fallakten in, a ``Screening``
out. File formats (CSV, XLSX, the template, the PDF report) live in the top-level ``screening``
adapter package.

Modules: ``spalten`` (the columns), ``zellen`` (reading a cell), ``bestandszeile`` (rows and
their problems), ``portfolio`` (§ 2b Abs. 2 Nr. 1 and Abs. 3 Nr. 2 Buchst. d over all similar
services of a provider), ``fallakte_bau`` (row → Fallakte), ``ergebnis`` (one screened service),
``zusammenfassung`` (the risk picture), ``durchlauf`` (the run), ``bulk`` (GC pause, progress),
``als_dict`` (JSON), ``vorgaben`` (what the run needs from the rule set).
"""

from advisor.screening.als_dict import FORMAT_SCREENING, screening_als_dict
from advisor.screening.bestandszeile import Bestandszeile, Rohtabelle, Zeilenproblem, parse_rows
from advisor.screening.durchlauf import Fallaktenquelle, Screening, screen_inventory
from advisor.screening.vorgaben import STICHTAG_STANDARD, Screeningvorgaben, vorgaben_aus_regelwerk

__all__ = [
    "FORMAT_SCREENING",
    "STICHTAG_STANDARD",
    "Bestandszeile",
    "Fallaktenquelle",
    "Rohtabelle",
    "Screening",
    "Screeningvorgaben",
    "Zeilenproblem",
    "parse_rows",
    "screen_inventory",
    "screening_als_dict",
    "vorgaben_aus_regelwerk",
]
