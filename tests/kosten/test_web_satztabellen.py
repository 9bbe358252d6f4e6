"""The rate-table page /satztabellen: shipped tables with their status, an own table checked (German
errors, escaped text) and a case calculated with it; nothing stored."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

from .test_eigene_satztabellen import EIGENE, _fall


@pytest.fixture
def client(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "daten", seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def test_the_page_lists_the_shipped_tables_with_hundred_rounded_costs_and_status(client):
    r = client.get("/satztabellen")
    assert r.status_code == 200
    assert "80.100,00\u00a0€" in r.text  # E 9b
    assert "Sekundärquelle" in r.text and "14-21.36.09.05-000002.2023-0012170" in r.text
    assert 'href="/satztabellen" aria-current="page"' in r.text


def test_an_uploaded_own_table_is_checked_and_shown(client):
    r = client.post("/satztabellen", files={"datei": ("eigene.yaml", EIGENE.encode(), "application/yaml")})
    assert r.status_code == 200, r.text
    assert "ist gültig" in r.text and "82.847,36\u00a0€" in r.text


def test_a_case_is_calculated_with_the_uploaded_table(client):
    fall = yaml.safe_dump(_fall(), allow_unicode=True).encode()
    r = client.post(
        "/satztabellen",
        files={
            "datei": ("eigene.yaml", EIGENE.encode(), "application/yaml"),
            "fallakte": ("fall.yaml", fall, "application/yaml"),
        },
    )
    assert r.status_code == 200, r.text
    assert "Kalkulation mit dieser Tabelle" in r.text and "165.694,72\u00a0€" in r.text


def test_a_broken_table_gets_german_errors_and_user_text_is_escaped(client):
    kaputt = EIGENE.replace("70.03", "abc").replace("Exemplar der Stadt)", "<script>alert(1)</script>)")
    r = client.post("/satztabellen", data={"text": kaputt})
    assert r.status_code == 422
    assert "saetze[0].stundensatz" in r.text and "Muss eine Zahl sein" in r.text
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text


def test_nothing_given_is_a_german_message_not_an_error_page(client):
    r = client.post("/satztabellen", data={"text": "  "})
    assert r.status_code == 422 and "Bitte eine Satztabelle auswählen" in r.text
