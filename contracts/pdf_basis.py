"""What every PDF of a case shares: fonts, paragraph styles, the page decoration (draft mark,
header, "Seite n von N"), tables and blocks, and the deterministic document frame.

Deterministic: ``invariant=1``, the creation date is the document's "Stand" at 00:00 UTC, no
clock and no random ids, so the same input and Stand give the same bytes in every process. Fonts
are the DejaVu TrueType fonts shipped in contracts/fonts/ (embedded as subsets), so ä ö ü ß § € „ “
render everywhere. All user text is escaped before it reaches Paragraph markup.

The footer "Seite n von N" needs the page count, so a canvas keeps the pages and draws the footers
when the document is saved (two passes over the page states, one layout).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from contracts.entwurf import Block, Tabelle, Text, Zwischentitel, summenspanne

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
SERIF, SERIF_BOLD, SERIF_ITALIC = "IKZSerif", "IKZSerif-Bold", "IKZSerif-Italic"
SANS, SANS_BOLD = "IKZSans", "IKZSans-Bold"
RAND_LINKS, RAND_RECHTS, RAND_OBEN, RAND_UNTEN = 25 * mm, 20 * mm, 25 * mm, 22 * mm
BREITE = A4[0] - RAND_LINKS - RAND_RECHTS
GRAU = colors.Color(0.35, 0.35, 0.35)
LINIE = colors.Color(0.6, 0.6, 0.6)


@functools.cache
def register_fonts() -> None:
    """Register the shipped DejaVu fonts once per process."""
    for name, datei in (
        (SERIF, "DejaVuSerif.ttf"),
        (SERIF_BOLD, "DejaVuSerif-Bold.ttf"),
        (SERIF_ITALIC, "DejaVuSerif-Italic.ttf"),
        (SANS, "DejaVuSans.ttf"),
        (SANS_BOLD, "DejaVuSans-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / datei)))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD)
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles, defined once by role."""
    register_fonts()
    text = ParagraphStyle("text", fontName=SERIF, fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=5)
    zelle = ParagraphStyle("zelle", fontName=SANS, fontSize=7.5, leading=9.5)
    return {
        "titel": ParagraphStyle(
            "titel", parent=text, fontName=SERIF_BOLD, fontSize=17, leading=22, alignment=TA_CENTER, spaceAfter=6
        ),
        "untertitel": ParagraphStyle(
            "untertitel", parent=text, fontSize=12, leading=16, alignment=TA_CENTER, spaceAfter=14
        ),
        "mitte": ParagraphStyle("mitte", parent=text, alignment=TA_CENTER, spaceBefore=4, spaceAfter=4),
        "text": text,
        "partei": ParagraphStyle("partei", parent=text, alignment=TA_LEFT, leftIndent=16, spaceAfter=2),
        "nachstehend": ParagraphStyle("nachstehend", parent=text, leftIndent=16, spaceAfter=6, textColor=GRAU),
        "paragraf": ParagraphStyle(
            "paragraf",
            parent=text,
            fontName=SERIF_BOLD,
            fontSize=11,
            leading=15,
            alignment=TA_CENTER,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "teil": ParagraphStyle(
            "teil",
            parent=text,
            fontName=SERIF_BOLD,
            fontSize=12,
            leading=16,
            alignment=TA_LEFT,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "absatz": ParagraphStyle("absatz", parent=text, leftIndent=24, bulletIndent=0, bulletFontName=SERIF),
        "punkt": ParagraphStyle(
            "punkt", parent=text, alignment=TA_LEFT, leftIndent=36, bulletIndent=24, bulletFontName=SERIF, spaceAfter=2
        ),
        "links": ParagraphStyle("links", parent=text, alignment=TA_LEFT),
        "hinweis": ParagraphStyle(
            "hinweis", parent=text, fontName=SANS_BOLD, fontSize=9, leading=12, alignment=TA_CENTER, textColor=GRAU
        ),
        "anlage": ParagraphStyle(
            "anlage", parent=text, fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=12
        ),
        "zwischentitel": ParagraphStyle(
            "zwischentitel",
            parent=text,
            fontName=SERIF_BOLD,
            fontSize=11,
            leading=15,
            alignment=TA_LEFT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "tabellentitel": ParagraphStyle(
            "tabellentitel",
            parent=text,
            alignment=TA_LEFT,
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "zelle": zelle,
        "zelle_rechts": ParagraphStyle("zelle_rechts", parent=zelle, alignment=TA_RIGHT),
        "kopf": ParagraphStyle("kopf", parent=zelle, fontName=SANS_BOLD),
        "kopf_rechts": ParagraphStyle("kopf_rechts", parent=zelle, fontName=SANS_BOLD, alignment=TA_RIGHT),
        "unterschrift": ParagraphStyle(
            "unterschrift", parent=text, alignment=TA_LEFT, fontSize=9.5, leading=13, spaceAfter=0
        ),
        "klein": ParagraphStyle("klein", parent=text, fontSize=8.5, leading=11, textColor=GRAU),
    }


def p(text: str, rolle: str) -> Paragraph:
    """A paragraph of plain (escaped) text in the style ``rolle``."""
    return Paragraph(escape(text), styles()[rolle])


def punkt(text: str, zeichen: str = "•") -> Paragraph:
    return Paragraph(escape(text), styles()["punkt"], bulletText=zeichen)


def seitenschmuck(kopfzeile: str | None) -> Callable[[Canvas, Any], None]:
    """Page callback: in draft mode (``kopfzeile`` given) the diagonal "ENTWURF" and the header."""

    def on_page(canvas: Canvas, doc: Any) -> None:
        if kopfzeile is None:
            return
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.88, 0.88, 0.88))
        canvas.setFont(SANS_BOLD, 110)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(52)
        canvas.drawCentredString(0, -38, "ENTWURF")
        canvas.rotate(-52)
        canvas.translate(-A4[0] / 2, -A4[1] / 2)
        canvas.setFillColor(GRAU)
        canvas.setFont(SANS, 7.5)
        zeile = kopfzeile if len(kopfzeile) <= 130 else kopfzeile[:127] + "…"
        canvas.drawString(RAND_LINKS, A4[1] - 14 * mm, zeile)
        canvas.setStrokeColor(LINIE)
        canvas.setLineWidth(0.4)
        canvas.line(RAND_LINKS, A4[1] - 15.5 * mm, A4[0] - RAND_RECHTS, A4[1] - 15.5 * mm)
        canvas.restoreState()

    return on_page


def canvasmaker(stand: date, pruefstand: str | None = None) -> type[Canvas]:
    """A canvas class that dates the PDF by ``stand`` and writes "Seite n von N" on every page,
    preceded by "Ausfertigung – <pruefstand> – " when a review status is given."""
    vorsatz = f"Ausfertigung – {pruefstand} – " if pruefstand else ""
    datum = stand.strftime("D:%Y%m%d000000+00'00'")

    class _SeitenzaehlerCanvas(Canvas):
        """Keeps every page until ``save`` so that the footer can say "Seite n von N"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = SERIF  # no unembedded Helvetica in the page preamble
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: datum)
            self._seiten: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._seiten.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            gesamt = len(self._seiten)
            for nummer, zustand in enumerate(self._seiten, start=1):
                self.__dict__.update(zustand)
                self.saveState()
                self.setFont(SANS, 8)
                self.setFillColor(GRAU)
                self.drawCentredString(A4[0] / 2, 12 * mm, f"{vorsatz}Seite {nummer} von {gesamt}")
                self.restoreState()
                super().showPage()
            super().save()

    return _SeitenzaehlerCanvas


def tabelle(t: Tabelle) -> list[Flowable]:
    """A table. Text cells are Paragraphs (they wrap); numeric cells are plain strings (they never
    wrap, and plain strings are several times cheaper to lay out)."""
    rechts = t.rechts or (False,) * len(t.spalten)
    breiten = t.breiten or tuple(1 / len(t.spalten) for _ in t.spalten)
    kopf = [
        Paragraph("<br/>".join(escape(z) for z in s.split("\n")), styles()["kopf_rechts" if r else "kopf"])
        for s, r in zip(t.spalten, rechts, strict=True)
    ]
    daten: list[list[Any]] = [kopf]
    zelle = styles()["zelle"]
    platz = [b * BREITE - 6 for b in breiten]

    def inhalt(text: str, r: bool, breite: float) -> Any:
        # a short text fits on one line: a plain string is drawn as typed (no markup is parsed)
        if r or pdfmetrics.stringWidth(text, SANS, 7.5) <= breite:
            return text
        return Paragraph(escape(text), zelle)

    for zeile in t.zeilen:
        daten.append([inhalt(z, r, b) for z, r, b in zip(zeile, rechts, platz, strict=True)])
    stil: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.3, LINIE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    stil += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, r in enumerate(rechts) if r]
    fett = styles()["kopf"]
    for i, summe in enumerate(t.summen):
        daten.append([z if r else Paragraph(escape(z), fett) for z, r in zip(summe, rechts, strict=True)])
        nr = len(daten) - 1
        stil.append(("FONTNAME", (0, nr), (-1, nr), SANS_BOLD))
        spanne = summenspanne(summe)
        if spanne > 1:
            stil.append(("SPAN", (0, nr), (spanne - 1, nr)))
        if i == 0:
            stil.append(("LINEABOVE", (0, nr), (-1, nr), 1.0, colors.black))
    tab = Table(daten, colWidths=[b * BREITE for b in breiten], repeatRows=1, hAlign="LEFT")
    tab.setStyle(TableStyle(stil))
    titel = [p(t.titel, "tabellentitel")] if t.titel else []
    return [CondPageBreak(25 * mm), *titel, tab, Spacer(1, 3 * mm)]


def bloecke(liste: tuple[Block, ...]) -> list[Flowable]:
    """Sub-headings, paragraphs with their items, and tables."""
    story: list[Flowable] = []
    for block in liste:
        if isinstance(block, Zwischentitel):
            story.extend([CondPageBreak(35 * mm), p(block.text, "zwischentitel")])
        elif isinstance(block, Tabelle):
            story.extend(tabelle(block))
        elif isinstance(block, Text):
            if block.text:
                story.append(p(block.text, "links"))
            story.extend(
                punkt(eintrag, f"{j}." if block.nummeriert else "•") for j, eintrag in enumerate(block.liste, start=1)
            )
    return story


def baue_pdf(
    story: list[Flowable],
    *,
    stand: date,
    kopfzeile: str | None,
    titel: str,
    betreff: str,
    autor: str,
    schlagworte: tuple[str, ...],
    pruefstand: str | None = None,
) -> bytes:
    """Lay out a story as A4 PDF bytes with the shared frame, metadata and page decoration
    (``pruefstand``: the review status in the footer)."""
    register_fonts()
    puffer = io.BytesIO()
    doc = SimpleDocTemplate(
        puffer,
        pagesize=A4,
        leftMargin=RAND_LINKS,
        rightMargin=RAND_RECHTS,
        topMargin=RAND_OBEN,
        bottomMargin=RAND_UNTEN,
        title=titel,
        subject=betreff,
        author=autor,
        creator="IKZ-Berater",
        keywords=", ".join(schlagworte),
        lang="de-DE",
        invariant=1,
    )
    seite = seitenschmuck(kopfzeile)
    doc.build(story, onFirstPage=seite, onLaterPages=seite, canvasmaker=canvasmaker(stand, pruefstand))
    return puffer.getvalue()
