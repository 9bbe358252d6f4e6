"""The whole review in a real browser (Chromium): Sachbearbeitung submits, Rechtsamt comments on a
clause, Sachbearbeitung changes the clause, Rechtsamt resolves and approves, Steuer and Leitung
approve, the Ausfertigung downloads — and the pages pass axe (WCAG 2.1 AA).

The case is created and changed through the JSON API with the organisation's key (the web form
saves cases for an organisation only with the web sign-in of issue 12 phase 2, another branch);
every review step is done by clicking in the pages as the signed-in person."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.browser.conftest import ROOT, _chromium_or_skip, _server_log, assert_accessible, screenshot
from tests.conftest import EXAMPLES_DIR
from tests.identity_helpers import add_key, add_organisation, add_user
from tests.pdf_text import pdf_text
from tests.server_process import free_port, wait_until_answers

pytestmark = pytest.mark.browser
ORG, PASSWORT = "kreis-musterland", "browser-passwort-2027"
ROLLEN = ("sachbearbeitung", "rechtsamt", "steuer", "leitung")


@pytest.fixture(scope="module")
def review_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, API key of the Sachbearbeitung) of a server with one organisation and a user per role."""
    _chromium_or_skip()
    daten = tmp_path_factory.mktemp("pruefung")
    app = create_app(Settings(data_dir=daten, seed_examples=False))  # type: ignore[call-arg]
    add_organisation(app, ORG, "Kreis Musterland")
    for rolle in ROLLEN:
        add_user(app, f"{rolle}@musterland.example", ORG, [rolle], PASSWORT)
    key = add_key(app, ORG, "sachbearbeitung", "browser")
    app.state.engine.dispose()
    port = free_port()
    env = {**os.environ, "IKZ_DATA_DIR": str(daten), "IKZ_SEED_EXAMPLES": "false"}
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
        wait_until_answers(base + "/", proc, lambda: _server_log(log, daten), status=200)
        yield base, key
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _als(page, base: str, rolle: str, weiter: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/anmelden?weiter={weiter}")
    page.get_by_label("E-Mail-Adresse").fill(f"{rolle}@musterland.example")
    page.get_by_label("Passwort").fill(PASSWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{base}{weiter}")


def test_the_whole_review_from_submission_to_the_ausfertigung(review_server, page, axe_source):
    base, key = review_server
    api = {"authorization": f"Bearer {key}", "content-type": "application/yaml"}
    yaml_text = (EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    fall = httpx.post(f"{base}/api/v1/cases", content=yaml_text, headers=api).json()["fall"]
    seite = f"/faelle/{fall}/pruefung"

    _als(page, base, "sachbearbeitung", seite)
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    assert page.locator("#zustand").inner_text() == "zur Prüfung"

    _als(page, base, "rechtsamt", seite)
    klausel = page.locator("li.klausel", has_text="12 Monaten").first
    klausel_id = klausel.get_attribute("id")
    klausel.get_by_text("Kommentieren").click()
    klausel.get_by_label("Kommentar zu").fill("Ist eine Kündigungsfrist von 12 Monaten mit den Partnern abgestimmt?")
    klausel.get_by_role("button", name="Kommentar speichern").click()
    assert page.locator("#offene-kommentare").inner_text() == "1"
    assert_accessible(page, axe_source, "Prüfseite mit Kommentar")
    screenshot(page, "pruefung-kommentar")

    geaendert = yaml_text.replace("kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6")
    assert httpx.put(f"{base}/api/v1/cases/{fall}", content=geaendert, headers=api).status_code == 200

    _als(page, base, "sachbearbeitung", seite)
    assert page.locator("#zustand").inner_text() == "Entwurf"
    page.get_by_role("button", name="Zur Prüfung einreichen").click()

    _als(page, base, "rechtsamt", seite)
    kommentar = page.locator(f'[id="{klausel_id}"] article.kommentar')
    assert "Klausel seit dem Kommentar geändert" in kommentar.inner_text()
    kommentar.get_by_role("button", name="Als erledigt markieren").click()
    assert page.locator("#offene-kommentare").inner_text() == "0"
    page.get_by_role("button", name="Freigeben als rechtsamt").click()

    for rolle in ("steuer", "leitung"):
        _als(page, base, rolle, seite)
        page.get_by_role("button", name=f"Freigeben als {rolle}").click()
    assert page.locator("#zustand").inner_text() == "freigegeben"
    assert_accessible(page, axe_source, "Prüfseite freigegeben")

    with page.expect_download() as download:
        page.get_by_role("link", name="Ausfertigung herunterladen (PDF)").click()
    text = pdf_text(download.value.path().read_bytes())
    assert "Ausfertigung – freigegeben am" in text and "(Version 2)" in text and "6 Monaten" in text
    assert "ENTWURF" not in text
