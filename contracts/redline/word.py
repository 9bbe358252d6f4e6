"""A comparison as a Word document with real tracked changes (``w:ins`` / ``w:del``).

Every unit becomes a paragraph (clause headings in "Heading 1") bookmarked with its id
(``contracts.redline.textmarken``). Inserted words are ``w:ins`` runs, removed words ``w:del``
runs with ``w:delText``, each with author and date; a unit new in the later version has its
paragraph mark inserted, a removed unit its paragraph mark deleted — so Word's and LibreOffice's
"accept all changes" leave exactly the later version's text, and "reject all" the earlier one.
Line breaks inside a unit (list items, table rows) are ``w:br``. The header names the versions;
the body holds only the units. Further edits in Word are tracked (``w:trackRevisions``). Same
input → same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from contracts.docx_basis import kopf_und_fuss, speichere, styles
from contracts.redline.abschnitte import UEBERSCHRIFT
from contracts.redline.textmarken import textmarke
from contracts.redline.vergleich import ENTFALLEN, NEU, Aenderung


class _Ids:
    """Unique ids for annotations (bookmarks, insertions, deletions) of one document."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return str(self.n)


def _run(text: str, geloescht: bool) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    for i, zeile in enumerate(text.split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        if zeile:
            t = OxmlElement("w:delText" if geloescht else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = zeile
            r.append(t)
    return r


def _markiert(tag: str, ids: _Ids, autor: str, zeit: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), ids())
    element.set(qn("w:author"), autor)
    element.set(qn("w:date"), zeit)
    return element


def _absatzmarke(p: Any, tag: str, ids: _Ids, autor: str, zeit: str) -> None:
    ppr = p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    rpr.append(_markiert(tag, ids, autor, zeit))
    ppr.append(rpr)


def _absatz(doc: object, a: Aenderung, ids: _Ids, autor: str, zeit: str) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    if a.stil == UEBERSCHRIFT:
        paragraph._p.style = "Heading1"
    p = paragraph._p
    if a.art == NEU:
        _absatzmarke(p, "w:ins", ids, autor, zeit)
    elif a.art == ENTFALLEN:
        _absatzmarke(p, "w:del", ids, autor, zeit)
    marke = ids()
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), marke)
    start.set(qn("w:name"), textmarke(a.id))
    p.append(start)
    for op, text in a.stuecke:
        if op == "=":
            p.append(_run(text, geloescht=False))
        elif op == "+":
            huelle = _markiert("w:ins", ids, autor, zeit)
            huelle.append(_run(text, geloescht=False))
            p.append(huelle)
        else:
            huelle = _markiert("w:del", ids, autor, zeit)
            huelle.append(_run(text, geloescht=True))
            p.append(huelle)
    ende = OxmlElement("w:bookmarkEnd")
    ende.set(qn("w:id"), marke)
    p.append(ende)


def redline_docx(
    aenderungen: Sequence[Aenderung], *, kopfzeile: str, titel: str, autor: str, zeitpunkt: datetime, stand: date
) -> bytes:
    """The comparison as DOCX bytes with tracked changes by ``autor`` at ``zeitpunkt`` (UTC)."""
    doc = Document()
    styles(doc)
    kopf_und_fuss(doc, kopfzeile)
    zeit = zeitpunkt.strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = _Ids()
    for a in aenderungen:
        _absatz(doc, a, ids, autor, zeit)
    einstellungen = doc.settings.element
    verfolgen = OxmlElement("w:trackRevisions")
    danach = einstellungen.find(qn("w:defaultTabStop"))
    if danach is not None:
        danach.addprevious(verfolgen)
    else:
        einstellungen.append(verfolgen)
    return speichere(
        doc, stand=stand, titel=titel, betreff="Vergleich mit Änderungsverfolgung", autor=autor, schlagworte=()
    )
