"""The inventory screening page /screening as a finance officer uses it: a mixed inventory (rows
with and without need for action) is shown, not a 500; the Stichtag is typed the German way; the
table speaks the users' words."""

from __future__ import annotations

import re

from tests.screening.conftest import csv_bytes, zeile

CSV = "text/csv"


def gemischter_bestand() -> bytes:
    """One row that needs action (rank 1) and one that does not (no rank)."""
    return csv_bytes(
        [
            zeile(jahresbetrag="48000"),
            zeile(
                kennung="L-2",
                bezeichnung="Trauungen",
                aufgabenfeld="standesamt",
                jahresbetrag="9000",
                erbringer="Stadt Aheim",
                erbringer_art="stadt",
                empfaenger="Gemeinde Bedorf",
                empfaenger_art="gemeinde",
            ),
        ]
    )


def test_an_inventory_mixing_rows_with_and_without_need_for_action_is_shown(client):
    r = client.post("/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    tabelle = r.text.split('id="screening-tabelle"')[1]
    assert tabelle.index("L-1") < tabelle.index("L-2"), "ranked rows first"
    assert "Nicht steuerbar" in tabelle and "Offen – Angaben fehlen" in tabelle


def test_the_table_shows_the_task_fields_name_and_the_risk_in_words_not_keys(client):
    html = client.post("/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)}).text
    tabelle = html.split('id="screening-tabelle"')[1]
    assert "Standesamt (Personenstandswesen)" in tabelle and "<td>standesamt</td>" not in tabelle
    assert "<td>personalabrechnung</td>" not in tabelle


def test_the_stichtag_is_accepted_the_german_way(client):
    r = client.post(
        "/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)}, data={"stichtag": "01.01.2028"}
    )
    assert r.status_code == 200
    assert "Stichtag 01.01.2028" in r.text
    assert 'value="01.01.2028"' in r.text, "the typed Stichtag stays in its field"


def test_a_wrong_stichtag_is_reported_at_its_field_and_kept_and_the_inventory_not_blamed(client):
    r = client.post(
        "/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)}, data={"stichtag": "31.02.2027"}
    )
    assert r.status_code == 422
    assert "Der Stichtag ist ungültig." in r.text and "Bestandsliste ist ungültig" not in r.text
    feld = re.search(r'<input[^>]*id="f-stichtag"[^>]*>', r.text).group(0)
    assert 'value="31.02.2027"' in feld and 'aria-invalid="true"' in feld and "f-stichtag-fehler" in feld
    assert 'href="#f-stichtag"' in r.text, "the summary links to the field"


def test_the_empty_stichtag_means_the_first_of_january_2027(client):
    r = client.post("/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)}, data={"stichtag": ""})
    assert r.status_code == 200 and "Stichtag 01.01.2027" in r.text


def test_the_page_has_no_inline_script(client):
    html = client.get("/screening").text
    assert "<script>" not in html and 'src="/static/tabelle-sortieren.js"' in html


def test_the_templates_values_sheet_explains_every_choice_in_words(client):
    import io

    from openpyxl import load_workbook

    from advisor import bezeichnungen

    mappe = load_workbook(io.BytesIO(client.get("/api/v1/screenings/vorlage.xlsx").content))
    spalten = list(mappe["Werte"].iter_cols(values_only=True))
    paare = {}
    for links, rechts in zip(spalten, spalten[1:], strict=False):
        if rechts[0] == "Bezeichnung":
            paare[links[0]] = dict(zip(links[1:], rechts[1:], strict=True))
    assert paare["Rechtsform"]["oerv_mandatierend"] == bezeichnungen.RECHTSFORMEN["oerv_mandatierend"]
    assert paare["Art (Erbringer / Empfänger)"]["kreisfreie_stadt"] == "Kreisfreie Stadt"
    assert paare["Entgelt"]["umlage_allgemein"] == bezeichnungen.ENTGELTE["umlage_allgemein"]
    assert paare["Abrechnung"]["festpreis"] == bezeichnungen.VERFAHREN["festpreis"]
    assert paare["Aufgabenfeld"]["standesamt"] == "Standesamt (Personenstandswesen)"


def test_the_reports_chart_counts_in_whole_numbers():
    import gc
    from datetime import date

    from rules_loader import load_rate_tables, load_rules
    from screening.report import chart_by_field, ganzzahlige_achse
    from screening.run import screen_tables, screening_context
    from tests.screening.conftest import tabelle

    assert ganzzahlige_achse(0) == (1, 1) and ganzzahlige_achse(1) == (1, 1) and ganzzahlige_achse(3) == (1, 3)
    assert ganzzahlige_achse(8) == (1, 8) and ganzzahlige_achse(9) == (2, 10) and ganzzahlige_achse(100) == (13, 104)

    kontext = screening_context(date(2027, 1, 1), load_rules(), load_rate_tables())
    try:
        screening = screen_tables(
            [tabelle([zeile(), zeile(kennung="L-2", aufgabenfeld="standesamt")])], kontext=kontext
        )
    finally:
        gc.unfreeze()
    zeichnung = chart_by_field(screening, dict(kontext.vorgaben.aufgabenfelder))
    chart = zeichnung.contents[0]
    chart.draw()
    assert chart.valueAxis._tickValues and all(float(t).is_integer() for t in chart.valueAxis._tickValues)
