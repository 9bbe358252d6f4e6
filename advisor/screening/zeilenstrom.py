"""Reading the rows of inventory tables one at a time ("Zeilenstrom"), as the screening streams them.

``Zeilenpruefung`` keeps only what spans rows: the Kennungen already given (a repeated one is a
problem of the later row), the (provider, Aufgabenfeld) groups that lost an unreadable row, and
the count of rejected rows. A row's cells are a sequence (CSV) or a mapping column index → value
(XLSX, JSON: only the cells present), so a cell far to the right costs nothing extra.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from advisor.screening.bestandszeile import (
    Bestandszeile,
    Rohtabelle,
    Zeilenproblem,
    _auswahl_tabellen,
    _merke_luecke,
    map_headers,
    parse_row,
)
from advisor.screening.spalten import SPALTE, Spalte
from advisor.screening.vorgaben import Screeningvorgaben
from advisor.screening.zellen import is_empty

Zellen = Sequence[Any] | Mapping[int, Any]


def _leer(zellen: Zellen) -> bool:
    werte = zellen.values() if isinstance(zellen, Mapping) else zellen
    return all(is_empty(z) for z in werte)


def _nach_feld(zellen: Zellen, spalten: dict[int, Spalte]) -> dict[str, Any]:
    """{field: raw value} of the mapped columns — O(mapped columns), not O(row width)."""
    if isinstance(zellen, Mapping):
        return {spalten[i].feld: z for i, z in zellen.items() if i in spalten}
    return {s.feld: zellen[i] for i, s in spalten.items() if i < len(zellen)}


class Zeilenpruefung:
    """Turns table rows into ``Bestandszeile``n one by one, remembering what spans rows."""

    def __init__(self, vorgaben: Screeningvorgaben) -> None:
        self.vorgaben = vorgaben
        self.auswahl = _auswahl_tabellen(vorgaben)
        self.vergeben: dict[str, tuple[str, int]] = {}
        self.luecken: set[tuple[str, str | None]] = set()
        self.abgelehnt = 0

    def tabelle(self, tabelle: Rohtabelle) -> Iterator[tuple[Bestandszeile | None, list[Zeilenproblem]]]:
        """(row, []) for each readable row, (None, problems) for the header and each unreadable row.

        Empty rows are skipped. A table missing a required column has every non-empty row rejected.
        """
        spalten, kopfprobleme = map_headers(tabelle)
        if kopfprobleme:
            yield None, kopfprobleme
        if any(p.meldung == "Die Pflichtspalte fehlt." for p in kopfprobleme):
            self.abgelehnt += sum(1 for _, zellen in tabelle.zeilen if not _leer(zellen))
            return
        for nummer, zellen in tabelle.zeilen:
            if _leer(zellen):
                continue
            yield self.zeile(tabelle.quelle, nummer, _nach_feld(zellen, spalten))

    def zeile(
        self, quelle: str, nummer: int, werte: Mapping[str, Any]
    ) -> tuple[Bestandszeile | None, list[Zeilenproblem]]:
        """One row's cells by field: the row, or ``None`` and its problems (a repeated Kennung too)."""
        zeile, fehler = parse_row(quelle, nummer, werte, self.vorgaben, self.auswahl)
        if zeile is not None and zeile.kennung in self.vergeben:
            frueher_quelle, frueher = self.vergeben[zeile.kennung]
            wo = f"Zeile {frueher}" + (f" von {frueher_quelle}" if frueher_quelle != quelle else "")
            fehler = [
                Zeilenproblem(
                    quelle,
                    nummer,
                    SPALTE["kennung"].titel,
                    f"Die Kennung „{zeile.kennung}“ ist schon in {wo} vergeben.",
                )
            ]
            zeile = None
        if zeile is None:
            self.abgelehnt += 1
            _merke_luecke(self.luecken, werte, self.auswahl)
            return None, fehler
        self.vergeben[zeile.kennung] = (quelle, nummer)
        return zeile, []
