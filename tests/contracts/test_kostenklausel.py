"""The cost clause and Anlage 2 describe every key the calculation supports (issue 16): mixed keys
with their weights, fixed shares with the rest's key, unit price × actual quantity, the reference
date of population figures, the remainder-cent rule, the due dates of the advances, the final
invoice of a taxable service; the calculation's warnings go to the reviewers, not into the agreement.
"""

from __future__ import annotations

import re

import pytest

from contracts import assemble
from contracts.entwurf import Tabelle
from contracts.formatting import NBSP
from tests.contracts.conftest import STAND, aus_daten, echte_beratung, example_daten

_GELD = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{2} €")

GEMISCHT = {
    "schluessel": "gemischt",
    "einwohner_stichtag": "2025-12-31",
    "bestandteile": [
        {
            "id": "faelle",
            "bezeichnung": "Abrechnungsfälle",
            "gewicht_prozent": 70,
            "schluessel": "fallzahlen",
            "werte": {"stadt-a": 610, "gemeinde-b": 205},
        },
        {"id": "ew", "bezeichnung": "Einwohner", "gewicht_prozent": 30, "schluessel": "einwohner"},
    ],
}
STUECKPREIS = {
    "schluessel": "stueckpreis",
    "stueckpreis": "21.00",
    "mengeneinheit": "Abrechnungsfall",
    "werte": {"stadt-a": 7320, "gemeinde-b": 2460},
}


def _personal(verteilung: dict, **abrechnung):
    daten = example_daten("personalabrechnung-mandatierend")
    daten["leistungen"][0]["kosten"]["verteilung"] = verteilung
    daten["leistungen"][0]["kosten"]["abrechnung"].update(abrechnung)
    return assemble(echte_beratung(aus_daten(daten)), stand=STAND)


def _klausel(entwurf, kennung: str = "kostenerstattung") -> str:
    return " ".join(a.text for a in entwurf.klausel(kennung).absaetze).replace(NBSP, " ")


def _anlage(entwurf):
    return entwurf.anlage("kalkulation").bloecke


def _summen(entwurf) -> set[str]:
    return {z.replace(NBSP, " ") for b in _anlage(entwurf) if isinstance(b, Tabelle) for s in b.summen for z in s}


def _anlage_text(entwurf) -> str:
    teile = []
    for b in _anlage(entwurf):
        teile += [getattr(b, "text", ""), getattr(b, "titel", ""), *getattr(b, "spalten", ())]
        teile += [z for zeile in (*getattr(b, "zeilen", ()), *getattr(b, "summen", ())) for z in zeile]
    return "\n".join(teile).replace(NBSP, " ")


def test_a_mixed_key_names_each_measure_with_its_weight_and_the_annex_lists_the_values():
    entwurf = _personal(GEMISCHT)
    text = _klausel(entwurf)
    assert (
        "nach einem gemischten Schlüssel, und zwar zu 70 % nach dem Maßstab „Abrechnungsfälle“ (nach dem Verhältnis "
        "der Fallzahlen) und zu 30 % nach dem Maßstab „Einwohner“ (nach dem Verhältnis der Einwohnerzahlen zum "
        "Stichtag 31.12.2025) verteilt" in text
    )
    werte = next(b for b in _anlage(entwurf) if isinstance(b, Tabelle) and b.titel.startswith("Gemischter Schlüssel"))
    assert werte.spalten == ("Beteiligter", f"Abrechnungsfälle (70{NBSP}%)", f"Einwohner (30{NBSP}%)")
    assert ("Stadt Aheim", "610", "38.250") in werte.zeilen


def test_a_unit_price_is_settled_on_the_quantities_actually_taken():
    entwurf = _personal(STUECKPREIS)
    text = _klausel(entwurf)
    assert "nach der tatsächlich abgenommenen Menge zu einem Stückpreis von 21,00 € je Abrechnungsfall" in text
    assert "Abgerechnet wird nach den tatsächlich abgenommenen Mengen" in text
    assert "kalkulierte Kosten: 343.860,00 €" in text
    assert "Stückpreis mal der Menge" in text and "größten Reste" not in text
    assert "Stückpreis je Abrechnungsfall (vereinbart)" in _anlage_text(entwurf)
    assert "Menge (Abrechnungsfall, geplant)" in _anlage_text(entwurf)


def test_a_calculated_unit_price_says_so():
    verteilung = {k: v for k, v in STUECKPREIS.items() if k != "stueckpreis"}
    entwurf = _personal(verteilung)
    assert "(kalkuliert aus den Kosten und der geplanten Gesamtmenge)" in _klausel(entwurf)


