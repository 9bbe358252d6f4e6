"""The `ikz assess` and `ikz rules` commands: German output, JSON contract, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import EXAMPLE_FILES, ROOT

ERWARTET = {
    "abfall-zwei-kreise": "NICHT STEUERBAR",
    "digitaler-zwilling": "STEUERPFLICHTIG",
    "hochwasserschutz-offen": "OFFEN",
    "it-zweckverband": "STEUERFREI",
    "personalabrechnung-mandatierend": "STEUERPFLICHTIG",
    "standesamt-delegierend": "NICHT STEUERBAR",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("datei", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_assess_prints_the_expected_result_with_reasons_and_sources(capsys, datei: Path) -> None:
    code, out, _ = run(capsys, "assess", str(datei))
    assert code == 0
    assert f"Ergebnis: {ERWARTET[datei.stem]}" in out
    assert "Quellen:" in out and "Kriterien:" in out


def test_assess_json_follows_the_contract_and_is_byte_identical_on_repeat(capsys) -> None:
    datei = str(ROOT / "examples" / "personalabrechnung-mandatierend.yaml")
    _, erst, _ = run(capsys, "assess", datei, "--json")
    _, zweit, _ = run(capsys, "assess", datei, "--json")
    assert erst == zweit
    daten = json.loads(erst)
    assert daten["format"] == "ikz-bewertung/1"
    assert daten["regelwerk"]["regime"] == "ustg_2b" and len(daten["regelwerk"]["sha256"]) == 64
    leistung = daten["leistungen"][0]
    assert leistung["ergebnis"] == "steuerpflichtig"
    assert leistung["entscheidende_regel"] == "ustg_2b_abs3_nr2_wettbewerb"
    assert {"regel", "norm", "status", "begruendung", "fakten", "quellen"} <= set(leistung["kriterien"][0])
    vermieden = {e["mehrbelastung_vermieden_eur"] for e in leistung["empfehlungen"]}
    assert len(vermieden) == 1 and vermieden.pop().count(".") == 1


def test_assess_json_is_identical_across_processes() -> None:
    datei = str(ROOT / "examples" / "it-zweckverband.yaml")
    cmd = [sys.executable, "-m", "cli.main", "assess", datei, "--json"]
    outputs = {subprocess.run(cmd, capture_output=True, cwd=ROOT, check=True).stdout for _ in range(2)}
    assert len(outputs) == 1


def test_assess_with_stichtag_before_2027_uses_old_law_for_a_body_with_the_option(capsys, tmp_path: Path) -> None:
    text = (ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    text = text.replace("vertreten_durch: Der Landrat,", "option_27_22: true, vertreten_durch: Der Landrat,")
    datei = tmp_path / "option.yaml"
    datei.write_text(text, encoding="utf-8")
    _, vorher, _ = run(capsys, "assess", str(datei), "--json", "--stichtag", "2026-12-31")
    _, nachher, _ = run(capsys, "assess", str(datei), "--json", "--stichtag", "2027-01-01")
    assert json.loads(vorher)["regelwerk"]["regime"] == "altes_recht"
    assert json.loads(nachher)["regelwerk"]["regime"] == "ustg_2b"
    assert json.loads(vorher)["titel"].startswith("Bewertung nach altem Recht")
    _, bericht, _ = run(capsys, "assess", str(datei), "--stichtag", "2026-12-31")
    kopf = bericht.splitlines()[0]
    assert kopf.startswith("Bewertung nach altem Recht (§ 2 Abs. 3 UStG a. F.") and "§ 2b" not in kopf


def test_invalid_case_gives_german_field_messages_and_exit_2(capsys, tmp_path: Path) -> None:
    text = (ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    datei = tmp_path / "kaputt.yaml"
    datei.write_text(
        text.replace("vzae: 2.5", "vzae: zweieinhalb").replace("entgelt: kostenerstattung", "entgeld: x"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "assess", str(datei))
    assert code == 2 and out == ""
    assert "leistungen[0].kosten.positionen[0].vzae: Muss eine Zahl sein" in err
    assert "leistungen[0].entgeld: Unbekanntes Feld" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "erwartet"),
    [
        (["assess", "/nicht/vorhanden.yaml"], "nicht gefunden"),
        (["assess", str(ROOT / "examples" / "it-zweckverband.yaml"), "--stichtag", "2027-02-30"], "--stichtag"),
        (["rules", "--check", "/nicht/vorhanden"], "kein Verzeichnis"),
    ],
)
def test_bad_calls_are_explained_in_german_with_exit_2(capsys, args: list[str], erwartet: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert erwartet in err


def test_unknown_aufgabenfeld_is_a_field_error(capsys, tmp_path: Path) -> None:
    text = (ROOT / "examples" / "standesamt-delegierend.yaml").read_text(encoding="utf-8")
    datei = tmp_path / "feld.yaml"
    datei.write_text(text.replace("aufgabenfeld: standesamt", "aufgabenfeld: raumfahrt"), encoding="utf-8")
    code, _, err = run(capsys, "assess", str(datei))
    assert code == 2
    assert "leistungen[0].aufgabenfeld: Unbekanntes Aufgabenfeld „raumfahrt“" in err


def test_rules_lists_every_rule_with_norm_and_validity(capsys) -> None:
    import rules_loader

    code, out, _ = run(capsys, "rules")
    assert code == 0
    for regel in rules_loader.load_rules().regeln:
        assert regel.id in out
    assert "gilt 01.01.2017" in out and "17.500,00\u00a0€" in out


def _kopie(tmp_path: Path) -> Path:
    kopie = tmp_path / "regeln"
    shutil.copytree(ROOT / "rules", kopie, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return kopie


def _ersetze(datei: Path, alt: str, neu: str) -> None:
    text = datei.read_text(encoding="utf-8")
    assert alt in text
    datei.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def test_rules_check_reports_every_reference_problem_with_file_line_and_rule(capsys, tmp_path: Path) -> None:
    kopie = _kopie(tmp_path)
    _ersetze(
        kopie / "quellen" / "ustg_2b_abs2.yaml",
        "bedingung: privat_steuerfrei_ohne_option",
        "bedingung: privat_steuerfrei_ohne_optionen",
    )
    _ersetze(
        kopie / "quellen" / "ustg_2b_abs3.yaml",
        "{parameter: wesentlich_mindestanteil_jpoer}]",
        "{parameter: wesentlich_mindestanteil}]",
    )
    code, _, err = run(capsys, "rules", "--check", str(kopie))
    assert code == 2
    assert "quellen/ustg_2b_abs2.yaml:" in err and "[ustg_2b_abs2_nr2]" in err
    assert "unbekannter Fakt „privat_steuerfrei_ohne_optionen“" in err
    assert "quellen/ustg_2b_abs3.yaml:" in err and "unbekannter Parameter „wesentlich_mindestanteil“" in err


def test_rules_check_names_the_line_of_a_date_that_is_not_an_iso_date(capsys, tmp_path: Path) -> None:
    kopie = _kopie(tmp_path)
    datei = kopie / "quellen" / "ustg_2b_abs2.yaml"
    _ersetze(datei, "    gilt_ab: 2017-01-01\n", "    gilt_ab: 2017-13-01\n")
    zeile = datei.read_text(encoding="utf-8").splitlines().index("    gilt_ab: 2017-13-01") + 1
    code, _, err = run(capsys, "rules", "--check", str(kopie))
    assert code == 2
    assert f"quellen/ustg_2b_abs2.yaml:{zeile} [ustg_2b_abs2_nr1]" in err and "gilt_ab" in err


def test_rules_check_accepts_the_shipped_rule_set(capsys) -> None:
    code, out, _ = run(capsys, "rules", "--check", str(ROOT / "rules"))
    assert code == 0
    assert "Regelwerk in Ordnung" in out


def test_a_yaml_alias_bomb_is_refused_with_a_german_message(capsys, tmp_path: Path) -> None:
    zeilen = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 7):
        zeilen.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    datei = tmp_path / "bombe.yaml"
    datei.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "assess", str(datei))
    assert code == 2
    assert "zu viele Werte" in err
