"""Every item of the hostile corpus gets a 4xx problem+json with a German message — never a 500.

The corpus (tests/hostile/corpus.py) holds the classes of issue 14 — compressed shared strings,
a million rows, absurd column references, 12,000 rows of distinct JSON keys, dates ``1e999``,
``Infinity`` and ``NaN``, JSON nested 100,000 deep — and more: entity bombs, XXE, broken ZIPs and
multipart bodies, control and bidi characters, YAML alias bombs, oversized bodies and numbers.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.hostile.corpus import FAELLE, ZEILENFAELLE, Fall

GERMAN = (
    "ä",
    "ö",
    "ü",
    "ß",
    "Die ",
    "Der ",
    "Ein",
    "ist ",
    "nicht",
    "Bitte",
    "höchstens",
    "Kein",
    "Zeile",
    "enthält",
    "Erwartet",
    "Unbekannt",
    "muss",
)

pytestmark = pytest.mark.hostile


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("daten"), seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def _senden(client: TestClient, fall: Fall):
    if fall.als == "datei":
        return client.post(fall.pfad, files={"datei": (fall.dateiname, fall.inhalt, fall.art)})
    return client.post(fall.pfad, content=fall.inhalt, headers={"Content-Type": fall.art, **fall.kopfzeilen})


@pytest.mark.parametrize("fall", FAELLE, ids=lambda f: f.name)
def test_a_hostile_input_gets_a_german_4xx_problem_naming_the_bound_or_field(client, fall: Fall):
    antwort = _senden(client, fall)
    assert antwort.status_code == fall.status, antwort.text[:500]
    assert antwort.headers["content-type"] == "application/problem+json"
    problem = antwort.json()
    assert problem["status"] == fall.status and problem["title"] and "Traceback" not in antwort.text
    text = problem["detail"] + " " + " ".join(e["pfad"] + " " + e["meldung"] for e in problem.get("errors", []))
    assert any(w in text for w in GERMAN), text
    for wort in fall.woerter:
        assert wort in text, text


@pytest.mark.parametrize("fall", ZEILENFAELLE, ids=lambda f: f.name)
def test_a_poisoned_cell_is_a_problem_of_its_row_naming_the_column(client, fall: Fall):
    antwort = _senden(client, fall)
    assert antwort.status_code == 200, antwort.text[:500]
    daten = antwort.json()
    assert daten["zeilen"] == []
    assert daten["probleme"] and all(p["zeile"] == 2 for p in daten["probleme"])
    for wort in fall.woerter:
        assert all(wort in p["text"] for p in daten["probleme"]), daten["probleme"]
