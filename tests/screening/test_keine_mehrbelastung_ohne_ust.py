"""Issue 9 point 7 and issue 17 in the screening: a row that is exempt or not taxable (an
Eigenbetrieb charging its own Stadt among them) carries no VAT burden, not even a potential one —
in the screened rows, the summary, the CSV and XLSX exports and the PDF report. A taxable row has
its burden and an open row its potential burden (the boundary either side)."""

from __future__ import annotations

import csv
import io
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from screening.export import export_csv, export_xlsx
from screening.read import read_table_bytes
from screening.report import render_report_pdf
from screening.run import screen_tables
from tests.screening.bestand_ohne_ust import BELASTUNG, ERWARTET, OHNE_UST, bestand_csv


@pytest.fixture(scope="module")
def screening():
    s = screen_tables([read_table_bytes(bestand_csv(), "bestand.csv")], jobs=1)
    yield s
    s.close()


def _nach_kennung(screening):
    return {z.kennung: z for z in screening.zeilen}


def test_each_row_gets_its_result_and_the_eigenbetrieb_is_an_internal_charge(screening):
    zeilen = _nach_kennung(screening)
    assert {k: (z.ergebnis, z.entscheidende_regel) for k, z in zeilen.items()} == ERWARTET
    assert list(screening.probleme) == []


def test_exempt_and_non_taxable_rows_have_no_burden_and_no_note_about_one(screening):
    zeilen = _nach_kennung(screening)
    for kennung in OHNE_UST:
        z = zeilen[kennung]
        assert (z.mehrbelastung_eur, z.potenzielle_mehrbelastung_eur) == (None, None), kennung
        assert not any("Mehrbelastung" in h for h in z.hinweise), (kennung, z.hinweise)
        assert z.jahresbetrag == Decimal("40000.00"), "the amount itself is still shown"


def test_a_taxable_row_has_its_burden_and_an_open_row_its_potential_one(screening):
    zeilen = _nach_kennung(screening)
    assert (zeilen["P-1"].mehrbelastung_eur, zeilen["P-1"].potenzielle_mehrbelastung_eur) == (BELASTUNG, None)
    assert (zeilen["O-1"].mehrbelastung_eur, zeilen["O-1"].potenzielle_mehrbelastung_eur) == (None, BELASTUNG)


def test_the_summary_adds_only_the_taxable_and_the_open_rows(screening):
    zf = screening.zusammenfassung
    assert (zf.mehrbelastung_gesamt_eur, zf.potenzielle_mehrbelastung_offen_eur) == (BELASTUNG, BELASTUNG)
    for ergebnis in ("steuerfrei", "nicht_steuerbar"):
        g = zf.nach_ergebnis[ergebnis]
        assert (g.mehrbelastung_eur, g.potenzielle_mehrbelastung_eur) == (0, 0), ergebnis
    assert sorted(z.kennung for z, _ in _handlungsliste(screening)) == ["O-1", "P-1"], "nothing else needs action"


def _handlungsliste(screening):
    zeilen = list(screening.zeilen)
    return [(zeilen[i], rang) for rang, i in enumerate(screening.zusammenfassung.handlungsliste, start=1)]


def test_the_csv_export_leaves_both_burden_columns_empty_for_rows_without_vat(screening):
    zeilen = {
        z["Kennung"]: z for z in csv.DictReader(io.StringIO(export_csv(screening).decode("utf-8-sig")), delimiter=";")
    }
    for kennung in OHNE_UST:
        assert (zeilen[kennung]["Mehrbelastung USt (EUR)"], zeilen[kennung]["Potenzielle Mehrbelastung (EUR)"]) == (
            "",
            "",
        ), kennung
    assert zeilen["P-1"]["Mehrbelastung USt (EUR)"] == "7600,00"
    assert zeilen["O-1"]["Potenzielle Mehrbelastung (EUR)"] == "7600,00"
    assert zeilen["E-1"]["Ergebnis"] == "nicht steuerbar"


def test_the_xlsx_export_leaves_both_burden_columns_empty_for_rows_without_vat(screening):
    blatt = list(load_workbook(io.BytesIO(export_xlsx(screening)))["Ergebnis"].iter_rows(values_only=True))
    kopf = blatt[0]
    k, m, p = (kopf.index(t) for t in ("Kennung", "Mehrbelastung USt (EUR)", "Potenzielle Mehrbelastung (EUR)"))
    werte = {r[k]: (r[m], r[p]) for r in blatt[1:]}
    for kennung in OHNE_UST:
        assert werte[kennung] == (None, None), kennung
    assert werte["P-1"][0] == 7600 and werte["O-1"][1] == 7600


def test_the_pdf_report_totals_only_the_taxable_and_the_open_rows(screening):
    pdf = render_report_pdf(screening, {}, ["bestand.csv"])
    aus = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    text = aus.decode("utf-8").replace("\u00a0", " ")
    zeile = next(z for z in text.splitlines() if "Geschätzte Mehrbelastung durch Umsatzsteuer je Jahr" in z)
    assert "7.600,00 €" in zeile
    zeile = next(z for z in text.splitlines() if "falls die offenen Leistungen steuerpflichtig" in z)
    assert "7.600,00 €" in zeile
    assert "30.400,00" not in text and "45.600,00" not in text, "no sum over exempt or non-taxable rows"