def test_without_a_unit_price_there_is_no_settlement_on_quantities():
    text = _klausel(_personal({"schluessel": "fallzahlen", "werte": {"stadt-a": 610, "gemeinde-b": 205}}))
    assert "tatsächlich abgenommenen Mengen" not in text


@pytest.mark.parametrize("verteilung", [GEMISCHT, STUECKPREIS], ids=["gemischt", "stueckpreis"])
def test_every_amount_of_the_cost_clause_is_a_total_of_the_annex_for_the_new_keys(verteilung):
    entwurf = _personal(verteilung)
    betraege = set(_GELD.findall(_klausel(entwurf)))
    assert betraege and betraege <= _summen(entwurf)


def test_fixed_shares_come_first_and_the_rest_follows_its_key_with_the_population_date():
    entwurf = assemble(echte_beratung(aus_daten(example_daten("digitaler-zwilling"))), stand=STAND)
    text = _klausel(entwurf)
    assert (
        "mit einem festen Anteil von 30 % für den Kreis Rheinland-Süd und für die übrigen 70 % der Kosten zu 20 % "
        "zu gleichen Teilen (Sockel) und im Übrigen nach dem Verhältnis der Einwohnerzahlen zum Stichtag 31.12.2025"
    ) in text
    assert "trägt der Kreis Rheinland-Süd mit seinem eigenen Anteil" in text
    assert "fest 30 %" in _anlage_text(entwurf)


def test_a_population_key_without_its_reference_date_leaves_a_gap_to_fill():
    entwurf = _personal({"schluessel": "einwohner"})
    assert "nach dem Verhältnis der Einwohnerzahlen zum Stichtag [Stichtag der Einwohnerzahlen ergänzen]" in (
        _klausel(entwurf)
    )
    assert any(p.text == "[Stichtag der Einwohnerzahlen ergänzen]" for p in entwurf.platzhalter)


def test_a_named_party_takes_the_remainder_cents():
    entwurf = _personal({"schluessel": "gleiche_teile", "restcent_traeger": "gemeinde-b"})
    assert "übernimmt die Gemeinde Bedorf." in _klausel(entwurf)


def test_the_due_dates_of_the_advances_are_agreed_and_listed_in_the_annex():
    entwurf = _personal(
        {"schluessel": "fallzahlen", "werte": {"stadt-a": 610, "gemeinde-b": 205}},
        faelligkeit="im_voraus",
        faelligkeitstag=15,
    )
    assert (
        "vierteljährliche Abschläge auf seinen Jahresanteil, jeweils im Voraus zum 15. des ersten Monats jedes "
        "Quartals fällig" in _klausel(entwurf)
    )
    assert (
        "Fälligkeit der Abschläge: Vierteljährlich im Voraus zum 15. des ersten Monats jedes Quartals fällig: "
        "15.01.2027, 15.04.2027, 15.07.2027, 15.10.2027." in _anlage_text(entwurf)
    )


def test_a_zweckverband_levy_describes_a_mixed_key_too():
    daten = example_daten("it-zweckverband")
    kosten = daten["leistungen"][0]["kosten"]
    werte = kosten["verteilung"]["werte"]
    kosten["verteilung"] = {
        "schluessel": "gemischt",
        "bestandteile": [
            {
                "id": "arbeitsplaetze",
                "bezeichnung": "Arbeitsplätze",
                "gewicht_prozent": 60,
                "schluessel": "nutzung",
                "werte": werte,
            },
            {"id": "gleich", "bezeichnung": "Grundbetrag", "gewicht_prozent": 40, "schluessel": "gleiche_teile"},
        ],
    }
    text = _klausel(assemble(echte_beratung(aus_daten(daten)), stand=STAND), "zv_umlage")
    assert "Sie wird nach einem gemischten Schlüssel, und zwar zu 60 % nach dem Maßstab „Arbeitsplätze“" in text
    assert "und zu 40 % nach dem Maßstab „Grundbetrag“ (zu gleichen Teilen) bemessen" in text


def test_the_calculations_warnings_are_for_the_reviewers_not_for_the_agreement():
    entwurf = _personal({"schluessel": "fallzahlen", "werte": {"stadt-a": 610, "gemeinde-b": 205}})
    warnung = "Gemeinkosten womöglich doppelt"
    assert any(warnung in h for h in entwurf.pruefhinweise)
    alles = " ".join(a.text for k in entwurf.klauseln for a in k.absaetze) + _anlage_text(entwurf)
    assert warnung not in alles
