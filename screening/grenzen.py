"""The bounds of reading an inventory, checked while the file is read — before anything is built.

Every reader (XLSX, CSV, JSON) counts as it goes: decompressed bytes, rows, columns, the length of
a cell, the shared-string table, and the time spent. A bound that is crossed stops the reading at
once with ``Grenzueberschreitung`` (an ``UngueltigeEingabe``: the CLI prints it and exits 2, the
API answers 413 problem+json); the German sentence names the bound and its value.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from advisor.errors import Feldproblem, UngueltigeEingabe

TITEL = "Die Bestandsliste ist zu groß oder zu aufwendig zu lesen."


def zahl(n: int) -> str:
    """A whole number the German way: 100.000."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True, slots=True)
class Lesegrenzen:
    """What one inventory file may cost (defaults: Excel's own limits where Excel has one).

    Attributes:
        max_bytes: the file as uploaded.
        max_entpackt: the decompressed bytes of the XLSX parts read (workbook, strings, sheet).
        max_zeilen: data rows (the header row not counted); empty rows are not counted.
        max_spalten: columns (Excel: 16,384 = column XFD).
        max_zellzeichen: characters in one cell (Excel: 32,767).
        max_texte: entries of the XLSX shared-string table.
        max_textzeichen: characters of the whole shared-string table.
        max_sekunden: time for reading the file (checked after every row and every 64 KB).
    """

    max_bytes: int = 50_000_000
    max_entpackt: int = 400_000_000
    max_zeilen: int = 100_000
    max_spalten: int = 16_384
    max_zellzeichen: int = 32_767
    max_texte: int = 1_000_000
    max_textzeichen: int = 50_000_000
    max_sekunden: float = 120.0


STANDARD = Lesegrenzen()


class Grenzueberschreitung(UngueltigeEingabe):
    """An inventory crosses a bound of ``Lesegrenzen``; ``grenze`` names which one (for the API)."""

    def __init__(self, grenze: str, meldung: str, quelle: str = "") -> None:
        self.grenze = grenze
        ort = f"„{quelle}“: " if quelle else ""
        super().__init__([Feldproblem("", ort + meldung)], TITEL)


class Lesefrist:
    """A deadline for reading: ``pruefe()`` raises ``Grenzueberschreitung`` once it has passed."""

    __slots__ = ("ende", "sekunden")

    def __init__(self, sekunden: float) -> None:
        self.sekunden = sekunden
        self.ende = time.monotonic() + sekunden

    def pruefe(self) -> None:
        if time.monotonic() > self.ende:
            raise Grenzueberschreitung(
                "zeit",
                f"Das Lesen der Datei dauert zu lange (Zeitlimit {self.sekunden:g} Sekunden). "
                "Bitte die Datei aufteilen oder überflüssige Zeilen, Spalten und Formatierungen entfernen.",
            )


def zu_viele_zeilen(grenzen: Lesegrenzen) -> Grenzueberschreitung:
    return Grenzueberschreitung(
        "zeilen", f"Zu viele Zeilen (höchstens {zahl(grenzen.max_zeilen)} Datenzeilen); bitte die Liste aufteilen."
    )


def zu_viele_spalten(grenzen: Lesegrenzen, zeile: int) -> Grenzueberschreitung:
    return Grenzueberschreitung(
        "spalten", f"Zeile {zeile} hat zu viele Spalten (höchstens {zahl(grenzen.max_spalten)}, wie in Excel)."
    )


def zelle_zu_lang(grenzen: Lesegrenzen, wo: str) -> Grenzueberschreitung:
    return Grenzueberschreitung(
        "zellzeichen",
        f"{wo}: Der Zellinhalt ist zu lang (höchstens {zahl(grenzen.max_zellzeichen)} Zeichen, wie in Excel).",
    )
