"""The documents as data: the agreement (``Entwurf``: clauses, parties, signatures, annexes) and
the other documents of a case (``Schriftstueck``: parts of headed blocks).

The assembly steps produce these; the PDF and DOCX renderers only lay them out. All text here is
plain text (no markup): the renderers escape it. Placeholders for missing facts appear in the text
as "[… ergänzen]" and are listed in ``platzhalter`` with where they occur.
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
    varianten: tuple[str, ...]
    absaetze: tuple[Absatz, ...]

    @property
    def ueberschrift(self) -> str:
        return f"{self.nummer} {self.titel}" if self.nummer else self.titel


@dataclass(frozen=True, slots=True)
class Partei:
    """A party in the title block: "der Stadt Aheim, vertreten durch die Bürgermeisterin"."""

    kennung: str
    name: str
    im_dativ: str
    vertretung: str
    anschrift: str | None
    kurzbezeichnung: str


@dataclass(frozen=True, slots=True)
class Unterschrift:
    """A signature block: "[Ort], den ____", "Für die Stadt Aheim", line, office title, "(Siegel)"."""

    ueberschrift: str
    amt: str


@dataclass(frozen=True, slots=True)
class Tabelle:
    """A table. ``summen`` are totals rows taken from the calculation (never summed anew);
    ``rechts`` marks right-aligned (numeric) columns; ``breiten`` are fractions of the width."""

    titel: str
    spalten: tuple[str, ...]
    zeilen: tuple[tuple[str, ...], ...]
    summen: tuple[tuple[str, ...], ...] = ()
    rechts: tuple[bool, ...] = ()
    breiten: tuple[float, ...] = ()


def summenspanne(summe: tuple[str, ...]) -> int:
    """How many leading cells the label of a totals row spans: the label and the empty cells after
    it (the same in the PDF and the DOCX)."""
    spanne = 1
    while spanne < len(summe) - 1 and not summe[spanne]:
        spanne += 1
    return spanne


@dataclass(frozen=True, slots=True)
class Zwischentitel:
    """A sub-heading inside an annex or a part (e.g. one per service)."""

    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph; ``liste`` renders as items below it (bullets, or "1.", "2." if ``nummeriert``)."""

    text: str
    liste: tuple[str, ...] = ()
    nummeriert: bool = False


Block = Tabelle | Zwischentitel | Text


@dataclass(frozen=True, slots=True)
class Anlage:
    """An annex: "Anlage 2: Kostenkalkulation und Verteilung" with its blocks."""

    nummer: int
    id: str
    titel: str
    bloecke: tuple[Block, ...]

    @property
    def ueberschrift(self) -> str:
        return f"Anlage {self.nummer}: {self.titel}"


@dataclass(frozen=True, slots=True)
class Platzhalter:
    """A gap the reviewers must fill: the visible text, where it occurs, the missing field of the
    case file (path, for the CLI and the internal memo) and its name in the users' words."""

    text: str
    fundstelle: str
    feld: str | None = None
    angabe: str | None = None


@dataclass(frozen=True, slots=True)
class Entwurf:
    """The assembled agreement (or Zweckverband statute): what the renderers turn into PDF and DOCX.

    ``pruefhinweise`` are not printed in the agreement: they are what the reviewers must check
    (unverified norms, notes of the calculation) and go into the Steuerlicher Prüfvermerk.
    """

    dokumentart: str
    titel: str
    untertitel: str
    einleitung: str
    schlusssatz: str
    parteien: tuple[Partei, ...]
    klauseln: tuple[Klausel, ...]
    unterschriften: tuple[Unterschrift, ...]
    vermerk_titel: str
    vermerk: str
    anlagen: tuple[Anlage, ...]
    platzhalter: tuple[Platzhalter, ...]
    pruefhinweise: tuple[str, ...]
    stand: date
    final: bool
    land: str
    bezeichnung: str
    autor: str
    schlagworte: tuple[str, ...] = field(default=())
    #: The review status printed in the footer and metadata of an Ausfertigung: "ungeprüft" for a
    #: final document of a bare file, "freigegeben …" for an approved saved version; None in drafts.
    pruefstand: str | None = None

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


@dataclass(frozen=True, slots=True)
class Teil:
    """A headed part of a document ("1. Sachverhalt") with its blocks."""

    ueberschrift: str
    bloecke: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Schriftstueck:
    """A document of the case other than the agreement (Prüfvermerk, Antrag, Beschlussvorlage).

    ``kopfdaten`` is the table of key facts under the title ("Fall", "Stand", …); ``hinweis`` an
    optional line above it ("Interner Vermerk – nicht zur Veröffentlichung").
    """

    art: str
    kurzname: str
    titel: str
    untertitel: str
    kopfdaten: tuple[tuple[str, str], ...]
    teile: tuple[Teil, ...]
    platzhalter: tuple[Platzhalter, ...]
    stand: date
    final: bool
    bezeichnung: str
    autor: str
    schlagworte: tuple[str, ...] = ()
    hinweis: str | None = None
    #: As ``Entwurf.pruefstand``.
    pruefstand: str | None = None

    @property
    def kopfzeile(self) -> str:
        """Header line of every page in draft mode."""
        return f"Entwurf – Stand: {format_date(self.stand)} – {self.kurzname} – {self.bezeichnung}"

    def teil(self, anfang: str) -> Teil:
        """The part whose heading starts with ``anfang`` (without its number)."""
        for t in self.teile:
            if t.ueberschrift.split(" ", 1)[-1].startswith(anfang) or t.ueberschrift.startswith(anfang):
                return t
        raise KeyError(anfang)
