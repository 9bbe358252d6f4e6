"""The draft agreement as DOCX (python-docx), for legal teams who redline in Word.

Same clause list as the PDF. Word's own structures are used so that the document stays editable:
"Heading 1" for "§ n Titel" with automatic numbering "§ 1, § 2, …" (a Word numbering definition,
so inserting a section renumbers the rest), paragraphs "(1), (2), …" as a numbered list that
restarts in every section, "Heading 2" for annex sub-headings, real tables for the annexes, and
the page footer "Seite n von N" as PAGE/NUMPAGES fields. Draft mode adds the header "Entwurf –
Stand: … – …" and the review sheet; ``final`` drops both.

Deterministic: core properties (dates from the draft's "Stand", no clock) and the ZIP container
(fixed timestamps, stable order) are written so that the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from contracts.entwurf import Anlage, Entwurf, Klausel, Tabelle, Text, Zwischentitel
from contracts.formatting import format_date

_GRAU = RGBColor(0x59, 0x59, 0x59)
_PARAGRAF_NUM = 901  # abstract numbering ids of this document (high to avoid the template's)
_ABSATZ_NUM = 902


def _numbering_definitions(doc: Any) -> Any:
    """Add the two abstract numberings: "§ %1" for headings and "(%1)" for paragraphs."""
    numbering = doc.part.numbering_part.element
    for abstract_id, text, einzug in ((_PARAGRAF_NUM, "§ %1", 0), (_ABSATZ_NUM, "(%1)", 567)):
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
        ind.set(qn("w:hanging"), str(einzug))
        ppr.append(ind)
        lvl.append(ppr)
        if abstract_id == _PARAGRAF_NUM:
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


def _neue_nummerierung(numbering: Any, abstract_id: int, num_id: int) -> int:
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
    numbering.append(num)
    return num_id


def _nummeriere(paragraph: Any, num_id: int) -> None:
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


def _kopf_und_fuss(doc: Any, entwurf: Entwurf) -> None:
    section = doc.sections[0]
    if not entwurf.final:
        kopf = section.header.paragraphs[0]
        run = kopf.add_run(entwurf.kopfzeile)
        run.font.size = Pt(8)
        run.font.color.rgb = _GRAU
    fuss = section.footer.paragraphs[0]
    fuss.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fuss.add_run("Seite ")
    _feld(fuss, "PAGE")
    fuss.add_run(" von ")
    _feld(fuss, "NUMPAGES")


def _absatz(doc: Any, text: str, stil: str | None = None) -> Any:
    """A paragraph with a style given by its id (python-docx resolves style names slowly)."""
    p = doc.add_paragraph(text)
    if stil is not None:
        p._p.style = stil
    return p


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10)
    for name, groesse in (("Title", 18), ("Heading 1", 12), ("Heading 2", 11)):
        style = doc.styles[name]
        style.font.name = "DejaVu Serif"
        style.font.size = Pt(groesse)
        style.font.color.rgb = RGBColor(0, 0, 0)


def _titelblock(doc: Any, entwurf: Entwurf) -> None:
    doc.add_paragraph(entwurf.titel, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(entwurf.untertitel).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(entwurf.einleitung)
    for partei in entwurf.parteien:
        p = doc.add_paragraph(style="List Number")
        p.add_run(partei.name).bold = True
        p.add_run(", " + partei.vertretung + (f", {partei.anschrift}" if partei.anschrift else ""))
        p.add_run(f"\n– nachstehend „{partei.kurzbezeichnung}“ genannt –")


def _klausel(doc: Any, numbering: Any, klausel: Klausel, entwurf: Entwurf, ids: list[int]) -> None:
    ueberschrift = _absatz(doc, klausel.titel, "Heading1")
    ueberschrift.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if klausel.nummer is not None:
        _nummeriere(ueberschrift, ids[0])
    if not entwurf.final:
        anker = doc.add_paragraph()
        anker.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = anker.add_run(f"Rechtsgrundlage: {klausel.anker}")
        run.italic = True
        run.font.size = Pt(8)
        run.font.color.rgb = _GRAU
    nummeriert = klausel.nummer is not None and len(klausel.absaetze) > 1
    num_id = _neue_nummerierung(numbering, _ABSATZ_NUM, ids[1] + 1) if nummeriert else None
    if num_id is not None:
        ids[1] = num_id
    for absatz in klausel.absaetze:
        p = doc.add_paragraph(absatz.text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if num_id is not None:
            _nummeriere(p, num_id)
        for punkt in absatz.aufzaehlung:
            _absatz(doc, punkt, "ListBullet")


def _tabelle(doc: Any, t: Tabelle) -> None:
    titel = doc.add_paragraph()
    titel.add_run(t.titel).bold = True
    zeilen = [t.spalten, *t.zeilen, *([t.summe] if t.summe else [])]
    tabelle = doc.add_table(rows=len(zeilen), cols=len(t.spalten))
    tabelle.style = "Table Grid"
    tabelle.alignment = WD_TABLE_ALIGNMENT.LEFT
    rechts = t.rechts or (False,) * len(t.spalten)
    # python-docx's table.cell() rebuilds the cell grid on every call (quadratic); walk the XML once
    for i, (zeile, tr) in enumerate(zip(zeilen, tabelle._tbl.tr_lst, strict=True)):
        fett = i == 0 or (t.summe is not None and i == len(zeilen) - 1)
        for j, (wert, tc) in enumerate(zip(zeile, tr.tc_lst, strict=True)):
            p = _Cell(tc, tabelle).paragraphs[0]
            run = p.add_run(wert.replace("\n", " "))
            run.font.size = Pt(8)
            run.bold = fett
            if rechts[j]:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kopf = tabelle.rows[0]._tr.get_or_add_trPr()
    wiederholen = OxmlElement("w:tblHeader")
    kopf.append(wiederholen)


def _anlage(doc: Any, anlage: Anlage) -> None:
    doc.add_page_break()
    doc.add_paragraph(anlage.ueberschrift, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in anlage.bloecke:
        if isinstance(block, Zwischentitel):
            _absatz(doc, block.text, "Heading2")
        elif isinstance(block, Tabelle):
            _tabelle(doc, block)
        elif isinstance(block, Text):
            doc.add_paragraph(block.text)
            for punkt in block.liste:
                _absatz(doc, punkt, "ListBullet")


def _unterschriften(doc: Any, entwurf: Entwurf) -> None:
    tabelle = doc.add_table(rows=(len(entwurf.unterschriften) + 1) // 2, cols=2)
    for i, u in enumerate(entwurf.unterschriften):
        zelle = tabelle.cell(i // 2, i % 2)
        zelle.paragraphs[0].add_run("[Ort], den ____________________")
        for zeile in (f"Für {u.fuer}", "", "", "_______________________________", u.amt, "(Siegel)"):
            zelle.add_paragraph(zeile)
    doc.add_paragraph()
    p = doc.add_paragraph()
    p.add_run("Genehmigungsvermerk der Aufsichtsbehörde: ").bold = True
    p.add_run(entwurf.genehmigungsvermerk)


def _pruefung(doc: Any, entwurf: Entwurf) -> None:
    doc.add_page_break()
    doc.add_paragraph("Hinweise zur Prüfung des Entwurfs", style="Title")
    doc.add_paragraph("Dieses Blatt ist nicht Bestandteil der Vereinbarung.")
    if entwurf.platzhalter:
        _tabelle(
            doc,
            Tabelle(
                titel=f"Zu ergänzende Angaben ({len(entwurf.platzhalter)})",
                spalten=("Platzhalter", "Fundstelle", "Feld der Fallakte"),
                zeilen=tuple((p.text, p.fundstelle, p.feld or "—") for p in entwurf.platzhalter),
            ),
        )
    doc.add_paragraph("Weitere Hinweise:", style="Heading 2")
    for hinweis in entwurf.pruefhinweise:
        _absatz(doc, hinweis, "ListBullet")


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


def render_entwurf_docx(entwurf: Entwurf) -> bytes:
    """Lay out an assembled draft as DOCX bytes."""
    doc = Document()
    _styles(doc)
    numbering = _numbering_definitions(doc)
    ids = [_neue_nummerierung(numbering, _PARAGRAF_NUM, 9001), 9001]
    _kopf_und_fuss(doc, entwurf)
    _titelblock(doc, entwurf)
    for klausel in entwurf.klauseln:
        _klausel(doc, numbering, klausel, entwurf, ids)
    _unterschriften(doc, entwurf)
    for anlage in entwurf.anlagen:
        _anlage(doc, anlage)
    if not entwurf.final:
        _pruefung(doc, entwurf)
    zeitpunkt = datetime(entwurf.stand.year, entwurf.stand.month, entwurf.stand.day)
    props = doc.core_properties
    # Word's document properties hold at most 255 characters; the text of the document is untouched.
    props.title = _metadaten(f"{entwurf.titel} {entwurf.untertitel}")
    props.subject = _metadaten(
        f"{entwurf.dokumentart} – "
        + ("Ausfertigung" if entwurf.final else f"Entwurf, Stand {format_date(entwurf.stand)}")
    )
    props.author = _metadaten(entwurf.autor)
    props.last_modified_by = _metadaten(entwurf.autor)
    props.keywords = _metadaten(", ".join(entwurf.schlagworte))
    props.created = zeitpunkt
    props.modified = zeitpunkt
    props.revision = 1
    props.language = "de-DE"
    puffer = io.BytesIO()
    doc.save(puffer)
    return _deterministisch(puffer.getvalue(), zeitpunkt)


METADATEN_ZEICHEN = 255


def _metadaten(text: str) -> str:
    """A document property: at most 255 characters (Word's limit), cut with "…" — metadata only."""
    return text if len(text) <= METADATEN_ZEICHEN else text[: METADATEN_ZEICHEN - 1].rstrip() + "…"
