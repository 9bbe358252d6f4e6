"""Advance payments: due as agreed, adding up exactly, each a VAT invoice of its own."""

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
        assert all(x.steuerpflichtig.brutto == x.steuerpflichtig.netto + x.steuerpflichtig.umsatzsteuer for x in eigene)
        # Behaviour changed on purpose (issue 16): each advance's VAT is 19 % of its own net, not a
        # slice of the annual VAT; the final invoice settles the difference.
        (schluss,) = [r for r in k.schlussrechnungen if r.beteiligter == a.beteiligter]
        assert schluss.abschlaege.umsatzsteuer == sum(x.steuerpflichtig.umsatzsteuer for x in eigene)
        assert schluss.verbleibend.netto == 0
        assert schluss.verbleibend.umsatzsteuer == a.steuerpflichtig.umsatzsteuer - schluss.abschlaege.umsatzsteuer


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


def test_each_advance_invoice_carries_19_percent_of_its_own_net_not_a_slice_of_the_annual_vat(rechne):
    # Annual net 86,492.03 in 4 quarters: 3 × 21,623.01 (the 3 extra cents go to the earliest), 21,623.00.
    # 19 % of 21,623.01 = 4,108.3719 → 4,108.37 on the invoice. Spreading the annual VAT instead
    # (19 % of 86,492.03 = 16,433.4857 → 16,433.49, in 4 → 4,108.38 first) would show a cent too much,
    # owed under § 14c UStG.
    daten = fall_daten(
        empfaenger={"a": 1}, positionen=[{"art": "sachkosten", "bezeichnung": "S", "betrag": "86492.03"}]
    )
    (k,) = rechne(daten).leistungen
    assert [x.steuerpflichtig.netto for x in k.abschlaege] == [Decimal("21623.01")] * 3 + [Decimal("21623.00")]
    assert [x.steuerpflichtig.umsatzsteuer for x in k.abschlaege] == [Decimal("4108.37")] * 4
    # 21,623.00 × 19 % = 4,108.37 as well: the advances carry 16,433.48, the year 16,433.49; the
    # final invoice lists the whole supply and deducts the advances, net and VAT each.
    (r,) = k.schlussrechnungen
    assert (r.leistung.netto, r.leistung.umsatzsteuer) == (Decimal("86492.03"), Decimal("16433.49"))
    assert (r.abschlaege.netto, r.abschlaege.umsatzsteuer) == (Decimal("86492.03"), Decimal("16433.48"))
    assert (r.verbleibend.netto, r.verbleibend.umsatzsteuer, r.verbleibend.brutto) == (
        Decimal("0.00"),
        Decimal("0.01"),
        Decimal("0.01"),
    )


@pytest.mark.parametrize(
    ("rhythmus", "faelligkeit", "tag", "erwartet"),
    [
        # in advance on the 15th of the first month of each quarter
        ("vierteljaehrlich", "im_voraus", 15, [(2027, 1, 15), (2027, 4, 15), (2027, 7, 15), (2027, 10, 15)]),
        # in advance without a day: the 1st
        ("halbjaehrlich", "im_voraus", None, [(2027, 1, 1), (2027, 7, 1)]),
        # in arrears on the 30th of the last month: February has 28 days in 2027
        ("monatlich", "nachschuessig", 30, [(2027, 1, 30), (2027, 2, 28), (2027, 3, 30)]),
        # after the period on the 15th of the following month: the last quarter is due in January 2028
        ("vierteljaehrlich", "nach_periodenende", 15, [(2027, 4, 15), (2027, 7, 15), (2027, 10, 15), (2028, 1, 15)]),
        # nothing agreed: the last day of each period, as before
        ("jaehrlich", None, None, [(2027, 12, 31)]),
    ],
)
def test_advances_fall_due_as_agreed(rhythmus, faelligkeit, tag, erwartet):
    termine = faelligkeiten(rhythmus, 2027, faelligkeit, tag)
    assert termine[: len(erwartet)] == [date(*t) for t in erwartet]


def test_the_due_date_rule_is_a_german_sentence_with_the_dates(rechne):
    abrechnung = {"verfahren": "spitzabrechnung", "abschlaege": "vierteljaehrlich", "faelligkeit": "im_voraus",
                  "faelligkeitstag": 15}  # fmt: skip
    (k,) = rechne(fall_daten(abrechnung=abrechnung)).leistungen
    assert k.faelligkeitsregel == (
        "Vierteljährlich im Voraus zum 15. des ersten Monats jedes Quartals fällig: "
        "15.01.2027, 15.04.2027, 15.07.2027, 15.10.2027."
    )
    assert {x.faellig for x in k.abschlaege} == {date(2027, m, 15) for m in (1, 4, 7, 10)}


def test_a_day_of_due_without_a_mode_or_a_mode_without_a_rhythm_is_rejected(rechne):
    from advisor.errors import UngueltigeEingabe

    for abrechnung, feld in [
        ({"verfahren": "spitzabrechnung", "abschlaege": "monatlich", "faelligkeitstag": 15}, "faelligkeitstag"),
        ({"verfahren": "spitzabrechnung", "faelligkeit": "im_voraus"}, "faelligkeit"),
        (
            {"verfahren": "spitzabrechnung", "abschlaege": "monatlich", "faelligkeit": "nach_periodenende"},
            "faelligkeitstag",
        ),
    ]:
        with pytest.raises(UngueltigeEingabe) as e:
            rechne(fall_daten(abrechnung=abrechnung))
        assert any(p.pfad.endswith(f"abrechnung.{feld}") for p in e.value.probleme), e.value.probleme
