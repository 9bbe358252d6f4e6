"""The strict loader: every kind of bad rule file is an ``UngueltigesRegelwerk`` naming the file,
the line and the rule id. Each test changes a small copy of rules/ in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import rules_loader
from advisor.errors import UngueltigesRegelwerk
from advisor.regelwerk.laden import parse_regelwerk

ABS2 = "quellen/ustg_2b_abs2.yaml"


@pytest.fixture
def regelverzeichnis(tmp_path: Path) -> Path:
    ziel = tmp_path / "rules"
    shutil.copytree(rules_loader.RULES_DIR, ziel, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return ziel


def ersetze(verzeichnis: Path, datei: str, alt: str, neu: str) -> int:
    """Replace ``alt`` (exactly once) in a rule file; return the 1-based line where it starts."""
    pfad = verzeichnis / datei
    text = pfad.read_text(encoding="utf-8")
    assert text.count(alt) == 1, alt
    pfad.write_text(text.replace(alt, neu), encoding="utf-8")
    return text[: text.index(alt)].count("\n") + 1


def probleme(verzeichnis: Path):
    files = rules_loader.rule_files(verzeichnis)
    with pytest.raises(UngueltigesRegelwerk) as info:
        parse_regelwerk(files, rules_loader.content_hash(files))
    return info.value.probleme


def test_the_shipped_rule_set_loads_and_covers_every_chain():
    rw = rules_loader.load_rules()
    assert set(rw.ketten) == {"regime", "steuerbarkeit_ustg_2b", "steuerbarkeit_altes_recht", "steuerbefreiung"}
    assert len(rw.sha256) == 64


def test_an_unchanged_copy_loads_with_the_same_hash(regelverzeichnis):
    files = rules_loader.rule_files(regelverzeichnis)
    assert parse_regelwerk(files, rules_loader.content_hash(files)).sha256 == rules_loader.load_rules().sha256


def test_a_duplicate_key_names_file_and_line(regelverzeichnis):
    zeile = ersetze(
        regelverzeichnis,
        ABS2,
        "    folge: nicht_steuerbar\n    begruendung:\n      erfuellt: >-\n        Der Umsatz",
        "    folge: nicht_steuerbar\n    folge: steuerpflichtig\n    begruendung:\n      erfuellt: >-\n        Der Umsatz",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.zeile) == (ABS2, zeile + 1)
    assert "doppelt" in p.meldung


def test_an_unknown_field_names_file_line_and_rule(regelverzeichnis):
    zeile = ersetze(
        regelverzeichnis,
        ABS2,
        "    titel: Bei Privaten steuerfreie Leistung\n",
        "    titel: Bei Privaten steuerfreie Leistung\n    rang: 3\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == (ABS2, "ustg_2b_abs2_nr2")
    assert p.zeile == zeile + 1
    assert "rang" in p.meldung


def test_a_date_that_is_not_an_iso_date_names_the_rule(regelverzeichnis):
    zeile = ersetze(
        regelverzeichnis,
        ABS2,
        "    gilt_ab: 2017-01-01\n    zuletzt_geprueft: 2026-11-25\n    bedingung: privat",
        "    gilt_ab: 01.01.2017\n    zuletzt_geprueft: 2026-11-25\n    bedingung: privat",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel, p.zeile) == (ABS2, "ustg_2b_abs2_nr2", zeile)
    assert "gilt_ab" in p.meldung


def test_a_reference_to_an_unknown_fact_names_the_rule(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "    bedingung: privat_steuerfrei_ohne_option\n",
        "    bedingung: privat_steuerbefreit\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == (ABS2, "ustg_2b_abs2_nr2")
    assert p.zeile is not None and "unbekannter Fakt „privat_steuerbefreit“" in p.meldung


def test_a_reference_to_an_unknown_parameter_names_the_rule(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "        - {parameter: bagatellgrenze_abs2_nr1}\n    folge",
        "        - {parameter: bagatellgrenze}\n    folge",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == (ABS2, "ustg_2b_abs2_nr1")
    assert p.zeile is not None and "unbekannter Parameter „bagatellgrenze“" in p.meldung


def test_a_reference_to_an_unknown_rule_names_the_rule(regelverzeichnis):
    datei = "quellen/ustg_2b_abs3.yaml"
    text = (regelverzeichnis / datei).read_text(encoding="utf-8")
    (regelverzeichnis / datei).write_text(
        text.replace("{regel: ustg_2b_abs3_nr2_d}", "{regel: ustg_2b_abs3_nr2_e}"), encoding="utf-8"
    )
    gefunden = [p for p in probleme(regelverzeichnis) if "ustg_2b_abs3_nr2_e" in p.meldung]
    assert {p.regel for p in gefunden} == {"ustg_2b_abs3_nr2_wettbewerb", "ustg_2b_abs3_nr2"}
    assert all(p.datei == datei and p.zeile and "unbekannte Regel" in p.meldung for p in gefunden)


def test_overlapping_validity_of_two_versions_of_a_rule_is_an_error(regelverzeichnis):
    datei = "quellen/ustg_2b_abs2.yaml"
    text = (regelverzeichnis / datei).read_text(encoding="utf-8")
    start = text.index("  - id: ustg_2b_abs2_nr2")
    ende = text.index("risiken:")
    version = text[start:ende].replace("gilt_ab: 2017-01-01", "gilt_ab: 2026-01-01")
    (regelverzeichnis / datei).write_text(text[:ende] + version + text[ende:], encoding="utf-8")
    gefunden = probleme(regelverzeichnis)
    assert any(
        p.regel == "ustg_2b_abs2_nr2" and p.datei == datei and p.zeile and "überschneidend" in p.meldung
        for p in gefunden
    ), gefunden


def test_two_versions_that_follow_each_other_are_allowed(regelverzeichnis):
    datei = "quellen/ustg_2b_abs2.yaml"
    text = (regelverzeichnis / datei).read_text(encoding="utf-8")
    start = text.index("  - id: ustg_2b_abs2_nr2")
    ende = text.index("risiken:")
    alt = text[start:ende].replace("gilt_ab: 2017-01-01", "gilt_ab: 2017-01-01\n    gilt_bis: 2026-01-01")
    neu = text[start:ende].replace("gilt_ab: 2017-01-01", "gilt_ab: 2026-01-01")
    (regelverzeichnis / datei).write_text(text[:start] + alt + neu + text[ende:], encoding="utf-8")
    files = rules_loader.rule_files(regelverzeichnis)
    rw = parse_regelwerk(files, rules_loader.content_hash(files))
    assert len([r for r in rw.regeln if r.id == "ustg_2b_abs2_nr2"]) == 2


def test_overlapping_parameter_values_are_an_error(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "      - {wert: 17500.00, gilt_ab: 2016-01-01}\n",
        "      - {wert: 17500.00, gilt_ab: 2016-01-01}\n      - {wert: 22000.00, gilt_ab: 2026-01-01}\n",
    )
    gefunden = probleme(regelverzeichnis)
    assert any(
        p.regel == "bagatellgrenze_abs2_nr1" and p.datei == ABS2 and p.zeile and "überschneiden" in p.meldung
        for p in gefunden
    ), gefunden


def test_a_rule_in_no_chain_is_an_error(regelverzeichnis):
    ersetze(regelverzeichnis, "regelwerk.yaml", "    - ustg_2b_abs2_nr2\n", "")
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == (ABS2, "ustg_2b_abs2_nr2")
    assert p.zeile is not None and "keiner Kette" in p.meldung


def test_a_chain_naming_an_unknown_rule_is_an_error(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        "regelwerk.yaml",
        "    - ustg_2b_abs2_nr2\n",
        "    - ustg_2b_abs2_nr2\n    - ustg_2b_abs2_nr3\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == ("regelwerk.yaml", "ustg_2b_abs2_nr3")
    assert p.zeile is not None


def test_a_fact_read_by_a_rule_without_a_question_is_an_error(regelverzeichnis):
    text = (regelverzeichnis / "fakten.yaml").read_text(encoding="utf-8")
    start = text.index("  privat_steuerfrei_ohne_option:")
    ende = text.index("  umsatz_gleichartige_taetigkeiten:")
    (regelverzeichnis / "fakten.yaml").write_text(text[:start] + text[ende:], encoding="utf-8")
    (p,) = probleme(regelverzeichnis)
    assert p.datei == "fakten.yaml" and "privat_steuerfrei_ohne_option" in p.meldung and "keine Frage" in p.meldung


def test_a_question_about_an_unknown_fact_is_an_error(regelverzeichnis):
    zeile = ersetze(
        regelverzeichnis,
        "fakten.yaml",
        "  hilfstaetigkeit:\n",
        "  hilfstaetigkeit_neu:\n    frage: Was?\n    feld: x\n  hilfstaetigkeit:\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.zeile) == ("fakten.yaml", zeile)
    assert "hilfstaetigkeit_neu" in p.meldung


def test_an_unknown_placeholder_names_the_rule(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "      nicht_erfuellt: Die Leistung wäre auch bei einem privaten Anbieter nicht zwingend steuerfrei.\n",
        "      nicht_erfuellt: Die Leistung wäre auch bei {anbieter} nicht zwingend steuerfrei.\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == (ABS2, "ustg_2b_abs2_nr2")
    assert p.zeile is not None and "{anbieter}" in p.meldung


def test_a_catalogue_default_for_an_unknown_fact_is_an_error(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        "katalog/aufgabenfelder.yaml",
        '      hilfstaetigkeit:\n        wert: true\n        quelle: "BMF-Schreiben vom 14.11.2019 (BStBl I 2019, 1140): IT-Unterstützung',
        '      hilfstaetigkeit_x:\n        wert: true\n        quelle: "BMF-Schreiben vom 14.11.2019 (BStBl I 2019, 1140): IT-Unterstützung',
    )
    (p,) = probleme(regelverzeichnis)
    assert (p.datei, p.regel) == ("katalog/aufgabenfelder.yaml", "it_support")
    assert p.zeile is not None and "hilfstaetigkeit_x" in p.meldung


def test_a_yaml_syntax_error_names_file_and_line(regelverzeichnis):
    zeile = ersetze(
        regelverzeichnis, ABS2, "    titel: Bei Privaten steuerfreie Leistung\n", "    titel: [Bei Privaten\n"
    )
    (p,) = probleme(regelverzeichnis)
    assert p.datei == ABS2 and p.zeile is not None and p.zeile >= zeile


def test_every_problem_is_reported_at_once(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "    bedingung: privat_steuerfrei_ohne_option\n",
        "    bedingung: privat_steuerbefreit\n",
    )
    ersetze(
        regelverzeichnis,
        ABS2,
        "        - {parameter: bagatellgrenze_abs2_nr1}\n    folge",
        "        - {parameter: bagatellgrenze}\n    folge",
    )
    assert {p.regel for p in probleme(regelverzeichnis)} == {"ustg_2b_abs2_nr1", "ustg_2b_abs2_nr2"}


def test_the_error_text_is_german_and_names_file_line_and_rule(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        ABS2,
        "    bedingung: privat_steuerfrei_ohne_option\n",
        "    bedingung: privat_steuerbefreit\n",
    )
    files = rules_loader.rule_files(regelverzeichnis)
    with pytest.raises(UngueltigesRegelwerk) as info:
        parse_regelwerk(files, rules_loader.content_hash(files))
    text = str(info.value)
    assert text.startswith("Das Regelwerk ist fehlerhaft.")
    assert f"{ABS2}:" in text and "[ustg_2b_abs2_nr2]" in text


def test_load_rules_reads_a_given_directory(regelverzeichnis):
    ersetze(regelverzeichnis, "regelwerk.yaml", 'version: "2026.12.3"', 'version: "2099.1.1"')
    rules_loader.load_rules.cache_clear()
    try:
        assert rules_loader.load_rules(regelverzeichnis).version == "2099.1.1"
    finally:
        rules_loader.load_rules.cache_clear()


def test_a_taxability_rule_that_decides_vat_itself_is_an_error(regelverzeichnis):
    """Steps 3–9 only decide whether the body is an entrepreneur (steuerbar); whether VAT is due
    is the exemption chain's decision alone (issue 9)."""
    ersetze(
        regelverzeichnis,
        "quellen/ustg_2.yaml",
        "    folge: steuerbar\n",
        "    folge: steuerpflichtig\n",
    )
    gefunden = probleme(regelverzeichnis)
    assert {(p.regel, p.meldung.split(" (")[0]) for p in gefunden} == {
        ("ustg_2_abs1_privater_erbringer", "folge „steuerpflichtig“ passt nicht zur Kette „steuerbarkeit_ustg_2b“"),
        ("ustg_2_abs1_privater_erbringer", "folge „steuerpflichtig“ passt nicht zur Kette „steuerbarkeit_altes_recht“"),
    }


def test_a_lever_may_not_set_the_precondition_it_needs(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        "empfehlungen.yaml",
        "      aufgabenuebertragung_befreiend: true\n    voraussetzungen:",
        "      aufgabenuebertragung_befreiend: true\n      befreiung_ausschlaggebend: true\n    voraussetzungen:",
    )
    (p,) = probleme(regelverzeichnis)
    assert p.regel == "delegierende_vereinbarung"
    assert "nicht selbst setzen" in p.meldung


def test_a_lever_precondition_must_be_a_yes_no_fact_with_a_question(regelverzeichnis):
    ersetze(
        regelverzeichnis,
        "empfehlungen.yaml",
        "      - befreiung_ausschlaggebend\n",
        "      - entgelt\n",
    )
    (p,) = probleme(regelverzeichnis)
    assert p.regel == "delegierende_vereinbarung"
    assert "kein erfragbarer Ja/Nein-Fakt" in p.meldung
