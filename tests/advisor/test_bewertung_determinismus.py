"""The Bewertung JSON is deterministic: the same case and rule set give the same bytes — within one
process, across repeated runs, and across two separate Python processes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

import rules_loader
from advisor.beratung import berate
from advisor.bewerten import assess
from advisor.bewertung import bewertung_als_dict
from advisor.parsing import parse_fallakte
from tests.conftest import EXAMPLE_FILES, ROOT


def als_json(bewertung) -> bytes:
    return json.dumps(bewertung_als_dict(bewertung), sort_keys=True, ensure_ascii=False).encode("utf-8")


def bewertungsbytes(text: str) -> bytes:
    return als_json(berate(parse_fallakte(text), rules_loader.load_rules(), rules_loader.load_rate_tables()).bewertung)


@pytest.mark.parametrize("pfad", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_same_case_gives_the_same_bytes_twice(pfad):
    text = pfad.read_text(encoding="utf-8")
    assert bewertungsbytes(text) == bewertungsbytes(text)


def test_the_bewertung_records_the_rule_set_version_and_hash():
    text = EXAMPLE_FILES[0].read_text(encoding="utf-8")
    daten = json.loads(bewertungsbytes(text))
    rw = rules_loader.load_rules()
    assert daten["format"] == "ikz-bewertung/1"
    assert daten["regelwerk"]["sha256"] == rw.sha256 and daten["regelwerk"]["version"] == rw.version


def test_money_and_dates_are_strings_in_the_json():
    daten = json.loads(bewertungsbytes((ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text()))
    empfehlung = daten["leistungen"][0]["empfehlungen"][0]
    assert isinstance(empfehlung["mehrbelastung_vermieden_eur"], str)
    assert "." in empfehlung["mehrbelastung_vermieden_eur"]
    assert daten["regelwerk"]["stichtag"] == "2027-01-01"


def test_assess_without_figures_is_deterministic_too():
    fa = parse_fallakte((ROOT / "examples" / "hochwasserschutz-offen.yaml").read_text())
    assert als_json(assess(fa, rules_loader.load_rules())) == als_json(assess(fa, rules_loader.load_rules()))


_SKRIPT = """
import hashlib, json, pathlib, sys
import rules_loader
from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.parsing import parse_fallakte
for pfad in sorted(pathlib.Path("examples").glob("*.yaml")):
    b = berate(parse_fallakte(pfad.read_text(encoding="utf-8")), rules_loader.load_rules(), rules_loader.load_rate_tables()).bewertung
    daten = json.dumps(bewertung_als_dict(b), sort_keys=True, ensure_ascii=False).encode("utf-8")
    print(pfad.stem, hashlib.sha256(daten).hexdigest())
"""


def _lauf(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-c", _SKRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    ).stdout


def test_two_processes_with_different_hash_seeds_give_the_same_bytes():
    erster, zweiter = _lauf("1"), _lauf("2")
    assert erster == zweiter
    hier = "".join(
        f"{p.stem} {hashlib.sha256(bewertungsbytes(p.read_text(encoding='utf-8'))).hexdigest()}\n"
        for p in EXAMPLE_FILES
    )
    assert erster == hier
    assert len(erster.splitlines()) == 6


def test_the_json_view_carries_every_field_of_the_assessment_objects() -> None:
    import dataclasses

    import rules_loader
    from advisor.beratung import berate
    from advisor.bewertung import Empfehlung, Kriterium, Leistungsbewertung, OffeneFrage, bewertung_als_dict
    from advisor.parsing import parse_fallakte
    from tests.conftest import EXAMPLES_DIR

    fallakte = parse_fallakte((EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8"))
    daten = bewertung_als_dict(berate(fallakte, rules_loader.load_rules(), rules_loader.load_rate_tables()).bewertung)
    leistung = daten["leistungen"][0]
    assert set(leistung) == {f.name for f in dataclasses.fields(Leistungsbewertung)}
    assert set(leistung["kriterien"][0]) == set(Kriterium.FELDER)
    assert set(leistung["empfehlungen"][0]) == {f.name for f in dataclasses.fields(Empfehlung)}
    hochwasser = parse_fallakte((EXAMPLES_DIR / "hochwasserschutz-offen.yaml").read_text(encoding="utf-8"))
    offen = bewertung_als_dict(berate(hochwasser, rules_loader.load_rules(), rules_loader.load_rate_tables()).bewertung)
    assert set(offen["leistungen"][0]["offene_fragen"][0]) == {f.name for f in dataclasses.fields(OffeneFrage)}
