"""The four documents of a case, generated from one assessment and one calculation.

| art              | document                                           | module         |
|------------------|----------------------------------------------------|----------------|
| vereinbarung     | Öffentlich-rechtliche Vereinbarung / Verbandssatzung | vereinbarung |
| pruefvermerk     | Steuerlicher Prüfvermerk (internal)                | pruefvermerk   |
| auskunft         | Antrag auf verbindliche Auskunft (§ 89 Abs. 2 AO)  | auskunft       |
| beschlussvorlage | Beschlussvorlage for the council                   | vorlage        |

``erstelle(art, beratung, *, final, stand, regelwerk, **optionen)`` builds the document (pure apart
from reading today's date when no Stand is given); ``als_pdf`` / ``als_docx`` render it. The same
case, rule set and Stand give the same bytes. Options: ``antragsteller`` (auskunft), ``fuer``
(beschlussvorlage). A final document (Ausfertigung) built here is marked "ungeprüft" in its footer
and metadata; only the review's final gate for an approved saved case marks it "freigegeben".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from contracts.entwurf import Entwurf, Schriftstueck

Dokument = Entwurf | Schriftstueck
UNGEPRUEFT = "ungeprüft"


@dataclass(frozen=True)
class Dokumentart:
    """One kind of document: its key, German name, file-name stem, builder and options."""

    art: str
    titel: str
    dateiname: str
    erstelle: Callable[..., Dokument]
    optionen: tuple[str, ...] = ()


def _vereinbarung(beratung: Any, **kw: Any) -> Dokument:
    from contracts.dokumente.vereinbarung import erstelle_vereinbarung

    return erstelle_vereinbarung(beratung, **kw)


def _pruefvermerk(beratung: Any, **kw: Any) -> Dokument:
    from contracts.dokumente.pruefvermerk import erstelle_pruefvermerk

    return erstelle_pruefvermerk(beratung, **kw)


def _auskunft(beratung: Any, **kw: Any) -> Dokument:
    from contracts.dokumente.auskunft import erstelle_auskunft

    return erstelle_auskunft(beratung, **kw)


def _vorlage(beratung: Any, **kw: Any) -> Dokument:
    from contracts.dokumente.vorlage import erstelle_vorlage

    return erstelle_vorlage(beratung, **kw)


DOKUMENTARTEN: dict[str, Dokumentart] = {
    d.art: d
    for d in (
        Dokumentart("vereinbarung", "Vereinbarung", "Vereinbarung", _vereinbarung),
        Dokumentart("pruefvermerk", "Steuerlicher Prüfvermerk", "Pruefvermerk", _pruefvermerk),
        Dokumentart(
            "auskunft",
            "Antrag auf verbindliche Auskunft",
            "Antrag-verbindliche-Auskunft",
            _auskunft,
            ("antragsteller",),
        ),
        Dokumentart("beschlussvorlage", "Beschlussvorlage", "Beschlussvorlage", _vorlage, ("fuer",)),
    )
}


def erstelle(
    art: str,
    beratung: Any,
    *,
    final: bool = False,
    stand: date | None = None,
    regelwerk: Any = None,
    **optionen: str | None,
) -> Dokument:
    """Build document ``art`` (a key of ``DOKUMENTARTEN``) of a case; unknown options are a
    programming error (TypeError), options set to None are left out."""
    dokumentart = DOKUMENTARTEN[art]
    unbekannt = set(optionen) - set(dokumentart.optionen)
    if unbekannt:
        raise TypeError(f"{art}: unbekannte Optionen {sorted(unbekannt)}")
    gesetzt = {k: v for k, v in optionen.items() if v is not None}
    return ungeprueft_wenn_final(
        dokumentart.erstelle(beratung, final=final, stand=stand, regelwerk=regelwerk, **gesetzt)
    )


def ungeprueft_wenn_final(dokument: Dokument) -> Dokument:
    """A final document is marked "ungeprüft" (footer, metadata) unless the review vouches for it:
    only the final gate of a saved, approved case (api/review/gate.py) replaces the mark."""
    if dokument.final and dokument.pruefstand is None:
        return replace(dokument, pruefstand=UNGEPRUEFT)
    return dokument


def als_pdf(dokument: Dokument) -> bytes:
    """PDF bytes of a built document (agreement or other)."""
    if isinstance(dokument, Entwurf):
        from contracts.pdf_renderer import render_entwurf_pdf

        return render_entwurf_pdf(dokument)
    from contracts.pdf_schriftstueck import render_schriftstueck_pdf

    return render_schriftstueck_pdf(dokument)


def als_docx(dokument: Dokument) -> bytes:
    """DOCX bytes of a built document (agreement or other)."""
    if isinstance(dokument, Entwurf):
        from contracts.docx_renderer import render_entwurf_docx

        return render_entwurf_docx(dokument)
    from contracts.docx_schriftstueck import render_schriftstueck_docx

    return render_schriftstueck_docx(dokument)


__all__ = [
    "DOKUMENTARTEN",
    "UNGEPRUEFT",
    "Dokument",
    "Dokumentart",
    "als_docx",
    "als_pdf",
    "erstelle",
    "ungeprueft_wenn_final",
]
