"""A bounded, streaming XLSX table reader: one sheet's cell values, row by row, with lxml.

Why not a library: measured in ``benchmarks/xlsx_lesen.py`` (README, dependency table) —
openpyxl's read-only mode builds an object per cell (≈ 7× slower on 6,250 rows) and reads the
shared-string table whole, without a bound; python-calamine (Rust) is fast but materialises the
whole sheet and the whole string table before the first row, so neither can stop a hostile file
while it is read. This reader:

- counts the decompressed bytes of every ZIP member it reads (``Lesegrenzen.max_entpackt``),
  never trusting the sizes the archive declares;
- streams the shared-string table and the sheet with ``iterparse``, freeing each element, and
  bounds the number of strings, their total length and each cell's length (Excel's 32,767);
- reads a column reference (``AB12``) only if it has at most three letters and lies within
  Excel's 16,384 columns — ``FXSHRX`` or a twelve-letter reference is refused without allocating;
- yields each row as ``{column index: value}`` (only the cells present), so a cell in column XFD
  costs one entry, not 16,384;
- checks the reading deadline after every row and every 64 KB.

Values: text (shared or inline strings, formula text results), numbers (int/float; ``inf`` and
``nan`` stay text so that a cell parser reports them), booleans. Dates are serial numbers (the
inventory's date columns convert them). Entities are never resolved, no network access.
"""

from __future__ import annotations

import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from screening.grenzen import (
    STANDARD,
    Grenzueberschreitung,
    Lesefrist,
    Lesegrenzen,
    zahl,
    zelle_zu_lang,
    zu_viele_spalten,
    zu_viele_zeilen,
)

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_TEIL_BYTES = 5_000_000  # workbook.xml and its relationships: a few KB in any real file
MAX_EXCEL_ZEILE = 1_048_576
MAX_VORSPANN = 50_000_000  # bytes of a sheet before <sheetData> (views, column widths): a few KB in practice
MAX_RUNS = 10_000  # formatted runs in one text
_CHUNK = 65_536
_ZELLBEZUG = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_ZIP_FEHLER = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, zlib.error)


class XlsxFehler(ValueError):
    """The file is no readable XLSX workbook (message in German)."""


class _Budget:
    """The decompressed bytes still allowed for this workbook."""

    def __init__(self, grenzen: Lesegrenzen) -> None:
        self.rest = grenzen.max_entpackt
        self.grenze = grenzen.max_entpackt

    def verbrauche(self, n: int) -> None:
        self.rest -= n
        if self.rest < 0:
            raise Grenzueberschreitung(
                "entpackt",
                f"Die XLSX-Datei ist entpackt zu groß (höchstens {zahl(self.grenze // 1_000_000)} MB entpackt).",
            )


class _GezaehlterTeil:
    """A ZIP member as a file for lxml: reads at most 64 KB at a time and counts every byte."""

    def __init__(self, roh: IO[bytes], budget: _Budget, frist: Lesefrist) -> None:
        self.roh, self.budget, self.frist = roh, budget, frist

    def read(self, size: int = _CHUNK) -> bytes:
        size = _CHUNK if size is None or size < 0 or size > _CHUNK else size
        daten = self.roh.read(size)
        self.budget.verbrauche(len(daten))
        self.frist.pruefe()
        return daten


def _open(archiv: zipfile.ZipFile, name: str, budget: _Budget, frist: Lesefrist) -> _GezaehlterTeil:
    try:
        info = archiv.getinfo(name)
    except KeyError:
        raise XlsxFehler(f"Der Teil „{name[:80]}“ fehlt in der XLSX-Datei.") from None
    return _GezaehlterTeil(archiv.open(info), budget, frist)


def _small_xml(archiv: zipfile.ZipFile, name: str, budget: _Budget, frist: Lesefrist) -> Any:
    teil = _open(archiv, name, budget, frist)
    daten = b""
    while chunk := teil.read():
        daten += chunk
        if len(daten) > MAX_TEIL_BYTES:
            raise XlsxFehler(f"Der Teil „{name}“ der XLSX-Datei ist unplausibel groß.")
    wurzel = etree.fromstring(daten, _parser())
    _keine_dtd(wurzel, name)
    return wurzel


def _keine_dtd(element: Any, name: str) -> None:
    """Office Open XML parts never carry a DTD; one that does is refused (entity bombs, XXE)."""
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise XlsxFehler(f"Der Teil „{name}“ der XLSX-Datei enthält eine DTD; das ist nicht erlaubt.")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


