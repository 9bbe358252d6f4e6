"""Clause ids in Word: bookmarks around every unit, and reading them back from an edited DOCX.

The generated DOCX of every document carries a bookmark per unit (``contracts.redline.abschnitte``)
named ``textmarke(id)`` ("kostenerstattung.2" → ``ikz_kostenerstattung_2``; Word allows 40
characters of letters, digits and "_"). The marks sit at body level around the unit's paragraphs
and tables, so Word keeps them when a legal team edits the text inside.

``lies_textmarken`` reads an uploaded DOCX (untrusted): the ZIP and ``word/document.xml`` are
bounded while reading, the XML is parsed with defusedxml (no DTD, no entities, no external
references), and each bookmark's text is taken as "accept all changes" would leave it: inserted
text counts, deleted or moved-away text does not.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_DOCUMENT_XML = 40 * 1024 * 1024
_UEBERSPRUNGEN = {W + "del", W + "moveFrom", W + "delText", W + "instrText"}


class DocxUnlesbar(ValueError):
    """The uploaded file is not a readable DOCX; the message is German."""


def textmarke(kennung: str) -> str:
    """The Word bookmark name of a unit id (≤ 40 characters, letters, digits, "_")."""
    name = "ikz_" + re.sub(r"[^A-Za-z0-9]", "_", kennung)
    if len(name) <= 40:
        return name
    return name[:31] + "_" + hashlib.sha256(kennung.encode()).hexdigest()[:8]


class Textmarken:
    """Puts a body-level bookmark around whatever a renderer adds inside ``um(kennung)``."""

    def __init__(self, doc: Any) -> None:
        self.body = doc.element.body
        self.naechste = 1000  # above python-docx's own ids

    def _inhalt(self) -> list[Any]:
        return [k for k in self.body if k.tag != qn("w:sectPr")]

    @contextmanager
    def um(self, kennung: str) -> Iterator[None]:
        vorher = len(self._inhalt())
        yield
        neu = self._inhalt()[vorher:]
        if not neu:
            return
        self.naechste += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.naechste))
        start.set(qn("w:name"), textmarke(kennung))
        schluss = OxmlElement("w:bookmarkEnd")
        schluss.set(qn("w:id"), str(self.naechste))
        neu[0].addprevious(start)
        neu[-1].addnext(schluss)


def _document_xml(daten: bytes) -> bytes:
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        info = archiv.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise DocxUnlesbar("Die Datei ist kein Word-Dokument (DOCX).") from None
    if info.file_size > MAX_DOCUMENT_XML:
        raise DocxUnlesbar("Das Word-Dokument ist entpackt zu groß (höchstens 40 MB Text und Markup).")
    try:
        with archiv.open(info) as f:
            inhalt = f.read(MAX_DOCUMENT_XML + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        raise DocxUnlesbar("Das Word-Dokument ist beschädigt oder verschlüsselt.") from None
    if len(inhalt) > MAX_DOCUMENT_XML:
        raise DocxUnlesbar("Das Word-Dokument ist entpackt zu groß (höchstens 40 MB Text und Markup).")
    return inhalt


def lies_textmarken(daten: bytes) -> dict[str, str]:
    """Bookmark name → text under it (paragraphs joined by "\\n"), for every ``ikz_`` bookmark."""
    try:
        wurzel: Element = fromstring(_document_xml(daten), forbid_dtd=True)
    except (DefusedXmlException, SyntaxError):
        raise DocxUnlesbar("Das Word-Dokument enthält kein gültiges oder ein unsicheres XML.") from None
    offen: dict[str, str] = {}
    texte: dict[str, list[str]] = {}

    def schreibe(text: str) -> None:
        for name in offen.values():
            texte[name].append(text)

    stapel: list[tuple[Element, bool]] = [(wurzel, True)]
    while stapel:
        element, hinein = stapel.pop()
        tag = element.tag
        if not hinein:
            if tag == W + "p":
                schreibe("\n")
            continue
        if tag in _UEBERSPRUNGEN:
            continue
        if tag == W + "bookmarkStart":
            name = element.get(W + "name", "")
            if name.startswith("ikz_"):
                offen[element.get(W + "id", "")] = name
                texte.setdefault(name, [])
        elif tag == W + "bookmarkEnd":
            offen.pop(element.get(W + "id", ""), None)
        elif tag == W + "t" and element.text:
            schreibe(element.text)
        elif tag in (W + "tab", W + "br", W + "cr"):
            schreibe(" " if tag == W + "tab" else "\n")
        stapel.append((element, False))
        stapel.extend((kind, True) for kind in reversed(list(element)))
    return {name: "".join(teile).strip() for name, teile in texte.items()}


def normalisiert(text: str) -> str:
    """Text for comparison: whitespace runs as one space, without " | " cell separators."""
    return " ".join(text.replace(" | ", " ").split())
