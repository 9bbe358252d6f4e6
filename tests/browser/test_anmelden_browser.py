"""Sign-in and the security baseline in a real browser (Chromium): the demo user signs in and
out through /anmelden, the session cookie is out of JavaScript's reach, and no page — the API
docs included — is broken by the Content-Security-Policy."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from api.identity.demo import DEMO_USERS
from tests.browser.conftest import ROOT, _chromium_or_skip, _server_log, assert_accessible, screenshot
from tests.server_process import free_port, wait_until_answers

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _chromium_or_skip()
    daten = tmp_path_factory.mktemp("anmelden")
    port = free_port()
    env = {**os.environ, "IKZ_DATA_DIR": str(daten), "IKZ_DEMO": "true", "IKZ_SEED_EXAMPLES": "true"}
    env.pop("IKZ_DATABASE_URL", None)
    log = (daten / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/anmelden", proc, lambda: _server_log(log, daten), status=200)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def _csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found


def test_the_sign_in_page_and_its_error_state_have_no_wcag_21_aa_violation(demo_server, page, axe_source):
    page.goto(demo_server + "/anmelden")
    assert page.locator("#f-passwort").is_visible()
    assert_accessible(page, axe_source, "anmelden")
    page.fill("#f-email", "niemand@example.org")
    page.fill("#f-passwort", "falsch-falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    assert page.locator("#anmelden-fehler").is_visible()
    assert_accessible(page, axe_source, "anmelden fehler")


def test_the_demo_user_signs_in_and_out_in_the_browser(demo_server, page):
    violations = _csp_violations(page)
    page.goto(demo_server + "/anmelden?weiter=/api/v1/cases")
    email, _rolle, passwort = DEMO_USERS[0]
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(passwort)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/api/v1/cases")
    assert '"gesamt":6' in page.content()
    assert "ikz_sitzung" not in page.evaluate("document.cookie")  # HttpOnly
    page.goto(demo_server + "/anmelden")
    assert "Sie sind angemeldet als" in page.content()
    screenshot(page, "anmelden-angemeldet")
    page.locator("#inhalt").get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/anmelden?abgemeldet=true")
    assert "Sie haben sich abgemeldet." in page.content()
    assert violations == []


def test_a_wrong_password_shows_one_german_message_at_the_form(demo_server, page):
    page.goto(demo_server + "/anmelden")
    page.get_by_label("E-Mail-Adresse").fill("niemand@musterland.example")
    page.get_by_label("Passwort").fill("falsch-falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    alert = page.get_by_role("alert")
    assert "Die Anmeldung ist fehlgeschlagen" in alert.inner_text()
    screenshot(page, "anmelden-fehler")


def test_the_api_docs_render_from_packaged_assets_under_the_csp(demo_server, page):
    violations = _csp_violations(page)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(demo_server) else None)
    page.goto(demo_server + "/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "IKZ-Berater" in page.inner_text(".swagger-ui .info .title")
    screenshot(page, "api-docs")
    assert outside == [] and violations == []


def test_the_existing_pages_run_under_the_csp(demo_server, page):
    violations = _csp_violations(page)
    for path in ("/", "/formular?beispiel=personalabrechnung-mandatierend", "/screening", "/faelle"):
        page.goto(demo_server + path)
        page.wait_for_load_state("networkidle")
    assert violations == []
