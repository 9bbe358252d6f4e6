"""CSV and XLSX of plain tables (register, budget lines, deadlines) with the screening's safe export.

The same protections as the screening exports (screening/formelschutz.py): a text a spreadsheet
could read as a formula is prefixed with ``'`` in CSV and written with ``quotePrefix`` in XLSX;
amounts are numbers (XLSX) or German decimals (CSV, "1234,56"); CSV is UTF-8 with BOM and ``;``
as separator, as German Excel opens it. Bytes are deterministic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from screening.formelschutz import csv_safe
from screening.xlsx_write import Sheet, write_workbook

CSV_MEDIA = "text/csv; charset=utf-8"
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _csv_text(wert: Any) -> str:
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, Decimal):
        return format(wert.quantize(Decimal("0.01")), "f").replace(".", ",")
    if isinstance(wert, date):
        return wert.strftime("%d.%m.%Y")
    if isinstance(wert, str):
        return csv_safe(wert)
    return str(wert)


def csv_bytes(spalten: Sequence[str], zeilen: Iterable[Sequence[Any]]) -> bytes:
    """The table as CSV (UTF-8 with BOM, ``;``, CRLF), every text cell neutralised."""
    puffer = io.StringIO()
    w = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    w.writerow([csv_safe(s) for s in spalten])
    for z in zeilen:
        w.writerow([_csv_text(v) for v in z])
    return ("\ufeff" + puffer.getvalue()).encode("utf-8")


def _xlsx_wert(wert: Any) -> Any:
    if isinstance(wert, date):
        return wert.strftime("%d.%m.%Y")
    return wert


def xlsx_bytes(blatt: str, spalten: Sequence[str], zeilen: Iterable[Sequence[Any]]) -> bytes:
    """The table as one XLSX sheet (bold, frozen header; amounts as EUR numbers)."""
    rows = [list(spalten), *([_xlsx_wert(v) for v in z] for z in zeilen)]
    breiten = [max(10.0, min(50.0, float(len(s)) + 2)) for s in spalten]
    return write_workbook([Sheet(blatt[:31], rows, breiten)])
