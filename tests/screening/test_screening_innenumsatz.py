"""Scenarios of features/screening_innenumsatz.feature (issue 17): an inventory row whose provider is
the recipient's own Eigenbetrieb (or the recipient itself) is screened as an internal charge."""

from __future__ import annotations

import parse
import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from screening.read import read_table_bytes
from screening.run import screen_tables
from tests.regeln.regelnamen import regel_id
from tests.screening.conftest import csv_bytes, zeile

scenarios("screening_innenumsatz.feature")

_GEGEN_KOSTEN = {
    "aufgabenfeld": "abwasser",
    "entgelt": "kostenerstattung",
    "rechtsform": "verwaltungsvereinbarung",
    "erbringer_art": "stadt",
    "privat_steuerfrei_ohne_option": "nein",
    "gesetzlicher_vorbehalt_jpoer": "nein",
    "private_anbieter_am_markt": "ja",
}


@pytest.fixture
def bestand() -> dict:
    return {"zeilen": []}


@parse.with_pattern(r"\d{1,3}(?:\.\d{3})*,\d{2} €")
def _euro_text(text: str) -> str:
    return text


@given(
    parsers.parse(
        'der Eigenbetrieb Stadtentwässerung Adorf mit dem Rechtsträger "{traeger}" berechnet der {empfaenger} '
        "{betrag:Euro}",
        extra_types={"Euro": _euro_text},
    )
)
def _eigenbetrieb(bestand: dict, traeger: str, empfaenger: str, betrag: str) -> None:
    art = "stadt" if empfaenger.startswith("Stadt") else "gemeinde"
    bestand["zeilen"].append(
        zeile(
            kennung="E-1",
            erbringer="Eigenbetrieb Stadtentwässerung Adorf",
            erbringer_rechtstraeger=traeger,
            empfaenger=empfaenger,
            empfaenger_art=art,
            jahresbetrag=betrag.replace(" €", ""),
            **_GEGEN_KOSTEN,
        )
    )


@given(parsers.parse("die Stadt Adorf berechnet der Stadt Adorf {betrag}"))
def _sich_selbst(bestand: dict, betrag: str) -> None:
    bestand["zeilen"].append(
        zeile(
            kennung="A-1",
            erbringer="Stadt Adorf",
            empfaenger="Stadt Adorf",
            empfaenger_art="stadt",
            jahresbetrag=betrag.replace(" €", ""),
            **_GEGEN_KOSTEN,
        )
    )


@when("der Bestand geprüft wird", target_fixture="screening")
def _pruefen(bestand: dict):
    return screen_tables([read_table_bytes(csv_bytes(bestand["zeilen"]), "bestand.csv")], jobs=1)


@then(parsers.parse('ist die Leistung "{ergebnis}" mit der entscheidenden Regel „{regel}“'))
def _ergebnis(screening, ergebnis: str, regel: str) -> None:
    (z,) = screening.zeilen
    assert (z.ergebnis, z.entscheidende_regel) == (ergebnis, regel_id(regel))


@then(parsers.parse('ist die Leistung nicht "{ergebnis}" wegen der Regel „{regel}“'))
def _nicht(screening, ergebnis: str, regel: str) -> None:
    (z,) = screening.zeilen
    assert z.entscheidende_regel != regel_id(regel)


@then("keine Zeile wird als unlesbar gemeldet")
def _lesbar(screening) -> None:
    assert screening.probleme == [] or list(screening.probleme) == []
