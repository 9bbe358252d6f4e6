"""Overhead without double counting, indexation of an older table, the asset list (depreciation,
interest, input VAT) and specific risks — each against a hand calculation written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

import rules_loader
from advisor.bewerten import sachverhalt_der_leistung
from advisor.errors import UngueltigeEingabe
from advisor.kosten import kennzahlen
from advisor.parsing import fallakte_aus_dict

from .conftest import fall_daten

D = Decimal
E9B = [{"art": "personal", "bezeichnung": "Sachbearbeitung", "entgeltgruppe": "E 9b", "vzae": "1"}]


def _k(rechne, **kw):
    (k,) = rechne(fall_daten(**kw)).leistungen
    return k


def _zeilen(k) -> dict[str, Decimal]:
    return {p.bezeichnung.replace("\u00a0", " "): p.betrag for p in k.positionen}


def _fehler(rechne, **kw) -> dict[str, str]:
    with pytest.raises(UngueltigeEingabe) as e:
        rechne(fall_daten(**kw))
    return {p.pfad: p.meldung for p in e.value.probleme}


# --- indexation ---------------------------------------------------------------------------------


def test_two_raises_within_the_year_are_indexed_to_the_month_and_compounded(rechne):
    # E 9b 80,100.00. +3 % from 01.04.2027: 80,100 × 3 % × 9/12 = 1,802.25.
    # +2 % from 01.10.2027 on the raised rate: 80,100 × 1.03 × 2 % × 3/12 = 412.515 → 412.52
    k = _k(
        rechne,
        satzgrundlage="kgst_2025_26",
        positionen=E9B,
        fortschreibung=[
            {"prozent": 2, "ab": "2027-10-01", "grundlage": "Tarifeinigung, Stufe 2"},
            {"prozent": 3, "ab": "2027-04-01", "grundlage": "Tarifeinigung, Stufe 1"},
        ],
    )
    zeilen = _zeilen(k)
    assert zeilen["Fortschreibung Personalkosten +3 % ab 01.04.2027"] == D("1802.25")
    assert zeilen["Fortschreibung Personalkosten +2 % ab 01.10.2027"] == D("412.52")
    herkunft = [p.herkunft for p in k.positionen if p.bezeichnung.startswith("Fortschreibung")]
    assert herkunft[0].startswith("Tarifeinigung, Stufe 1: 3") and "9/12 Monate" in herkunft[0]
    assert "1,03 (frühere Erhöhungen)" in herkunft[1]
    assert not any("Fortschreibung" in w for w in k.warnungen)


def test_a_raise_from_the_middle_of_a_month_counts_from_the_next_month(rechne):
    # from 15.04.2027: May–December, 8 months: 80,100 × 3 % × 8/12 = 1,602.00
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B,
           fortschreibung=[{"prozent": 3, "ab": "2027-04-15", "grundlage": "Tarif"}])  # fmt: skip
    assert _zeilen(k)["Fortschreibung Personalkosten +3 % ab 15.04.2027"] == D("1602.00")


def test_the_overhead_applies_to_the_indexation_line_too(rechne):
    # 80,100 + 2,403 (3 % for the full year 2027) = 82,503; 20 % = 16,500.60
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B, gemeinkostenzuschlag_prozent=20,
           fortschreibung=[{"prozent": 3, "ab": "2026-04-01", "grundlage": "Tarif"}])  # fmt: skip
    assert _zeilen(k)["Gemeinkostenzuschlag"] == D("16500.60")


def test_a_raise_after_the_year_is_an_error_and_one_before_the_table_date_is_questioned(rechne):
    fehler = _fehler(rechne, satzgrundlage="kgst_2025_26", positionen=E9B,
                     fortschreibung=[{"prozent": 3, "ab": "2028-01-01", "grundlage": "Tarif"}])  # fmt: skip
    assert "wirkt im Kalkulationsjahr 2027 nicht" in fehler["leistungen[0].kosten.fortschreibung[0].ab"]
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B,
           fortschreibung=[{"prozent": 3, "ab": "2025-04-01", "grundlage": "Tarif"}])  # fmt: skip
    assert any("womöglich schon enthalten" in w for w in k.warnungen)


def test_indexation_needs_personnel_from_a_table(rechne):
    fehler = _fehler(rechne, fortschreibung=[{"prozent": 3, "ab": "2027-01-01", "grundlage": "Tarif"}])
    assert "Satztabelle" in fehler["leistungen[0].kosten.fortschreibung"]


def test_a_table_for_earlier_years_without_indexation_is_warned_about_never_silently_used(rechne):
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B)
    assert any("gelten für 2025/2026, kalkuliert wird 2027" in w for w in k.warnungen)
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B, kalkulationsjahr=2026)
    assert not any("Fortschreibung" in w for w in k.warnungen)


# --- overhead -----------------------------------------------------------------------------------


def test_own_klr_personnel_without_a_statement_on_overhead_is_flagged(rechne):
    k = _k(rechne, gemeinkostenzuschlag_prozent=20)
    # The warning names the form's question, not the key gemeinkosten_enthalten (integration).
    assert any(
        "Gemeinkosten womöglich doppelt" in w and "„Enthält der Betrag schon Gemeinkosten?“" in w for w in k.warnungen
    )
    positionen = [{"art": "personal", "bezeichnung": "SB", "betrag": "75000.00", "gemeinkosten_enthalten": False}]
    assert not _k(rechne, gemeinkostenzuschlag_prozent=20, positionen=positionen).warnungen


def test_a_name_that_sounds_like_management_is_asked_about_not_assumed(rechne):
    def warnungen(bezeichnung: str, leitung: bool | None = None) -> list[str]:
        p = {"art": "personal", "bezeichnung": bezeichnung, "betrag": "90000.00", "gemeinkosten_enthalten": False}
        if leitung is not None:
            p["leitungsposition"] = leitung
        return [w for w in _k(rechne, gemeinkostenzuschlag_prozent=20, positionen=[p]).warnungen if "Gemeinkosten" in w]

    assert any("klingt nach Leitung" in w for w in warnungen("Teamleitung"))
    assert any("klingt nach Leitung" in w for w in warnungen("Sekretariat Fachbereich"))
    assert warnungen("Projektleitung Wasserbau") == []
    assert warnungen("Teamleitung", leitung=False) == []
    assert any("Gemeinkosten doppelt" in w for w in warnungen("Stelle 4711", leitung=True))
    # a documented, reduced surcharge below the KGSt values draws no double-count warning
    p = {"art": "personal", "bezeichnung": "Teamleitung", "betrag": "1.00", "leitungsposition": True,
         "gemeinkosten_enthalten": False}  # fmt: skip
    assert not any("doppelt" in w for w in _k(rechne, gemeinkostenzuschlag_prozent=12, positionen=[p]).warnungen)


def test_table_personnel_cannot_claim_its_own_overhead(rechne):
    positionen = [{**E9B[0], "gemeinkosten_enthalten": True}]
    fehler = _fehler(rechne, satzgrundlage="kgst_2025_26", positionen=positionen)
    assert "keine Gemeinkosten" in fehler["leistungen[0].kosten.positionen[0].gemeinkosten_enthalten"]


def test_a_lump_sum_other_than_the_tables_is_flagged(rechne):
    k = _k(rechne, satzgrundlage="kgst_2025_26", positionen=E9B, sachkostenpauschale_je_vzae="9000.00",
           kalkulationsjahr=2026)  # fmt: skip
    assert any("Sachkostenpauschale von 9.000,00" in w for w in k.warnungen)


def test_overhead_flags_exist_only_on_personnel():
    daten = fall_daten(
        positionen=[{"art": "sachkosten", "bezeichnung": "S", "betrag": "1.00", "leitungsposition": True}]
    )
    with pytest.raises(UngueltigeEingabe):
        fallakte_aus_dict(daten)


# --- assets ---------------------------------------------------------------------------------------


def _anlage(**kw) -> dict:
    return {"bezeichnung": "Fahrzeug", "anschaffungskosten": "60000.00", "anschaffung": "2026-01-01",
            "nutzungsdauer_jahre": 6, **kw}  # fmt: skip


def test_linear_depreciation_starts_in_the_month_of_acquisition(rechne):
    # 36,000 over 3 years from July 2027: 6 of 36 months in 2027 = 6,000.00; residual 36,000 → 30,000
    k = _k(rechne, positionen=[], anlagen=[_anlage(anschaffungskosten="36000.00", anschaffung="2027-07-20",
                                                   nutzungsdauer_jahre=3)])  # fmt: skip
    (a,) = k.anlagen
    assert (a.abschreibung, a.restwert_beginn, a.restwert_ende) == (D("6000.00"), D("36000.00"), D("30000.00"))


def test_over_its_life_an_asset_is_written_off_exactly_to_the_cent(rechne):
    # 10,000.00 over 7 years: 1,428.57 / 1,428.57 / 1,428.58 / … — the cumulative amounts are
    # rounded, so the seven years add up to 10,000.00 exactly
    summe = D(0)
    for jahr in range(2027, 2035):
        k = _k(rechne, kalkulationsjahr=jahr, positionen=[],
               anlagen=[_anlage(anschaffungskosten="10000.00", anschaffung="2027-01-01", nutzungsdauer_jahre=7)])  # fmt: skip
        summe += k.anlagen[0].abschreibung
    assert summe == D("10000.00")


def test_replacement_value_depreciation_and_interest_on_historical_residual_values(rechne):
    # replacement value 72,000 / 6 = 12,000 in 2027; interest on the historical residual values
    # 50,000 → 40,000: 5 % × 45,000 = 2,250.00
    k = _k(rechne, positionen=[], anlagen=[_anlage(wiederbeschaffungswert="72000.00")],
           kalkulatorischer_zinssatz_prozent=5, zinssatz_herleitung="KAG NRW, 30-Jahres-Durchschnitt")  # fmt: skip
    (a,) = k.anlagen
    assert (a.abschreibung, a.kalkulatorische_zinsen) == (D("12000.00"), D("2250.00"))
    assert any("Inflationselement" in h for h in a.hinweise)
    assert _zeilen(k)["Kalkulatorische Zinsen Fahrzeug"] == D("2250.00")
    (zins,) = [p for p in k.positionen if p.art == "kalkulatorische_zinsen"]
    assert zins.kategorie == "risiko"
    assert kennzahlen(rechne(fall_daten(positionen=[], anlagen=[_anlage()], kalkulatorischer_zinssatz_prozent=5)))[
        "dienst"
    ].kalkulatorische_zinsen == D("2250.00")


def test_performance_based_depreciation(rechne):
    # 100,000 for 500,000 km; 100,000 km before 2027, 60,000 km in 2027:
    # 100,000 × 160/500 − 100,000 × 100/500 = 32,000 − 20,000 = 12,000.00
    anlage = _anlage(anschaffungskosten="100000.00", methode="leistungsabhaengig", leistung_gesamt=500000,
                     leistung_bisher=100000, leistung_jahr=60000)  # fmt: skip
    (a,) = _k(rechne, positionen=[], anlagen=[anlage]).anlagen
    assert (a.abschreibung, a.restwert_beginn, a.restwert_ende) == (D("12000.00"), D("80000.00"), D("68000.00"))


def test_interest_only_on_own_capital_and_the_actual_loan_interest_as_its_own_line(rechne):
    # 40 % own capital: 5 % × 45,000 × 40 % = 900.00; loan interest paid 1,200.00
    k = _k(rechne, positionen=[], kalkulatorischer_zinssatz_prozent=5, zinssatz_herleitung="x",
           anlagen=[_anlage(eigenkapitalanteil_prozent=40, fremdkapitalzinsen="1200.00")])  # fmt: skip
    zeilen = _zeilen(k)
    assert zeilen["Kalkulatorische Zinsen Fahrzeug"] == D("900.00")
    assert zeilen["Fremdkapitalzinsen Fahrzeug"] == D("1200.00")
    assert not any("nebeneinander" in w for w in k.warnungen)


def test_imputed_and_actual_interest_on_the_same_capital_are_rejected_or_flagged(rechne):
    fehler = _fehler(rechne, positionen=[], anlagen=[_anlage(fremdkapitalzinsen="1200.00")])
    assert "nie auf dasselbe Kapital" in fehler["leistungen[0].kosten.anlagen[0]"]
    positionen = [
        {"art": "kalkulatorische_zinsen", "bezeichnung": "EK-Zinsen", "betrag": "3000.00"},
        {"art": "fremdkapitalzinsen", "bezeichnung": "Kreditzinsen", "betrag": "2000.00"},
    ]
    assert any("nebeneinander" in w for w in _k(rechne, positionen=positionen).warnungen)


def test_a_rate_without_an_asset_list_and_a_rate_without_derivation(rechne):
    fehler = _fehler(rechne, kalkulatorischer_zinssatz_prozent=5)
    assert "Anlagenliste" in fehler["leistungen[0].kosten.kalkulatorischer_zinssatz_prozent"]
    k = _k(rechne, positionen=[], anlagen=[_anlage()], kalkulatorischer_zinssatz_prozent=5)
    assert any("nicht hergeleitet" in w for w in k.warnungen)


def test_purchase_vat_is_a_cost_when_not_taxable_and_deducted_at_purchase_when_taxable(rechne):
    # 12,000 net + 2,280 VAT over 6 years from 2027: 2,000 + 380 per year. Not taxable the
    # recipient pays 2,380.00; taxable 2,000.00 net + 19 % = 380.00 — and no yearly input-VAT
    # deduction: the 2,280 were deducted once, at purchase.
    k = _k(rechne, empfaenger={"stadt-a": 1}, positionen=[],
           anlagen=[_anlage(anschaffungskosten="12000.00", vorsteuer="2280.00", anschaffung="2027-01-01")])  # fmt: skip
    (a,) = k.anteile
    assert a.nicht_steuerbar == D("2380.00")
    assert (a.steuerpflichtig.netto, a.steuerpflichtig.umsatzsteuer) == (D("2000.00"), D("380.00"))
    assert (k.vorsteuer, k.vorsteuer_anlagen, k.vorsteuerabzug_bei_steuerpflicht) == (D("380.00"), D("380.00"), 0)
    assert any("§ 15a UStG" in h for h in k.anlagen[0].hinweise)


def test_an_asset_bought_before_2027_points_to_the_15a_correction(rechne):
    k = _k(rechne, positionen=[], anlagen=[_anlage(vorsteuer="11400.00")])
    assert any("vor dem Übergang zu § 2b UStG" in h for h in k.anlagen[0].hinweise)


def test_fully_written_off_and_not_yet_acquired_assets_cost_nothing_and_say_so(rechne):
    (alt,) = _k(rechne, positionen=[], anlagen=[_anlage(anschaffung="2010-01-01")]).anlagen
    assert alt.abschreibung == 0 and "Vollständig abgeschrieben" in alt.hinweise[-1]
    (neu,) = _k(rechne, positionen=[], anlagen=[_anlage(anschaffung="2028-03-01")]).anlagen
    assert neu.abschreibung == 0 and "noch keine Abschreibung" in neu.hinweise[-1]


# --- specific risks -------------------------------------------------------------------------------


def test_a_specific_risk_with_evidence_is_a_cost_and_the_general_risk_is_not(rechne, satztabellen):
    belegt = {"art": "wagnis", "bezeichnung": "Forderungsausfall", "betrag": "500.00",
              "einzelwagnis_nachweis": "Ausfälle 2023–2025: 480 / 510 / 505 €"}  # fmt: skip
    allgemein = {"art": "wagnis", "bezeichnung": "Unternehmerwagnis", "betrag": "700.00"}
    k = _k(rechne, positionen=[belegt, allgemein])
    assert [p.kategorie for p in k.positionen] == ["kosten", "kein_kostenbestandteil"]
    assert k.wagnis == D("700.00")
    # the § 2b fact reads only the general risk
    fall = fallakte_aus_dict(fall_daten(positionen=[belegt]))
    assert sachverhalt_der_leistung(fall, 0, rules_loader.load_rules(), None).fakten["wagnis_vorhanden"] is False
    fall = fallakte_aus_dict(fall_daten(positionen=[belegt, allgemein]))
    assert sachverhalt_der_leistung(fall, 0, rules_loader.load_rules(), None).fakten["wagnis_vorhanden"] is True


def test_evidence_belongs_to_a_wagnis_line():
    with pytest.raises(UngueltigeEingabe):
        fallakte_aus_dict(fall_daten(positionen=[{"art": "sachkosten", "bezeichnung": "S", "betrag": "1.00",
                                                   "einzelwagnis_nachweis": "x"}]))  # fmt: skip


def test_imputed_interest_from_the_asset_list_is_a_section_2b_fact():
    fall = fallakte_aus_dict(fall_daten(positionen=[], anlagen=[_anlage()], kalkulatorischer_zinssatz_prozent=5))
    assert (
        sachverhalt_der_leistung(fall, 0, rules_loader.load_rules(), None).fakten["kalkulatorische_zinsen_vorhanden"]
        is True
    )
    fall = fallakte_aus_dict(fall_daten(positionen=[], anlagen=[_anlage()]))
    assert (
        sachverhalt_der_leistung(fall, 0, rules_loader.load_rules(), None).fakten["kalkulatorische_zinsen_vorhanden"]
        is False
    )
