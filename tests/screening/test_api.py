"""POST /api/v1/screenings, the template downloads and the upload page /screening."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from api.app import create_app
from api.settings import Settings
from tests.pdf_text import pdf_text
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("daten"), seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def _inventar() -> bytes:
    return csv_bytes([*bauhof_zeilen(3), zeile(kennung="M-1", aufgabenfeld="raumfahrt")])


def test_an_uploaded_csv_is_screened_with_its_problem_rows_listed(client):
    antwort = client.post("/api/v1/screenings", files={"datei": ("bestand.csv", _inventar(), "text/csv")})
    assert antwort.status_code == 200
    daten = antwort.json()
    assert [z["ergebnis"] for z in daten["zeilen"]] == ["steuerpflichtig"] * 3
    assert daten["probleme"][0]["zeile"] == 5 and daten["probleme"][0]["spalte"] == "Aufgabenfeld"
    assert daten["zusammenfassung"]["mehrbelastung_gesamt_eur"] == "4560.00"


def test_json_rows_keyed_by_column_titles_are_screened_like_the_csv(client):
    zeilen = [
        {
            "Kennung": z["kennung"],
            "Leistung": z["bezeichnung"],
            "Erbringer": z["erbringer"],
            "Art des Erbringers": z["erbringer_art"],
            "Empfänger": z["empfaenger"],
            "Art der Empfänger": z["empfaenger_art"],
            "Aufgabenfeld": z["aufgabenfeld"],
            "Rechtsform": z["rechtsform"],
            "Entgelt": z["entgelt"],
            "Jahresbetrag (EUR)": "8000",
            "aufgabenuebertragung_befreiend": "nein",
            "gesetzlicher_vorbehalt_jpoer": "nein",
            "privat_steuerfrei_ohne_option": "nein",
        }
        for z in bauhof_zeilen(3)
    ]
    antwort = client.post("/api/v1/screenings", json={"stichtag": "2027-01-01", "zeilen": zeilen})
    assert antwort.status_code == 200, antwort.text
    assert [z["ergebnis"] for z in antwort.json()["zeilen"]] == ["steuerpflichtig"] * 3


def test_the_accept_header_chooses_pdf_xlsx_or_csv(client):
    dateien = {"datei": ("bestand.csv", _inventar(), "text/csv")}
    pdf = client.post("/api/v1/screenings", files=dateien, headers={"Accept": "application/pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert "Handlungsliste" in pdf_text(pdf.content)
    xlsx = client.post("/api/v1/screenings", files=dateien, headers={"Accept": XLSX})
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == [
        "Ergebnis",
        "Handlungsliste",
        "Zusammenfassung",
        "Probleme",
    ]
    csv = client.post("/api/v1/screenings", files=dateien, headers={"Accept": "text/csv"})
    assert csv.text.lstrip("\ufeff").startswith("Rang;Quelle;Zeile;Kennung")


def test_a_file_without_the_required_columns_is_a_german_422_problem(client):
    antwort = client.post("/api/v1/screenings", content=b"Name;Betrag\nA;1\n", headers={"Content-Type": "text/csv"})
    assert antwort.status_code == 422
    assert "Keine Bestandsliste" in antwort.json()["detail"] and "„Name“" in antwort.json()["detail"]
    teilweise = client.post(
        "/api/v1/screenings", content=b"Erbringer;Betrag\nA;1\n", headers={"Content-Type": "text/csv"}
    )
    assert teilweise.status_code == 200
    assert {p["spalte"] for p in teilweise.json()["probleme"]} >= {"Betrag", "Aufgabenfeld"}
    kaputt = client.post("/api/v1/screenings", content=b"PK\x03\x04kaputt", headers={"Content-Type": XLSX})
    assert kaputt.status_code == 422
    assert kaputt.headers["content-type"].startswith("application/problem+json")
    assert "XLSX" in kaputt.json()["detail"]


def test_a_bad_stichtag_is_reported_with_its_field(client):
    antwort = client.post("/api/v1/screenings", json={"stichtag": "morgen", "zeilen": []})
    assert antwort.status_code == 422
    assert antwort.json()["errors"][0]["pfad"] == "stichtag"


def test_the_template_downloads_round_trip_through_the_api(client):
    vorlage = client.get("/api/v1/screenings/vorlage.xlsx")
    assert vorlage.status_code == 200 and vorlage.headers["content-type"] == XLSX
    antwort = client.post("/api/v1/screenings", files={"datei": ("vorlage.xlsx", vorlage.content, XLSX)})
    assert antwort.json()["zeilen"][0]["leistung"] == "L-001"
    assert antwort.json()["probleme"] == []
    csv = client.get("/api/v1/screenings/vorlage.csv")
    assert csv.text.lstrip("\ufeff").split("\r\n")[0].startswith("Kennung;Leistung;Erbringer")


def test_the_upload_page_shows_the_summary_a_sortable_table_and_downloads(client):
    seite = client.get("/screening")
    assert seite.status_code == 200 and "Bestandsscreening" in seite.text and 'type="file"' in seite.text
    ergebnis = client.post("/screening", files={"datei": ("bestand.csv", _inventar(), "text/csv")})
    assert ergebnis.status_code == 200
    html = ergebnis.text
    assert "Überblick: bestand.csv" in html and 'id="screening-tabelle"' in html and "data-sort" in html
    assert "Zeile 5" in html and "raumfahrt" in html
    link = html.split('href="/screening/')[1].split('"')[0]
    pdf = client.get(f"/screening/{link}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_upload_page_shows_a_german_error_instead_of_a_traceback(client):
    # As a browser does: the form first (its pre-sign-in cookie owns the result), then the upload;
    # without it the test passed only after another test of the module had loaded a page.
    assert client.get("/screening").status_code == 200
    antwort = client.post("/screening", files={"datei": ("bestand.xlsx", b"kein excel", XLSX)}, data={"stichtag": ""})
    assert antwort.status_code == 422
    assert "keine XLSX-Datei" in antwort.text and "Traceback" not in antwort.text
    assert client.get("/screening/unbekannt/bestandsscreening.pdf").status_code == 404
