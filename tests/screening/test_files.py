"""The file side: template round trip, CSV/XLSX reading, exports, the PDF report, the CLI."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from advisor.screening import parse_rows
from advisor.screening.spalten import SPALTEN
from cli.main import main
from screening.export import export_csv, export_xlsx
from screening.read import read_table_bytes
from screening.report import render_report_pdf
from screening.run import screen_tables, screening_context
from screening.template import BEISPIEL_BEMERKUNG, template_csv, template_xlsx
from tests.pdf_text import pdf_text
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile


@pytest.fixture(scope="module")
def kontext():
    return screening_context()


@pytest.fixture(scope="module")
def screening(kontext):
    zeilen = [
        *bauhof_zeilen(3),
        zeile(kennung="P-1", bezeichnung="Müller & Söhne <GmbH>", jahresbetrag="50.000,00"),
        zeile(kennung="M-1", erbringer=""),
    ]
    return screen_tables([read_table_bytes(csv_bytes(zeilen), "bestand.csv")], kontext=kontext)


def test_the_xlsx_template_round_trips_to_one_valid_example_row(kontext):
    tabelle = read_table_bytes(template_xlsx(kontext.vorgaben), "vorlage.xlsx")
    gelesen = parse_rows([tabelle], kontext.vorgaben)
    assert gelesen.probleme == []
    (z,) = gelesen.zeilen
    assert (z.kennung, z.erbringer, z.empfaenger, z.jahresbetrag) == (
        "L-001",
        "Kreis Musterland",
        ("Stadt Aheim", "Gemeinde Bedorf"),
        Decimal("180000.00"),
    )
    assert z.bemerkung == BEISPIEL_BEMERKUNG


def test_the_csv_template_reads_to_the_same_row_as_the_xlsx_template(kontext):
    aus_csv = parse_rows([read_table_bytes(template_csv(), "vorlage.csv")], kontext.vorgaben).zeilen[0]
    aus_xlsx = parse_rows([read_table_bytes(template_xlsx(kontext.vorgaben), "vorlage.xlsx")], kontext.vorgaben).zeilen[
        0
    ]
    assert aus_csv.__class__(
        **{**{f: getattr(aus_csv, f) for f in aus_csv.__slots__}, "quelle": "x"}
    ) == aus_xlsx.__class__(**{**{f: getattr(aus_xlsx, f) for f in aus_xlsx.__slots__}, "quelle": "x"})


def test_the_xlsx_template_lists_headers_allowed_values_and_is_reproducible(kontext):
    daten = template_xlsx(kontext.vorgaben)
    mappe = load_workbook(io.BytesIO(daten))
    assert mappe.sheetnames == ["Bestand", "Werte", "Hinweise"]
    assert [c.value for c in mappe["Bestand"][1]] == [s.titel for s in SPALTEN]
    werte = {c.value for spalte in mappe["Werte"].iter_cols(values_only=False) for c in spalte}
    assert {"bauhof", "oerv_delegierend", "kostenerstattung", "ja", "nein", "privat"} <= werte
    assert set(kontext.vorgaben.aufgabenfelder) <= werte
    assert template_xlsx(kontext.vorgaben) == daten


def test_a_windows_1252_csv_with_commas_from_german_excel_is_read(kontext):
    text = csv_bytes([zeile(erbringer="Kreis Düren")], trenner=",").decode("utf-8").encode("cp1252")
    (z,) = parse_rows([read_table_bytes(text, "alt.csv")], kontext.vorgaben).zeilen
    assert z.erbringer == "Kreis Düren"


def test_spreadsheet_numbers_and_dates_are_read_from_xlsx_cells(kontext):
    mappe = Workbook()
    blatt = mappe.active
    blatt.append([s.titel for s in SPALTEN])
    from datetime import datetime

    werte = {**zeile(), "jahresbetrag": 8000.5, "beginn": datetime(2025, 1, 1), "kuendigungsfrist_monate": 12}
    blatt.append([werte.get(s.feld) for s in SPALTEN])
    aus = io.BytesIO()
    mappe.save(aus)
    (z,) = parse_rows([read_table_bytes(aus.getvalue(), "b.xlsx")], kontext.vorgaben).zeilen
    assert (z.jahresbetrag, z.beginn.isoformat(), z.kuendigungsfrist_monate) == (Decimal("8000.50"), "2025-01-01", 12)


def test_the_xlsx_export_carries_every_row_the_action_list_and_the_problems(screening):
    mappe = load_workbook(io.BytesIO(export_xlsx(screening)))
    ergebnis = list(mappe["Ergebnis"].iter_rows(values_only=True))
    assert len(ergebnis) == 1 + len(screening.zeilen)
    kopf = ergebnis[0]
    spalte = kopf.index("Mehrbelastung USt (EUR)")
    assert (
        sum(Decimal(str(r[spalte])) for r in ergebnis[1:] if r[spalte] is not None)
        == screening.zusammenfassung.mehrbelastung_gesamt_eur
    )
    liste = list(mappe["Handlungsliste"].iter_rows(values_only=True))[1:]
    assert [r[0] for r in liste] == list(range(1, len(screening.zusammenfassung.handlungsliste) + 1))
    assert [r[2] for r in list(mappe["Probleme"].iter_rows(values_only=True))[1:]] == ["Erbringer"]
    assert export_xlsx(screening) == export_xlsx(screening)


def test_the_csv_export_uses_semicolons_and_decimal_commas(screening):
    text = export_csv(screening).decode("utf-8-sig")
    zeilen = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(zeilen) == len(screening.zeilen)
    assert zeilen[0]["Mehrbelastung USt (EUR)"] == "1520,00"
    assert zeilen[3]["Leistung"] == "Müller & Söhne <GmbH>"


def test_the_pdf_report_has_summary_chart_and_action_list_escapes_user_text_and_is_reproducible(screening, kontext):
    titel = dict(kontext.vorgaben.aufgabenfelder)
    pdf = render_report_pdf(screening, titel, ["bestand.csv"])
    assert pdf == render_report_pdf(screening, titel, ["bestand.csv"])
    text = pdf_text(pdf)
    for erwartet in (
        "Bestandsscreening § 2b UStG",
        "Stichtag 01.01.2027",
        "Leistungen nach Aufgabenfeld",
        "Handlungsliste",
        "4.560,00 €",
        "Müller & Söhne <GmbH>",
        "Probleme beim Einlesen",
        "Seite 1 von",
    ):
        assert erwartet in text


def test_cli_screens_an_inventory_writes_outputs_and_prints_json(tmp_path, capsys):
    bestand = tmp_path / "bestand.csv"
    bestand.write_bytes(csv_bytes(bauhof_zeilen(3)))
    code = main(
        [
            "screen",
            str(bestand),
            "-o",
            str(tmp_path / "b.pdf"),
            "--xlsx",
            str(tmp_path / "e.xlsx"),
            "--csv",
            str(tmp_path / "e.csv"),
            "--json",
            "--jobs",
            "1",
        ]
    )
    assert code == 0
    daten = json.loads(capsys.readouterr().out)
    assert set(daten) >= {"zeilen", "zusammenfassung"}
    assert {
        "quelle",
        "leistung",
        "ergebnis",
        "risiko",
        "entscheidende_regel",
        "mehrbelastung_eur",
        "offene_fragen",
    } <= set(daten["zeilen"][0])
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert load_workbook(tmp_path / "e.xlsx").sheetnames[0] == "Ergebnis"
    assert (tmp_path / "e.csv").read_bytes().startswith(b"\xef\xbb\xbfRang;")


def test_cli_lists_unreadable_rows_in_german_and_exits_2(tmp_path, capsys):
    bestand = tmp_path / "bestand.csv"
    bestand.write_bytes(csv_bytes([*bauhof_zeilen(1), zeile(kennung="X", jahresbetrag="zwölf")]))
    assert main(["screen", str(bestand), "--jobs", "1"]) == 2
    ausgabe = capsys.readouterr()
    assert "Geprüft: 1 Leistungen" in ausgabe.out
    assert "bestand.csv, Zeile 3, Spalte „Jahresbetrag (EUR)“" in ausgabe.err


def test_cli_writes_the_template_and_reports_a_missing_file_in_german(tmp_path, capsys):
    assert main(["screen", "--vorlage", str(tmp_path / "v.xlsx")]) == 0
    assert load_workbook(tmp_path / "v.xlsx").sheetnames == ["Bestand", "Werte", "Hinweise"]
    assert main(["screen", str(tmp_path / "fehlt.xlsx")]) == 2
    assert "gibt es nicht" in capsys.readouterr().err


def test_a_damaged_xlsx_is_a_german_error_naming_the_file():
    from advisor.errors import UngueltigeEingabe

    with pytest.raises(UngueltigeEingabe) as fehler:
        read_table_bytes(b"PK\x03\x04kaputt", "bestand.xlsx")
    assert "bestand.xlsx" in fehler.value.titel and "XLSX" in str(fehler.value)


def _handmade_xlsx(kopf: list[str], werte: list[object]) -> bytes:
    """An XLSX as Excel writes it: a shared-string table (with a rich-text entry), typed cells."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    geteilt = [*kopf, "Kreis Musterland"]
    si = "".join(f"<si><t>{escape(t)}</t></si>" for t in kopf) + "<si><r><t>Kreis </t></r><r><t>Musterland</t></r></si>"

    def zelle(spalte: int, zeile: int, wert: object) -> str:
        ref = f"{chr(65 + spalte) if spalte < 26 else 'A' + chr(65 + spalte - 26)}{zeile}"
        if isinstance(wert, bool):
            return f'<c r="{ref}" t="b"><v>{int(wert)}</v></c>'
        if isinstance(wert, int | float):
            return f'<c r="{ref}"><v>{wert}</v></c>'
        return (
            f'<c r="{ref}" t="s"><v>{geteilt.index(wert)}</v></c>'
            if wert in geteilt
            else f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(wert))}</t></is></c>'
        )

    reihe1 = "".join(zelle(i, 1, k) for i, k in enumerate(kopf))
    reihe2 = "".join(zelle(i, 2, w) for i, w in enumerate(werte) if w is not None)
    teile = {
        "xl/workbook.xml": f'<workbook {ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr date1904="1"/><sheets><sheet name="Bestand" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/></Relationships>',
        "xl/sharedStrings.xml": f"<sst {ns}>{si}</sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet {ns}><sheetData><row r="1">{reihe1}</row><row r="2">{reihe2}</row>'
        "</sheetData></worksheet>",
    }
    aus = io.BytesIO()
    with zipfile.ZipFile(aus, "w") as z:
        for name, text in teile.items():
            z.writestr(name, text)
    return aus.getvalue()


def test_shared_rich_text_strings_booleans_and_1904_dates_are_read_as_excel_shows_them(kontext):
    werte = {**zeile(), "hilfstaetigkeit": True, "beginn": 44561, "jahresbetrag": 8000}  # 1904 system: 01.01.2026
    daten = _handmade_xlsx([s.titel for s in SPALTEN], [werte.get(s.feld) for s in SPALTEN])
    gelesen = parse_rows([read_table_bytes(daten, "r.xlsx")], kontext.vorgaben)
    assert gelesen.probleme == []
    (z,) = gelesen.zeilen
    assert z.erbringer == "Kreis Musterland" and z.fakten["hilfstaetigkeit"] is True
    assert z.beginn.isoformat() == "2026-01-01" and z.jahresbetrag == Decimal("8000.00")
