"""German texts of the assessment: values in the users' words, placeholders filled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.texte import fuelle


def test_choice_values_appear_in_the_users_words_not_as_keys() -> None:
    text = fuelle(
        "Grundlage {rechtsform}, Vergütung „{entgelt}“, Anhang I: {anhang_i_taetigkeit}.",
        {"rechtsform": "oerv_mandatierend", "entgelt": "umlage_nach_nutzung", "anhang_i_taetigkeit": "keine"},
        {},
    )
    assert text == (
        "Grundlage Öffentlich-rechtliche Vereinbarung, mandatierend (§ 23 GkG NRW), "
        "Vergütung „Umlage nach Nutzung“, Anhang I: keine."
    )


def test_amounts_dates_and_unknowns_are_written_the_german_way() -> None:
    fakten = {
        "umsatz_gleichartige_taetigkeiten": Decimal("17500.01"),
        "laufzeit_beginn": date(2027, 1, 1),
        "hilfstaetigkeit": None,
        "laufzeit_ende": None,
        "laufzeit_unbefristet": True,
    }
    text = fuelle(
        "{umsatz_gleichartige_taetigkeiten} ab {laufzeit_beginn} bis {laufzeit_ende}; Hilfstätigkeit "
        "{hilfstaetigkeit}; Grenze {bagatellgrenze_abs2_nr1}",
        fakten,
        {"bagatellgrenze_abs2_nr1": Decimal("17500")},
        {"bagatellgrenze_abs2_nr1": "EUR"},
    )
    assert text == (
        "17.500,01\u00a0€ ab 01.01.2027 bis keines (unbefristet); Hilfstätigkeit unbekannt; Grenze 17.500,00\u00a0€"
    )


def test_dates_are_read_in_german_and_iso_form_and_impossible_dates_are_refused() -> None:
    import pytest

    from advisor.eingabe import datum_lesen

    assert datum_lesen(" 31.12.2026 ") == date(2026, 12, 31)
    assert datum_lesen("1.2.2027") == date(2027, 2, 1)
    assert datum_lesen("2027-01-01") == date(2027, 1, 1)
    assert datum_lesen("Neujahr") is None
    with pytest.raises(ValueError):
        datum_lesen("31.02.2027")
