"""Start-up: migrations on a new database, the examples seeded once, `ikz serve` end to end."""

from __future__ import annotations

import logging
import os
import shutil
import socket
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
from api.settings import Settings
from cli.main import main


def _app_with_examples(tmp_path: Path, examples_dir: Path):
    return create_app(Settings(data_dir=tmp_path / "daten", examples_dir=examples_dir))


def test_a_new_database_gets_the_six_examples_with_their_assessments(tmp_path, examples_dir, example_texts):
    app = _app_with_examples(tmp_path, examples_dir)
    with TestClient(app) as client:
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
    with TestClient(app) as client:
        assert client.get("/api/v1/cases").json()["gesamt"] == 6
    app.state.engine.dispose()


def test_an_example_that_does_not_load_is_logged_and_the_others_are_stored(tmp_path, examples_dir, caplog):
    mine = tmp_path / "beispiele"
    shutil.copytree(examples_dir, mine)
    (mine / "kaputt.yaml").write_text("format: ikz-fallakte/1\nbezeichnung: Kaputt\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ikz.seed"):
        app = _app_with_examples(tmp_path, mine)
    assert "kaputt.yaml" in caplog.text and "Pflichtangabe fehlt" in caplog.text
    with TestClient(app) as client:
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_ikz_serve_answers_on_localhost_with_the_examples_loaded(tmp_path):
    port = _free_port()
    env = {**os.environ, "IKZ_DATA_DIR": str(tmp_path / "daten")}
    env.pop("IKZ_DATABASE_URL", None)
    ikz = Path(sys.executable).with_name("ikz")
    server = subprocess.Popen(
        [str(ikz), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/cases", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "Server nicht gestartet"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["gesamt"] == 6
        assert (tmp_path / "daten" / "ikz.sqlite").is_file()
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stderr:
            server.stderr.close()
