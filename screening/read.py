"""Reading an inventory: a CSV or XLSX table, or a directory of Fallakte files (and tables).

CSV: UTF-8 (with or without BOM) or, as German Excel saves it, Windows-1252; separator ``;``,
``,`` or tab, detected from the header line. XLSX: the sheet "Bestand" if present, else the first
sheet; the header is the first row. Row numbers are those a spreadsheet shows (header = row 1).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.parsing import parse_fallakte
from advisor.screening import Fallaktenquelle, Rohtabelle, Zeilenproblem
from advisor.screening.spalten import KOPF_ZU_SPALTE, normalize_header

MAX_TABLE_BYTES = 50_000_000
MAX_ROWS = 100_000
TABLE_SUFFIXES = (".csv", ".xlsx")
CASE_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_NAME = "Bestand"


def _invalid(meldung: str, quelle: str) -> UngueltigeEingabe:
    return UngueltigeEingabe([Feldproblem("", meldung)], f"Die Bestandsliste „{quelle}“ ist nicht lesbar.")


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM allowed), else Windows-1252 (German Excel's "CSV (Trennzeichen-getrennt)")."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv_bytes(data: bytes, quelle: str) -> Rohtabelle:
    """A CSV inventory; the separator (``;``, ``,`` or tab) is the one most frequent in the header."""
    text = decode_text(data)
    kopfzeile = text.split("\n", 1)[0]
    trenner = max((";", ",", "\t"), key=kopfzeile.count)
    try:
        datensaetze = list(csv.reader(io.StringIO(text, newline=""), delimiter=trenner))
    except csv.Error as e:
        raise _invalid(f"Keine gültige CSV-Datei: {e}.", quelle) from None
    if not datensaetze:
        raise _invalid("Die Datei ist leer.", quelle)
    if len(datensaetze) > MAX_ROWS + 1:
        raise _invalid(f"Zu viele Zeilen (höchstens {MAX_ROWS}).", quelle)
    return Rohtabelle(quelle, datensaetze[0], [(n, zeile) for n, zeile in enumerate(datensaetze[1:], start=2)])


def read_xlsx_bytes(data: bytes, quelle: str) -> Rohtabelle:
    """An XLSX inventory (sheet "Bestand" or the first sheet); dates arrive as serial numbers.

    In a 1904-based workbook (old Mac Excel) the serials are shifted to the 1900 system here.
    """
    from screening.xlsx_read import XlsxFehler, iter_rows

    try:
        date1904, zeilen = iter_rows(data, SHEET_NAME)
        alle = list(zeilen)
    except XlsxFehler as e:
        raise _invalid(str(e), quelle) from None
    if not alle:
        raise _invalid("Das Tabellenblatt ist leer.", quelle)
    if len(alle) > MAX_ROWS + 1:
        raise _invalid(f"Zu viele Zeilen (höchstens {MAX_ROWS}).", quelle)
    (_, kopf), *rest = alle
    if date1904:
        datumsspalten = {
            i
            for i, k in enumerate(kopf)
            if k is not None and getattr(KOPF_ZU_SPALTE.get(normalize_header(str(k))), "art", None) == "datum"
        }
        rest = [(n, [_shift_1904(v) if i in datumsspalten else v for i, v in enumerate(werte)]) for n, werte in rest]
    return Rohtabelle(quelle, kopf, rest)


def _shift_1904(wert: object) -> object:
    """A 1904-system serial date as a 1900-system serial (the form ``parse_datum`` reads)."""
    return wert + 1462 if isinstance(wert, int | float) and not isinstance(wert, bool) else wert


def read_table_bytes(data: bytes, quelle: str) -> Rohtabelle:
    """CSV or XLSX, by content (an XLSX is a ZIP archive) — the file name may lie."""
    if len(data) > MAX_TABLE_BYTES:
        raise _invalid("Die Datei ist zu groß (höchstens 50 MB).", quelle)
    if data[:4] == b"PK\x03\x04":
        return read_xlsx_bytes(data, quelle)
    if quelle.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise _invalid(
            "Die Datei ist keine XLSX-Datei (Excel 2007 oder neuer); bitte als .xlsx oder .csv speichern.", quelle
        )
    return read_csv_bytes(data, quelle)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _invalid(f"Datei „{path}“ nicht gefunden.", path.name) from None
    except OSError as e:
        raise _invalid(f"„{path}“ ist nicht lesbar ({e.strerror}).", path.name) from None


def read_inventory(path: str | Path) -> tuple[list[Rohtabelle], list[Fallaktenquelle], list[Zeilenproblem]]:
    """A table file, or a directory: its tables and Fallakte files (sorted by name, not recursive).

    A Fallakte file that does not validate is a problem of that file; the others are still read.
    """
    p = Path(path)
    if not p.exists():
        raise _invalid(f"„{p}“ gibt es nicht.", p.name)
    if p.is_file():
        if p.suffix.lower() in CASE_SUFFIXES:
            return [], *_read_cases([p])
        return [read_table_bytes(_read_bytes(p), p.name)], [], []
    dateien = sorted(x for x in p.iterdir() if x.is_file() and not x.name.startswith((".", "~$")))
    tabellen = [read_table_bytes(_read_bytes(x), x.name) for x in dateien if x.suffix.lower() in TABLE_SUFFIXES]
    faelle, probleme = _read_cases([x for x in dateien if x.suffix.lower() in CASE_SUFFIXES])
    if not tabellen and not faelle and not probleme:
        raise _invalid(
            "Das Verzeichnis enthält keine Bestandsliste (.csv, .xlsx) und keine Fallakte (.yaml, .json).", p.name
        )
    return tabellen, faelle, probleme


def _read_cases(dateien: list[Path]) -> tuple[list[Fallaktenquelle], list[Zeilenproblem]]:
    faelle: list[Fallaktenquelle] = []
    probleme: list[Zeilenproblem] = []
    for datei in dateien:
        try:
            text = _read_bytes(datei).decode("utf-8-sig")
            faelle.append(Fallaktenquelle(datei.name, parse_fallakte(text)))
        except UnicodeDecodeError:
            probleme.append(Zeilenproblem(datei.name, None, None, "Die Datei ist keine UTF-8-Textdatei."))
        except UngueltigeEingabe as e:
            probleme.extend(Zeilenproblem(datei.name, None, None, str(f)) for f in e.probleme)
    return faelle, probleme
