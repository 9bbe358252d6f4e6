"""An inventory as Fallakten: each readable row's case (for the contract register's import).

The same reading, portfolio and case building as the screening (``parse_rows``, ``Portfolio``,
``fallakte_aus_bestandszeile``), without the assessment: the caller assesses and stores each case.
A row that cannot become a case comes back as problems naming row and column.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.fallakte import Fallakte
from advisor.screening.bestandszeile import Bestandszeile, Rohtabelle, Zeilenproblem, parse_rows
from advisor.screening.durchlauf import _portfolioposten
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile
from advisor.screening.portfolio import Portfolio
from advisor.screening.vorgaben import Screeningvorgaben


def fallakten_aus_bestand(
    tabellen: Sequence[Rohtabelle], vorgaben: Screeningvorgaben
) -> tuple[list[tuple[Bestandszeile, Fallakte]], list[Zeilenproblem]]:
    """(row, its validated Fallakte) for every row that makes a case, and every problem."""
    gelesen = parse_rows(tabellen, vorgaben)
    portfolio = Portfolio(vorgaben.bagatellgrenze)
    for z in gelesen.zeilen:
        portfolio.add(_portfolioposten(z))
    portfolio.luecken = set(gelesen.luecken)
    portfolio.mehrere_dateien = len({z.quelle for z in gelesen.zeilen}) > 1
    probleme = list(gelesen.probleme)
    akten: list[tuple[Bestandszeile, Fallakte]] = []
    for z in gelesen.zeilen:
        akte, fehler = fallakte_aus_bestandszeile(z, portfolio.werte(_portfolioposten(z)), vorgaben.stichtag)
        probleme.extend(fehler)
        if akte is not None:
            akten.append((z, akte))
    return akten, probleme
