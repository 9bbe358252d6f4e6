"""Single sign-on against a real OpenID Connect provider (npm ``oidc-provider``) started here on
127.0.0.1. Skipped locally without node or the provider's packages — a failure in CI (CI=true),
where .ci/run installs them (``npm ci --prefix tests/oidc``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.audit.tables import AuditEntryRow
from api.identity.tables import UserRow
from api.settings import Settings
from tests.identity_helpers import add_organisation
from tests.server_process import free_port, wait_until_answers

PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID, CLIENT_SECRET = "ikz-berater", "test-geheimnis-nur-hier"
ACCOUNTS = {
    "anna": {"email": "anna@musterland.example", "rollen": ["leitung", "steuer"], "organisation": "kreis-musterland"},
    "ohne-rolle": {"email": "o@musterland.example", "rollen": ["hausmeister"], "organisation": "kreis-musterland"},
    "fremd": {"email": "f@fremd.example", "rollen": ["leser"], "organisation": "gibt-es-nicht"},
}


def _node_or_skip() -> str:
    node = shutil.which("node")
    if node and (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        return node
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("Der OIDC-Testanbieter fehlt (node oder tests/oidc/node_modules); .ci/run installiert ihn.")
    pytest.skip("node oder der OIDC-Testanbieter fehlt (npm ci --prefix tests/oidc).")
    raise AssertionError


@pytest.fixture(scope="module")
def provider() -> Iterator[dict[str, str]]:
    node = _node_or_skip()
    port, app_port = free_port(), free_port()
    redirect = f"http://127.0.0.1:{app_port}/anmelden/oidc/rueckruf"
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": redirect,
        "OIDC_ACCOUNTS": json.dumps(ACCOUNTS),
    }
    proc = subprocess.Popen(
        [node, "provider.mjs"], cwd=PROVIDER_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(
            issuer + "/.well-known/openid-configuration",
            proc,
            lambda: "Der OIDC-Testanbieter startete nicht: " + (proc.stdout.read().decode() if proc.stdout else ""),
            status=200,
        )
        yield {"issuer": issuer, "public_url": f"http://127.0.0.1:{app_port}"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture
def sso_app(tmp_path, provider):
    settings = Settings(
        data_dir=tmp_path / "daten",
        public_url=provider["public_url"],
        oidc_issuer=provider["issuer"],
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_rollen_claim="rollen",
        oidc_organisation_claim="organisation",
    )
    app = create_app(settings)
    add_organisation(app, "kreis-musterland", "Kreis Musterland")
    yield app
    app.state.engine.dispose()


def _sign_in_at_provider(
    app_client: TestClient, public_url: str, login: str, tamper=None, callback_client: TestClient | None = None
) -> httpx.Response:
    """The browser's way: app → provider (login and consent pages) → back to the app's callback."""
    start = app_client.get("/anmelden/oidc?weiter=/faelle", follow_redirects=False)
    assert start.status_code == 303, start.text
    location = start.headers["location"]
    with httpx.Client(timeout=10) as browser:
        for _step in range(12):
            if location.startswith(public_url):
                break
            response = browser.get(location)
            if response.status_code in (302, 303):
                location = str(response.url.join(response.headers["location"]))
                continue
            assert response.status_code == 200, response.text
            form = response.text
            action = form.split('action="', 1)[1].split('"', 1)[0]
            uid = action.rstrip("/").split("/")[-1]
            if 'name="login"' in form:
                data = {"prompt": "login", "login": login, "password": "egal"}
            else:
                data = {"prompt": "consent"}
            posted = browser.post(str(response.url.join(action)), data=data)
            assert posted.status_code in (302, 303), (uid, posted.text)
            location = str(posted.url.join(posted.headers["location"]))
        else:
            raise AssertionError("Der Anbieter leitete nicht zurück")
    callback = urlsplit(location)
    query = callback.query if tamper is None else tamper(callback.query)
    return (callback_client or app_client).get(f"{callback.path}?{query}", follow_redirects=False)


def test_a_person_signs_in_through_the_real_provider_and_gets_the_roles_of_the_claim(sso_app, provider):
    with TestClient(sso_app) as client:
        done = _sign_in_at_provider(client, provider["public_url"], "anna")
        assert done.status_code == 303, done.text
        assert done.headers["location"] == "/faelle"
        assert client.get("/api/v1/audit").status_code == 200  # leitung may read the trail
        assert client.get("/api/v1/cases").json()["gesamt"] == 0
    with sso_app.state.session_factory() as session:
        user = session.execute(select(UserRow).where(UserRow.email == "anna@musterland.example")).scalar_one()
        assert user.rollen == "leitung,steuer" and user.password_hash is None
        assert user.oidc_subject == f"{provider['issuer']} anna"
        anmeldung = session.execute(select(AuditEntryRow).where(AuditEntryRow.aktion == "anmelden")).scalar_one()
        assert (anmeldung.ergebnis, anmeldung.detail) == ("erfolg", "oidc")


def test_a_person_without_a_known_role_or_organisation_is_refused_and_recorded(sso_app, provider):
    for login in ("ohne-rolle", "fremd"):
        with TestClient(sso_app) as client:
            refused = _sign_in_at_provider(client, provider["public_url"], login)
            assert refused.status_code == 403 and "Anmeldung nicht möglich" in refused.text
            assert client.get("/api/v1/cases").status_code == 401
    with sso_app.state.session_factory() as session:
        gruende = (
            session.execute(select(AuditEntryRow.detail).where(AuditEntryRow.ergebnis == "abgelehnt")).scalars().all()
        )
    assert gruende == ["keine-rolle", "organisation-unbekannt"]


def test_an_answer_for_another_browser_or_a_forged_state_is_refused(sso_app, provider):
    with TestClient(sso_app) as client:
        forged = _sign_in_at_provider(
            client, provider["public_url"], "anna", tamper=lambda q: q.replace("state=", "state=x")
        )
        assert forged.status_code == 403
    with TestClient(sso_app) as victim, TestClient(sso_app) as attacker:
        # login CSRF: the attacker's answer (code and state) opened in the victim's browser, which
        # lacks the attacker's binding cookie, must not sign the victim in as the attacker
        answer = _sign_in_at_provider(attacker, provider["public_url"], "anna", callback_client=victim)
        assert answer.status_code == 403
        assert victim.get("/api/v1/cases").status_code == 401
        assert attacker.get("/api/v1/cases").status_code == 401
