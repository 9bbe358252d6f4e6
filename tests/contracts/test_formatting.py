"""German formats in the draft: money, numbers, percentages, dates, citations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.formatting import (
    NBSP,
    format_citation,
    format_date,
    format_money,
    format_number,
    format_percent,
    parse_money,
)


def test_money_is_written_with_thousands_dots_decimal_comma_and_euro_sign_after_a_space():
    assert format_money(Decimal("1234.56")) == f"1.234,56{NBSP}€"
    assert format_money("1234567.5") == f"1.234.567,50{NBSP}€"
    assert format_money(Decimal("0")) == f"0,00{NBSP}€"


def test_negative_money_uses_a_minus_sign():
    assert format_money(Decimal("-29926.43")) == f"−29.926,43{NBSP}€"


def test_money_with_more_than_two_places_is_refused_instead_of_rounded_a_second_time():
    with pytest.raises(ValueError):
        format_money(Decimal("1.005"))
    with pytest.raises(ValueError):
        parse_money("NaN")


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False))
def test_formatted_money_reads_back_to_the_same_amount(betrag):
    text = format_money(betrag).removesuffix(f"{NBSP}€").replace("−", "-").replace(".", "").replace(",", ".")
    assert Decimal(text) == betrag


def test_dates_are_day_month_year_with_dots():
    assert format_date(date(2026, 11, 25)) == "25.11.2026"
    assert format_date(date(2027, 1, 1)) == "01.01.2027"


def test_percentages_keep_their_places_and_have_a_space_before_the_sign():
    assert format_percent(Decimal("19")) == f"19{NBSP}%"
    assert format_percent("74.85") == f"74,85{NBSP}%"


def test_numbers_are_padded_but_never_rounded():
    assert format_number(Decimal("2.5"), 2) == "2,50"
    assert format_number(1200) == "1.200"
    with pytest.raises(ValueError):
        format_number(Decimal("2.555"), 2)


def test_citations_get_non_breaking_spaces_after_paragraph_sign_and_abbreviations():
    text = format_citation("§ 2b Abs. 3 Nr. 2 Buchst. c UStG und §§ 23 ff. GkG NRW, Art. 28 DSGVO")
    assert f"§{NBSP}2b Abs.{NBSP}3 Nr.{NBSP}2 Buchst.{NBSP}c UStG" in text
    assert f"§§{NBSP}23" in text
    assert f"Art.{NBSP}28" in text