class _Strom:
    """The items (``<row>``/``<si>``) of one container (``<sheetData>``/``<sst>``), parsed 64 KB at a time.

    lxml's pull parser builds only what it reads; each finished item is handed on and freed. After
    every chunk the tree is checked, so that nothing else can pile up: at most ``MAX_VORSPANN`` bytes
    before the container, no foreign elements inside it, at most ``max_teile`` children in the item
    being read. Comments and processing instructions are dropped by the parser; what follows the
    container is never read.
    """

    def __init__(self, teil: _GezaehlterTeil, behaelter: str, eintrag: str, name: str, max_teile: int) -> None:
        self.teil, self.behaelter, self.eintrag, self.name, self.max_teile = teil, behaelter, eintrag, name, max_teile
        self.parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=(behaelter, eintrag),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )

    def __iter__(self) -> Iterator[Any]:
        behaelter = None
        gelesen = 0
        rest = b""
        while True:
            chunk = self.teil.read(_CHUNK)
            gelesen += len(chunk)
            if behaelter is None and b"<!DOCTYPE" in rest + chunk:  # before the parser may expand anything
                raise XlsxFehler(f"Der Teil „{self.name}“ der XLSX-Datei enthält eine DTD; das ist nicht erlaubt.")
            rest = chunk[-8:]
            if chunk:
                self.parser.feed(chunk)
            else:
                self.parser.close()
            for ereignis, element in self.parser.read_events():
                if element.tag == self.behaelter:
                    if ereignis == "end":
                        return
                    behaelter = element
                    _keine_dtd(element, self.name)
                elif ereignis == "end":
                    yield element
            if not chunk:
                return
            if behaelter is None:
                if gelesen > MAX_VORSPANN:
                    raise XlsxFehler(f"Der Teil „{self.name}“ enthält vor den Daten unplausibel viel.")
            elif (
                len(behaelter) > 2  # the last item read (emptied) and the one being read
                or any(kind.tag != self.eintrag for kind in behaelter)
                or (len(behaelter) and len(behaelter[-1]) > self.max_teile)
            ):
                raise XlsxFehler(f"Der Teil „{self.name}“ enthält unerwartete oder zu viele Elemente.")


def _free(element: Any) -> None:
    """Drop a parsed element and its finished siblings, so the tree never grows."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def column_index(ref: str, grenzen: Lesegrenzen = STANDARD) -> int:
    """``"AB12"`` → 27 (0-based); a reference beyond Excel's columns is refused before any work."""
    m = _ZELLBEZUG.fullmatch(ref)
    if not m:
        raise XlsxFehler(f"Ungültiger Zellbezug „{ref[:20]}“ (erlaubt: Spalte A bis XFD, z. B. „B7“).")
    index = 0
    for buchstabe in m.group(1):
        index = index * 26 + ord(buchstabe) - 64
    if index > grenzen.max_spalten:
        raise Grenzueberschreitung(
            "spalten",
            f"Der Zellbezug „{ref}“ liegt hinter der letzten erlaubten Spalte "
            f"(höchstens {zahl(grenzen.max_spalten)} Spalten, wie in Excel).",
        )
    return index - 1


def _text(element: Any) -> str:
    """The text of a shared or inline string (rich-text runs joined, phonetic hints left out)."""
    return "".join(t.text or "" for t in element.iter(f"{NS}t") if t.getparent().tag != f"{NS}rPh")


def _sheet_path(archiv: zipfile.ZipFile, bevorzugt: str, budget: _Budget, frist: Lesefrist) -> tuple[str, bool]:
    mappe = _small_xml(archiv, "xl/workbook.xml", budget, frist)
    blaetter = mappe.findall(f"{NS}sheets/{NS}sheet")
    if not blaetter:
        raise XlsxFehler("Die XLSX-Datei enthält kein Tabellenblatt.")
    blatt = next((b for b in blaetter if b.get("name") == bevorzugt), blaetter[0])
    rid = blatt.get(f"{REL_NS}id")
    rels = _small_xml(archiv, "xl/_rels/workbook.xml.rels", budget, frist)
    ziel = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
    if ziel is None:
        raise XlsxFehler("Das Tabellenblatt ist in der XLSX-Datei nicht verknüpft.")
    pfad = ziel.lstrip("/") if ziel.startswith("/") else f"xl/{ziel}"
    pr = mappe.find(f"{NS}workbookPr")
    return pfad, pr is not None and pr.get("date1904") in ("1", "true")


