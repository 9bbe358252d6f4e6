"""Step definitions for the German draft-agreement scenarios (features/vereinbarung_*.feature)."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from contracts import assemble
from contracts.entwurf import Entwurf, Klausel
from contracts.formatting import NBSP

from .conftest import aus_daten, beratung_mit_ergebnis, example_daten

scenarios("vereinbarung_entwurf.feature")


@pytest.fixture()
def fall() -> dict[str, Any]:
    return {}


@given(parsers.parse('die Fallakte "{name}"'))
def _fallakte(fall, name):
    fall["daten"] = example_daten(name)


@given(parsers.parse('die Fallakte "{name}" ohne Kündigungsfrist'))
def _fallakte_ohne_frist(fall, name):
    fall["daten"] = example_daten(name)
    for leistung in fall["daten"]["leistungen"]:
        leistung["laufzeit"].pop("kuendigungsfrist_monate", None)


@given(parsers.parse('die steuerliche Würdigung ergibt "{ergebnis}"'))
def _ergebnis(fall, ergebnis):
    fall["ergebnis"] = ergebnis


@when("der Entwurf erstellt wird", target_fixture="entwurf")
def _erstellen(fall) -> Entwurf:
    return assemble(beratung_mit_ergebnis(aus_daten(fall["daten"]), fall["ergebnis"]))


def _paragraf(entwurf: Entwurf, nummer: int) -> Klausel:
    for klausel in entwurf.klauseln:
        if klausel.nummer == f"§ {nummer}":
            return klausel
    raise AssertionError(f"§ {nummer} fehlt")


@then(parsers.parse('enthält § {nummer:d} die Variante "{variante}"'))
def _variante(entwurf, nummer, variante):
    assert _paragraf(entwurf, nummer).varianten == (variante,)


@then(parsers.parse('enthält § {nummer:d} den Satz "{satz}"'))
def _satz(entwurf, nummer, satz):
    text = " ".join(a.text for a in _paragraf(entwurf, nummer).absaetze).replace(NBSP, " ")
    assert satz in text


@then(parsers.parse("hat der Entwurf {anzahl:d} Anlagen"))
def _anlagen(entwurf, anzahl):
    assert len(entwurf.anlagen) == anzahl


@then(parsers.parse('nennt die Platzhalterliste das Feld "{feld}"'))
def _platzhalter(entwurf, feld):
    assert feld in [p.feld for p in entwurf.platzhalter]
