"""Year-end settlement (Spitzabrechnung): actual share − advances paid = Nachzahlung/Erstattung."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.errors import UngueltigeEingabe
from advisor.kosten import ist_aus_dict, parse_ist, settle
from advisor.parsing import fallakte_aus_dict

from .conftest import UST, fall_daten

D = Decimal


def _ist(**leistung) -> dict:
    basis = {
        "leistung": "dienst",
        "jahr": 2027,
        "steuerpflichtig": False,
        "kosten_netto": "90000.00",
        "vorsteuer": "0.00",
        "abschlaege_gezahlt": {"stadt-a": "40000.00", "gemeinde-b": "40000.00"},
    }
    basis.update(leistung)
    return {"format": "ikz-ist/1", "leistungen": [basis]}


def _fall(**kw):
    return fallakte_aus_dict(fall_daten(**kw))


def test_each_payer_gets_its_actual_share_minus_advances_paid():
    (leistung,) = settle(_fall(), ist_aus_dict(_ist()), UST).leistungen
    assert [(z.beteiligter, z.ist_anteil, z.nachzahlung) for z in leistung.zeilen] == [
        ("stadt-a", D("45000.00"), D("5000.00")),
        ("gemeinde-b", D("45000.00"), D("5000.00")),
    ]


def test_a_negative_nachzahlung_is_a_refund():
    ist = _ist(abschlaege_gezahlt={"stadt-a": "50000.00", "gemeinde-b": "40000.00"})
    (leistung,) = settle(_fall(), ist_aus_dict(ist), UST).leistungen
    assert [z.nachzahlung for z in leistung.zeilen] == [D("-5000.00"), D("5000.00")]
    assert leistung.summe_nachzahlung == 0


def test_actual_key_values_replace_the_planned_ones():
    fall = _fall(verteilung={"schluessel": "fallzahlen", "werte": {"stadt-a": 1, "gemeinde-b": 1}})
    (leistung,) = settle(fall, ist_aus_dict(_ist(werte={"stadt-a": 2, "gemeinde-b": 1})), UST).leistungen
    assert [z.ist_anteil for z in leistung.zeilen] == [D("60000.00"), D("30000.00")]


def test_a_taxable_year_settles_gross_with_vat_per_payer():
    ist = _ist(
        steuerpflichtig=True, kosten_netto="96008.40", vorsteuer="3991.60", abschlaege_gezahlt={"stadt-a": "0.00"}
    )
    fall = _fall(empfaenger={"stadt-a": 1})
    (leistung,) = settle(fall, ist_aus_dict(ist), UST).leistungen
    (z,) = leistung.zeilen
    assert (z.ist_netto, z.ist_umsatzsteuer, z.ist_anteil) == (D("96008.40"), D("18241.60"), D("114250.00"))


def test_the_providers_own_share_is_shown_but_not_invoiced():
    fall = _fall(verteilung={"schluessel": "gleiche_teile", "erbringer_traegt_anteil": True})
    (leistung,) = settle(fall, ist_aus_dict(_ist()), UST).leistungen
    assert leistung.anteil_erbringer == D("30000.00")
    assert [z.beteiligter for z in leistung.zeilen] == ["stadt-a", "gemeinde-b"]
    assert leistung.summe_ist_anteil == D("60000.00")


@settings(max_examples=60, deadline=None)
@given(
    ist_cent=st.integers(min_value=0, max_value=10**11),
    gezahlt=st.lists(st.integers(min_value=0, max_value=10**10), min_size=3, max_size=3),
    werte=st.lists(st.integers(min_value=1, max_value=10**5), min_size=3, max_size=3),
    steuerpflichtig=st.booleans(),
)
def test_settlement_columns_add_up_exactly(ist_cent, gezahlt, werte, steuerpflichtig):
    ids = ["a", "b", "c"]
    fall = _fall(
        empfaenger=dict.fromkeys(ids, 1),
        verteilung={"schluessel": "nutzung", "werte": dict(zip(ids, werte, strict=True))},
    )
    ist = _ist(
        kosten_netto=str(D(ist_cent).scaleb(-2)),
        steuerpflichtig=steuerpflichtig,
        abschlaege_gezahlt={k: str(D(g).scaleb(-2)) for k, g in zip(ids, gezahlt, strict=True)},
    )
    (leistung,) = settle(fall, ist_aus_dict(ist), UST).leistungen
    assert sum(z.nachzahlung for z in leistung.zeilen) == leistung.summe_ist_anteil - leistung.summe_abschlaege_gezahlt
    # the cents that equal weights cannot split evenly stay with the provider (issue 16)
    assert sum(z.ist_netto for z in leistung.zeilen) + leistung.restcent_erbringer == D(ist_cent).scaleb(-2)
    for z in leistung.zeilen:
        assert z.ist_anteil == z.ist_netto + z.ist_umsatzsteuer


def _fehler(fall, ist) -> dict[str, str]:
    with pytest.raises(UngueltigeEingabe) as e:
        settle(fall, ist_aus_dict(ist), UST)
    assert e.value.titel == "Die Ist-Daten sind ungültig."
    return {p.pfad: p.meldung for p in e.value.probleme}


def test_an_unknown_service_is_a_field_error():
    assert "gibt es in der Fallakte nicht" in _fehler(_fall(), _ist(leistung="gibtsnicht"))["leistungen[0].leistung"]


def test_missing_advances_of_a_recipient_are_an_error_not_a_silent_zero():
    fehler = _fehler(_fall(), _ist(abschlaege_gezahlt={"stadt-a": "1.00"}))
    assert "fehlen" in fehler["leistungen[0].abschlaege_gezahlt.gemeinde-b"]


def test_advances_of_a_non_recipient_are_an_error():
    fehler = _fehler(_fall(), _ist(abschlaege_gezahlt={"stadt-a": "1", "gemeinde-b": "1", "erbringer": "1"}))
    assert "kein Empfänger" in fehler["leistungen[0].abschlaege_gezahlt.erbringer"]


def test_actual_values_for_a_key_without_values_are_an_error():
    fehler = _fehler(_fall(), _ist(werte={"stadt-a": 1, "gemeinde-b": 1}))
    assert "verwendet keine Werte" in fehler["leistungen[0].werte"]


def test_actual_values_must_cover_every_payer():
    fall = _fall(verteilung={"schluessel": "fallzahlen", "werte": {"stadt-a": 1, "gemeinde-b": 1}})
    fehler = _fehler(fall, _ist(werte={"stadt-a": 2}))
    assert "fehlt" in fehler["leistungen[0].werte.gemeinde-b"]


def test_ist_document_errors_are_german_and_name_the_field():
    with pytest.raises(UngueltigeEingabe) as e:
        parse_ist(
            "format: ikz-ist/1\nleistungen:\n  - {leistung: dienst, jahr: 2027, kosten_netto: -5, vorsteuer: 0, abschlaege_gezahlt: {}}\n"
        )
    fehler = {p.pfad: p.meldung for p in e.value.probleme}
    assert fehler["leistungen[0].kosten_netto"] == "Darf nicht negativ sein."
    assert fehler["leistungen[0].steuerpflichtig"] == "Pflichtangabe fehlt."


def test_ist_document_needs_its_format():
    with pytest.raises(UngueltigeEingabe) as e:
        parse_ist('{"leistungen": []}')
    assert {p.pfad for p in e.value.probleme} == {"format", "leistungen"}


# --- issue 16: advances net + VAT, final invoices, per-service VAT -----------------------------


def _stpfl(**leistung) -> dict:
    # 90,000.00 split 1:1 (gleiche_teile) → 45,000.00 net each; 19 % = 8,550.00
    return _ist(steuerpflichtig=True, **leistung)


def test_advances_as_net_and_vat_give_a_final_invoice_per_recipient():
    gezahlt = {"stadt-a": {"netto": "40000.00", "umsatzsteuer": "7600.00"},
               "gemeinde-b": [{"datum": "2027-03-31", "netto": "20000.00", "umsatzsteuer": "3800.00"},
                              {"datum": "2027-06-30", "netto": "20000.00", "umsatzsteuer": "3800.00"}]}  # fmt: skip
    (leistung,) = settle(_fall(), ist_aus_dict(_stpfl(abschlaege_gezahlt=gezahlt)), UST).leistungen
    for z in leistung.zeilen:
        r = z.schlussrechnung
        assert (r.leistung.netto, r.leistung.umsatzsteuer) == (D("45000.00"), D("8550.00"))
        assert (r.abschlaege.netto, r.abschlaege.umsatzsteuer) == (D("40000.00"), D("7600.00"))
        assert (r.verbleibend.netto, r.verbleibend.umsatzsteuer, r.verbleibend.brutto) == (
            D("5000.00"),
            D("950.00"),
            D("5950.00"),
        )
        assert z.nachzahlung == D("5950.00") and z.abschlaege_gezahlt == D("47600.00")
    assert leistung.hinweise == ()


def test_the_old_format_stays_readable_and_says_why_no_final_invoice_can_be_drawn_up():
    # old: one amount per recipient. Not taxable: that is simply what was paid, final statement without VAT.
    (leistung,) = settle(_fall(), ist_aus_dict(_ist()), UST).leistungen
    assert all(
        z.schlussrechnung is not None and z.schlussrechnung.verbleibend.umsatzsteuer == 0 for z in leistung.zeilen
    )
    # taxable: a gross amount cannot be split into net and VAT without guessing
    (leistung,) = settle(_fall(), ist_aus_dict(_stpfl()), UST).leistungen
    assert all(z.schlussrechnung is None and z.abschlaege_netto is None for z in leistung.zeilen)
    assert [z.nachzahlung for z in leistung.zeilen] == [D("13550.00"), D("13550.00")]  # 53,550 − 40,000
    assert sum("§ 14 Abs. 5 Satz 2 UStG" in h for h in leistung.hinweise) == 2


def test_vat_shown_too_high_on_an_advance_invoice_is_pointed_out_under_section_14c():
    # 19 % of 21,623.01 is 4,108.37; an invoice showing 4,108.38 owes the cent (§ 14c Abs. 1 UStG)
    gezahlt = {"stadt-a": [{"datum": "2027-03-31", "netto": "21623.01", "umsatzsteuer": "4108.38"}],
               "gemeinde-b": [{"netto": "21623.01", "umsatzsteuer": "4108.37"}]}  # fmt: skip
    (leistung,) = settle(_fall(), ist_aus_dict(_stpfl(abschlaege_gezahlt=gezahlt)), UST).leistungen
    (hinweis,) = leistung.hinweise
    assert "vom 31.03.2027" in hinweis and "§ 14c Abs. 1 UStG" in hinweis and "4.108,37" in hinweis


def test_vat_on_advances_in_a_year_that_was_not_taxable_is_pointed_out_under_section_14c_2():
    gezahlt = {"stadt-a": {"netto": "40000.00", "umsatzsteuer": "7600.00"}, "gemeinde-b": "40000.00"}
    (leistung,) = settle(_fall(), ist_aus_dict(_ist(abschlaege_gezahlt=gezahlt)), UST).leistungen
    (hinweis,) = leistung.hinweise
    assert "§ 14c Abs. 2 UStG" in hinweis
    # the final statement of a year that was not taxable: VAT 0 on the supply, the VAT paid reversed
    r = leistung.zeilen[0].schlussrechnung
    assert (r.leistung.umsatzsteuer, r.verbleibend.umsatzsteuer) == (D("0.00"), D("-7600.00"))


def test_a_different_vat_rate_per_service_is_applied_by_service(satztabellen):
    from advisor.kosten import calculate

    fall = _fall()
    (k,) = calculate(fall, satztabellen, {"dienst": D(7)}).leistungen
    # plan: 75,000 / 2 = 37,500 × 7 % = 2,625.00
    assert k.umsatzsteuersatz == 7 and k.anteile[0].steuerpflichtig.umsatzsteuer == D("2625.00")
    (a,) = settle(fall, ist_aus_dict(_stpfl()), {"dienst": D(7)}).leistungen
    assert a.zeilen[0].ist_umsatzsteuer == D("3150.00")  # actual: 45,000 × 7 %
    (a,) = settle(fall, ist_aus_dict(_stpfl()), lambda jahr: {"dienst": D(19)}).leistungen
    assert a.zeilen[0].ist_umsatzsteuer == D("8550.00")
    with pytest.raises(ValueError, match="dienst"):
        calculate(fall, satztabellen, {"anders": D(7)})


def test_an_unknown_service_with_a_rate_mapping_is_still_a_field_error():
    fehler = _fehler_mit(_fall(), _ist(leistung="gibtsnicht"), {"dienst": D(19)})
    assert "gibt es in der Fallakte nicht" in fehler["leistungen[0].leistung"]


def _fehler_mit(fall, ist, satz) -> dict[str, str]:
    with pytest.raises(UngueltigeEingabe) as e:
        settle(fall, ist_aus_dict(ist), satz)
    return {p.pfad: p.meldung for p in e.value.probleme}


def test_actual_quantities_and_measures_must_fit_the_key():
    fehler = _fehler(_fall(), _ist(mengen={"stadt-a": 1, "gemeinde-b": 1}))
    assert "nur beim Schlüssel „stueckpreis“" in fehler["leistungen[0].mengen"]
    fehler = _fehler(_fall(), _ist(bestandteile={"kurse": {"stadt-a": 1}}))
    assert "nur beim Schlüssel „gemischt“" in fehler["leistungen[0].bestandteile"]
