"""Fixtures of the identity tests: an app on a temporary SQLite file with three organisations —
A owns cases ("kreis-musterland", named in the personnel example), B is a partner named in it
("stadt-aheim", as "Stadt Aheim"), C is named nowhere ("kreis-fremdland") — and keys per role."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.identity import api_keys
from api.settings import Settings
from tests.identity_helpers import add_key, add_organisation, bearer

A, B, C = "kreis-musterland", "stadt-aheim", "kreis-fremdland"
PERSONAL = "personalabrechnung-mandatierend"
YAML = {"content-type": "application/yaml"}


@pytest.fixture
def settings_extra() -> dict[str, object]:
    """Settings a test module overrides (e.g. lower rate limits)."""
    return {}


@pytest.fixture
def app(tmp_path, settings_extra) -> Iterator[FastAPI]:
    api_keys.clear_cache()
    app = create_app(Settings(data_dir=tmp_path / "daten", **settings_extra))  # type: ignore[arg-type]
    add_organisation(app, A, "Kreis Musterland")
    add_organisation(app, B, "Stadt Aheim")
    add_organisation(app, C, "Kreis Fremdland")
    yield app
    app.state.engine.dispose()
    api_keys.clear_cache()


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def key(app) -> Callable[[str, str], dict[str, str]]:
    """``key(organisation, rolle)`` → headers with a new API key of that organisation and role."""
    count = iter(range(10_000))

    def make(kennung: str, rolle: str) -> dict[str, str]:
        return bearer(add_key(app, kennung, rolle, f"{rolle}-{next(count)}"))

    return make


@pytest.fixture
def personal_yaml(example_texts) -> str:
    return example_texts[PERSONAL]


@pytest.fixture
def case_of_a(client, key, personal_yaml) -> int:
    """A case saved by organisation A (sachbearbeitung)."""
    response = client.post("/api/v1/cases", content=personal_yaml, headers={**YAML, **key(A, "sachbearbeitung")})
    assert response.status_code == 201, response.text
    return int(response.json()["fall"])
