"""The agreement (or Verbandssatzung) as DOCX, for legal teams who redline in Word.

Same clause list as the PDF: "Heading 1" for "§ n Titel" with automatic numbering "§ 1, § 2, …"
(a Word numbering definition, so inserting a section renumbers the rest), paragraphs "(1), (2), …"
as a numbered list that restarts in every section, annexes with real tables. Draft mode adds the
header "Entwurf – Stand: … – …" and the list of gaps; ``final`` drops both. Every clause heading,
paragraph, the parties' block and every annex block carries a bookmark with its clause id
(``contracts.redline.abschnitte``), so comments and redlines find the same place in Word. A
``pruefstand`` ("ungeprüft", "freigegeben …") is printed in the footer and the document's subject. Shared parts:
``contracts.docx_basis``.
"""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from contracts.docx_basis import (
    ABSATZ_NUM,
    PARAGRAF_NUM,
    Nummern,
    absatz,
    bloecke,
    kopf_und_fuss,
    nummeriere,
    speichere,
    styles,
    tabelle,
)
from contracts.entwurf import Entwurf, Klausel, Platzhalter, Tabelle
from contracts.formatting import format_date
from contracts.redline.textmarken import Textmarken


def _titelblock(doc: Any, entwurf: Entwurf, marken: Textmarken) -> None:
    doc.add_paragraph(entwurf.titel, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(entwurf.untertitel).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if entwurf.einleitung:
        doc.add_paragraph(entwurf.einleitung)
    with marken.um("parteien"):
        for i, partei in enumerate(entwurf.parteien):
            if i:
                doc.add_paragraph("und")
            paragraph = doc.add_paragraph()
            paragraph.add_run(partei.im_dativ).bold = True
            paragraph.add_run(", " + partei.vertretung + (f", {partei.anschrift}" if partei.anschrift else ""))
            paragraph.add_run(f"\n– nachstehend „{partei.kurzbezeichnung}“ genannt –")
    if entwurf.schlusssatz:
        doc.add_paragraph(entwurf.schlusssatz)


def _klausel(doc: Any, nummern: Nummern, klausel: Klausel, paragraf_num: int, marken: Textmarken) -> None:
    with marken.um(klausel.id):
        ueberschrift = absatz(doc, klausel.titel, "Heading1")
        ueberschrift.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if klausel.nummer is not None:
            nummeriere(ueberschrift, paragraf_num)
    num_id = nummern.neu(ABSATZ_NUM) if klausel.nummer is not None and len(klausel.absaetze) > 1 else None
    for n, eintrag in enumerate(klausel.absaetze, start=1):
        with marken.um(f"{klausel.id}.{n}"):
            paragraph = doc.add_paragraph(eintrag.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if num_id is not None:
                nummeriere(paragraph, num_id)
            for punkt in eintrag.aufzaehlung:
                absatz(doc, punkt, "ListNumber")


def _unterschriften(doc: Any, entwurf: Entwurf) -> None:
    tab = doc.add_table(rows=(len(entwurf.unterschriften) + 1) // 2, cols=2)
    for i, u in enumerate(entwurf.unterschriften):
        zelle = tab.cell(i // 2, i % 2)
        zelle.paragraphs[0].add_run("[Ort], den ____________________")
        for zeile in (u.ueberschrift, "", "", "_______________________________", u.amt, "(Siegel)"):
            zelle.add_paragraph(zeile)
    doc.add_paragraph()
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{entwurf.vermerk_titel}: ").bold = True
    paragraph.add_run(entwurf.vermerk)


def luecken(doc: Any, platzhalter: tuple[Platzhalter, ...], hinweis: str) -> None:
    doc.add_paragraph("Verzeichnis der zu ergänzenden Stellen", style="Heading 1")
    doc.add_paragraph(hinweis)
    tabelle(
        doc,
        Tabelle(
            titel=f"Zu ergänzende Angaben ({len(platzhalter)})",
            spalten=("Zu ergänzen", "Fundstelle", "Angabe"),
            zeilen=tuple((pl.text, pl.fundstelle, pl.angabe or "—") for pl in platzhalter),
        ),
    )


def render_entwurf_docx(entwurf: Entwurf) -> bytes:
    """Lay out an assembled agreement as DOCX bytes."""
    doc = Document()
    styles(doc)
    nummern = Nummern(doc)
    paragraf_num = nummern.neu(PARAGRAF_NUM)
    marken = Textmarken(doc)
    kopf_und_fuss(doc, None if entwurf.final else entwurf.kopfzeile, entwurf.pruefstand)
    _titelblock(doc, entwurf, marken)
    for klausel in entwurf.klauseln:
        _klausel(doc, nummern, klausel, paragraf_num, marken)
    _unterschriften(doc, entwurf)
    for anlage in entwurf.anlagen:
        doc.add_page_break()
        with marken.um(f"anlage.{anlage.id}"):
            doc.add_paragraph(anlage.ueberschrift, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
        for n, block in enumerate(anlage.bloecke, start=1):
            with marken.um(f"anlage.{anlage.id}.{n}"):
                bloecke(doc, nummern, (block,))
    if not entwurf.final:
        doc.add_page_break()
        luecken(doc, entwurf.platzhalter, "Dieses Blatt ist nicht Bestandteil der Vereinbarung.")
    art = "Ausfertigung" if entwurf.final else f"Entwurf, Stand {format_date(entwurf.stand)}"
    if entwurf.pruefstand:
        art = f"{art} ({entwurf.pruefstand})"
    return speichere(
        doc,
        stand=entwurf.stand,
        titel=f"{entwurf.titel} {entwurf.untertitel}",
        betreff=f"{entwurf.dokumentart} – {art}",
        autor=entwurf.autor,
        schlagworte=entwurf.schlagworte,
    )
