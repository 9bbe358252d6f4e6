"""The draft agreement as data: an ordered list of clauses and annexes with their text filled in.

``assemble`` produces an ``Entwurf``; the PDF and DOCX renderers only lay it out. All text here is
plain text (no markup): the renderers escape it. Placeholders for missing facts appear in the text
as "[… ergänzen]" and are listed in ``Entwurf.platzhalter`` with where they occur.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from contracts.formatting import format_date


@dataclass(frozen=True, slots=True)
class Absatz:
    """One numbered paragraph "(1) …" of a clause, optionally followed by list items "1. …"."""

    text: str
    aufzaehlung: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Klausel:
    """One section of the agreement ("§ 5 Kostenerstattung") in the variant chosen for the case.

    ``nummer`` is ``None`` for the unnumbered Präambel; ``varianten`` names the variant chosen per
    service (one entry when every service gets the same variant).
    """

    id: str
    nummer: str | None
    titel: str
    anker: str
    varianten: tuple[str, ...]
    absaetze: tuple[Absatz, ...]

    @property
    def ueberschrift(self) -> str:
        return f"{self.nummer} {self.titel}" if self.nummer else self.titel


@dataclass(frozen=True, slots=True)
class Partei:
    """A party in the title block: "Stadt Aheim, vertreten durch die Bürgermeisterin"."""

    kennung: str
    name: str
    vertretung: str
    anschrift: str | None
    kurzbezeichnung: str


@dataclass(frozen=True, slots=True)
class Unterschrift:
    """A signature block: "[Ort], den ____", "Für …", office title, line, "(Siegel)"."""

    fuer: str
    amt: str


@dataclass(frozen=True, slots=True)
class Tabelle:
    """A table of an annex. ``summe`` is the totals row (taken from the calculation, not summed
    anew); ``rechts`` marks right-aligned (numeric) columns."""

    titel: str
    spalten: tuple[str, ...]
    zeilen: tuple[tuple[str, ...], ...]
    summe: tuple[str, ...] | None = None
    rechts: tuple[bool, ...] = ()
    breiten: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Zwischentitel:
    """A sub-heading inside an annex (e.g. one per service)."""

    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph of annex text; ``liste`` renders as bullet items."""

    text: str
    liste: tuple[str, ...] = ()


Block = Tabelle | Zwischentitel | Text


@dataclass(frozen=True, slots=True)
class Anlage:
    """An annex: "Anlage 2 Kostenkalkulation und Verteilung" with its blocks."""

    nummer: int
    id: str
    titel: str
    bloecke: tuple[Block, ...]

    @property
    def ueberschrift(self) -> str:
        return f"Anlage {self.nummer}: {self.titel}"


@dataclass(frozen=True, slots=True)
class Platzhalter:
    """A gap the reviewers must fill: the visible text, where it occurs, and the missing fact."""

    text: str
    fundstelle: str
    feld: str | None = None


@dataclass(frozen=True, slots=True)
class Entwurf:
    """The assembled draft: what the renderers turn into PDF and DOCX."""

    dokumentart: str
    titel: str
    untertitel: str
    einleitung: str
    parteien: tuple[Partei, ...]
    klauseln: tuple[Klausel, ...]
    unterschriften: tuple[Unterschrift, ...]
    genehmigungsvermerk: str
    anlagen: tuple[Anlage, ...]
    platzhalter: tuple[Platzhalter, ...]
    pruefhinweise: tuple[str, ...]
    stand: date
    final: bool
    land: str
    bezeichnung: str
    autor: str
    schlagworte: tuple[str, ...] = field(default=())

    @property
    def kopfzeile(self) -> str:
        """Header line of every page in draft mode."""
        return f"Entwurf – Stand: {format_date(self.stand)} – {self.bezeichnung}"

    def klausel(self, kennung: str) -> Klausel:
        for k in self.klauseln:
            if k.id == kennung:
                return k
        raise KeyError(kennung)

    def anlage(self, kennung: str) -> Anlage:
        for a in self.anlagen:
            if a.id == kennung:
                return a
        raise KeyError(kennung)
