"""No snake_case key in the screening's output a person reads: the PDF report (pdftotext), the CSV
and XLSX exports, for an inventory with every kind of result (the repository's examples/ has no
inventory file; tests/screening/bestand_ohne_ust.py stands in for one). Column headers are German
already; the cells must be too: the Aufgabenfeld, the legal form, the result, the deciding rule."""

from __future__ import annotations

import io
import subprocess

import pytest
from openpyxl import load_workbook

from screening.export import export_csv, export_xlsx
from screening.read import read_table_bytes
from screening.report import render_report_pdf
from screening.run import screen_tables, screening_context
from tests.feldschluessel import schluessel_in
from tests.screening.bestand_ohne_ust import bestand_csv


@pytest.fixture(scope="module")
def screening():
    s = screen_tables([read_table_bytes(bestand_csv(), "bestand.csv")], jobs=1)
    yield s
    s.close()


def test_the_pdf_report_speaks_german_not_keys(screening):
    pdf = render_report_pdf(screening, dict(screening_context().vorgaben.aufgabenfelder), ["bestand.csv"])
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Handlungsliste" in text
    assert schluessel_in(text) == []


def test_the_csv_export_speaks_german_not_keys(screening):
    text = export_csv(screening).decode("utf-8-sig")
    assert "Stadtentwässerung" in text
    assert schluessel_in(text) == []


def test_the_xlsx_export_speaks_german_not_keys(screening):
    mappe = load_workbook(io.BytesIO(export_xlsx(screening)))
    text = "\n".join(
        str(wert)
        for blatt in mappe
        for zeile in blatt.iter_rows(values_only=True)
        for wert in zeile
        if wert is not None
    )
    assert "Stadtentwässerung" in text
    assert schluessel_in(text) == []
