"""A row that states the cost logic (mark-up, settlement) but no annual amount is still screened."""

from __future__ import annotations

import json
from pathlib import Path

from cli.main import main


def test_a_row_with_markup_and_fixed_price_but_no_amount_is_screened_not_rejected(tmp_path: Path, capsys) -> None:
    vorlage = tmp_path / "vorlage.csv"
    assert main(["screen", "--vorlage", str(vorlage)]) == 0
    kopf = vorlage.read_text(encoding="utf-8-sig").splitlines()[0]
    spalten = kopf.split(";")
    werte = dict.fromkeys(spalten, "")
    werte.update(
        {
            "Kennung": "L-1",
            "Leistung": "Reinigung",
            "Erbringer": "Kreis Musterland",
            "Art des Erbringers": "kreis",
            "Empfänger": "Stadt Aheim",
            "Art der Empfänger": "stadt",
            "Aufgabenfeld": "gebaeudereinigung",
            "Rechtsform": "oerv_mandatierend",
            "Entgelt": "kostenerstattung",
            "Beginn": "01.01.2027",
            "Gewinnaufschlag (%)": "5",
            "Abrechnung": "festpreis",
        }
    )
    bestand = tmp_path / "bestand.csv"
    bestand.write_text(kopf + "\n" + ";".join(werte[s] for s in spalten) + "\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["screen", str(bestand), "--json"])
    daten = json.loads(capsys.readouterr().out)
    assert code == 0, daten["probleme"]
    assert daten["probleme"] == []
    zeile = daten["zeilen"][0]
    # Without an amount the 17,500 EUR threshold cannot be decided: the turnover is the question.
    assert zeile["ergebnis"] == "offen"
    assert "umsatz_gleichartige_taetigkeiten" in json.dumps(zeile["offene_fragen"])
