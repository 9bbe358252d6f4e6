"""A row becomes a validated Fallakte with one service; its problems point back to the row's columns."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from advisor.screening import parse_rows
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile, slug
from advisor.screening.portfolio import Portfoliowert, Portfoliowerte
from tests.screening.conftest import tabelle, zeile

KEINE = Portfoliowerte(None, None)


def _eine(vorgaben, **werte):
    gelesen = parse_rows([tabelle([zeile(**werte)])], vorgaben)
    assert gelesen.probleme == []
    return gelesen.zeilen[0]


def test_provider_and_recipients_become_partners_with_ids_from_their_names(vorgaben):
    z = _eine(vorgaben, empfaenger="Stadt Aheim; Gemeinde Bärstadt", empfaenger_art="stadt; gemeinde")
    akte, probleme = fallakte_aus_bestandszeile(z, KEINE, vorgaben.stichtag)
    assert probleme == []
    assert [(b.id, b.art) for b in akte.beteiligte] == [
        ("kreis-musterland", "kreis"),
        ("stadt-aheim", "stadt"),
        ("gemeinde-baerstadt", "gemeinde"),
    ]
    (leistung,) = akte.leistungen
    assert leistung.erbringer == "kreis-musterland"
    assert leistung.empfaenger == ["stadt-aheim", "gemeinde-baerstadt"]
    assert akte.stichtag == vorgaben.stichtag


def test_the_annual_amount_becomes_one_own_figures_cost_line_with_its_input_vat(vorgaben):
    z = _eine(vorgaben, jahresbetrag="100.000,00", vorsteuer="3.991,60", gewinnaufschlag_prozent="0")
    akte, _ = fallakte_aus_bestandszeile(z, KEINE, vorgaben.stichtag)
    kosten = akte.leistungen[0].kosten
    assert kosten.satzgrundlage == "eigene_klr" and kosten.kalkulationsjahr == 2027
    (position,) = kosten.positionen
    assert (position.art, position.betrag, position.vorsteuer) == (
        "sachkosten",
        Decimal("96008.40"),
        Decimal("3991.60"),
    )
    assert position.betrag + position.vorsteuer == Decimal("100000.00")
    assert kosten.gewinnaufschlag_prozent == Decimal("0")


def test_a_row_without_amount_has_no_cost_data(vorgaben):
    akte, _ = fallakte_aus_bestandszeile(_eine(vorgaben), KEINE, vorgaben.stichtag)
    assert akte.leistungen[0].kosten is None


def test_empty_facts_stay_unknown_in_the_fallakte(vorgaben):
    akte, _ = fallakte_aus_bestandszeile(_eine(vorgaben, hilfstaetigkeit="nein"), KEINE, vorgaben.stichtag)
    leistung = akte.leistungen[0]
    assert leistung.hilfstaetigkeit is False
    assert leistung.private_anbieter_am_markt is None and leistung.entgelt is None and leistung.laufzeit is None


def test_portfolio_values_fill_the_facts_the_row_leaves_open_but_never_override_a_statement(vorgaben):
    aus_bestand = Portfoliowerte(Portfoliowert(Decimal("24000.00"), "Summe"), Portfoliowert(Decimal("100"), "Anteil"))
    akte, _ = fallakte_aus_bestandszeile(_eine(vorgaben), aus_bestand, vorgaben.stichtag)
    assert akte.leistungen[0].umsatz_gleichartige_taetigkeiten == Decimal("24000.00")
    assert akte.leistungen[0].anteil_leistungen_an_jpoer_prozent == Decimal("100")
    akte, _ = fallakte_aus_bestandszeile(
        _eine(vorgaben, umsatz_gleichartige_taetigkeiten="5000"), aus_bestand, vorgaben.stichtag
    )
    assert akte.leistungen[0].umsatz_gleichartige_taetigkeiten == Decimal("5000.00")


def test_a_fallakte_problem_names_the_column_of_the_row(vorgaben):
    z = replace(
        _eine(vorgaben, empfaenger="Stadt A; Stadt B"),
        erbringer_art="raumschiff",
        empfaenger_arten=("stadt", "mond"),
        kennung="L-7",
    )
    akte, probleme = fallakte_aus_bestandszeile(z, KEINE, vorgaben.stichtag)
    assert akte is None
    assert [(p.zeile, p.spalte) for p in probleme] == [(2, "Art des Erbringers"), (2, "Art der Empfänger")]
    assert "raumschiff" in probleme[0].meldung


def test_names_give_stable_ids_and_a_name_without_letters_gets_a_fallback():
    assert slug("Gemeinde Bärstadt-Süd (NRW)") == "gemeinde-baerstadt-sued-nrw"
    assert slug("–", "beteiligter-2") == "beteiligter-2"
