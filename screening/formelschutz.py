"""Formula injection: a cell of an export must never be read as a formula by a spreadsheet.

OWASP ("CSV Injection"): a text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return may be run as a formula when the file is opened in Excel or LibreOffice. The CSV export
prefixes such a text with a single quote (``'``), which the spreadsheet shows and never evaluates;
the XLSX export writes it as a string cell with the style flag ``quotePrefix`` (shown unchanged,
kept as text even when the cell is edited). The full-width forms (＝ ＋ － ＠), which some Excel
locales also accept as a formula start, are treated alike. Numbers written by the exports
themselves (amounts, counts) are numbers, not text, and are left alone.
"""

from __future__ import annotations

FORMELANFAENGE = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMELANFAENGE)


def csv_safe(text: str) -> str:
    """``text`` for a CSV cell: a formula-like text gets a leading ``'``."""
    return "'" + text if is_formula_like(text) else text
