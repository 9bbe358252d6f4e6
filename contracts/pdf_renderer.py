"""The agreement (or Verbandssatzung) as PDF: title and parties, Präambel, §§ with (1), (2),
signature blocks, the supervisory authority's box, annexes with tables — contract text only.

In draft mode a last sheet lists the gaps still to fill ("nicht Bestandteil der Vereinbarung");
the final version ("Ausfertigung") has neither the draft marks nor that sheet. Layout, fonts,
determinism: ``contracts.pdf_basis``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from contracts.entwurf import Anlage, Entwurf, Klausel, Tabelle
from contracts.formatting import format_date
from contracts.pdf_basis import (
    BREITE,
    LINIE,
    SANS,
    SANS_BOLD,
    SERIF,
    baue_pdf,
    bloecke,
    p,
    punkt,
    register_fonts,
    styles,
    tabelle,
)

# SANS, SANS_BOLD and register_fonts are used by screening/report.py (same fonts in every PDF).
__all__ = ["SANS", "SANS_BOLD", "build_story", "register_fonts", "render_entwurf_pdf"]


def _titelblock(entwurf: Entwurf) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 6 * mm), p(entwurf.titel, "titel"), p(entwurf.untertitel, "untertitel")]
    if entwurf.einleitung:
        story.append(p(entwurf.einleitung, "text"))
    for i, partei in enumerate(entwurf.parteien):
        if i:
            story.append(p("und", "text"))
        teile = [f"<b>{escape(partei.im_dativ)}</b>", escape(partei.vertretung)]
        if partei.anschrift:
            teile.append(escape(partei.anschrift))
        story.append(Paragraph(", ".join(teile), styles()["partei"]))
        story.append(p(f"– nachstehend „{partei.kurzbezeichnung}“ genannt –", "nachstehend"))
    if entwurf.schlusssatz:
        story.append(p(entwurf.schlusssatz, "text"))
    return story


def _klausel(klausel: Klausel) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(40 * mm), p(klausel.ueberschrift, "paragraf")]
    nummeriert = klausel.nummer is not None and len(klausel.absaetze) > 1
    for i, absatz in enumerate(klausel.absaetze, start=1):
        if nummeriert:
            story.append(Paragraph(escape(absatz.text), styles()["absatz"], bulletText=f"({i})"))
        else:
            story.append(p(absatz.text, "text"))
        story.extend(punkt(eintrag, f"{j}.") for j, eintrag in enumerate(absatz.aufzaehlung, start=1))
    return story


def _unterschriften(entwurf: Entwurf) -> list[Flowable]:
    felder = []
    for u in entwurf.unterschriften:
        zeilen = ["[Ort], den ____________________", u.ueberschrift, "", "", "_________________________________", u.amt]
        zeilen.append("(Siegel)")
        felder.append([Paragraph(escape(z) or "\u00a0", styles()["unterschrift"]) for z in zeilen])
    zeilen_tabelle = []
    for i in range(0, len(felder), 2):
        paar = felder[i : i + 2]
        zeilen_tabelle.append([paar[0], paar[1] if len(paar) > 1 else ""])
    tab = Table(zeilen_tabelle, colWidths=[BREITE / 2] * 2, hAlign="LEFT")
    tab.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [CondPageBreak(60 * mm), Spacer(1, 8 * mm), tab]


def _vermerk(entwurf: Entwurf) -> list[Flowable]:
    tab = Table(
        [[Paragraph(f"<b>{escape(entwurf.vermerk_titel)}</b>", styles()["links"])], [p(entwurf.vermerk, "links")]],
        colWidths=[BREITE],
    )
    tab.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, LINIE),
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [Spacer(1, 6 * mm), KeepTogether([tab])]


def _anlage(anlage: Anlage, mit_tabellen: bool) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), p(anlage.ueberschrift, "anlage")]
    if mit_tabellen:
        story.extend(bloecke(anlage.bloecke))
    return story


def luecken_tabelle(entwurf_platzhalter: tuple, titel: str) -> Tabelle:
    """The table of gaps: placeholder, where it is, which information it needs (users' words)."""
    return Tabelle(
        titel=titel,
        spalten=("Zu ergänzen", "Fundstelle", "Angabe"),
        zeilen=tuple((pl.text, pl.fundstelle, pl.angabe or "—") for pl in entwurf_platzhalter),
        breiten=(0.45, 0.20, 0.35),
    )


def _luecken(entwurf: Entwurf) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        p("Verzeichnis der zu ergänzenden Stellen", "anlage"),
        p("Dieses Blatt ist nicht Bestandteil der Vereinbarung und entfällt in der Ausfertigung.", "mitte"),
    ]
    if entwurf.platzhalter:
        titel = f"Zu ergänzende Angaben ({len(entwurf.platzhalter)})"
        story.extend(tabelle(luecken_tabelle(entwurf.platzhalter, titel)))
    else:
        story.append(p("Der Entwurf enthält keine zu ergänzenden Stellen.", "text"))
    return story


def build_story(entwurf: Entwurf, *, mit_anlagentabellen: bool = True) -> list[Flowable]:
    """The reportlab story of the agreement (``mit_anlagentabellen=False`` is the benchmark's floor)."""
    story = _titelblock(entwurf)
    for klausel in entwurf.klauseln:
        story.extend(_klausel(klausel))
    story.extend(_unterschriften(entwurf))
    story.extend(_vermerk(entwurf))
    for anlage in entwurf.anlagen:
        story.extend(_anlage(anlage, mit_anlagentabellen))
    if not entwurf.final:
        story.extend(_luecken(entwurf))
    return story


def render_entwurf_pdf(entwurf: Entwurf, *, mit_anlagentabellen: bool = True) -> bytes:
    """Lay out an assembled agreement as PDF bytes."""
    art = "Ausfertigung" if entwurf.final else f"Entwurf, Stand {format_date(entwurf.stand)}"
    if entwurf.pruefstand:
        art = f"{art} ({entwurf.pruefstand})"
    return baue_pdf(
        build_story(entwurf, mit_anlagentabellen=mit_anlagentabellen),
        stand=entwurf.stand,
        kopfzeile=None if entwurf.final else entwurf.kopfzeile,
        titel=f"{entwurf.titel} {entwurf.untertitel}",
        betreff=f"{entwurf.dokumentart} – {art}",
        autor=entwurf.autor,
        schlagworte=entwurf.schlagworte,
        pruefstand=entwurf.pruefstand,
    )
