"""Start-up: migrations on a new database, the demo organisation with the examples seeded once
(only with IKZ_DEMO), `ikz serve` end to end with and without the demo setting."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from advisor.beratung import berate
from advisor.parsing import parse_fallakte
from api.app import create_app
from api.identity.demo import DEMO_KENNUNG, DEMO_USERS
from api.settings import Settings
from cli.main import main
from tests.conftest import ROOT
from tests.identity_helpers import add_key, bearer
from tests.server_process import free_port, wait_until_answers


def _app_with_examples(tmp_path: Path, examples_dir: Path):
    return create_app(Settings(data_dir=tmp_path / "daten", examples_dir=examples_dir, demo=True))


def _demo_reader(app) -> dict[str, str]:
    return bearer(add_key(app, DEMO_KENNUNG, "leser", f"leser-{time.monotonic_ns()}"))


def test_a_new_database_gets_the_six_examples_with_their_assessments(tmp_path, examples_dir, example_texts):
    app = _app_with_examples(tmp_path, examples_dir)
    with TestClient(app, headers=_demo_reader(app)) as client:
        faelle = client.get("/api/v1/cases").json()["faelle"]
    expected = {}
    for text in example_texts.values():
        fallakte = parse_fallakte(text)
        expected[fallakte.bezeichnung] = berate(
            fallakte, app.state.regelwerk, app.state.satztabellen
        ).bewertung.ergebnis
    assert {f["bezeichnung"]: f["ergebnis"] for f in faelle} == expected
    assert len(expected) == 6
    app.state.engine.dispose()


def test_a_second_start_does_not_load_the_examples_again(tmp_path, examples_dir):
    _app_with_examples(tmp_path, examples_dir).state.engine.dispose()
    app = _app_with_examples(tmp_path, examples_dir)
    with TestClient(app, headers=_demo_reader(app)) as client:
        assert client.get("/api/v1/cases").json()["gesamt"] == 6
    app.state.engine.dispose()


def test_an_example_that_does_not_load_is_logged_and_the_others_are_stored(tmp_path, examples_dir, caplog):
    mine = tmp_path / "beispiele"
    shutil.copytree(examples_dir, mine)
    (mine / "kaputt.yaml").write_text("format: ikz-fallakte/1\nbezeichnung: Kaputt\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ikz.seed"):
        app = _app_with_examples(tmp_path, mine)
    assert "kaputt.yaml" in caplog.text and "Pflichtangabe fehlt" in caplog.text
    with TestClient(app, headers=_demo_reader(app)) as client:
        assert client.get("/api/v1/cases").json()["gesamt"] == 6
    app.state.engine.dispose()


def test_serve_refuses_an_invalid_port_in_german(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", "70000"])
    assert exit_info.value.code == 2
    assert "zwischen 1 und 65535" in capsys.readouterr().err


def test_serve_names_an_unusable_database_setting_and_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("IKZ_DATABASE_URL", "keinedatenbank://irgendwo/x")
    assert main(["serve", "--port", "8765"]) == 2
    assert "IKZ_DATABASE_URL" in capsys.readouterr().err


def test_without_the_demo_setting_no_user_and_no_example_is_created(tmp_path, examples_dir):
    app = create_app(Settings(data_dir=tmp_path / "daten", examples_dir=examples_dir))
    from api.identity.demo import has_users

    assert not has_users(app.state.session_factory)
    with app.state.session_factory() as session:
        from api.cases import list_cases

        assert list_cases(session).total == 0
    app.state.engine.dispose()


def _start(tmp_path: Path, port: int, **extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "IKZ_DATA_DIR": str(tmp_path / "daten"), **extra}
    env.pop("IKZ_DATABASE_URL", None)
    ikz = Path(sys.executable).with_name("ikz")
    return subprocess.Popen(
        [str(ikz), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(server: subprocess.Popen[bytes], url: str) -> httpx.Response:
    return wait_until_answers(
        url, server, lambda: "Server nicht gestartet: " + (server.stderr.read().decode() if server.stderr else "")
    )


def _stop(server: subprocess.Popen[bytes]) -> str:
    server.terminate()
    server.wait(timeout=10)
    text = server.stderr.read().decode() if server.stderr else ""
    if server.stderr:
        server.stderr.close()
    return text


@pytest.mark.slow
def test_ikz_serve_creates_no_user_and_tells_how_to_add_the_first_admin(tmp_path):
    port = free_port()
    server = _start(tmp_path, port)
    try:
        response = _wait(server, f"http://127.0.0.1:{port}/api/v1/cases")
        assert response.status_code == 401
        assert (tmp_path / "daten" / "ikz.sqlite").stat().st_mode & 0o777 == 0o600
    finally:
        stderr = _stop(server)
    assert "ikz admin organisation add" in stderr and "ikz admin user add" in stderr


@pytest.mark.slow
def test_ikz_serve_in_demo_mode_signs_in_the_demo_user_who_sees_the_examples(tmp_path):
    port = free_port()
    server = _start(tmp_path, port, IKZ_DEMO="true")
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(server, base + "/anmelden")
        with httpx.Client(base_url=base, timeout=10) as browser:
            form = browser.get("/anmelden").text
            token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            email, _rolle, passwort = DEMO_USERS[0]
            signed_in = browser.post(
                "/anmelden",
                data={"email": email, "passwort": passwort, "csrf_token": token, "weiter": "/"},
                headers={"origin": base},
            )
            assert signed_in.status_code == 303, signed_in.text
            listed = browser.get("/api/v1/cases")
        assert listed.status_code == 200
        assert listed.json()["gesamt"] == 6
    finally:
        _stop(server)


def test_a_worker_starts_without_the_libraries_only_some_requests_need():
    """Importing the app loads no PDF, calendar or single-sign-on library: a worker's start (and
    every `ikz` command that builds the app) does not pay for them; the request that needs one
    imports it (api/routers/screenings.py, api/register/kalender.py, api/identity/oidc.py)."""
    spaeter = ["reportlab", "icalendar", "joserfc", "httpx2", "authlib"]
    geladen = subprocess.run(
        [sys.executable, "-c", f"import sys, api.app; print([m for m in {spaeter!r} if m in sys.modules])"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert geladen == "[]"
