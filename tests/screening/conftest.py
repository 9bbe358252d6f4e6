"""Fixtures of the screening tests: hand-made screening inputs and inventory tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from advisor.screening import Rohtabelle, Screeningvorgaben
from advisor.screening.spalten import SPALTEN

AUFGABENFELDER = {
    "abfall": "Abfallwirtschaft",
    "bauhof": "Bauhof",
    "it_egovernment": "IT und E-Government",
    "personalabrechnung": "Personalabrechnung",
    "standesamt": "Standesamt",
    "sonstiges": "Sonstiges",
}


@pytest.fixture
def vorgaben() -> Screeningvorgaben:
    return Screeningvorgaben(date(2027, 1, 1), AUFGABENFELDER, Decimal("17500"))


def zeile(**werte: Any) -> dict[str, Any]:
    """A valid minimal row ({field: cell}); keyword arguments override or add cells."""
    basis: dict[str, Any] = {
        "kennung": "L-1",
        "bezeichnung": "Abrechnung",
        "erbringer": "Kreis Musterland",
        "erbringer_art": "kreis",
        "empfaenger": "Stadt Aheim",
        "empfaenger_art": "stadt",
        "aufgabenfeld": "personalabrechnung",
        "rechtsform": "oerv_mandatierend",
    }
    basis.update(werte)
    return basis


def tabelle(zeilen: Sequence[Mapping[str, Any]], quelle: str = "bestand.csv", *, titel: bool = True) -> Rohtabelle:
    """A table with every column of the template (German headers) and the given rows from row 2 on."""
    felder = [s.feld for s in SPALTEN]
    koepfe = [s.titel if titel else s.feld for s in SPALTEN]
    return Rohtabelle(quelle, koepfe, [(n, [z.get(f) for f in felder]) for n, z in enumerate(zeilen, start=2)])


def csv_bytes(zeilen: Sequence[Mapping[str, Any]], *, trenner: str = ";") -> bytes:
    """The rows as a CSV file with the template's German headers (as a finance office saves it)."""
    import csv
    import io

    aus = io.StringIO()
    schreiber = csv.writer(aus, delimiter=trenner)
    schreiber.writerow([s.titel for s in SPALTEN])
    for z in zeilen:
        schreiber.writerow(["" if z.get(s.feld) is None else z.get(s.feld) for s in SPALTEN])
    return aus.getvalue().encode("utf-8")


#: Facts of a building-yard service that leave § 2b Abs. 2 Nr. 1 UStG as the deciding question.
BAUHOF = {
    "aufgabenfeld": "bauhof",
    "entgelt": "kostenerstattung",
    "rechtsform": "oerv_mandatierend",
    "erbringer": "Gemeinde Adorf",
    "erbringer_art": "gemeinde",
    "empfaenger_art": "gemeinde",
    "aufgabenuebertragung_befreiend": "nein",
    "gesetzlicher_vorbehalt_jpoer": "nein",
    "privat_steuerfrei_ohne_option": "nein",
}


def bauhof_zeilen(anzahl: int, betrag: str = "8.000,00", **werte: Any) -> list[dict[str, Any]]:
    """``anzahl`` building-yard services of Gemeinde Adorf to different neighbours."""
    return [
        zeile(kennung=f"B-{i + 1}", empfaenger=f"Gemeinde Nachbar {i + 1}", jahresbetrag=betrag, **{**BAUHOF, **werte})
        for i in range(anzahl)
    ]
