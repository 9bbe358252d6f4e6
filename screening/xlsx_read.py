"""A fast, minimal XLSX table reader: one sheet's cell values, streamed with lxml.

openpyxl builds an object per cell (≈ 30 µs each); an inventory of 6,250 rows × 31 columns took
seconds. This reader streams the sheet XML and returns plain values: text (shared or inline
strings), numbers (int/float), booleans. Dates are numbers in XLSX (serial days); the date columns
of the inventory convert them (``advisor.screening.zellen.parse_datum``), so styles need not be
read. Formulas give their cached value. Entities are not resolved and sizes are capped.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_ENTRY_BYTES = 300_000_000
_SPALTE = re.compile(r"^([A-Z]+)")


class XlsxFehler(ValueError):
    """The file is no readable XLSX workbook (message in German)."""


def _read(archiv: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archiv.getinfo(name)
    except KeyError:
        raise XlsxFehler(f"Der Teil „{name}“ fehlt in der XLSX-Datei.") from None
    if info.file_size > MAX_ENTRY_BYTES:
        raise XlsxFehler("Die XLSX-Datei ist entpackt zu groß.")
    return archiv.read(info)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _column_index(ref: str) -> int:
    m = _SPALTE.match(ref)
    if not m:
        raise XlsxFehler(f"Ungültiger Zellbezug „{ref}“.")
    index = 0
    for buchstabe in m.group(1):
        index = index * 26 + ord(buchstabe) - 64
    return index - 1


def _text(element: Any) -> str:
    """The text of a shared or inline string (rich-text runs joined, phonetic hints left out)."""
    return "".join(t.text or "" for t in element.iter(f"{NS}t") if t.getparent().tag != f"{NS}rPh")


def _sheet_path(archiv: zipfile.ZipFile, bevorzugt: str) -> tuple[str, bool]:
    mappe = etree.fromstring(_read(archiv, "xl/workbook.xml"), _parser())
    blaetter = mappe.findall(f"{NS}sheets/{NS}sheet")
    if not blaetter:
        raise XlsxFehler("Die XLSX-Datei enthält kein Tabellenblatt.")
    blatt = next((b for b in blaetter if b.get("name") == bevorzugt), blaetter[0])
    rid = blatt.get(f"{REL_NS}id")
    rels = etree.fromstring(_read(archiv, "xl/_rels/workbook.xml.rels"), _parser())
    ziel = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
    if ziel is None:
        raise XlsxFehler("Das Tabellenblatt ist in der XLSX-Datei nicht verknüpft.")
    pfad = ziel.lstrip("/") if ziel.startswith("/") else f"xl/{ziel}"
    pr = mappe.find(f"{NS}workbookPr")
    return pfad, pr is not None and pr.get("date1904") in ("1", "true")


def _shared_strings(archiv: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archiv.namelist():
        return []
    wurzel = etree.fromstring(_read(archiv, "xl/sharedStrings.xml"), _parser())
    return [_text(si) for si in wurzel.iterfind(f"{NS}si")]


_IS, _V, _IS_T = f"{NS}is", f"{NS}v", f"{NS}is/{NS}t"


def _value(c: Any, shared: list[str]) -> Any:
    art = c.get("t", "n")
    if art == "inlineStr":
        element = c.find(_IS)
        if element is None:
            return None
        return element[0].text or "" if len(element) == 1 and element[0].tag == f"{NS}t" else _text(element)
    text = c.findtext(_V)
    if text is None:
        return None
    if art == "s":
        return shared[int(text)]
    if art == "b":
        return text == "1"
    if art in ("str", "e"):
        return text
    try:
        return int(text)
    except ValueError:
        return float(text)


def iter_rows(daten: bytes, blattname: str) -> tuple[bool, Iterator[tuple[int, list[Any]]]]:
    """(date1904, rows as (row number, values by column index)) of the sheet ``blattname`` or the first."""
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        pfad, date1904 = _sheet_path(archiv, blattname)
        shared = _shared_strings(archiv)
        blatt = _read(archiv, pfad)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, IndexError, ValueError) as e:
        raise XlsxFehler(f"Keine gültige XLSX-Datei ({e.__class__.__name__}).") from None

    def zeilen() -> Iterator[tuple[int, list[Any]]]:
        try:
            for _, row in etree.iterparse(
                io.BytesIO(blatt), events=("end",), tag=f"{NS}row", resolve_entities=False, no_network=True
            ):
                werte: list[Any] = []
                for c in row.iterfind(f"{NS}c"):
                    ref = c.get("r")
                    index = _column_index(ref) if ref else len(werte)
                    if index >= len(werte):
                        werte.extend([None] * (index - len(werte) + 1))
                    werte[index] = _value(c, shared)
                yield int(row.get("r") or 0), werte
                row.clear()
        except (etree.XMLSyntaxError, IndexError, ValueError) as e:
            raise XlsxFehler(f"Das Tabellenblatt ist beschädigt ({e.__class__.__name__}).") from None

    return date1904, zeilen()
