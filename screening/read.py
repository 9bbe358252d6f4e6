"""Reading an inventory: a CSV or XLSX table, or a directory of Fallakte files (and tables).

CSV: UTF-8 (with or without BOM) or, as German Excel saves it, Windows-1252; separator ``;``,
``,`` or tab, detected from the header line. XLSX: the sheet "Bestand" if present, else the first
sheet; the header is the first row. Row numbers are those a spreadsheet shows (header = row 1).

Tables are streamed: ``open_table`` reads the header and returns a ``Rohtabelle`` whose rows are
read from the file only while the run consumes them, each bounded by ``Lesegrenzen``
(screening/grenzen.py). ``read_table_bytes`` is the same for bytes already in memory.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.parsing import parse_fallakte
from advisor.screening import Fallaktenquelle, Rohtabelle, Zeilenproblem
from advisor.screening.spalten import KOPF_ZU_SPALTE, normalize_header
from screening.csv_read import CsvFehler, iter_csv
from screening.grenzen import STANDARD, Grenzueberschreitung, Lesefrist, Lesegrenzen, zahl
from screening.xlsx_read import XlsxFehler, iter_rows

MAX_TABLE_BYTES = STANDARD.max_bytes
MAX_ROWS = STANDARD.max_zeilen
TABLE_SUFFIXES = (".csv", ".xlsx")
CASE_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_NAME = "Bestand"


def _invalid(meldung: str, quelle: str) -> UngueltigeEingabe:
    return UngueltigeEingabe([Feldproblem("", meldung)], f"Die Bestandsliste „{quelle}“ ist nicht lesbar.")


def _size(datei: IO[bytes]) -> int:
    datei.seek(0, os.SEEK_END)
    groesse = datei.tell()
    datei.seek(0)
    return groesse


def _dense(zellen: dict[int, Any]) -> list[Any]:
    werte: list[Any] = [None] * (max(zellen) + 1 if zellen else 0)
    for i, wert in zellen.items():
        werte[i] = wert
    return werte


def _shift_1904(wert: object) -> object:
    """A 1904-system serial date as a 1900-system serial (the form ``parse_datum`` reads)."""
    return wert + 1462 if isinstance(wert, int | float) and not isinstance(wert, bool) else wert


def _xlsx_table(datei: IO[bytes], quelle: str, grenzen: Lesegrenzen, frist: Lesefrist) -> Rohtabelle:
    try:
        date1904, zeilen = iter_rows(datei, SHEET_NAME, grenzen, frist)
        erste = next(zeilen, None)
    except XlsxFehler as e:
        raise _invalid(str(e), quelle) from None
    if erste is None:
        raise _invalid("Das Tabellenblatt ist leer.", quelle)
    kopf = _dense(erste[1])
    datumsspalten = {
        i
        for i, k in enumerate(kopf)
        if k is not None and getattr(KOPF_ZU_SPALTE.get(normalize_header(str(k))), "art", None) == "datum"
    }

    def rest() -> Iterator[tuple[int, dict[int, Any]]]:
        try:
            for nummer, zellen in zeilen:
                if date1904:
                    zellen = {i: _shift_1904(v) if i in datumsspalten else v for i, v in zellen.items()}
                yield nummer, zellen
        except XlsxFehler as e:
            raise _invalid(str(e), quelle) from None

    return Rohtabelle(quelle, kopf, rest())


def _csv_table(datei: IO[bytes], quelle: str, grenzen: Lesegrenzen, frist: Lesefrist) -> Rohtabelle:
    zeilen = iter_csv(datei, grenzen, frist)
    try:
        erste = next(zeilen, None)
    except CsvFehler as e:
        raise _invalid(str(e), quelle) from None
    if erste is None:
        raise _invalid("Die Datei ist leer.", quelle)

    def rest() -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from zeilen
        except CsvFehler as e:
            raise _invalid(str(e), quelle) from None

    return Rohtabelle(quelle, erste[1], rest())


def open_table(
    datei: IO[bytes], quelle: str, grenzen: Lesegrenzen = STANDARD, frist: Lesefrist | None = None
) -> Rohtabelle:
    """CSV or XLSX by content (an XLSX is a ZIP archive — the file name may lie), rows streamed.

    ``datei`` must be seekable and stay open until the rows are consumed.
    """
    frist = frist or Lesefrist(grenzen.max_sekunden)
    if _size(datei) > grenzen.max_bytes:
        raise Grenzueberschreitung(
            "bytes", f"Die Datei ist zu groß (höchstens {zahl(grenzen.max_bytes // 1_000_000)} MB).", quelle
        )
    if datei.read(4) == b"PK\x03\x04":
        datei.seek(0)
        return _xlsx_table(datei, quelle, grenzen, frist)
    datei.seek(0)
    if quelle.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise _invalid(
            "Die Datei ist keine XLSX-Datei (Excel 2007 oder neuer); bitte als .xlsx oder .csv speichern.", quelle
        )
    return _csv_table(datei, quelle, grenzen, frist)


def read_table_bytes(data: bytes, quelle: str, grenzen: Lesegrenzen = STANDARD) -> Rohtabelle:
    """``open_table`` for bytes in memory; the rows are read at once (for small tables and tests)."""
    tabelle = open_table(io.BytesIO(data), quelle, grenzen)
    return Rohtabelle(tabelle.quelle, tabelle.koepfe, list(tabelle.zeilen))


def _open_file(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise _invalid(f"Datei „{path}“ nicht gefunden.", path.name) from None
    except OSError as e:
        raise _invalid(f"„{path}“ ist nicht lesbar ({e.strerror}).", path.name) from None


def _table_file(path: Path, grenzen: Lesegrenzen) -> Rohtabelle:
    """A table file streamed from disk; the file is closed when its rows are consumed."""
    datei = _open_file(path)
    try:
        tabelle = open_table(datei, path.name, grenzen)
    except BaseException:
        datei.close()
        raise

    def zeilen() -> Iterator[tuple[int, Any]]:
        with datei:
            yield from tabelle.zeilen

    return Rohtabelle(tabelle.quelle, tabelle.koepfe, zeilen())


def read_inventory(
    path: str | Path, grenzen: Lesegrenzen = STANDARD
) -> tuple[list[Rohtabelle], list[Fallaktenquelle], list[Zeilenproblem]]:
    """A table file, or a directory: its tables and Fallakte files (sorted by name, not recursive).

    Tables are streamed (read while screened). A Fallakte file that does not validate is a problem
    of that file; the others are still read.
    """
    p = Path(path)
    if not p.exists():
        raise _invalid(f"„{p}“ gibt es nicht.", p.name)
    if p.is_file():
        if p.suffix.lower() in CASE_SUFFIXES:
            return [], *_read_cases([p])
        return [_table_file(p, grenzen)], [], []
    dateien = sorted(x for x in p.iterdir() if x.is_file() and not x.name.startswith((".", "~$")))
    tabellen = [_table_file(x, grenzen) for x in dateien if x.suffix.lower() in TABLE_SUFFIXES]
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
            with _open_file(datei) as f:
                text = f.read().decode("utf-8-sig")
            faelle.append(Fallaktenquelle(datei.name, parse_fallakte(text)))
        except UnicodeDecodeError:
            probleme.append(Zeilenproblem(datei.name, None, None, "Die Datei ist keine UTF-8-Textdatei."))
        except UngueltigeEingabe as e:
            probleme.extend(Zeilenproblem(datei.name, None, None, str(f)) for f in e.probleme)
    return faelle, probleme
