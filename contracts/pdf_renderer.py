"""The draft agreement as PDF (reportlab): title and parties, Präambel, §§ with (1), (2), signature
blocks, approval note, annexes with tables, and — in draft mode — the review notes.

Deterministic: ``invariant=1``, the creation date is the draft's "Stand" (the case's stichtag), no
clock and no random ids, so the same input gives the same bytes in every process. Fonts are the
DejaVu TrueType fonts shipped in contracts/fonts/ (embedded as subsets), so ä ö ü ß § € „ “
render everywhere. All user text is escaped before it reaches Paragraph markup.

Draft mode: diagonal "ENTWURF", header "Entwurf – Stand: <date> – <title>" on every page; the
footer "Seite n von N" needs the page count, so a canvas keeps the pages and draws the footers
when the document is saved (two passes over the page states, one layout).
"""

from __future__ import annotations

import functools
import io
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
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from contracts.entwurf import Anlage, Entwurf, Klausel, Tabelle, Text, Zwischentitel
from contracts.formatting import format_date

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
        "partei": ParagraphStyle(
            "partei", parent=text, alignment=TA_LEFT, leftIndent=16, bulletIndent=0, bulletFontName=SERIF, spaceAfter=2
        ),
        "nachstehend": ParagraphStyle("nachstehend", parent=text, leftIndent=16, spaceAfter=6, textColor=GRAU),
        "paragraf": ParagraphStyle(
            "paragraf",
            parent=text,
            fontName=SERIF_BOLD,
            fontSize=11,
            leading=15,
            alignment=TA_CENTER,
            spaceBefore=12,
            spaceAfter=2,
        ),
        "anker": ParagraphStyle(
            "anker",
            parent=text,
            fontName=SERIF_ITALIC,
            fontSize=8,
            leading=10,
            alignment=TA_CENTER,
            textColor=GRAU,
            spaceAfter=6,
        ),
        "absatz": ParagraphStyle("absatz", parent=text, leftIndent=24, bulletIndent=0, bulletFontName=SERIF),
        "punkt": ParagraphStyle(
            "punkt", parent=text, alignment=TA_LEFT, leftIndent=36, bulletIndent=24, bulletFontName=SERIF, spaceAfter=2
        ),
        "links": ParagraphStyle("links", parent=text, alignment=TA_LEFT),
        "anlage": ParagraphStyle(
            "anlage", parent=text, fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=12
        ),
        "zwischentitel": ParagraphStyle(
            "zwischentitel", parent=text, fontName=SERIF_BOLD, fontSize=11, leading=15, spaceBefore=10, spaceAfter=4
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


def _p(text: str, rolle: str) -> Paragraph:
    return Paragraph(escape(text), styles()[rolle])


def _punkt(text: str, zeichen: str = "•") -> Paragraph:
    return Paragraph(escape(text), styles()["punkt"], bulletText=zeichen)


def _kopf_und_fuss(entwurf: Entwurf) -> Any:
    kopf = entwurf.kopfzeile if not entwurf.final else None

    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        if kopf is not None:
            canvas.setFillColor(colors.Color(0.88, 0.88, 0.88))
            canvas.setFont(SANS_BOLD, 110)
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(52)
            canvas.drawCentredString(0, -38, "ENTWURF")
            canvas.rotate(-52)
            canvas.translate(-A4[0] / 2, -A4[1] / 2)
            canvas.setFillColor(GRAU)
            canvas.setFont(SANS, 7.5)
            zeile = kopf if len(kopf) <= 130 else kopf[:127] + "…"
            canvas.drawString(RAND_LINKS, A4[1] - 14 * mm, zeile)
            canvas.setStrokeColor(LINIE)
            canvas.setLineWidth(0.4)
            canvas.line(RAND_LINKS, A4[1] - 15.5 * mm, A4[0] - RAND_RECHTS, A4[1] - 15.5 * mm)
        canvas.restoreState()

    return on_page


def _canvasmaker(entwurf: Entwurf) -> type[Canvas]:
    datum = entwurf.stand.strftime("D:%Y%m%d000000+00'00'")

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
                self.drawCentredString(A4[0] / 2, 12 * mm, f"Seite {nummer} von {gesamt}")
                self.restoreState()
                super().showPage()
            super().save()

    return _SeitenzaehlerCanvas


def _titelblock(entwurf: Entwurf) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 6 * mm), _p(entwurf.titel, "titel"), _p(entwurf.untertitel, "untertitel")]
    story.append(_p(entwurf.einleitung, "text"))
    for i, partei in enumerate(entwurf.parteien, start=1):
        teile = [f"<b>{escape(partei.name)}</b>", escape(partei.vertretung)]
        if partei.anschrift:
            teile.append(escape(partei.anschrift))
        story.append(Paragraph(", ".join(teile), styles()["partei"], bulletText=f"{i}."))
        story.append(_p(f"– nachstehend „{partei.kurzbezeichnung}“ genannt –", "nachstehend"))
    return story


def _klausel(klausel: Klausel, entwurf: Entwurf) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(40 * mm), _p(klausel.ueberschrift, "paragraf")]
    if not entwurf.final:
        story.append(_p(f"Rechtsgrundlage: {klausel.anker}", "anker"))
    nummeriert = klausel.nummer is not None and len(klausel.absaetze) > 1
    for i, absatz in enumerate(klausel.absaetze, start=1):
        if nummeriert:
            story.append(Paragraph(escape(absatz.text), styles()["absatz"], bulletText=f"({i})"))
        else:
            story.append(_p(absatz.text, "text"))
        story.extend(_punkt(punkt, f"{j}.") for j, punkt in enumerate(absatz.aufzaehlung, start=1))
    return story


