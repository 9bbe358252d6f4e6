"""Every error a person can meet on the web pages is a German page in the site's frame with a way
back (404, 405, 413, 422, 500, 503); the API under /api/v1 keeps answering problem+json."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from api.app import create_app
from api.settings import Settings
from tests.identity_helpers import add_organisation, add_user, sign_in


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("fehler"), seed_examples=False, max_body_bytes=4096))

    def absturz() -> None:
        raise RuntimeError("geheimer Fallinhalt im Traceback")

    def datenbank_weg() -> None:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    # Routes that fail the way real code can, added only to this test's app.
    app.add_api_route("/test/absturz", absturz)
    app.add_api_route("/api/v1/test/absturz", absturz)
    app.add_api_route("/test/datenbank", datenbank_weg)
    add_organisation(app, "kreis-musterland", "Kreis Musterland")
    add_user(app, "leser@kreis-musterland.example", "kreis-musterland", ["leser"], "Testpasswort für Fehlerseiten")
    yield app
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    """A signed-in reader: the saved-case pages need sign-in before their address is checked."""
    with TestClient(app, raise_server_exceptions=False) as c:
        sign_in(c, "leser@kreis-musterland.example", "Testpasswort für Fehlerseiten")
        yield c


def assert_german_page(r, status: int, *texte: str) -> None:
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html lang="de">' in html and "<title>" in html and 'class="hauptnav"' in html
    assert 'role="alert"' in html
    assert 'href="/">Zur Startseite</a>' in html, "a way back"
    assert f"Fehler {status}" in html
    for text in texte:
        assert text in html
    assert "Traceback" not in html and '"type":' not in html


def test_an_unknown_address_is_a_german_404_page(client):
    assert_german_page(client.get("/gibtsnicht"), 404, "Seite nicht gefunden")
    assert_german_page(client.get("/gibtsnicht/auch/nicht?x=1"), 404)


def test_a_form_address_opened_directly_is_a_german_405_page(client):
    assert_german_page(client.get("/formular/live"), 405, "kann so nicht aufgerufen werden")


def test_a_too_large_form_is_a_german_413_page(client):
    r = client.post(
        "/formular",
        content=b"bezeichnung=" + b"x" * 5000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert_german_page(r, 413, "zu groß", "höchstens")


def test_a_malformed_address_is_a_german_422_page_that_names_the_parameter(client):
    r = client.get("/faelle/abc")
    assert_german_page(r, 422, "Fallnummer in der Adresse")
    assert "fall_id" not in r.text


def test_an_internal_error_is_a_german_500_page_with_a_number_and_nothing_of_the_traceback(client, caplog):
    r = client.get("/test/absturz")
    assert_german_page(r, 500, "interner Fehler", "Fehlernummer")
    assert "geheimer Fallinhalt" not in r.text
    nummer = r.text.split("Fehlernummer ")[1][:8]
    assert any(nummer in rec.getMessage() for rec in caplog.records), "the log names the same number"


def test_an_unreachable_database_is_a_german_503_page_with_retry_after(client):
    r = client.get("/test/datenbank")
    assert_german_page(r, 503, "vorübergehend nicht erreichbar")
    assert r.headers["retry-after"] == "2"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api/v1/gibtsnicht", 404),
        ("GET", "/api/v1/assessments", 405),
        ("GET", "/api/v1/test/absturz", 500),
        ("GET", "/api/v1/cases/abc", 401),  # credentials are checked before the path
    ],
)
def test_the_api_keeps_answering_problem_json(app, method, url, status):
    with TestClient(app, raise_server_exceptions=False) as anonymous:
        r = anonymous.request(method, url, headers={"accept": "text/html"})
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == status


def test_a_client_that_asks_only_for_json_gets_problem_json_on_web_paths(client):
    # The form's live panel fetches with Accept: application/json and shows its own message.
    r = client.get("/formular/live", headers={"accept": "application/json"})
    assert r.status_code == 405 and r.headers["content-type"].startswith("application/problem+json")


def test_a_too_large_api_request_stays_problem_json(client):
    r = client.post("/api/v1/assessments", content=b"x" * 5000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.headers["content-type"].startswith("application/problem+json")
