"""Derived facts of advisor.sachverhalt that the rules read."""

from __future__ import annotations

from decimal import Decimal

import pytest

import rules_loader
from advisor.bewerten import sachverhalt_der_leistung
from advisor.kosten.kennzahlen import Kostenkennzahlen
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from tests.conftest import EXAMPLES_DIR
from tests.regeln.faelle import grundfall


def _fall(art: str, rechtsform: str, **erbringer):
    text = (EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    text = text.replace("art: kreis,", f"art: {art},", 1).replace(
        "rechtsform: oerv_mandatierend", f"rechtsform: {rechtsform}"
    )
    fa = parse_fallakte(text)
    if erbringer:
        beteiligte = list(fa.beteiligte)
        beteiligte[0] = beteiligte[0].model_copy(update=erbringer)
        fa = fa.model_copy(update={"beteiligte": beteiligte})
    return fa


@pytest.mark.parametrize(
    ("art", "rechtsform", "erbringer", "erwartet"),
    [
        ("zweckverband", "oerv_mandatierend", {}, True),
        ("anstalt_oeffentlichen_rechts", "gemeinsames_kommunalunternehmen", {}, True),
        ("anstalt_oeffentlichen_rechts", "oerv_mandatierend", {}, None),
        ("anstalt_oeffentlichen_rechts", "oerv_mandatierend", {"anzahl_mitglieder": 1}, False),
        ("anstalt_oeffentlichen_rechts", "oerv_mandatierend", {"anzahl_mitglieder": 2}, True),
        ("anstalt_oeffentlichen_rechts", "oerv_mandatierend", {"mitglieder": ["stadt-a"]}, None),
        (
            "anstalt_oeffentlichen_rechts",
            "oerv_mandatierend",
            {"mitglieder": ["stadt-a"], "anzahl_mitglieder": 1},
            False,
        ),
        ("sonstige_jpoer", "oerv_mandatierend", {}, False),
        ("sonstige_jpoer", "oerv_mandatierend", {"mitglieder": ["stadt-a", "gemeinde-b"]}, True),
        ("kreis", "gemeinsames_kommunalunternehmen", {}, False),
        ("kreis", "zweckverband", {}, False),
        ("stadt", "oerv_mandatierend", {}, False),
    ],
)
def test_a_provider_is_an_association_of_at_least_two_members_only_as_such(art, rechtsform, erbringer, erwartet):
    """§ 4 Nr. 29 UStG (BMF 19.07.2022): a Zweckverband, a gKU or a body with at least two members –
    never a single-owner AöR, and never a Kreis just because the case's legal form says Zweckverband."""
    sv = sachverhalt_der_leistung(_fall(art, rechtsform, **erbringer), 0, rules_loader.load_rules(), None)
    assert sv.fakten["erbringer_ist_zusammenschluss"] is erwartet


@pytest.mark.parametrize(
    ("art", "rechtsform", "erbringer", "erwartet"),
    [
        ("zweckverband", "zweckverband", {}, True),
        ("zweckverband", "oerv_mandatierend", {}, None),
        ("zweckverband", "oerv_mandatierend", {"mitglieder": ["stadt-a", "gemeinde-b"]}, True),
        ("zweckverband", "zweckverband", {"mitglieder": ["stadt-a"]}, False),
    ],
)
def test_the_recipients_are_members_where_the_members_or_the_statute_say_so(art, rechtsform, erbringer, erwartet):
    sv = sachverhalt_der_leistung(_fall(art, rechtsform, **erbringer), 0, rules_loader.load_rules(), None)
    assert sv.fakten["empfaenger_alle_mitglieder"] is erwartet


def test_catalogue_defaults_are_marked_and_case_facts_are_not() -> None:
    sv = sachverhalt_der_leistung(_fall("kreis", "oerv_mandatierend"), 0, rules_loader.load_rules(), None)
    assert {"vermessung_kataster", "anhang_i_taetigkeit", "personalgestellung"} <= sv.aus_katalog
    assert "private_anbieter_am_markt" not in sv.aus_katalog  # the example states it itself
    assert sv.fakten["anhang_i_taetigkeit"] == "keine"


def _kennzahlen(betrag: str) -> Kostenkennzahlen:
    return Kostenkennzahlen(Decimal(betrag), Decimal(0), Decimal(0), Decimal(0), Decimal(0))


def _zwei_leistungen(feld_zwei: str = "sonstiges", erbringer_zwei: str = "stadt-aheim", umsatz_zwei=None):
    daten = grundfall()
    zweite = {**daten["leistungen"][0], "id": "zweite", "aufgabenfeld": feld_zwei, "erbringer": erbringer_zwei}
    if erbringer_zwei != "stadt-aheim":
        zweite["empfaenger"] = ["stadt-aheim"]
    if umsatz_zwei is not None:
        zweite["umsatz_gleichartige_taetigkeiten"] = umsatz_zwei
    daten["leistungen"].append(zweite)
    return fallakte_aus_dict(daten)


def test_the_turnover_bound_adds_up_the_providers_services_in_the_same_field() -> None:
    fa = _zwei_leistungen()
    kz = {"leistung": _kennzahlen("10000.00"), "zweite": _kennzahlen("9000.00")}
    sv = sachverhalt_der_leistung(fa, 0, rules_loader.load_rules(), kz["leistung"], kz)
    assert sv.fakten["umsatz_gleichartige_untergrenze"] == Decimal("19000.00")


@pytest.mark.parametrize(("feld", "erbringer"), [("it_support", "stadt-aheim"), ("sonstiges", "gemeinde-bedorf")])
def test_other_fields_and_other_providers_do_not_count(feld, erbringer) -> None:
    fa = _zwei_leistungen(feld, erbringer)
    kz = {"leistung": _kennzahlen("10000.00"), "zweite": _kennzahlen("9000.00")}
    sv = sachverhalt_der_leistung(fa, 0, rules_loader.load_rules(), kz["leistung"], kz)
    assert sv.fakten["umsatz_gleichartige_untergrenze"] == Decimal("10000.00")


def test_a_turnover_a_sibling_states_for_the_provider_is_a_lower_bound_too() -> None:
    fa = _zwei_leistungen(umsatz_zwei="30000")
    sv = sachverhalt_der_leistung(fa, 0, rules_loader.load_rules(), None, {})
    assert sv.fakten["umsatz_gleichartige_untergrenze"] == Decimal("30000")
    assert sv.fakten["umsatz_gleichartige_taetigkeiten"] is None
