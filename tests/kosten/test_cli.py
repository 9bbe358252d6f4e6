"""`ikz calculate` and `ikz settle` end to end: tables, JSON, German errors, exit codes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cli.main import main

from .conftest import fall_daten

BEISPIELE = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def _ikz(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("beispiel", BEISPIELE, ids=lambda p: p.stem)
def test_calculate_prints_german_tables_for_every_shared_example(capsys, beispiel):
    rc, out, err = _ikz(capsys, "calculate", str(beispiel))
    assert (rc, err) == (0, "")
    assert "Kostenpositionen" in out and "Verteilung:" in out and "Ergebnis der § 2b-Bewertung" in out
    assert "Traceback" not in out


def _zahl(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def test_the_printed_share_table_adds_up_in_every_money_column(capsys):
    rc, out, _ = _ikz(capsys, "calculate", str(BEISPIELE[[p.stem for p in BEISPIELE].index("it-zweckverband")]))
    zeilen = out.splitlines()
    start = next(i for i, z in enumerate(zeilen) if z.startswith("Verteilung:"))
    ende = next(i for i in range(start, len(zeilen)) if zeilen[i].strip().startswith("Summe"))
    daten = [z.split()[-6:] for z in zeilen[start + 3 : ende - 1]]
    summe = zeilen[ende].split()[-6:]
    for spalte in range(6):
        assert sum(_zahl(z[spalte]) for z in daten) == _zahl(summe[spalte])


def test_own_cost_comparison_appears_per_partner(capsys):
    beispiel = next(p for p in BEISPIELE if p.stem == "personalabrechnung-mandatierend")
    _, out, _ = _ikz(capsys, "calculate", str(beispiel))
    assert "Wirtschaftlichkeit je Empfänger" in out
    assert "Stadt Aheim" in out.split("Wirtschaftlichkeit je Empfänger")[1]


def test_calculate_json_is_the_contract_and_the_same_bytes_every_time(capsys):
    beispiel = str(BEISPIELE[0])
    _, erst, _ = _ikz(capsys, "calculate", beispiel, "--json")
    _, zweit, _ = _ikz(capsys, "calculate", beispiel, "--json")
    assert erst == zweit
    assert json.loads(erst)["format"] == "ikz-kalkulation/1"


def test_a_bad_cost_input_exits_2_with_the_field_path_in_german(capsys, tmp_path):
    daten = fall_daten(
        satzgrundlage="kgst_2025_26",
        positionen=[{"art": "personal", "bezeichnung": "P", "entgeltgruppe": "E 99", "vzae": 1}],
    )
    datei = tmp_path / "fall.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    rc, out, err = _ikz(capsys, "calculate", str(datei))
    assert rc == 2 and out == ""
    assert "leistungen[0].kosten.positionen[0].entgeltgruppe" in err and "„E 99“" in err
    assert "Traceback" not in err


def test_a_missing_file_exits_2_in_german(capsys, tmp_path):
    rc, _, err = _ikz(capsys, "calculate", str(tmp_path / "fehlt.yaml"))
    assert rc == 2 and "nicht gefunden" in err


def test_settle_prints_nachzahlung_and_erstattung_that_add_up(capsys, tmp_path):
    beispiel = next(p for p in BEISPIELE if p.stem == "personalabrechnung-mandatierend")
    ist = tmp_path / "ist.yaml"
    ist.write_text(
        "format: ikz-ist/1\nleistungen:\n  - leistung: entgeltabrechnung\n    jahr: 2027\n"
        "    steuerpflichtig: false\n    kosten_netto: 350000.00\n    vorsteuer: 3500.00\n"
        "    werte: {stadt-a: 640, gemeinde-b: 190}\n"
        "    abschlaege_gezahlt: {stadt-a: 259926.43, gemeinde-b: 87352.33}\n",
        encoding="utf-8",
    )
    rc, out, err = _ikz(capsys, "settle", str(beispiel), str(ist))
    assert (rc, err) == (0, "")
    assert "Spitzabrechnung 2027" in out and "Nachzahlung" in out
    rc, out, _ = _ikz(capsys, "settle", str(beispiel), str(ist), "--json")
    (leistung,) = json.loads(out)["leistungen"]
    nach = [Decimal(a["nachzahlung"]) for a in leistung["anteile"]]
    assert nach[0] > 0 > nach[1]  # Stadt Aheim pays more, Gemeinde Bedorf gets a refund
    assert sum(nach) == Decimal(leistung["summe_nachzahlung"])


def test_settle_with_a_broken_ist_file_exits_2_naming_the_field(capsys, tmp_path):
    beispiel = str(next(p for p in BEISPIELE if p.stem == "personalabrechnung-mandatierend"))
    ist = tmp_path / "ist.yaml"
    ist.write_text(
        "format: ikz-ist/1\nleistungen:\n  - {leistung: entgeltabrechnung, jahr: 2027, steuerpflichtig: nein, "
        "kosten_netto: 1, vorsteuer: 0, abschlaege_gezahlt: {stadt-a: 1}}\n",
        encoding="utf-8",
    )
    rc, _, err = _ikz(capsys, "settle", beispiel, str(ist))
    assert rc == 2
    assert "Die Ist-Daten sind ungültig." in err
    assert "leistungen[0].steuerpflichtig" in err


def test_calculate_prints_warnings_advance_invoices_and_the_planned_final_invoice(capsys):
    beispiel = str(BEISPIELE[[p.stem for p in BEISPIELE].index("personalabrechnung-mandatierend")])
    rc, out, _ = _ikz(capsys, "calculate", beispiel)
    assert rc == 0
    assert "Warnungen (bitte prüfen)" in out and "„Teamleitung“ klingt nach Leitung" in out
    assert "Vierteljährlich nachschüssig am letzten Tag jedes Quartals fällig: 31.03.2027" in out
    assert "USt je Rechnung" in out and "Schlussrechnung bei Steuerpflicht (§ 14 Abs. 5 Satz 2 UStG)" in out
    assert "größten Reste" in out


def test_settle_prints_the_final_invoice_with_net_and_vat_of_the_advances(capsys, tmp_path):
    beispiel = str(BEISPIELE[[p.stem for p in BEISPIELE].index("personalabrechnung-mandatierend")])
    ist = tmp_path / "ist.yaml"
    ist.write_text(
        "format: ikz-ist/1\nleistungen:\n  - leistung: entgeltabrechnung\n    jahr: 2027\n    steuerpflichtig: true\n"
        "    kosten_netto: 350000.00\n    vorsteuer: 3420.00\n    abschlaege_gezahlt:\n"
        "      stadt-a: {netto: 257367.61, umsatzsteuer: 48899.84}\n      gemeinde-b: 102925.95\n",
        encoding="utf-8",
    )
    rc, out, err = _ikz(capsys, "settle", beispiel, str(ist))
    assert (rc, err) == (0, "")
    assert "Schlussrechnungen (§ 14 Abs. 5 Satz 2 UStG; Umsatzsteuer 19\u00a0%)" in out
    assert "257.367,61" in out and "48.899,84" in out
    assert "Keine Schlussrechnung für: Gemeinde Bedorf" in out and "nur als ein Betrag erfasst" in out
