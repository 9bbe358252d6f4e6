"""Budget lines (advisor/haushalt): indexation rounded per year, pro rata terms, leap years, the
VAT status per year, and the provider's revenue equal to the payers' payments to the cent."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import rules_loader
from advisor.errors import UngueltigeEingabe
from advisor.haushalt import (
    Kontierung,
    haushaltsplan,
    haushaltsplan_als_dict,
    jaehrliche_steigerung,
    pruefe_zeitraum,
    standardzeitraum,
    steigerungen_aus_daten,
)
from advisor.haushalt.annahmen import Steigerung
from advisor.haushalt.fortschreibung import jahresbetraege, laufzeitanteil
from advisor.kosten import calculate
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from tests.kosten.conftest import fall_daten

UST = Decimal("19")
VORGABEN = rules_loader.load_budget_defaults()


def _plan(daten: dict[str, Any], von: int, bis: int, ergebnis=("nicht_steuerbar", "ustg_2b"), eigene=()):
    fallakte = fallakte_aus_dict(copy.deepcopy(daten))
    k = calculate(fallakte, rules_loader.load_rate_tables(), UST)
    return haushaltsplan(fallakte, k, {"dienst": ergebnis}, von, bis, VORGABEN, eigene)


def _jahr(plan, jahr):
    (j,) = [j for j in plan.jahre if j.jahr == jahr]
    return j


def _steigerung(gruppe, prozent, ab):
    return Steigerung(gruppe, Decimal(prozent), ab, "Test", "eingabe")


def test_indexation_over_four_years_rounds_each_year_from_the_rounded_previous_year():
    # 1.000,01 € +2,8 % per year: 1028,010... → 1028,01; 1056,794... → 1056,79; 1086,380... → 1086,38
    schritte = [_steigerung("personal", "2.8", date(j, 1, 1)) for j in (2028, 2029, 2030)]
    assert jahresbetraege(100001, schritte, 2027, 2030) == {2027: 100001, 2028: 102801, 2029: 105679, 2030: 108638}
    # the unrounded chain would give 1.000,01 × 1,028³ = 1.086,3833… → 108638 as well, but year 2029
    # starts from 1.028,01 (not 1.028,01028): 1.028,01 × 1,028 = 1.056,794… → 1.056,79
    assert round(Fraction(100001) * Fraction(1028, 1000) ** 2) == 105679


def test_indexation_rounding_per_year_differs_from_the_unrounded_chain_where_half_cents_meet():
    # 0,50 € +1 %: 0,505 → 0,51 (half up); then 0,51 × 1,01 = 0,5151 → 0,52; the chain 0,5 × 1,01² = 0,51005 → 0,51
    schritte = [_steigerung("sachkosten", "1", date(j, 1, 1)) for j in (2028, 2029)]
    assert jahresbetraege(50, schritte, 2027, 2029) == {2027: 50, 2028: 51, 2029: 52}


def test_an_increase_from_mid_year_counts_the_full_months_from_its_date():
    # +6 % from 01.07.2028: 2028 = 100 × (1 + 0,06 × 6/12) = 103,00; 2029 = the new level 106,00
    schritte = [_steigerung("personal", "6", date(2028, 7, 1))]
    assert jahresbetraege(10000, schritte, 2027, 2029) == {2027: 10000, 2028: 10300, 2029: 10600}
    # from 02.07. the increase counts from 01.08.: 5 months
    schritte = [_steigerung("personal", "6", date(2028, 7, 2))]
    assert jahresbetraege(10000, schritte, 2027, 2028)[2028] == 10250


def test_a_term_ending_on_the_first_of_july_covers_exactly_half_the_year():
    assert laufzeitanteil(date(2027, 1, 1), date(2029, 7, 1), 2029) == Fraction(1, 2)
    assert laufzeitanteil(date(2027, 1, 1), date(2029, 7, 1), 2028) == 1
    assert laufzeitanteil(date(2027, 1, 1), date(2029, 7, 1), 2030) == 0


def test_a_leap_february_counts_by_its_29_days():
    # ende exclusive: 29.02.2028 means the term covers 1–28 February of 29 days
    assert laufzeitanteil(date(2028, 1, 1), date(2028, 2, 29), 2028) == (1 + Fraction(28, 29)) / 12
    # the same date in a common year is the 1st of March: two full months
    assert laufzeitanteil(date(2027, 1, 1), date(2027, 3, 1), 2027) == Fraction(2, 12)
    assert laufzeitanteil(date(2027, 1, 1), date(2027, 2, 28), 2027) == (1 + Fraction(27, 28)) / 12


def test_a_term_ending_mid_year_plans_half_the_amount_and_only_the_advances_within_it():
    daten = fall_daten()
    daten["leistungen"][0]["laufzeit"] = {"beginn": "2027-01-01", "ende": "2029-07-01"}
    plan = _plan(daten, 2027, 2030, eigene=jaehrliche_steigerung("personal", Decimal(0), 2028, 2030))
    assert _jahr(plan, 2028).kosten_netto == Decimal("75000.00")
    j = _jahr(plan, 2029)
    assert j.kosten_netto == Decimal("37500.00")
    zahler = [z for z in j.zeilen if z.art == "aufwand"]
    assert [a.faellig for a in zahler[0].zahlungen] == [date(2029, 3, 31), date(2029, 6, 30)]
    assert sum(a.brutto for a in zahler[0].zahlungen) == zahler[0].brutto
    assert [(n.jahr, n.grund) for n in plan.nicht_geplant] == [(2030, "2030 liegt außerhalb der Laufzeit.")]


@pytest.mark.parametrize("ergebnis", ["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"])
def test_the_providers_revenue_equals_the_payers_payments_to_the_cent_every_year(ergebnis):
    daten = fall_daten(
        empfaenger={"a": 3, "b": 3, "c": 3},
        positionen=[
            {"art": "personal", "bezeichnung": "P", "betrag": "100000.01"},
            {"art": "sachkosten", "bezeichnung": "S", "betrag": "3333.33", "vorsteuer": "633.33"},
        ],
    )
    plan = _plan(daten, 2027, 2030, (ergebnis, "ustg_2b"))
    for j in plan.jahre:
        ertrag = [z for z in j.zeilen if z.art == "ertrag"]
        aufwand = [z for z in j.zeilen if z.art == "aufwand"]
        assert len(ertrag) == 1 and len(aufwand) == 3
        for feld in ("netto", "umsatzsteuer", "brutto"):
            assert getattr(ertrag[0], feld) == sum(getattr(z, feld) for z in aufwand)
        if ergebnis in ("nicht_steuerbar", "steuerfrei"):
            # without VAT the payers reimburse the whole cost incl. input VAT
            assert ertrag[0].brutto + j.restcent_erbringer == j.kosten_netto + j.vorsteuer
            assert ertrag[0].umsatzsteuer == 0
        else:
            assert ertrag[0].netto + j.restcent_erbringer == j.kosten_netto
            assert ertrag[0].umsatzsteuer > 0
        assert all(z.brutto == z.netto + z.umsatzsteuer for z in j.zeilen)
        assert Decimal(0) <= j.restcent_erbringer < Decimal("0.03")


def test_default_increases_move_personnel_and_material_costs_from_the_year_after_calculation():
    daten = fall_daten(
        positionen=[
            {"art": "personal", "bezeichnung": "P", "betrag": "100000.00"},
            {"art": "sachkosten", "bezeichnung": "S", "betrag": "10000.00"},
            {"art": "abschreibung", "bezeichnung": "A", "betrag": "5000.00"},
        ]
    )
    plan = _plan(daten, 2027, 2028)
    assert _jahr(plan, 2027).kosten_netto == Decimal("115000.00")
    # 100.000 × 1,028 + 10.000 × 1,02 + 5.000 unchanged
    assert _jahr(plan, 2028).kosten_netto == Decimal("102800.00") + Decimal("10200.00") + Decimal("5000.00")
    assert {(s.gruppe, s.ab, s.herkunft) for s in plan.annahmen} == {
        ("personal", date(2028, 1, 1), "vorgabe"),
        ("sachkosten", date(2028, 1, 1), "vorgabe"),
    }
    assert all("Annahme" in s.grundlage for s in plan.annahmen)


def test_own_increases_replace_the_defaults_of_their_group_only():
    eigene = steigerungen_aus_daten(
        [{"gruppe": "personal", "prozent": "5", "ab": "2028-01-01", "grundlage": "Tarifabschluss 2028"}]
    )
    daten = fall_daten(
        positionen=[
            {"art": "personal", "bezeichnung": "P", "betrag": "100000.00"},
            {"art": "sachkosten", "bezeichnung": "S", "betrag": "10000.00"},
        ]
    )
    plan = _plan(daten, 2027, 2028, eigene=eigene)
    assert _jahr(plan, 2028).kosten_netto == Decimal("105000.00") + Decimal("10200.00")
    assert {(s.gruppe, s.herkunft) for s in plan.annahmen} == {("personal", "eingabe"), ("sachkosten", "vorgabe")}


def test_a_year_before_the_calculation_year_is_not_planned_and_says_why():
    plan = _plan(fall_daten(), 2026, 2027)
    assert [(n.jahr, n.grund) for n in plan.nicht_geplant] == [
        (2026, "2026 liegt vor dem Kalkulationsjahr 2027: dafür gibt es keine Kalkulation.")
    ]


def test_an_old_law_assessment_is_open_from_2027_and_planned_with_vat():
    daten = fall_daten(kalkulationsjahr=2026)
    daten["stichtag"] = "2026-01-01"
    plan = _plan(daten, 2026, 2027, ("nicht_steuerbar", "altes_recht"))
    assert _jahr(plan, 2026).umsatzsteuer_status == "nicht_steuerbar"
    j = _jahr(plan, 2027)
    assert j.umsatzsteuer_status == "offen"
    zahler = [z for z in j.zeilen if z.art == "aufwand"][0]
    assert zahler.umsatzsteuer_offen and zahler.umsatzsteuer > 0
    assert zahler.betrag_ohne_umsatzsteuer == zahler.netto  # no input VAT in this case
    assert any("§ 27 Abs. 22a UStG" in h for h in j.hinweise)


def test_the_account_assignment_is_on_every_line_and_missing_accounts_are_said():
    fallakte = fallakte_aus_dict(fall_daten())
    k = calculate(fallakte, rules_loader.load_rate_tables(), UST)
    plan = haushaltsplan(
        fallakte,
        k,
        {"dienst": ("nicht_steuerbar", "ustg_2b")},
        2027,
        2027,
        VORGABEN,
        (),
        Kontierung("11.01", "5431", "4482"),
    )
    assert {(z.art, z.konto, z.produkt) for z in plan.zeilen} == {
        ("ertrag", "4482", "11.01"),
        ("aufwand", "5431", "11.01"),
    }
    assert plan.hinweise == ()
    assert _plan(fall_daten(), 2027, 2027).hinweise[0].startswith("Kontierung nicht vollständig")


def test_default_years_are_the_calculation_year_and_three_planning_years(example_texts):
    fallakte = parse_fallakte(example_texts["personalabrechnung-mandatierend"])
    k = calculate(fallakte, rules_loader.load_rate_tables(), UST)
    assert standardzeitraum(fallakte, k) == (2027, 2030)


@pytest.mark.parametrize(
    ("von", "bis", "meldung"),
    [(2030, 2027, "liegt vor"), (1999, 2027, "kein Planjahr"), (2027, 2037, "Höchstens 10 Jahre")],
)
def test_a_wrong_range_of_years_names_the_field(von, bis, meldung):
    with pytest.raises(UngueltigeEingabe) as e:
        pruefe_zeitraum(von, bis)
    assert meldung in e.value.text()
    pruefe_zeitraum(2027, 2036)  # ten years are allowed


@pytest.mark.parametrize(
    ("eintrag", "pfad"),
    [
        ({"gruppe": "strom", "prozent": 2, "ab": "2028-01-01", "grundlage": "x"}, "fortschreibung[0].gruppe"),
        ({"gruppe": "personal", "prozent": 28, "ab": "2028-01-01", "grundlage": "x"}, "fortschreibung[0].prozent"),
        ({"gruppe": "personal", "prozent": 2, "ab": "01.01.2028", "grundlage": "x"}, "fortschreibung[0].ab"),
        ({"gruppe": "personal", "prozent": 2, "ab": "2028-01-01", "grundlage": ""}, "fortschreibung[0].grundlage"),
    ],
)
def test_a_wrong_assumption_names_its_field(eintrag, pfad):
    with pytest.raises(UngueltigeEingabe) as e:
        steigerungen_aus_daten([eintrag])
    assert e.value.probleme[0].pfad == pfad


def test_the_json_is_deterministic_and_states_every_assumption(example_texts):
    fallakte = parse_fallakte(example_texts["abfall-zwei-kreise"])
    k = calculate(fallakte, rules_loader.load_rate_tables(), UST)
    ergebnisse = {s.id: ("nicht_steuerbar", "ustg_2b") for s in fallakte.leistungen}
    a = haushaltsplan_als_dict(haushaltsplan(fallakte, k, ergebnisse, 2027, 2030, VORGABEN))
    b = haushaltsplan_als_dict(haushaltsplan(fallakte, k, ergebnisse, 2027, 2030, VORGABEN))
    assert a == b
    assert a["format"] == "ikz-haushalt/1"
    assert len(a["annahmen"]) == 6 and all(x["text"] for x in a["annahmen"])
