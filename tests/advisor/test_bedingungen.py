"""The condition language of the rule set: Kleene three-valued logic, lower bounds, dates, and the
compile-time checks that keep it closed and safe."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import product

import pytest

from advisor.regelwerk.bedingungen import BedingungsFehler, Kontext, compile_condition, volle_jahre

FAKTEN = {"p": bool, "q": bool, "umsatz": Decimal, "erstattung": Decimal, "beginn": date, "ende": date, "art": str}
PARAMETER = {"grenze"}
WERTE = (True, False, None)


def werte(bedingung, parameter=None, regeln=None, **fakten):
    fn, _ = compile_condition(bedingung, FAKTEN, PARAMETER)
    alle = dict.fromkeys(FAKTEN)
    alle.update(fakten)
    ctx = Kontext(alle, parameter or {"grenze": Decimal("17500")}, (regeln or {}).get)
    return fn(ctx)


def kleene_und(a, b):
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def kleene_oder(a, b):
    if a is True or b is True:
        return True
    return None if a is None or b is None else False


@pytest.mark.parametrize(("p", "q"), list(product(WERTE, WERTE)))
def test_alle_follows_the_kleene_truth_table(p, q):
    assert werte({"alle": ["p", "q"]}, p=p, q=q) is kleene_und(p, q)


@pytest.mark.parametrize(("p", "q"), list(product(WERTE, WERTE)))
def test_eine_follows_the_kleene_truth_table(p, q):
    assert werte({"eine": ["p", "q"]}, p=p, q=q) is kleene_oder(p, q)


@pytest.mark.parametrize("p", WERTE)
def test_nicht_keeps_unknown_unknown(p):
    assert werte({"nicht": "p"}, p=p) is (None if p is None else not p)


def test_false_decides_an_and_even_when_the_other_part_is_unknown():
    assert werte({"alle": ["p", "q"]}, p=None, q=False) is False


def test_bekannt_is_never_unknown():
    assert werte({"bekannt": "p"}, p=None) is False
    assert werte({"bekannt": "p"}, p=False) is True


@pytest.mark.parametrize(
    ("umsatz", "erwartet"),
    [(Decimal("17500.00"), True), (Decimal("17500.01"), False), (None, None)],
)
def test_a_comparison_with_a_parameter_is_exact_to_the_cent(umsatz, erwartet):
    assert werte({"kleiner_gleich": ["umsatz", {"parameter": "grenze"}]}, umsatz=umsatz) is erwartet


@pytest.mark.parametrize(
    ("erstattung", "erwartet"),
    [
        (Decimal("17500.01"), False),  # the service alone exceeds the threshold: decided without asking
        (Decimal("17500.00"), None),  # at the threshold: the other turnover could still push it over
        (Decimal("12000"), None),
        (None, None),
    ],
)
def test_a_lower_bound_settles_a_threshold_only_when_it_already_exceeds_it(erstattung, erwartet):
    bedingung = {"kleiner_gleich": [{"fakt": "umsatz", "mindestens": "erstattung"}, {"parameter": "grenze"}]}
    assert werte(bedingung, umsatz=None, erstattung=erstattung) is erwartet


def test_a_known_value_wins_over_its_lower_bound():
    bedingung = {"kleiner_gleich": [{"fakt": "umsatz", "mindestens": "erstattung"}, {"parameter": "grenze"}]}
    assert werte(bedingung, umsatz=Decimal("10000"), erstattung=Decimal("20000")) is True


@pytest.mark.parametrize(
    ("erstattung", "erwartet"),
    [(Decimal("17500.01"), True), (Decimal("17500.00"), None)],
)
def test_a_lower_bound_proves_greater_than(erstattung, erwartet):
    bedingung = {"groesser": [{"fakt": "umsatz", "mindestens": "erstattung"}, {"parameter": "grenze"}]}
    assert werte(bedingung, umsatz=None, erstattung=erstattung) is erwartet


def test_the_bound_fact_is_never_reported_as_the_open_question():
    bedingung = {"kleiner_gleich": [{"fakt": "umsatz", "mindestens": "erstattung"}, {"parameter": "grenze"}]}
    fn, verweise = compile_condition(bedingung, FAKTEN, PARAMETER)
    alle = dict.fromkeys(FAKTEN)
    ctx = Kontext(alle, {"grenze": Decimal("17500")}, {}.get)
    offen: set[str] = set()
    fn.offene(ctx, offen)
    assert offen == {"umsatz"}
    assert verweise.fakten == {"umsatz", "erstattung"}


@pytest.mark.parametrize(
    ("von", "bis", "jahre"),
    [
        (date(2027, 1, 1), date(2032, 1, 1), 5),
        (date(2027, 1, 1), date(2031, 12, 31), 4),
        (date(2027, 7, 1), date(2032, 7, 1), 5),
        (date(2027, 7, 1), date(2032, 6, 30), 4),
        (date(2024, 2, 29), date(2029, 2, 28), 4),
        (date(2024, 2, 29), date(2029, 3, 1), 5),
    ],
)
def test_whole_years_count_calendar_years_with_an_exclusive_end(von, bis, jahre):
    assert volle_jahre(von, bis) == jahre


def test_jahre_zwischen_compares_the_term_with_a_minimum():
    bedingung = {"groesser_gleich": [{"jahre_zwischen": ["beginn", "ende"]}, 5]}
    assert werte(bedingung, beginn=date(2027, 1, 1), ende=date(2032, 1, 1)) is True
    assert werte(bedingung, beginn=date(2027, 1, 1), ende=date(2031, 12, 31)) is False
    assert werte(bedingung, beginn=date(2027, 1, 1), ende=None) is None


def test_membership_is_unknown_for_an_unknown_value():
    assert werte({"in": ["art", ["a", "b"]]}, art="a") is True
    assert werte({"in": ["art", ["a", "b"]]}, art="c") is False
    assert werte({"in": ["art", ["a", "b"]]}, art=None) is None


def test_a_product_of_a_parameter_and_a_literal_is_exact():
    bedingung = {"groesser": ["umsatz", {"produkt": [{"parameter": "grenze"}, {"wert": Decimal("0.9")}]}]}
    assert werte(bedingung, umsatz=Decimal("15750.01")) is True
    assert werte(bedingung, umsatz=Decimal("15750.00")) is False


def test_a_rule_reference_reads_the_other_rules_status():
    assert werte({"regel": "andere"}, regeln={"andere": None}) is None
    assert werte({"alle": [{"regel": "andere"}, "p"]}, regeln={"andere": True}, p=True) is True


@pytest.mark.parametrize(
    ("bedingung", "meldung"),
    [
        ("unbekannt", "unbekannter Fakt"),
        ({"kleiner": ["umsatz", {"parameter": "nirgends"}]}, "unbekannter Parameter"),
        ({"xor": ["p", "q"]}, "unbekannter Operator"),
        ("umsatz", "kein Ja/Nein-Fakt"),
        ({"alle": []}, "nicht leere Liste"),
        ({"alle": ["p"], "eine": ["q"]}, "genau einen Operator"),
        ({"kleiner": ["umsatz"]}, "genau zwei Operanden"),
        ({"in": ["art", "a"]}, "„in“ braucht"),
        ({"kleiner": [{"fakt": "umsatz", "hoechstens": "erstattung"}, 1]}, "unbekannte Angabe"),
        ({"kleiner": [{"eval": "1"}, 1]}, "unbekannter Operand"),
    ],
)
def test_a_malformed_condition_is_rejected_with_a_german_reason(bedingung, meldung):
    with pytest.raises(BedingungsFehler, match=meldung):
        compile_condition(bedingung, FAKTEN, PARAMETER)
