"""The rule set's changelog (rules/CHANGELOG.md) as data: which entries lie between two versions,
and which bullets mention a rule — what the impact report quotes.

Format (the file's own convention): a section per version, ``## <version> – <date> (<why>)``,
then paragraphs and bullets (``- …``, continued by indented lines). Versions are compared as
dotted numbers ("2026.12.2" > "2026.12.10" is false).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KOPF = re.compile(r"^## (\S+)\s+[–-]\s+(.*)$")


@dataclass(frozen=True, slots=True)
class Aenderungseintrag:
    """One version's section: version, the rest of its heading, its text, and its bullets."""

    version: str
    titel: str
    text: str
    punkte: tuple[str, ...]


def versionsschluessel(version: str) -> tuple[int | str, ...]:
    """A sort key for dotted versions (numbers numerically, anything else as text)."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"[.\-]", version))


def _punkte(zeilen: list[str]) -> tuple[str, ...]:
    punkte: list[str] = []
    for zeile in zeilen:
        if zeile.startswith("- "):
            punkte.append(zeile[2:].strip())
        elif punkte and zeile.startswith("  ") and zeile.strip():
            punkte[-1] += " " + zeile.strip()
    return tuple(punkte)


def parse_changelog(text: str) -> list[Aenderungseintrag]:
    """Every version section of the changelog, in file order (newest first by convention)."""
    eintraege: list[Aenderungseintrag] = []
    aktuell: tuple[str, str] | None = None
    zeilen: list[str] = []

    def abschliessen() -> None:
        if aktuell is not None:
            eintraege.append(Aenderungseintrag(aktuell[0], aktuell[1], "\n".join(zeilen).strip(), _punkte(zeilen)))

    for zeile in text.splitlines():
        kopf = _KOPF.match(zeile)
        if kopf:
            abschliessen()
            aktuell, zeilen = (kopf.group(1), kopf.group(2).strip()), []
        elif aktuell is not None:
            zeilen.append(zeile)
    abschliessen()
    return eintraege


def zwischen(eintraege: list[Aenderungseintrag], von: str, bis: str) -> list[Aenderungseintrag]:
    """The sections after ``von`` up to and including ``bis``, oldest first."""
    a, b = versionsschluessel(von), versionsschluessel(bis)
    return sorted(
        (e for e in eintraege if a < versionsschluessel(e.version) <= b), key=lambda e: versionsschluessel(e.version)
    )


def erwaehnungen(eintraege: list[Aenderungseintrag], regel: str) -> list[tuple[str, str]]:
    """(version, bullet) of every bullet that names ``regel`` in backticks."""
    marke = f"`{regel}`"
    return [(e.version, p) for e in eintraege for p in e.punkte if marke in p]
