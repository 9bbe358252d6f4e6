"""Each published output is described once (issue 18.2): the JSON schemas of api/contract_schemas.py
list exactly the fields of the advisor's dataclasses, forbid any other field, and accept the real
outputs — so a field added to an output without documenting it fails here."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from advisor import bewertung as bw
from advisor.beratung import berate
from advisor.kosten import abrechnung as ab
from advisor.kosten import (
    anlagen,
    ist_aus_dict,
    kalkulation,
    kalkulation_als_dict,
    schlussrechnung,
    settle,
    umsatzsteuer,
)
from advisor.kosten.abrechnung_json import abrechnung_als_dict
from advisor.kosten.kennzahlen import Kostenkennzahlen
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from api import contract_schemas as cs
from api.openapi import component_schemas
from benchmarks.faelle import faelle
from rules_loader import load_rate_tables, load_rules
from tests.conftest import EXAMPLE_FILES
from tests.kosten.conftest import UST, fall_daten

# (dataclass, schema, {dataclass field: JSON name} where the JSON renames, JSON-only fields computed
# by the serializer from other objects, dataclass fields the JSON leaves out on purpose)
PAARE: list[tuple[type, type[BaseModel], dict[str, str], set[str], set[str]]] = [
    (bw.Bewertung, cs.BewertungSchema, {}, set(), set()),
    (bw.Regelwerksstand, cs.RegelwerksstandSchema, {}, set(), set()),
    (bw.Leistungsbewertung, cs.LeistungsbewertungSchema, {}, set(), set()),
    (bw.OffeneFrage, cs.OffeneFrageSchema, {}, set(), set()),
    (bw.Empfehlung, cs.EmpfehlungSchema, {}, set(), set()),
    (kalkulation.Kalkulation, cs.KalkulationSchema, {}, set(), set()),
    (umsatzsteuer.Steuerbetrag, cs.SteuerbetragSchema, {}, set(), set()),
    (kalkulation.Position, cs.PositionSchema, {"_herkunft": "herkunft"}, set(), set()),
    (schlussrechnung.Schlussrechnung, cs.GeplanteSchlussrechnungSchema, {}, set(), set()),
    # inside a settlement's share the recipient is the share's own
    (schlussrechnung.Schlussrechnung, cs.SchlussrechnungSchema, {}, set(), {"beteiligter"}),
    (umsatzsteuer.Stueckpreisrechnung, cs.StueckpreisSchema, {}, set(), set()),
    (anlagen.Anlagezeile, cs.AnlageSchema, {}, set(), set()),
    (Kostenkennzahlen, cs.KostenkennzahlenSchema, {}, set(), set()),
    (ab.Abrechnung, cs.AbrechnungSchema, {}, set(), set()),
    (ab.Abrechnungszeile, cs.AbrechnungsanteilSchema, {}, set(), set()),
    (
        ab.Leistungsabrechnung,
        cs.LeistungsabrechnungSchema,
        {"zeilen": "anteile", "umsatzsteuersatz": "umsatzsteuersatz_prozent"},
        set(),
        set(),
    ),
]


def _felder(klasse: type) -> set[str]:
    if klasse is bw.Kriterium:
        return set(bw.Kriterium.FELDER)
    return {f.name for f in dataclasses.fields(klasse)}


@pytest.mark.parametrize(
    ("klasse", "schema", "umbenannt", "nur_json", "nur_klasse"), PAARE, ids=lambda x: getattr(x, "__name__", "")
)
def test_each_schema_lists_exactly_the_fields_of_its_dataclass(klasse, schema, umbenannt, nur_json, nur_klasse):
    erwartet = {umbenannt.get(f, f) for f in _felder(klasse) - nur_klasse} | nur_json
    assert set(schema.model_fields) == erwartet


def test_the_criterion_schema_lists_exactly_the_criterion_fields():
    assert set(cs.KriteriumSchema.model_fields) == set(bw.Kriterium.FELDER)


def test_no_class_name_is_defined_twice_in_the_project():
    import ast

    root = Path(__file__).resolve().parents[2]
    namen: dict[str, list[str]] = {}
    for pfad in sorted(root.glob("*/**/*.py")):
        teile = pfad.relative_to(root).parts
        if teile[0] in {"tests", ".venv", "build"} or "node_modules" in teile:
            continue
        for knoten in ast.walk(ast.parse(pfad.read_text(encoding="utf-8"))):
            if isinstance(knoten, ast.ClassDef) and not knoten.name.startswith("_"):
                namen.setdefault(knoten.name, []).append(str(pfad.relative_to(root)))
    doppelt = {n: orte for n, orte in namen.items() if len(orte) > 1}
    assert not doppelt


def _json(daten: object) -> object:
    return json.loads(json.dumps(daten, default=str))


@pytest.fixture(scope="module")
def beratungen():
    rw, tabellen = load_rules(), load_rate_tables()
    faelle_ = [parse_fallakte(p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES]
    faelle_ += [fallakte_aus_dict(d) for d in faelle(150)]
    return [berate(f, rw, tabellen) for f in faelle_]


def test_every_real_assessment_and_calculation_matches_its_closed_schema(beratungen):
    for b in beratungen:
        cs.BewertungSchema.model_validate(_json(bw.bewertung_als_dict(b.bewertung)))
        cs.KalkulationSchema.model_validate(_json(kalkulation_als_dict(b.kalkulation)))


def test_a_settlement_matches_its_closed_schema():
    ist = {
        "format": "ikz-ist/1",
        "leistungen": [
            {
                "leistung": "dienst",
                "jahr": 2027,
                "steuerpflichtig": True,
                "kosten_netto": "96008.40",
                "vorsteuer": "3991.60",
                "abschlaege_gezahlt": {"stadt-a": "10000.00", "gemeinde-b": "0.00"},
            }
        ],
    }
    abrechnung = settle(fallakte_aus_dict(fall_daten()), ist_aus_dict(ist), UST)
    cs.AbrechnungSchema.model_validate(_json(abrechnung_als_dict(abrechnung)))


def test_an_undocumented_field_fails_the_schema(beratungen):
    daten = _json(bw.bewertung_als_dict(beratungen[0].bewertung))
    daten["leistungen"][0]["kriterien"][0]["neues_feld"] = 1
    with pytest.raises(ValidationError, match="neues_feld"):
        cs.BewertungSchema.model_validate(daten)
    kalk = _json(kalkulation_als_dict(beratungen[0].kalkulation))
    kalk["leistungen"][0]["undokumentiert"] = str(Decimal("1.00"))
    with pytest.raises(ValidationError, match="undokumentiert"):
        cs.KalkulationSchema.model_validate(kalk)


def test_the_openapi_components_of_the_case_file_and_the_outputs_never_overwrite_each_other():
    einzeln = {}
    for name, modell in {
        "Fallakte": __import__("advisor.fallakte", fromlist=["Fallakte"]).Fallakte,
        "Bewertung": cs.BewertungSchema,
        "Kalkulation": cs.KalkulationSchema,
        "Abrechnung": cs.AbrechnungSchema,
    }.items():
        schema = modell.model_json_schema()
        for teil, definition in {**schema.pop("$defs", {}), name: schema}.items():
            assert teil not in einzeln or einzeln[teil] == definition["title"], teil
            einzeln[teil] = definition["title"]
    assert set(einzeln) <= set(component_schemas())