def _shared_strings(archiv: zipfile.ZipFile, budget: _Budget, frist: Lesefrist, grenzen: Lesegrenzen) -> list[str]:
    if "xl/sharedStrings.xml" not in archiv.namelist():
        return []
    texte: list[str] = []
    zeichen = 0
    teil = _open(archiv, "xl/sharedStrings.xml", budget, frist)
    for si in _Strom(teil, f"{NS}sst", f"{NS}si", "xl/sharedStrings.xml", MAX_RUNS):
        text = _text(si)
        _free(si)
        if len(text) > grenzen.max_zellzeichen:
            raise zelle_zu_lang(grenzen, f"Text Nr. {zahl(len(texte) + 1)} der XLSX-Datei")
        zeichen += len(text)
        if len(texte) >= grenzen.max_texte or zeichen > grenzen.max_textzeichen:
            raise Grenzueberschreitung(
                "texte",
                f"Die XLSX-Datei enthält zu viele Texte (höchstens {zahl(grenzen.max_texte)} verschiedene Texte "
                f"mit zusammen {zahl(grenzen.max_textzeichen)} Zeichen).",
            )
        texte.append(text)
    return texte


_IS, _V, _C, _T = f"{NS}is", f"{NS}v", f"{NS}c", f"{NS}t"


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        pass
    wert = float(text)  # ValueError → the sheet is damaged
    return wert if math.isfinite(wert) else text


def _value(c: Any, shared: list[str]) -> Any:
    art = c.get("t", "n")
    if art == "inlineStr":
        element = c.find(_IS)
        if element is None:
            return None
        return element[0].text or "" if len(element) == 1 and element[0].tag == _T else _text(element)
    text = c.findtext(_V)
    if text is None:
        return None
    if art == "s":
        index = int(text)
        if not 0 <= index < len(shared):
            raise XlsxFehler(f"Verweis auf einen Text, den es nicht gibt (Nr. {text[:12]}).")
        return shared[index]
    if art == "b":
        return text == "1"
    if art in ("str", "e"):
        return text
    return _number(text)


def _row_number(roh: str | None, vorige: int) -> int:
    if roh is None:
        return vorige + 1
    if not roh.isdigit() or len(roh) > 7 or not 1 <= int(roh) <= MAX_EXCEL_ZEILE:
        raise XlsxFehler(f"Ungültige Zeilennummer „{roh[:20]}“.")
    return int(roh)


def _cells(row: Any, nummer: int, shared: list[str], grenzen: Lesegrenzen) -> dict[int, Any]:
    zellen: dict[int, Any] = {}
    index = -1
    for c in row.iterchildren(_C):
        ref = c.get("r")
        index = column_index(ref, grenzen) if ref else index + 1
        if index >= grenzen.max_spalten:
            raise zu_viele_spalten(grenzen, nummer)
        wert = _value(c, shared)
        if isinstance(wert, str) and len(wert) > grenzen.max_zellzeichen:
            raise zelle_zu_lang(grenzen, f"Zeile {nummer}")
        if wert is not None:
            zellen[index] = wert
    return zellen


def iter_rows(
    datei: IO[bytes],
    blattname: str,
    grenzen: Lesegrenzen = STANDARD,
    frist: Lesefrist | None = None,
) -> tuple[bool, Iterator[tuple[int, dict[int, Any]]]]:
    """(date1904, rows as (row number, {column index: value})) of the sheet ``blattname`` or the first.

    Rows without any cell are skipped. ``XlsxFehler``: not a readable workbook;
    ``Grenzueberschreitung``: a bound of ``grenzen`` crossed (also while the rows are consumed).
    """
    frist = frist or Lesefrist(grenzen.max_sekunden)
    budget = _Budget(grenzen)
    try:
        archiv = zipfile.ZipFile(datei)
        pfad, date1904 = _sheet_path(archiv, blattname, budget, frist)
        shared = _shared_strings(archiv, budget, frist, grenzen)
        blatt = _open(archiv, pfad, budget, frist)
    except (*_ZIP_FEHLER, etree.XMLSyntaxError, IndexError, ValueError) as e:
        if isinstance(e, XlsxFehler):
            raise
        raise XlsxFehler(f"Keine gültige XLSX-Datei ({e.__class__.__name__}).") from None

    def zeilen() -> Iterator[tuple[int, dict[int, Any]]]:
        nummer, gezaehlt = 0, 0
        try:
            for row in _Strom(blatt, f"{NS}sheetData", f"{NS}row", pfad, grenzen.max_spalten):
                nummer = _row_number(row.get("r"), nummer)
                zellen = _cells(row, nummer, shared, grenzen)
                _free(row)
                if not zellen:
                    continue
                gezaehlt += 1
                if gezaehlt > grenzen.max_zeilen + 1:  # + the header row
                    raise zu_viele_zeilen(grenzen)
                yield nummer, zellen
        except (*_ZIP_FEHLER, etree.XMLSyntaxError, IndexError, ValueError) as e:
            if isinstance(e, XlsxFehler):
                raise
            raise XlsxFehler(f"Das Tabellenblatt ist beschädigt ({e.__class__.__name__}).") from None

    return date1904, zeilen()
