"""The NDJSON bulk routes: order, per-line problems, limits either side of the bound."""

from __future__ import annotations

import json

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

NDJSON = {"Content-Type": "application/x-ndjson"}


@pytest.fixture
def klein(tmp_path):
    """A server with small bulk limits: 3 lines, 60 kB, 20 kB per line (and 20 kB for other bodies)."""
    settings = Settings(
        data_dir=tmp_path / "d", seed_examples=False, max_batch_lines=3, max_batch_bytes=60_000, max_body_bytes=20_000
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def _zeile(daten: dict) -> str:
    return json.dumps(daten, default=str, separators=(",", ":"))


def _ndjson(antwort) -> list[dict]:
    return [json.loads(z) for z in antwort.text.splitlines()]


def test_each_line_gets_its_result_in_order_equal_to_the_single_route(client, personal_daten, example_texts):
    zweite = json.loads(json.dumps(yaml.safe_load(example_texts["hochwasserschutz-offen"]), default=str))
    body = "\n".join([_zeile(personal_daten), "", _zeile(zweite)]) + "\n"
    antwort = client.post("/api/v1/assessments:batch", content=body.encode(), headers=NDJSON)
    assert antwort.status_code == 200 and antwort.headers["content-type"] == "application/x-ndjson"
    zeilen = _ndjson(antwort)
    assert [z["zeile"] for z in zeilen] == [1, 3]
    einzeln = client.post("/api/v1/assessments", content=_zeile(zweite), headers={"Content-Type": "application/json"})
    assert zeilen[1]["bewertung"] == einzeln.json()
    kalkulation = client.post("/api/v1/calculations:batch", content=_zeile(personal_daten).encode(), headers=NDJSON)
    einzeln = client.post(
        "/api/v1/calculations", content=_zeile(personal_daten), headers={"Content-Type": "application/json"}
    )
    assert _ndjson(kalkulation) == [{"zeile": 1, "kalkulation": einzeln.json()}]


def test_a_bad_line_is_a_german_problem_of_that_line_naming_the_field(client, personal_daten):
    falsch = dict(personal_daten, stichtag="31.12.2026")
    body = "\n".join([_zeile(falsch), "{kaputt", "[1]", _zeile(personal_daten)])
    zeilen = _ndjson(client.post("/api/v1/assessments:batch", content=body.encode(), headers=NDJSON))
    assert [z["zeile"] for z in zeilen] == [1, 2, 3, 4]
    erste = zeilen[0]["problem"]
    assert erste["status"] == 422 and erste["detail"].startswith("Zeile 1: stichtag")
    assert erste["errors"][0]["pfad"] == "stichtag"
    assert zeilen[1]["problem"]["detail"].startswith("Zeile 2: Kein gültiges JSON")
    assert "JSON-Objekt" in zeilen[2]["problem"]["detail"]
    assert "bewertung" in zeilen[3]


def test_the_line_limit_is_checked_either_side_of_the_bound(klein, personal_daten):
    drei = "\n".join([_zeile(personal_daten)] * 3)
    assert klein.post("/api/v1/assessments:batch", content=drei.encode(), headers=NDJSON).status_code == 200
    vier = klein.post("/api/v1/assessments:batch", content=(drei + "\n" + drei).encode(), headers=NDJSON)
    assert vier.status_code == 413 and "höchstens 3" in vier.json()["detail"]


def test_the_byte_limit_is_above_the_ordinary_body_limit_and_still_bounded(klein, personal_daten):
    zeile = _zeile(personal_daten).encode()
    lang = zeile + b"\n" + b" " * 19_990 + b"\n"  # a case and a blank line: over 20 kB together
    assert 20_000 < len(lang) < 60_000
    assert klein.post("/api/v1/assessments:batch", content=lang, headers=NDJSON).status_code == 200
    zu_gross = klein.post("/api/v1/assessments:batch", content=b"\n" * 60_001, headers=NDJSON)
    assert zu_gross.status_code == 413


def test_a_line_longer_than_the_line_limit_is_a_413_problem_of_that_line(klein, personal_daten):
    zeile = _zeile(personal_daten).encode()
    genau = zeile + b" " * (20_000 - len(zeile) - 1) + b"\n"  # 20,000 bytes with its newline
    zu_lang = zeile + b" " * (20_000 - len(zeile)) + b"\n"
    zeilen = _ndjson(klein.post("/api/v1/assessments:batch", content=genau + zu_lang, headers=NDJSON))
    assert "bewertung" in zeilen[0]
    assert zeilen[1]["problem"]["status"] == 413 and zeilen[1]["zeile"] == 2


def test_another_media_type_is_a_415_problem(client, personal_daten):
    antwort = client.post(
        "/api/v1/assessments:batch", content=_zeile(personal_daten), headers={"Content-Type": "application/json"}
    )
    assert antwort.status_code == 415 and "application/x-ndjson" in antwort.json()["detail"]
