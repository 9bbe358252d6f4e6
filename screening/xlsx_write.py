"""A small, fast XLSX writer for the screening exports: plain sheets of text, numbers and amounts.

openpyxl builds an object per cell and took seconds for 6,250 rows × 18 columns × 2 sheets; this
writer streams the XML directly. Supported: a bold header row (frozen), column widths, text
(inline strings), whole numbers, Decimal amounts with the format ``#.##0,00 €``. The bytes are
deterministic (fixed ZIP timestamps, no document properties with a clock).

Streaming: a sheet's rows may be any iterable (a generator over a file-backed screening); each
sheet is written into its ZIP member a few hundred rows at a time (``write_workbook_to``), so a
100,000-row export never exists as one string. A text that a spreadsheet could read as a formula
gets the style flag ``quotePrefix`` (screening/formelschutz.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any
from xml.sax.saxutils import escape

from screening.formelschutz import is_formula_like
from screening.xlsx import FIXED_ZIP_TIME

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_VERBOTEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STIL_FETT, STIL_EURO, STIL_TEXT, STIL_FETT_TEXT = 1, 2, 3, 4
ZEILEN_JE_STUECK = 500


@dataclass
class Sheet:
    """One sheet: rows of values (``None``, str, int, Decimal = amount in EUR, bool); row 1 is bold.

    ``rows`` may be a generator; it is read once, while the workbook is written.
    """

    name: str
    rows: Iterable[Sequence[Any]] = field(default_factory=list)
    widths: Sequence[float] = ()
    bold_rows: set[int] = field(default_factory=lambda: {0})


@lru_cache(maxsize=1024)
def _spalte(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, wert: Any, fett: bool) -> str:
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return f'<c r="{ref}" t="b"><v>{int(wert)}</v></c>'
    if isinstance(wert, Decimal):
        return f'<c r="{ref}" s="{STIL_EURO}"><v>{format(wert, "f")}</v></c>'
    if isinstance(wert, int | float):
        return f'<c r="{ref}"><v>{wert}</v></c>'
    text = _VERBOTEN.sub("", str(wert))
    formel = is_formula_like(text)
    nummer = (STIL_FETT_TEXT if fett else STIL_TEXT) if formel else STIL_FETT if fett else 0
    stil = f' s="{nummer}"' if nummer else ""
    raum = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"{stil}><is><t{raum}>{escape(text)}</t></is></c>'


def _sheet_xml(blatt: Sheet) -> Iterator[str]:
    """The sheet's XML in pieces of ``ZEILEN_JE_STUECK`` rows."""
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
    )
    if blatt.widths:
        yield (
            "<cols>"
            + "".join(
                f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(blatt.widths, start=1)
            )
            + "</cols>"
        )
    teile = ["<sheetData>"]
    for n, zeile in enumerate(blatt.rows):
        fett = n in blatt.bold_rows
        zellen = "".join(_cell(f"{_spalte(i)}{n + 1}", w, fett) for i, w in enumerate(zeile))
        teile.append(f'<row r="{n + 1}">{zellen}</row>')
        if len(teile) >= ZEILEN_JE_STUECK:
            yield "".join(teile)
            teile = []
    teile.append("</sheetData></worksheet>")
    yield "".join(teile)


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def write_workbook(blaetter: Iterable[Sheet]) -> bytes:
    """The workbook as XLSX bytes (deterministic)."""
    aus = io.BytesIO()
    write_workbook_to(blaetter, aus)
    return aus.getvalue()


def write_workbook_to(blaetter: Iterable[Sheet], ziel: IO[bytes]) -> None:
    """Write the workbook into a seekable binary file, sheet by sheet, a few hundred rows at a time."""
    blaetter = list(blaetter)
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    teile: dict[str, str] = {
        "[Content_Types].xml": xml + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(blaetter) + 1)
        )
        + "</Types>",
        "_rels/.rels": xml + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": xml
        + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        + "".join(
            f'<sheet name="{escape(b.name)}" sheetId="{i}" r:id="rId{i}"/>' for i, b in enumerate(blaetter, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": xml
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(blaetter) + 1)
        )
        + f'<Relationship Id="rId{len(blaetter) + 1}" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
    }
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv:
        for name, text in teile.items():
            archiv.writestr(_eintrag(name), text.encode("utf-8"))
        for i, blatt in enumerate(blaetter, start=1):
            with archiv.open(_eintrag(f"xl/worksheets/sheet{i}.xml"), "w") as datei:
                for stueck in _sheet_xml(blatt):
                    datei.write(stueck.encode("utf-8"))


def _eintrag(name: str) -> zipfile.ZipInfo:
    eintrag = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    eintrag.compress_type = zipfile.ZIP_DEFLATED
    eintrag.external_attr = 0o600 << 16
    return eintrag
