"""Scenarios of features/screening_portfolio.feature, with their (thin) steps."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from screening.read import read_table_bytes
from screening.run import screen_tables
from tests.regeln.regelnamen import regel_id
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile

scenarios("screening_portfolio.feature")


def _betrag(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", ".").replace("€", "").strip())


@pytest.fixture
def bestand() -> dict:
    return {"zeilen": []}


@given("eine Bestandsliste mit Bauhofleistungen der Gemeinde Adorf an ihre Nachbarn")
def _leer(bestand: dict) -> None:
    bestand["zeilen"] = []


@given(parsers.parse("die Gemeinde Adorf erbringt {anzahl:d} Leistungen zu je {betrag}"))
def _leistungen(bestand: dict, anzahl: int, betrag: str) -> None:
    bestand["zeilen"] += bauhof_zeilen(anzahl, betrag.replace(" €", ""))


@given(parsers.parse("die erste Zeile gibt einen Umsatz gleichartiger Tätigkeiten von {betrag} an"))
def _umsatz(bestand: dict, betrag: str) -> None:
    bestand["zeilen"][0]["umsatz_gleichartige_taetigkeiten"] = betrag.replace(" €", "")


@given("eine weitere Zeile nennt keinen Erbringer")
def _ohne_erbringer(bestand: dict) -> None:
    bestand["zeilen"].append(zeile(kennung="OHNE", erbringer=""))


@when("der Bestand geprüft wird", target_fixture="screening")
def _pruefen(bestand: dict):
    return screen_tables([read_table_bytes(csv_bytes(bestand["zeilen"]), "bestand.csv")], jobs=1)


@then(parsers.parse('ist jede Leistung "{ergebnis}"'))
def _ergebnis(screening, ergebnis: str) -> None:
    assert [z.ergebnis for z in screening.zeilen] == [ergebnis] * len(screening.zeilen)


@then(parsers.parse("die entscheidende Regel jeder Leistung ist „{regel}“"))
def _regel(screening, regel: str) -> None:
    assert {z.entscheidende_regel for z in screening.zeilen} == {regel_id(regel)}


@then(parsers.parse("der Umsatz gleichartiger Tätigkeiten jeder Leistung ist {betrag} aus dem Bestand"))
def _aus_bestand(screening, betrag: str) -> None:
    assert {z.aus_bestand["umsatz_gleichartige_taetigkeiten"].wert for z in screening.zeilen} == {_betrag(betrag)}


@then(parsers.parse("die Mehrbelastung durch Umsatzsteuer beträgt insgesamt {betrag}"))
def _mehrbelastung(screening, betrag: str) -> None:
    assert screening.zusammenfassung.mehrbelastung_gesamt_eur == _betrag(betrag)


@then(parsers.parse("werden {anzahl:d} Leistungen geprüft"))
def _anzahl(screening, anzahl: int) -> None:
    assert screening.zusammenfassung.anzahl_zeilen == anzahl


@then(parsers.parse('Zeile {nummer:d} wird mit der Spalte "{spalte}" gemeldet'))
def _gemeldet(screening, nummer: int, spalte: str) -> None:
    assert (nummer, spalte) in {(p.zeile, p.spalte) for p in screening.probleme}
