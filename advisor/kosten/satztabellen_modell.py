"""Rate tables (Satztabellen) as the calculation uses them: the rows with their derived annual
personnel cost per VZÄ, and the registry of all tables a calculation may name.

``Satztabellen.mit_eigenen`` adds a caller's own tables (a municipality's current KGSt table) for
one request; parsing and validating tables is ``satztabellen``'s.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from advisor.errors import Feldproblem, UngueltigeEingabe

EIGENE_KLR = "eigene_klr"
TITEL_SATZTABELLE = "Die Satztabelle ist ungültig."

Laufbahn = Literal["tarifbeschaeftigte", "beamte"]


_LEERRAUM = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def normalisiere_gruppe(gruppe: str) -> str:
    """``"E 9b"``, ``"e9b"`` and ``"E  9 b"`` name the same pay grade (cached: a batch of
    calculations looks up the same few grades thousands of times)."""
    return _LEERRAUM.sub("", gruppe).upper()


@dataclass(frozen=True, slots=True)
class Personalsatz:
    """One pay grade of a table with its derived annual personnel cost per VZÄ (cent-rounded)."""

    gruppe: str
    laufbahn: Laufbahn
    stundensatz: Decimal
    jahresarbeitsstunden: Decimal
    jahreskosten_je_vzae: Decimal
    geprueft: bool
    hinweis: str | None


@dataclass(frozen=True, slots=True)
class Richtwertstand:
    """The NRW fee rates of one edict year; ``None`` where the value is not known."""

    jahr: int
    quelle: str
    geprueft: bool
    saetze: dict[str, Decimal | None]


@dataclass(frozen=True, slots=True)
class Satztabelle:
    """A dated rate table with its source and verification flag."""

    id: str
    titel: str
    art: str
    als_satzgrundlage: bool
    stand: date | None
    bezugsjahre: tuple[int, ...]
    quelle: str
    geprueft: bool
    zuletzt_geprueft: date
    hinweise: tuple[str, ...]
    sachkosten_je_arbeitsplatz: Decimal | None
    gemeinkostenzuschlag_buero_prozent: Decimal | None
    gemeinkostenzuschlag_nicht_buero_prozent: Decimal | None
    personalsaetze: dict[str, Personalsatz]
    richtwerte: tuple[Richtwertstand, ...]
    rundung_jahreskosten: Decimal = Decimal("0.01")
    #: Weekly hours the annual hours assume (employees, civil servants), when the table states them.
    wochenarbeitszeit: tuple[Decimal, Decimal] | None = None
    #: A municipality's own table, loaded for a request (not shipped in rules/tarife/).
    eigene: bool = False

    def personalsatz(self, gruppe: str) -> Personalsatz | None:
        """The row of this pay grade (spelling-tolerant: "E 9b" = "E9b"), or ``None``."""
        return self.personalsaetze.get(normalisiere_gruppe(gruppe))

    @property
    def gruppen(self) -> list[str]:
        return [s.gruppe for s in self.personalsaetze.values()]


@dataclass(frozen=True, slots=True)
class Satztabellen:
    """All rate tables by id: the registry that ``calculate`` receives."""

    tabellen: dict[str, Satztabelle]

    def get(self, kennung: str) -> Satztabelle | None:
        return self.tabellen.get(kennung)

    def mit_eigenen(self, eigene: Iterable[Satztabelle]) -> Satztabellen:
        """These tables plus a caller's own (e.g. the municipality's current KGSt table, later
        those stored for its organisation). An own table never replaces a shipped one: the same
        id is an error, so a calculation always says which table it used."""
        tabellen = dict(self.tabellen)
        probleme: list[Feldproblem] = []
        for i, t in enumerate(eigene):
            if t.id in tabellen or t.id == EIGENE_KLR:
                probleme.append(
                    Feldproblem(
                        f"satztabellen[{i}].id",
                        f"Die id „{t.id}“ ist schon vergeben (mitgelieferte oder weitere Tabelle); bitte eine "
                        "eigene id wählen, z. B. „{t.id}_stadt“.".replace("{t.id}", t.id),
                    )
                )
            tabellen[t.id] = t
        if probleme:
            raise UngueltigeEingabe(probleme, TITEL_SATZTABELLE)
        return Satztabellen(tabellen)

    @property
    def satzgrundlagen(self) -> list[str]:
        """Ids a case may name as ``satzgrundlage`` (the tables usable for costing, and eigene_klr)."""
        return sorted(k for k, t in self.tabellen.items() if t.als_satzgrundlage) + [EIGENE_KLR]
