"""What every DOCX of a case shares (python-docx): styles, Word numbering definitions ("§ %1" and
"(%1)"), page fields, draft header, tables, blocks, core properties and a deterministic container.

Word's own structures are used so that the documents stay editable: "Heading 1/2", numbered
lists, real tables with a repeated header row, PAGE/NUMPAGES fields. Deterministic: core
properties are dated by the document's "Stand" (no clock) and the ZIP container is rewritten with
fixed timestamps and a stable member order, so the same input gives the same bytes. The title
property is cut to Word's limit of 255 characters.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from contracts.entwurf import Block, Tabelle, Text, Zwischentitel, summenspanne

GRAU = RGBColor(0x59, 0x59, 0x59)
PARAGRAF_NUM = 901  # abstract numbering ids of this document (high to avoid the template's)
ABSATZ_NUM = 902
PUNKT_NUM = 903
#: Word's limit for the core property "title" (characters).
TITEL_HOECHSTLAENGE = 255


def numbering_definitions(doc: Any) -> Any:
    """Add the abstract numberings: "§ %1" for headings, "(%1)" for paragraphs, "%1." for items."""
    numbering = doc.part.numbering_part.element
    for abstract_id, text, einzug in ((PARAGRAF_NUM, "§ %1", 0), (ABSATZ_NUM, "(%1)", 567), (PUNKT_NUM, "%1.", 851)):
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, wert in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", text), ("w:lvlJc", "left")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), wert)
            lvl.append(element)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(einzug))
        ind.set(qn("w:hanging"), str(min(einzug, 567)))
        ppr.append(ind)
        lvl.append(ppr)
        if abstract_id == PARAGRAF_NUM:
            suff = OxmlElement("w:suff")
            suff.set(qn("w:val"), "space")
            lvl.insert(2, suff)
        abstract.append(lvl)
        # abstractNum elements must precede num elements
        erste_num = numbering.find(qn("w:num"))
        if erste_num is not None:
            erste_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    return numbering


class Nummern:
    """Hands out numbering instances (``w:num``) that restart at 1."""

    def __init__(self, doc: Any) -> None:
        self.numbering = numbering_definitions(doc)
        self.naechste = 9001

    def neu(self, abstract_id: int) -> int:
        num_id = self.naechste
        self.naechste += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.numbering.append(num)
        return num_id


def nummeriere(paragraph: Any, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def _feld(paragraph: Any, code: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) into a paragraph."""
    run = paragraph.add_run()
    for art, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if art:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), art)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def kopf_und_fuss(doc: Any, kopfzeile: str | None, pruefstand: str | None = None) -> None:
    """Draft header (when given) and the footer "Seite n von N" as Word fields, preceded by the
    review status ("Ausfertigung – ungeprüft – ") when given."""
    section = doc.sections[0]
    if kopfzeile is not None:
        run = section.header.paragraphs[0].add_run(kopfzeile)
        run.font.size = Pt(8)
        run.font.color.rgb = GRAU
    fuss = section.footer.paragraphs[0]
    fuss.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if pruefstand:
        fuss.add_run(f"Ausfertigung – {pruefstand} – ")
    fuss.add_run("Seite ")
    _feld(fuss, "PAGE")
    fuss.add_run(" von ")
    _feld(fuss, "NUMPAGES")


def absatz(doc: Any, text: str, stil: str | None = None) -> Any:
    """A paragraph with a style given by its id (python-docx resolves style names slowly)."""
    paragraph = doc.add_paragraph(text)
    if stil is not None:
        paragraph._p.style = stil
    return paragraph


def styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10)
    for name, groesse in (("Title", 18), ("Heading 1", 12), ("Heading 2", 11)):
        style = doc.styles[name]
        style.font.name = "DejaVu Serif"
        style.font.size = Pt(groesse)
        style.font.color.rgb = RGBColor(0, 0, 0)


def tabelle(doc: Any, t: Tabelle) -> None:
    if t.titel:
        doc.add_paragraph().add_run(t.titel).bold = True
    zeilen = [t.spalten, *t.zeilen, *t.summen]
    tab = doc.add_table(rows=len(zeilen), cols=len(t.spalten))
    tab.style = "Table Grid"
    tab.alignment = WD_TABLE_ALIGNMENT.LEFT
    rechts = t.rechts or (False,) * len(t.spalten)
    erste_summe = len(zeilen) - len(t.summen)
    # python-docx's table.cell() rebuilds the cell grid on every call (quadratic); walk the XML once
    for i, (zeile, tr) in enumerate(zip(zeilen, tab._tbl.tr_lst, strict=True)):
        fett = i == 0 or i >= erste_summe
        for j, (wert, tc) in enumerate(zip(zeile, tr.tc_lst, strict=True)):
            paragraph = _Cell(tc, tab).paragraphs[0]
            run = paragraph.add_run(wert.replace("\n", " "))
            run.font.size = Pt(8)
            run.bold = fett
            if rechts[j]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, summe in enumerate(t.summen):
        spanne = summenspanne(summe)
        if spanne > 1:
            zeile = tab.rows[erste_summe + i]
            zeile.cells[0].merge(zeile.cells[spanne - 1])
    tab.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def bloecke(doc: Any, nummern: Nummern, liste: tuple[Block, ...]) -> None:
    for block in liste:
        if isinstance(block, Zwischentitel):
            absatz(doc, block.text, "Heading2")
        elif isinstance(block, Tabelle):
            tabelle(doc, block)
        elif isinstance(block, Text):
            if block.text:
                doc.add_paragraph(block.text)
            num_id = nummern.neu(PUNKT_NUM) if block.nummeriert and block.liste else None
            for eintrag in block.liste:
                if num_id is None:
                    absatz(doc, eintrag, "ListBullet")
                else:
                    nummeriere(doc.add_paragraph(eintrag), num_id)


def kurz(text: str, laenge: int = TITEL_HOECHSTLAENGE) -> str:
    """``text`` cut to ``laenge`` characters (with "…"), for Word's core properties."""
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


def speichere(doc: Any, *, stand: date, titel: str, betreff: str, autor: str, schlagworte: tuple[str, ...]) -> bytes:
    """Set the core properties (dated by the Stand) and return deterministic DOCX bytes."""
    zeitpunkt = datetime(stand.year, stand.month, stand.day)
    props = doc.core_properties
    props.title = kurz(titel)
    props.subject = kurz(betreff)
    props.author = autor
    props.last_modified_by = autor
    props.keywords = kurz(", ".join(schlagworte))
    props.created = zeitpunkt
    props.modified = zeitpunkt
    props.revision = 1
    props.language = "de-DE"
    puffer = io.BytesIO()
    doc.save(puffer)
    return _deterministisch(puffer.getvalue(), zeitpunkt)


def _deterministisch(daten: bytes, zeitpunkt: datetime) -> bytes:
    """Rewrite the ZIP container with fixed timestamps and a stable member order."""
    eingang = zipfile.ZipFile(io.BytesIO(daten))
    ausgang = io.BytesIO()
    stempel = (max(zeitpunkt.year, 1980), zeitpunkt.month, zeitpunkt.day, 0, 0, 0)
    with zipfile.ZipFile(ausgang, "w", zipfile.ZIP_DEFLATED) as z:
        for info in eingang.infolist():
            neu = zipfile.ZipInfo(info.filename, date_time=stempel)
            neu.compress_type = zipfile.ZIP_DEFLATED
            neu.external_attr = 0o600 << 16
            z.writestr(neu, eingang.read(info.filename))
    return ausgang.getvalue()
