"""Fixtures of the API tests: an app on a temporary SQLite file (never the real data directory)."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.identity_helpers import add_key, add_organisation, bearer

PERSONAL = "personalabrechnung-mandatierend"


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "daten", seed_examples=False)


@pytest.fixture
def app(settings):
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def sachbearbeitung_key(app) -> str:
    """An API key of organisation "kreis-a" with the role sachbearbeitung."""
    add_organisation(app, "kreis-a", "Kreis A")
    return add_key(app, "kreis-a", "sachbearbeitung")


@pytest.fixture
def key_client(app, sachbearbeitung_key):
    """A client sending the sachbearbeitung key of "kreis-a" with every request."""
    with TestClient(app, raise_server_exceptions=False, headers=bearer(sachbearbeitung_key)) as client:
        yield client


@pytest.fixture
def personal_yaml(example_texts) -> str:
    return example_texts[PERSONAL]


@pytest.fixture
def personal_daten(personal_yaml) -> dict:
    return yaml.safe_load(personal_yaml)


@pytest.fixture
def problem():
    """``problem(response, status, pfad=None)``: asserts the problem+json shape, returns the body."""
    return _assert_problem


def _assert_problem(response, status: int, *, pfad: str | None = None) -> dict:
    """The response is RFC 9457 problem+json with a German detail (and the field path, if given)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert body["detail"] and "Traceback" not in response.text
    if pfad is not None:
        assert pfad in [e["pfad"] for e in body["errors"]], body
    return body
