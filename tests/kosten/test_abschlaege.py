"""Advance payments: due at the end of each period of the calculation year, adding up exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.kosten.abschlaege import faelligkeiten

from .conftest import fall_daten


def test_quarterly_advances_are_due_on_the_last_day_of_each_quarter():
    assert faelligkeiten("vierteljaehrlich", 2027) == [
        date(2027, 3, 31),
        date(2027, 6, 30),
        date(2027, 9, 30),
        date(2027, 12, 31),
    ]


def test_half_yearly_and_yearly_advances_are_due_at_mid_year_and_year_end():
    assert faelligkeiten("halbjaehrlich", 2027) == [date(2027, 6, 30), date(2027, 12, 31)]
    assert faelligkeiten("jaehrlich", 2027) == [date(2027, 12, 31)]


def test_monthly_advances_know_february_of_a_leap_year():
    termine = faelligkeiten("monatlich", 2028)
    assert len(termine) == 12 and termine[1] == date(2028, 2, 29)
    assert faelligkeiten("monatlich", 2027)[1] == date(2027, 2, 28)


@pytest.mark.parametrize("rhythmus", ["monatlich", "vierteljaehrlich", "halbjaehrlich", "jaehrlich"])
def test_each_payers_advances_add_up_to_its_annual_share(rechne, rhythmus):
    daten = fall_daten(
        empfaenger={"a": 1, "b": 1, "c": 1},
        positionen=[{"art": "sachkosten", "bezeichnung": "S", "betrag": "1000.01", "vorsteuer": "190.00"}],
        abrechnung={"verfahren": "spitzabrechnung", "abschlaege": rhythmus},
    )
    (k,) = rechne(daten).leistungen
    for a in k.anteile:
        eigene = [x for x in k.abschlaege if x.beteiligter == a.beteiligter]
        assert len(eigene) == len(faelligkeiten(rhythmus, 2027))
        assert sum(x.betrag for x in eigene) == a.nicht_steuerbar
        assert sum(x.steuerpflichtig.netto for x in eigene) == a.steuerpflichtig.netto
        assert sum(x.steuerpflichtig.umsatzsteuer for x in eigene) == a.steuerpflichtig.umsatzsteuer
        assert all(x.steuerpflichtig.brutto == x.steuerpflichtig.netto + x.steuerpflichtig.umsatzsteuer for x in eigene)


def test_advances_follow_the_calculation_year(rechne):
    (k,) = rechne(fall_daten(kalkulationsjahr=2029)).leistungen
    assert {x.faellig.year for x in k.abschlaege} == {2029}


def test_the_provider_pays_no_advances_to_itself(rechne):
    daten = fall_daten(verteilung={"schluessel": "gleiche_teile", "erbringer_traegt_anteil": True})
    (k,) = rechne(daten).leistungen
    assert "erbringer" not in {x.beteiligter for x in k.abschlaege}
    assert len(k.abschlaege) == 2 * 4


def test_without_a_rhythm_there_is_no_schedule_and_the_calculation_says_so(rechne):
    (k,) = rechne(fall_daten(abrechnung={"verfahren": "festpreis"})).leistungen
    assert k.abschlaege == ()
    assert any("Kein Abschlagsrhythmus" in h for h in k.hinweise)


def test_a_remainder_cent_goes_to_the_earliest_advance(rechne):
    daten = fall_daten(
        empfaenger={"a": 1},
        positionen=[{"art": "sachkosten", "bezeichnung": "S", "betrag": "100.01"}],
    )
    (k,) = rechne(daten).leistungen
    assert [x.betrag for x in k.abschlaege] == [Decimal("25.01"), Decimal("25.00"), Decimal("25.00"), Decimal("25.00")]