def _unterschriften(entwurf: Entwurf) -> list[Flowable]:
    bloecke = []
    for u in entwurf.unterschriften:
        zeilen = [
            "[Ort], den ____________________",
            f"Für {u.fuer}",
            "",
            "",
            "_________________________________",
            u.amt,
            "(Siegel)",
        ]
        bloecke.append([Paragraph(escape(z) or "\u00a0", styles()["unterschrift"]) for z in zeilen])
    zeilen_tabelle = []
    for i in range(0, len(bloecke), 2):
        paar = bloecke[i : i + 2]
        zeilen_tabelle.append([paar[0], paar[1] if len(paar) > 1 else ""])
    tabelle = Table(zeilen_tabelle, colWidths=[BREITE / 2] * 2, hAlign="LEFT")
    tabelle.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [CondPageBreak(60 * mm), Spacer(1, 8 * mm), tabelle]


def _genehmigung(entwurf: Entwurf) -> list[Flowable]:
    tabelle = Table(
        [
            [Paragraph("<b>Genehmigungsvermerk der Aufsichtsbehörde</b>", styles()["links"])],
            [_p(entwurf.genehmigungsvermerk, "links")],
        ],
        colWidths=[BREITE],
    )
    tabelle.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, LINIE),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [Spacer(1, 6 * mm), KeepTogether([tabelle])]


def _tabelle(t: Tabelle) -> list[Flowable]:
    """A table of an annex. Text cells are Paragraphs (they wrap); numeric cells are plain strings
    (they never wrap, and plain strings are several times cheaper to lay out)."""
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
    stil = [
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
    if t.summe is not None:
        daten.append(
            [z if r else Paragraph(f"<b>{escape(z)}</b>", zelle) for z, r in zip(t.summe, rechts, strict=True)]
        )
        stil.append(("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black))
        stil.append(("FONTNAME", (0, -1), (-1, -1), SANS_BOLD))
    tabelle = Table(daten, colWidths=[b * BREITE for b in breiten], repeatRows=1, hAlign="LEFT")
    tabelle.setStyle(TableStyle(stil))
    return [CondPageBreak(25 * mm), _p(t.titel, "tabellentitel"), tabelle, Spacer(1, 3 * mm)]


def _anlage(anlage: Anlage) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), _p(anlage.ueberschrift, "anlage")]
    for block in anlage.bloecke:
        if isinstance(block, Zwischentitel):
            story.extend([CondPageBreak(35 * mm), _p(block.text, "zwischentitel")])
        elif isinstance(block, Tabelle):
            story.extend(_tabelle(block))
        elif isinstance(block, Text):
            story.append(_p(block.text, "links" if block.liste else "text"))
            story.extend(_punkt(p) for p in block.liste)
    return story


def _pruefung(entwurf: Entwurf) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        _p("Hinweise zur Prüfung des Entwurfs", "anlage"),
        _p("Dieses Blatt ist nicht Bestandteil der Vereinbarung.", "mitte"),
    ]
    if entwurf.platzhalter:
        story.extend(
            _tabelle(
                Tabelle(
                    titel=f"Zu ergänzende Angaben ({len(entwurf.platzhalter)})",
                    spalten=("Platzhalter", "Fundstelle", "Feld der Fallakte"),
                    zeilen=tuple((p.text, p.fundstelle, p.feld or "—") for p in entwurf.platzhalter),
                    breiten=(0.45, 0.25, 0.30),
                )
            )
        )
    story.append(_p("Weitere Hinweise:", "zwischentitel"))
    story.extend(_punkt(h) for h in entwurf.pruefhinweise)
    return story


def build_story(entwurf: Entwurf, *, mit_anlagentabellen: bool = True) -> list[Flowable]:
    """The reportlab story of a draft (``mit_anlagentabellen=False`` is the benchmark's floor)."""
    story = _titelblock(entwurf)
    for klausel in entwurf.klauseln:
        story.extend(_klausel(klausel, entwurf))
    story.extend(_unterschriften(entwurf))
    story.extend(_genehmigung(entwurf))
    for anlage in entwurf.anlagen:
        if mit_anlagentabellen:
            story.extend(_anlage(anlage))
        else:
            story.extend([PageBreak(), _p(anlage.ueberschrift, "anlage")])
    if not entwurf.final:
        story.extend(_pruefung(entwurf))
    return story


def render_entwurf_pdf(entwurf: Entwurf, *, mit_anlagentabellen: bool = True) -> bytes:
    """Lay out an assembled draft as PDF bytes."""
    register_fonts()
    puffer = io.BytesIO()
    art = "Ausfertigung" if entwurf.final else f"Entwurf, Stand {format_date(entwurf.stand)}"
    doc = SimpleDocTemplate(
        puffer,
        pagesize=A4,
        leftMargin=RAND_LINKS,
        rightMargin=RAND_RECHTS,
        topMargin=RAND_OBEN,
        bottomMargin=RAND_UNTEN,
        title=f"{entwurf.titel} {entwurf.untertitel}",
        subject=f"{entwurf.dokumentart} – {art}",
        author=entwurf.autor,
        creator="IKZ-Berater",
        keywords=", ".join(entwurf.schlagworte),
        lang="de-DE",
        invariant=1,
    )
    seite = _kopf_und_fuss(entwurf)
    doc.build(
        build_story(entwurf, mit_anlagentabellen=mit_anlagentabellen),
        onFirstPage=seite,
        onLaterPages=seite,
        canvasmaker=_canvasmaker(entwurf),
    )
    return puffer.getvalue()
