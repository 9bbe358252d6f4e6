"""The form's state ↔ Fallakte translation: every example survives the round trip, typed German
numbers and dates are read exactly, and row actions keep partner references intact."""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import fallakte as modell
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from api.web import labels
from api.web.form_fallakte import fallakte_dict_aus_formular
from api.web.form_state import apply_action, nest
from api.web.german_input import format_number, parse_date, parse_number
from tests.web.helpers import form_items, replace


@pytest.mark.parametrize(
    "name",
    [
        "abfall-zwei-kreise",
        "digitaler-zwilling",
        "hochwasserschutz-offen",
        "it-zweckverband",
        "personalabrechnung-mandatierend",
        "standesamt-delegierend",
    ],
)
def test_every_example_survives_the_way_through_the_form_unchanged(example_texts, name):
    original = parse_fallakte(example_texts[name])
    gelesen = fallakte_dict_aus_formular(nest(form_items(example_texts[name])))
    assert gelesen.probleme == []
    assert fallakte_aus_dict(gelesen.daten) == original


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("18.000", "18000"),
        ("2,5", "2.5"),
        (" 9.700,00 € ", "9700.00"),
        ("0,5", "0.5"),
    ],
)
def test_german_and_plain_amounts_are_read_exactly(typed, expected):
    assert parse_number(typed, thousands_allowed=True) == Decimal(expected)


def test_a_dotted_quantity_that_could_be_thousands_is_rejected_not_guessed():
    with pytest.raises(ValueError, match="mehrdeutig"):
        parse_number("1.250", thousands_allowed=False)
    assert parse_number("2.5", thousands_allowed=False) == Decimal("2.5")


@pytest.mark.parametrize("typed", ["zwölf", "1,2,3", "1.23,4", "--5", ""])
def test_text_that_is_no_number_is_an_error_in_german(typed):
    with pytest.raises(ValueError, match="keine Zahl"):
        parse_number(typed, thousands_allowed=True)


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2))
def test_every_amount_shown_the_german_way_reads_back_to_the_same_value(betrag):
    assert parse_number(format_number(betrag, places=2), thousands_allowed=True) == betrag


def test_dates_are_read_in_german_and_iso_notation_and_impossible_dates_are_errors():
    assert parse_date("01.01.2027") == date(2027, 1, 1)
    assert parse_date("2027-01-01") == date(2027, 1, 1)
    with pytest.raises(ValueError, match="kein gültiges Kalenderdatum"):
        parse_date("31.02.2027")
    with pytest.raises(ValueError, match="TT.MM.JJJJ"):
        parse_date("nächstes Jahr")


def test_an_unreadable_number_is_reported_at_its_own_field_path(example_texts):
    items = replace(
        form_items(example_texts["personalabrechnung-mandatierend"]),
        "leistungen[0].kosten.positionen[2].betrag",
        "achtzehntausend",
    )
    gelesen = fallakte_dict_aus_formular(nest(items))
    assert [p.pfad for p in gelesen.probleme] == ["leistungen[0].kosten.positionen[2].betrag"]


def test_removing_a_partner_keeps_every_reference_on_the_same_partner(example_texts):
    state = nest(form_items(example_texts["digitaler-zwilling"]))
    vorher = fallakte_aus_dict(fallakte_dict_aus_formular(state).daten)
    apply_action(state, "beteiligter_weg:8")  # Gemeinde Rommersdorf, a recipient
    nachher = fallakte_dict_aus_formular(state).daten
    leistung = nachher["leistungen"][0]
    assert leistung["erbringer"] == "kreis"
    assert leistung["empfaenger"] == [e for e in vorher.leistungen[0].empfaenger if e != "rommersdorf"]
    assert [b["id"] for b in nachher["beteiligte"]] == [b.id for b in vorher.beteiligte if b.id != "rommersdorf"]


def test_removing_the_provider_leaves_the_provider_choice_empty_instead_of_another_partner(example_texts):
    state = nest(form_items(example_texts["personalabrechnung-mandatierend"]))
    apply_action(state, "beteiligter_weg:0")
    daten = fallakte_dict_aus_formular(state).daten
    assert "erbringer" not in daten["leistungen"][0]
    assert daten["leistungen"][0]["kosten"]["verteilung"]["werte"] == {
        "stadt-a": Decimal("610"),
        "gemeinde-b": Decimal("205"),
    }


def test_adding_rows_returns_the_first_field_of_the_new_row_for_focus():
    state = nest([("beteiligte[0].name", "Stadt A"), ("leistungen[0].bezeichnung", "X")])
    assert apply_action(state, "beteiligter_hinzu") == "beteiligte[1].name"
    assert apply_action(state, "position_hinzu:0") == "leistungen[0].kosten.positionen[0].art"
    assert apply_action(state, "leistung_hinzu") == "leistungen[1].bezeichnung"
    assert apply_action(state, "unbekannt:1") is None


def test_a_missing_kennung_is_made_from_the_name_and_kept_unique():
    state = nest([("beteiligte[0].name", "Gemeinde Jüchheim"), ("beteiligte[1].name", "Gemeinde Jüchheim")])
    ids = [b["id"] for b in fallakte_dict_aus_formular(state).daten["beteiligte"]]
    assert ids == ["gemeinde-juechheim", "gemeinde-juechheim-2"]


def test_buttons_and_notes_are_not_read_as_case_fields():
    daten = fallakte_dict_aus_formular(
        nest([("aktion", "pruefen"), ("notiz", "x"), ("fall_id", "3"), ("bezeichnung", "B")])
    ).daten
    assert set(daten) == {"format", "bezeichnung"}


@pytest.mark.parametrize(
    ("literal", "table"),
    [
        (modell.Rechtsform, "RECHTSFORMEN"),
        (modell.ArtBeteiligter, "ARTEN"),
        (modell.Entgelt, "ENTGELTE"),
        (modell.AnhangITaetigkeit, "ANHANG_I"),
        (modell.Kostenart, "KOSTENARTEN"),
        (modell.Schluessel, "SCHLUESSEL"),
        (modell.Abrechnungsverfahren, "VERFAHREN"),
        (modell.Abschlagsrhythmus, "ABSCHLAEGE"),
        (modell.Faelligkeit, "FAELLIGKEITEN"),
        (modell.Abschreibungsmethode, "ABSCHREIBUNGSMETHODEN"),
        (modell.Bestandteilschluessel, "BESTANDTEILSCHLUESSEL"),
        (modell.Leistungsart, "LEISTUNGSARTEN"),
        (modell.Vermietungsgegenstand, "VERMIETUNGSGEGENSTAENDE"),
        (modell.NutzungBeimEmpfaenger, "NUTZUNGEN"),
        (modell.Steuersatz, "STEUERSAETZE"),
        (modell.SondertaetigkeitAltesRecht, "SONDERTAETIGKEITEN_ALTES_RECHT"),
        (modell.Bundesland, "BUNDESLAENDER"),
    ],
)
def test_every_choice_of_the_case_model_has_a_german_label(literal, table):
    assert set(typing.get_args(literal)) == set(getattr(labels, table))
