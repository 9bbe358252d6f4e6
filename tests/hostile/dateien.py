"""Builders of hostile inventory files: tiny on disk, enormous or absurd when read.

Each builder returns bytes; the XLSX ones write a minimal but valid workbook whose sheet and
shared-string parts are streamed into the ZIP (so a 400 MB part costs the test no 400 MB).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

from advisor.screening.spalten import SPALTEN

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xlsx(sheet: Iterable[bytes], shared: Iterable[bytes] | None = None) -> bytes:
    """A workbook with one sheet "Bestand" whose XML is ``sheet`` (and optionally ``sharedStrings``)."""
    teile = {
        "[Content_Types].xml": XML + b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        + (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            if shared is not None
            else b""
        )
        + b"</Types>",
        "_rels/.rels": XML
        + b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'.encode(),
        "xl/workbook.xml": XML
        + f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="Bestand" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>".encode(),
        "xl/_rels/workbook.xml.rels": XML
        + b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'.encode()
        + b"</Relationships>",
    }
    aus = io.BytesIO()
    with zipfile.ZipFile(aus, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archiv:
        for name, daten in teile.items():
            archiv.writestr(name, daten)
        for name, stuecke in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared)):
            if stuecke is None:
                continue
            info = zipfile.ZipInfo(name)
            info.compress_type, info._compresslevel = zipfile.ZIP_DEFLATED, 9  # type: ignore[attr-defined]
            with archiv.open(info, "w", force_zip64=True) as datei:
                for stueck in stuecke:
                    datei.write(stueck)
    return aus.getvalue()


def sheet(rows: Iterable[bytes], prolog: bytes = b"") -> Iterator[bytes]:
    yield XML + prolog + f'<worksheet xmlns="{NS}"><sheetData>'.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def kopfzeile() -> bytes:
    """Row 1: the template's headers as inline strings."""
    zellen = "".join(f'<c t="inlineStr"><is><t>{s.titel}</t></is></c>' for s in SPALTEN)
    return f'<row r="1">{zellen}</row>'.encode()


def zellen_zeile(nummer: int, *zellen: str) -> bytes:
    return f'<row r="{nummer}">{"".join(zellen)}</row>'.encode()


def wiederholt(stueck: bytes, anzahl: int, block: int = 10_000) -> Iterator[bytes]:
    """``stueck`` × ``anzahl`` in blocks (never one huge bytes object)."""
    voll, rest = divmod(anzahl, block)
    for _ in range(voll):
        yield stueck * block
    yield stueck * rest


def shared_strings(texte: Iterable[bytes], anzahl: int) -> Iterator[bytes]:
    yield XML + f'<sst xmlns="{NS}" count="{anzahl}" uniqueCount="{anzahl}">'.encode()
    yield from texte
    yield b"</sst>"
