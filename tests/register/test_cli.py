"""`ikz haushalt` and `ikz auswirkungen` on the command line."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import rules_loader
from cli.main import main
from tests.conftest import EXAMPLES_DIR


def test_ikz_haushalt_prints_json_and_writes_csv_and_xlsx(tmp_path, capsys):
    fall = str(EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml")
    assert main(["haushalt", fall, "--von", "2027", "--bis", "2028", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["von"], d["bis"]) == (2027, 2028)
    for j in d["jahre"]:
        ertrag = [Decimal(z["brutto"]) for z in j["zeilen"] if z["art"] == "ertrag"]
        assert ertrag == [sum(Decimal(z["brutto"]) for z in j["zeilen"] if z["art"] == "aufwand")]
    assert main(["haushalt", fall, "--csv", str(tmp_path / "h.csv")]) == 0
    assert (tmp_path / "h.csv").read_text(encoding="utf-8-sig").startswith("Jahr;Fall;")
    assert main(["haushalt", fall, "--xlsx", str(tmp_path / "h.xlsx")]) == 0
    assert (tmp_path / "h.xlsx").read_bytes()[:2] == b"PK"


def test_ikz_haushalt_names_a_wrong_option(capsys):
    fall = str(EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml")
    assert main(["haushalt", fall, "--von", "2030", "--bis", "2027"]) == 2
    assert "--bis" in capsys.readouterr().err
    assert main(["haushalt", fall, "--personal", "viel"]) == 2


def test_ikz_auswirkungen_compares_an_old_rule_directory_with_the_current_one(tmp_path, capsys):
    alt = tmp_path / "rules"
    shutil.copytree(rules_loader.RULES_DIR, alt, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    kopf = alt / "regelwerk.yaml"
    version = rules_loader.load_rules().version
    kopf.write_text(
        kopf.read_text(encoding="utf-8").replace(f'version: "{version}"', 'version: "2026.11.9"'), encoding="utf-8"
    )
    fall = str(EXAMPLES_DIR / "standesamt-delegierend.yaml")
    assert main(["auswirkungen", "--von", "2026.11.9", "--regeln-alt", str(tmp_path), fall]) == 0
    out = capsys.readouterr().out
    assert "0 von 1 Fällen ändern sich" in out and "## 2026.12.1" in out
    assert main(["auswirkungen", "--von", "2000.1", "--regeln-alt", str(tmp_path), fall]) == 2
    assert main(["auswirkungen", "--von", "2026.11.9", fall]) == 2
