"""The other documents of a case (Prüfvermerk, Antrag, Beschlussvorlage) as DOCX, with the same
Word structures and determinism as the agreement (``contracts.docx_basis``). Every part and block
is bookmarked with its clause id (``contracts.redline``)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from contracts.docx_basis import Nummern, bloecke, kopf_und_fuss, speichere, styles, tabelle
from contracts.docx_renderer import luecken
from contracts.entwurf import Schriftstueck, Tabelle
from contracts.formatting import format_date
from contracts.redline.abschnitte import teil_kennungen
from contracts.redline.textmarken import Textmarken


def render_schriftstueck_docx(s: Schriftstueck) -> bytes:
    """Lay out a document as DOCX bytes; same document and Stand → same bytes."""
    doc = Document()
    styles(doc)
    nummern = Nummern(doc)
    marken = Textmarken(doc)
    kopf_und_fuss(doc, None if s.final else s.kopfzeile, s.pruefstand)
    doc.add_paragraph(s.titel, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(s.untertitel).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if s.hinweis:
        hinweis = doc.add_paragraph()
        hinweis.alignment = WD_ALIGN_PARAGRAPH.CENTER
        hinweis.add_run(s.hinweis).bold = True
    if s.kopfdaten:
        with marken.um("kopfdaten"):
            tabelle(doc, Tabelle(titel="", spalten=("Angabe", "Inhalt"), zeilen=s.kopfdaten))
    for kennung, teil in zip(teil_kennungen(s), s.teile, strict=True):
        with marken.um(kennung):
            doc.add_paragraph(teil.ueberschrift, style="Heading 1")
        for n, block in enumerate(teil.bloecke, start=1):
            with marken.um(f"{kennung}.{n}"):
                bloecke(doc, nummern, (block,))
    if not s.final and s.platzhalter:
        luecken(doc, s.platzhalter, "Diese Liste entfällt in der Ausfertigung.")
    art = "Ausfertigung" if s.final else f"Entwurf, Stand {format_date(s.stand)}"
    if s.pruefstand:
        art = f"{art} ({s.pruefstand})"
    return speichere(
        doc,
        stand=s.stand,
        titel=f"{s.titel} – {s.bezeichnung}",
        betreff=f"{s.art} – {art}",
        autor=s.autor,
        schlagworte=s.schlagworte,
    )
