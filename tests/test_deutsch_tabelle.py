"""One table of German numbers, dates and labels, checked against every user (issue 18.3).

The formatter (advisor/deutsch.py) and its thin names in the documents (contracts/formatting.py)
and the web (api/web/german_input.py); the parser (advisor/eingabe.py) through each channel: the
web form, the inventory cell (advisor/screening/zellen.py) and the command line (cli/common.py);
the label variants of advisor/bezeichnungen.py as the screening and the CLI show them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor import bezeichnungen, deutsch
from advisor.errors import UngueltigeEingabe
from api.web import german_input
from cli.common import parse_date_option
from contracts import formatting
from screening import labels as screening_labels

N = "\u00a0"
M = "\u2212"

# (value, places, exact German text) — the same text from every formatter that may print it.
ZAHLEN = [
    (Decimal("1234.56"), 2, "1.234,56"),
    (Decimal("1234567.8"), 2, "1.234.567,80"),
    (Decimal("0.5"), 2, "0,50"),
    (Decimal("-1234.5"), 2, f"{M}1.234,50"),
    (Decimal("-3"), None, f"{M}3"),
    (Decimal("38250"), None, "38.250"),
    (Decimal("0"), 2, "0,00"),
]


@pytest.mark.parametrize(("wert", "stellen", "text"), ZAHLEN)
def test_every_formatter_writes_the_same_german_number(wert, stellen, text):
    assert deutsch.zahl(wert, stellen) == text
    assert formatting.format_number(wert, stellen) == text
    assert german_input.format_number(wert, places=stellen) == text


@pytest.mark.parametrize(
    ("wert", "text"),
    [(Decimal("1234.5"), f"1.234,50{N}€"), (Decimal("-0.01"), f"{M}0,01{N}€"), (Decimal("0"), f"0,00{N}€")],
)
def test_every_formatter_writes_the_same_money(wert, text):
    assert deutsch.euro(wert) == text
    assert formatting.format_money(wert) == text
    assert german_input.format_money(wert) == text


def test_the_rounding_policy_is_the_one_the_caller_names():
    # computed figures: half up; documents: never round (a second rounding is a bug); form: keep.
    assert deutsch.zahl(Decimal("2.345"), 2) == "2,35"
    assert deutsch.zahl(Decimal("-2.345"), 2) == f"{M}2,35"
    assert deutsch.euro(Decimal("0.005")) == f"0,01{N}€"
    with pytest.raises(ValueError, match="Nachkommastellen"):
        formatting.format_money(Decimal("1.005"))
    assert german_input.format_number(Decimal("2.345"), places=2) == "2,345"
    assert deutsch.zahl(Decimal("2.50")) == "2,5"
    assert formatting.format_percent("60.00") == f"60,00{N}%"
    assert deutsch.prozent(Decimal("12.5")) == f"12,5{N}%"


@pytest.mark.parametrize("tag", [date(2026, 12, 31), date(2027, 1, 1), date(2028, 2, 29)])
def test_every_formatter_writes_the_same_date_and_every_channel_reads_it_back(tag):
    text = tag.strftime("%d.%m.%Y")
    assert deutsch.datum(tag) == formatting.format_date(tag) == german_input.format_date(tag) == text
    assert german_input.format_date(tag.isoformat()) == text
    assert german_input.parse_date(text) == german_input.parse_date(tag.isoformat()) == tag
    from advisor.screening.zellen import parse_datum

    assert parse_datum(text) == parse_datum(tag.isoformat()) == tag
    assert parse_date_option(text, "--stichtag") == parse_date_option(tag.isoformat(), "--stichtag") == tag


# (typed text, read by the web form as money, by the web form as a fraction (VZÄ), by an inventory
# cell) — a Decimal, or the start of the German refusal.
EINGABEN = [
    ("1.234,56", Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")),
    ("1234,56", Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")),
    ("1234.56", Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")),
    ("1 234,56", Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")),
    ("18.000", Decimal("18000"), "mehrdeutig", Decimal("18000")),
    ("2,5", Decimal("2.5"), Decimal("2.5"), Decimal("2.5")),
    (f"{M}3", Decimal("-3"), Decimal("-3"), Decimal("-3")),
    ("-3", Decimal("-3"), Decimal("-3"), Decimal("-3")),
    ("1,234.56", "mehrdeutig", "mehrdeutig", "mehrdeutig"),
    ("1,234,567", "mehrdeutig", "mehrdeutig", "mehrdeutig"),
    ("1.234.56", "keine Zahl", "keine Zahl", "keine Zahl"),
    ("1,2,3", "keine Zahl", "keine Zahl", "keine Zahl"),
    ("zwölf", "keine Zahl", "keine Zahl", "keine Zahl"),
]


def _gelesen(lesen, text):
    try:
        return lesen(text)
    except ValueError as e:
        return str(e)


@pytest.mark.parametrize(("text", "betrag", "bruch", "zelle"), EINGABEN)
def test_each_channel_reads_or_refuses_a_typed_number_as_stated(text, betrag, bruch, zelle):
    from advisor.screening.zellen import parse_decimal

    gelesen = (
        _gelesen(lambda t: german_input.parse_number(t, thousands_allowed=True), text),
        _gelesen(lambda t: german_input.parse_number(t, thousands_allowed=False), text),
        _gelesen(parse_decimal, text),
    )
    for ergebnis, erwartet in zip(gelesen, (betrag, bruch, zelle), strict=True):
        if isinstance(erwartet, Decimal):
            assert ergebnis == erwartet, text
        else:
            assert isinstance(ergebnis, str) and erwartet in ergebnis and f"„{text}“" in ergebnis, (text, ergebnis)


def test_the_inventory_never_reads_english_grouping_as_a_small_number():
    from advisor.screening.zellen import Zellfehler, parse_betrag

    with pytest.raises(Zellfehler, match="mehrdeutig"):
        parse_betrag("1,234.56")


def test_the_command_line_names_the_option_when_a_date_cannot_be_read():
    with pytest.raises(UngueltigeEingabe) as e:
        parse_date_option("31.02.2027", "--stichtag")
    assert e.value.probleme[0].pfad == "--stichtag" and "kein gültiges Kalenderdatum" in e.value.probleme[0].meldung


@pytest.mark.parametrize(
    ("variante", "basis"),
    [
        (bezeichnungen.ERGEBNISSE_KLEIN, bezeichnungen.ERGEBNISSE),
        (bezeichnungen.ERGEBNISSE_GROSS, bezeichnungen.ERGEBNISSE),
        (bezeichnungen.ERGEBNISSE_RECHTLICH, bezeichnungen.ERGEBNISSE),
        (bezeichnungen.RECHTSFORMEN_KURZ, bezeichnungen.RECHTSFORMEN),
    ],
)
def test_every_label_variant_names_exactly_the_keys_of_its_base_table(variante, basis):
    assert set(variante) == set(basis)


def test_the_screening_and_the_cli_show_the_labels_of_the_one_table():
    from cli import assess

    assert screening_labels.ERGEBNISSE is bezeichnungen.ERGEBNISSE_KLEIN
    assert screening_labels.RECHTSFORMEN is bezeichnungen.RECHTSFORMEN_KURZ
    assert assess.ERGEBNISSE_GROSS["nicht_steuerbar"] == "NICHT STEUERBAR"
