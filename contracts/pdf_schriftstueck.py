"""The other documents of a case (Prüfvermerk, Antrag, Beschlussvorlage) as PDF, in the same
typography, page decoration and determinism as the agreement (``contracts.pdf_basis``).

Layout: title, subtitle, an optional notice line, the table of key facts, then the parts with
their blocks; in draft mode a closing list of the gaps still to fill.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from contracts.entwurf import Schriftstueck, Tabelle
from contracts.formatting import format_date
from contracts.pdf_basis import baue_pdf, bloecke, p, tabelle
from contracts.pdf_renderer import luecken_tabelle


def _kopfdaten(s: Schriftstueck) -> Tabelle:
    return Tabelle(titel="", spalten=("Angabe", "Inhalt"), zeilen=s.kopfdaten, breiten=(0.28, 0.72))


def build_story(s: Schriftstueck, *, mit_tabellen: bool = True) -> list[Flowable]:
    """The reportlab story of a document (``mit_tabellen=False`` is the benchmark's floor)."""
    story: list[Flowable] = [Spacer(1, 4 * mm), p(s.titel, "titel"), p(s.untertitel, "untertitel")]
    if s.hinweis:
        story.append(p(s.hinweis, "hinweis"))
    if s.kopfdaten:
        story.extend(tabelle(_kopfdaten(s)))
    for teil in s.teile:
        story.append(p(teil.ueberschrift, "teil"))
        if mit_tabellen:
            story.extend(bloecke(teil.bloecke))
    if not s.final and s.platzhalter:
        story.append(p("Zu ergänzende Stellen", "teil"))
        story.extend(tabelle(luecken_tabelle(s.platzhalter, f"Zu ergänzende Angaben ({len(s.platzhalter)})")))
    return story


def render_schriftstueck_pdf(s: Schriftstueck, *, mit_tabellen: bool = True) -> bytes:
    """Lay out a document as PDF bytes; same document and Stand → same bytes."""
    art = "Ausfertigung" if s.final else f"Entwurf, Stand {format_date(s.stand)}"
    if s.pruefstand:
        art = f"{art} ({s.pruefstand})"
    return baue_pdf(
        build_story(s, mit_tabellen=mit_tabellen),
        stand=s.stand,
        kopfzeile=None if s.final else s.kopfzeile,
        titel=f"{s.titel} – {s.bezeichnung}",
        betreff=f"{s.art} – {art}",
        autor=s.autor,
        schlagworte=s.schlagworte,
        pruefstand=s.pruefstand,
    )
