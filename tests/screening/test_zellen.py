"""Reading single cells: German and plain numbers, dates, yes/no — and clear errors otherwise."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.screening.zellen import (
    Zellfehler,
    parse_betrag,
    parse_datum,
    parse_decimal,
    parse_janein,
    parse_prozent,
    split_names,
)


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1234,56", Decimal("1234.56")),
        ("1234.56", Decimal("1234.56")),
        ("1.234", Decimal("1234")),
        ("1.234.567", Decimal("1234567")),
        ("12.5", Decimal("12.5")),
        ("8.000,00 €", Decimal("8000.00")),
        ("  17 500 EUR ", Decimal("17500")),
        (8000, Decimal("8000")),
        (8000.5, Decimal("8000.5")),
    ],
)
def test_german_and_plain_numbers_are_read_as_the_same_amount(text, erwartet):
    assert parse_decimal(text) == erwartet


@pytest.mark.parametrize("text", ["zwölf", "1,2,3", "1.23,4", "12a", "", "ja"])
def test_text_in_a_number_cell_is_an_error_with_a_german_reason(text):
    with pytest.raises(Zellfehler, match="keine Zahl"):
        parse_decimal(text)


def test_an_amount_with_more_than_two_decimal_places_is_rejected():
    with pytest.raises(Zellfehler, match="zwei Nachkommastellen"):
        parse_betrag("10,005")


def test_a_negative_amount_is_rejected():
    with pytest.raises(Zellfehler, match="nicht negativ"):
        parse_betrag("-5")


def test_a_percentage_above_100_is_rejected():
    with pytest.raises(Zellfehler, match="zwischen 0 und 100"):
        parse_prozent("101")


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_an_amount_written_the_german_way_reads_back_unchanged(betrag):
    ganz, _, cent = f"{betrag:.2f}".partition(".")
    gruppen = f"{int(ganz):,}".replace(",", ".")
    assert parse_betrag(f"{gruppen},{cent}") == betrag


@pytest.mark.parametrize(
    ("text", "erwartet"), [("ja", True), ("X", True), ("nein", False), ("Nein", False), (True, True)]
)
def test_yes_no_cells_accept_ja_nein_and_x(text, erwartet):
    assert parse_janein(text) is erwartet


def test_a_yes_no_cell_with_other_text_is_an_error():
    with pytest.raises(Zellfehler, match="weder ja noch nein"):
        parse_janein("vielleicht")


@pytest.mark.parametrize("text", ["31.12.2026", "2026-12-31", datetime(2026, 12, 31, 0, 0), date(2026, 12, 31)])
def test_german_iso_and_spreadsheet_dates_are_the_same_day(text):
    assert parse_datum(text) == date(2026, 12, 31)


@pytest.mark.parametrize("text", ["31.02.2026", "2026/12/31", "morgen"])
def test_a_cell_that_is_no_date_is_an_error(text):
    with pytest.raises(Zellfehler):
        parse_datum(text)


def test_recipients_are_split_at_semicolons_and_trimmed():
    assert split_names(" Stadt A ;Gemeinde B;; ") == ["Stadt A", "Gemeinde B"]


def test_a_spreadsheet_serial_number_in_a_date_cell_is_the_day_excel_shows():
    assert parse_datum(46022) == date(2025, 12, 31)
    with pytest.raises(Zellfehler):
        parse_datum(12.5)
