"""From inventory cells to rows: every bad row is reported with row, column and reason; the rest goes on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.screening import Rohtabelle, parse_rows
from tests.screening.conftest import tabelle, zeile


def _probleme(ergebnis):
    return [(p.zeile, p.spalte, p.meldung) for p in ergebnis.probleme]


def test_a_valid_row_keeps_its_facts_and_leaves_empty_facts_unknown(vorgaben):
    gelesen = parse_rows([tabelle([zeile(jahresbetrag="8.000,00", hilfstaetigkeit="x", laufzeit_bis="")])], vorgaben)
    assert gelesen.probleme == []
    (z,) = gelesen.zeilen
    assert z.jahresbetrag == Decimal("8000.00")
    assert z.fakten == {"hilfstaetigkeit": True}
    assert z.umsatz_gleichartige_taetigkeiten is None and z.entgelt is None and z.beginn is None


def test_malformed_rows_are_reported_and_the_other_rows_are_still_read(vorgaben):
    zeilen = [
        zeile(kennung="A", erbringer=""),
        zeile(kennung="B", aufgabenfeld="raumfahrt"),
        zeile(kennung="C", jahresbetrag="zwölftausend"),
        zeile(kennung="D"),
        zeile(kennung="D", bezeichnung="Doppelt"),
        zeile(kennung="E"),
    ]
    gelesen = parse_rows([tabelle(zeilen)], vorgaben)
    assert [z.kennung for z in gelesen.zeilen] == ["D", "E"]
    probleme = _probleme(gelesen)
    assert probleme[0] == (2, "Erbringer", "Pflichtangabe fehlt.")
    assert probleme[1][:2] == (3, "Aufgabenfeld") and "raumfahrt" in probleme[1][2]
    assert probleme[2][:2] == (4, "Jahresbetrag (EUR)") and "keine Zahl" in probleme[2][2]
    assert probleme[3] == (6, "Kennung", "Die Kennung „D“ ist schon in Zeile 5 vergeben.")
    assert gelesen.abgelehnt == 4


def test_a_row_with_several_bad_cells_reports_each_of_them(vorgaben):
    gelesen = parse_rows(
        [tabelle([zeile(rechtsform="vertrag", beginn="gestern", hilfstaetigkeit="vielleicht")])], vorgaben
    )
    assert {p.spalte for p in gelesen.probleme} == {"Rechtsform", "Beginn", "Hilfstätigkeit"}


def test_the_aufgabenfeld_may_be_given_by_its_german_title(vorgaben):
    gelesen = parse_rows([tabelle([zeile(aufgabenfeld="IT und E-Government")])], vorgaben)
    assert gelesen.zeilen[0].aufgabenfeld == "it_egovernment"


def test_one_kind_applies_to_every_recipient_or_one_kind_per_recipient(vorgaben):
    gelesen = parse_rows(
        [
            tabelle(
                [
                    zeile(kennung="A", empfaenger="Stadt A; Stadt B", empfaenger_art="Stadt"),
                    zeile(kennung="B", empfaenger="Stadt A; Firma C", empfaenger_art="stadt; privat"),
                    zeile(kennung="C", empfaenger="Stadt A; Stadt B; Stadt C", empfaenger_art="stadt; stadt"),
                ]
            )
        ],
        vorgaben,
    )
    assert [z.empfaenger_arten for z in gelesen.zeilen] == [("stadt", "stadt"), ("stadt", "privat")]
    assert gelesen.probleme[0].spalte == "Art der Empfänger" and gelesen.probleme[0].zeile == 4


def test_a_provider_that_is_its_own_recipient_is_read_as_an_internal_charge(vorgaben):
    """Issue 17: an internal charge is assessed (not steuerbar, § 1 Abs. 1 Nr. 1 UStG), not rejected."""
    gelesen = parse_rows([tabelle([zeile(empfaenger="kreis musterland")])], vorgaben)
    assert gelesen.probleme == []
    assert gelesen.zeilen[0].empfaenger == ("kreis musterland",)


def test_the_last_day_of_the_term_becomes_the_exclusive_end_of_the_fallakte(vorgaben):
    gelesen = parse_rows([tabelle([zeile(beginn="01.01.2025", laufzeit_bis="31.12.2029")])], vorgaben)
    assert gelesen.zeilen[0].letzter_tag == date(2029, 12, 31)


def test_an_end_before_the_start_is_reported(vorgaben):
    gelesen = parse_rows([tabelle([zeile(beginn="01.01.2025", laufzeit_bis="31.12.2024")])], vorgaben)
    assert gelesen.probleme[0].spalte == "Laufzeit bis"


def test_input_vat_larger_than_the_annual_amount_is_reported(vorgaben):
    gelesen = parse_rows([tabelle([zeile(jahresbetrag="100", vorsteuer="200")])], vorgaben)
    assert gelesen.probleme[0].spalte == "darin Vorsteuer (EUR)"


def test_headers_may_be_the_field_names_and_unknown_headers_are_reported(vorgaben):
    t = tabelle([zeile()], titel=False)
    t = Rohtabelle(t.quelle, [*t.koepfe, "Bemerkungen intern"], [(n, [*z, "x"]) for n, z in t.zeilen])
    gelesen = parse_rows([t], vorgaben)
    assert len(gelesen.zeilen) == 1
    assert [(p.zeile, p.spalte) for p in gelesen.probleme] == [(1, "Bemerkungen intern")]


def test_a_missing_required_column_rejects_the_table_with_one_problem_per_column(vorgaben):
    t = tabelle([zeile(), zeile(kennung="L-2")])
    ohne = [i for i, k in enumerate(t.koepfe) if k != "Rechtsform"]
    t = Rohtabelle(t.quelle, [t.koepfe[i] for i in ohne], [(n, [z[i] for i in ohne]) for n, z in t.zeilen])
    gelesen = parse_rows([t], vorgaben)
    assert gelesen.zeilen == []
    assert [(p.zeile, p.spalte, p.meldung) for p in gelesen.probleme] == [(1, "Rechtsform", "Die Pflichtspalte fehlt.")]
    assert gelesen.abgelehnt == 2


def test_empty_rows_are_skipped_without_a_problem(vorgaben):
    t = tabelle([zeile(), {}, zeile(kennung="L-2")])
    gelesen = parse_rows([t], vorgaben)
    assert [z.zeile for z in gelesen.zeilen] == [2, 4]
    assert gelesen.probleme == []


def test_an_unreadable_row_marks_its_provider_and_field_as_incomplete(vorgaben):
    gelesen = parse_rows([tabelle([zeile(jahresbetrag="viel")])], vorgaben)
    assert gelesen.luecken == frozenset({("kreismusterland", "personalabrechnung")})
