"""Step definitions of features/haushalt.feature (budget lines for the Kämmerei)."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

import rules_loader
from advisor.haushalt import haushaltsplan, jaehrliche_steigerung, standardzeitraum
from advisor.kosten import calculate
from advisor.parsing import fallakte_aus_dict
from tests.kosten.conftest import fall_daten

scenarios("haushalt.feature")


def euro(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture
def stand() -> dict[str, Any]:
    return {"ergebnis": ("nicht_steuerbar", "ustg_2b")}


@given(
    parsers.parse(
        "eine Leistung mit {personal} Euro Personalkosten und {sach} Euro Sachkosten, kalkuliert für {jahr:d}"
    )
)
def _leistung(stand, personal, sach, jahr):
    stand["daten"] = fall_daten(
        positionen=[
            {"art": "personal", "bezeichnung": "Personal", "betrag": str(euro(personal))},
            {"art": "sachkosten", "bezeichnung": "Sachkosten", "betrag": str(euro(sach))},
        ],
        kalkulationsjahr=jahr,
    )


@given("zwei Empfänger zu gleichen Teilen mit vierteljährlichen Abschlägen")
def _empfaenger(stand):
    assert stand["daten"]["leistungen"][0]["kosten"]["abrechnung"]["abschlaege"] == "vierteljaehrlich"


@given(parsers.parse("die Laufzeit endet mit Ablauf des {tag}"))
def _laufzeit(stand, tag):
    t, m, j = (int(x) for x in tag.split("."))
    from datetime import date, timedelta

    ende = date(j, m, t) + timedelta(days=1)
    stand["daten"]["leistungen"][0]["laufzeit"] = {"beginn": "2027-01-01", "ende": ende.isoformat()}


@given(parsers.parse('die Bewertung ist "{ergebnis}"'))
def _bewertung(stand, ergebnis):
    stand["ergebnis"] = (ergebnis, "ustg_2b")


def _rechne(stand, von=None, bis=None, eigene=()):
    fallakte = fallakte_aus_dict(copy.deepcopy(stand["daten"]))
    k = calculate(fallakte, rules_loader.load_rate_tables(), Decimal(19))
    if von is None:
        von, bis = standardzeitraum(fallakte, k)
    stand["plan"] = haushaltsplan(
        fallakte, k, {"dienst": stand["ergebnis"]}, von, bis, rules_loader.load_budget_defaults(), eigene
    )


@when("die Haushaltsansätze ohne Jahresangabe berechnet werden")
def _ohne_jahr(stand):
    _rechne(stand)


@when(parsers.parse("die Haushaltsansätze {von:d} bis {bis:d} berechnet werden"))
def _jahre(stand, von, bis):
    _rechne(stand, von, bis)


@when(
    parsers.parse(
        "die Haushaltsansätze {von:d} bis {bis:d} mit {p} Prozent Personalkostensteigerung und {s} Prozent "
        "Sachkostensteigerung berechnet werden"
    )
)
def _mit_annahmen(stand, von, bis, p, s):
    eigene = jaehrliche_steigerung("personal", euro(p), von, bis) + jaehrliche_steigerung(
        "sachkosten", euro(s), von, bis
    )
    _rechne(stand, von, bis, eigene)


def _jahr(stand, jahr):
    (j,) = [j for j in stand["plan"].jahre if j.jahr == jahr]
    return j


@then(parsers.parse("umfassen sie die Jahre {von:d} bis {bis:d}"))
def _umfang(stand, von, bis):
    assert sorted({j.jahr for j in stand["plan"].jahre}) == list(range(von, bis + 1))


@then(parsers.parse("betragen die Kosten {jahr:d} {betrag} Euro"))
def _kosten(stand, jahr, betrag):
    assert _jahr(stand, jahr).kosten_netto == euro(betrag)


@then("ist jede Annahme mit Grundlage und Datum ausgewiesen")
def _annahmen(stand):
    assert stand["plan"].annahmen
    assert all(s.grundlage and s.ab and "Annahme" in s.grundlage for s in stand["plan"].annahmen)


@then(parsers.parse("hat jeder Zahler {jahr:d} zwei Abschläge"))
def _abschlaege(stand, jahr):
    zahler = [z for z in _jahr(stand, jahr).zeilen if z.art == "aufwand"]
    assert zahler and all(len(z.zahlungen) == 2 for z in zahler)


@then(parsers.parse("ist {jahr:d} nicht geplant, weil es außerhalb der Laufzeit liegt"))
def _nicht_geplant(stand, jahr):
    assert [(n.jahr, n.grund) for n in stand["plan"].nicht_geplant] == [(jahr, f"{jahr} liegt außerhalb der Laufzeit.")]


@then("ergeben in jedem Jahr die Zahlungen der Zahler brutto genau den Ertrag des Erbringers")
def _summe(stand):
    for j in stand["plan"].jahre:
        ertrag = [z.brutto for z in j.zeilen if z.art == "ertrag"]
        assert ertrag == [sum(z.brutto for z in j.zeilen if z.art == "aufwand")]


@then(parsers.parse("plant jeder Zahler {jahr:d} Umsatzsteuer ein und die Zeile ist als offen gekennzeichnet"))
def _offen(stand, jahr):
    zahler = [z for z in _jahr(stand, jahr).zeilen if z.art == "aufwand"]
    assert all(z.umsatzsteuer > 0 and z.umsatzsteuer_offen and z.betrag_ohne_umsatzsteuer == z.netto for z in zahler)
