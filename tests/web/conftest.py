"""Fixtures of the web-form tests: the real app on a temporary SQLite file.

``client`` is signed in through the sign-in page as a ``sachbearbeitung`` user of the
organisation "kreis-musterland" (named in the examples); its form posts carry the session's CSRF
token and the Origin a browser sends. ``anonymous`` is a browser that has not signed in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.identity_helpers import add_organisation, add_user, sign_in

ORGANISATION = "kreis-musterland"
EMAIL = "sachbearbeitung@kreis-musterland.example"
PASSWORT = "Testpasswort für das Formular"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("web"), seed_examples=False))
    add_organisation(app, ORGANISATION, "Kreis Musterland")
    add_user(app, EMAIL, ORGANISATION, ["sachbearbeitung"], PASSWORT)
    yield app
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        sign_in(c, EMAIL, PASSWORT)
        yield c


@pytest.fixture
def anonymous(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
