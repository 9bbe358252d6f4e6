"""`ikz admin`: organisations, users, API keys and the audit check from the command line."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from cli.main import main


@pytest.fixture
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("IKZ_DATABASE_URL", url)
    return url


def _run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_organisation_a_user_and_a_key_are_made_and_the_key_works_once_shown(
    database, capsys, monkeypatch, tmp_path
):
    assert _run(capsys, "admin", "organisation", "add", "kreis-a", "Kreis A")[0] == 0
    code, _out, err = _run(
        capsys,
        "admin",
        "user",
        "add",
        "a@kreis-a.de",
        "--organisation",
        "kreis-a",
        "--rolle",
        "leitung",
        "--rolle",
        "sachbearbeitung",
        "--passwort-stdin",
        stdin="ein-langes-passwort\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and "leitung,sachbearbeitung" in err
    code, out, err = _run(
        capsys, "admin", "apikey", "add", "--organisation", "kreis-a", "--rolle", "leser", "--name", "Haushalt"
    )
    key = out.strip()
    assert code == 0 and key.startswith("ikz_") and key not in err and "nur dieses eine Mal" in err
    app = create_app(Settings(data_dir=tmp_path / "x", database_url=database))
    with TestClient(app) as client:
        assert client.get("/api/v1/cases", headers={"authorization": f"Bearer {key}"}).status_code == 200
        assert _run(capsys, "admin", "apikey", "revoke", "Haushalt", "--organisation", "kreis-a")[0] == 0
        from api.identity import api_keys

        api_keys.clear_cache()  # another process revoked it: this one forgets within the cache time
        assert client.get("/api/v1/cases", headers={"authorization": f"Bearer {key}"}).status_code == 401
    app.state.engine.dispose()
    code, out, _err = _run(capsys, "admin", "audit", "verify")
    assert code == 0 and "4 Einträge" in out


def test_wrong_input_is_a_german_sentence_and_exit_2(database, capsys, monkeypatch):
    _run(capsys, "admin", "organisation", "add", "kreis-a", "Kreis A")
    cases = [
        (("admin", "organisation", "add", "kreis-a", "Nochmal"), "gibt es bereits"),
        (("admin", "organisation", "add", "Kreis A!", "X"), "Kennung „kreis a!“ ist ungültig"),
        (
            ("admin", "apikey", "add", "--organisation", "kreis-x", "--rolle", "leser", "--name", "n"),
            "keine Organisation",
        ),
        (("admin", "apikey", "add", "--organisation", "kreis-a", "--rolle", "chef", "--name", "n"), "Unbekannte Rolle"),
        (("admin", "apikey", "revoke", "gibtsnicht", "--organisation", "kreis-a"), "keinen Schlüssel"),
        (
            ("admin", "user", "add", "kein-email", "--organisation", "kreis-a", "--rolle", "leser", "--nur-sso"),
            "keine gültige E-Mail",
        ),
    ]
    for argv, message in cases:
        code, _out, err = _run(capsys, *argv)
        assert code == 2 and message in err, (argv, err)
    code, _out, err = _run(
        capsys,
        "admin",
        "user",
        "add",
        "b@kreis-a.de",
        "--organisation",
        "kreis-a",
        "--rolle",
        "leser",
        "--passwort-stdin",
        stdin="kurz\n",
        monkeypatch=monkeypatch,
    )
    assert code == 2 and "mindestens 12 Zeichen" in err


def test_the_bestand_organisation_can_be_renamed(database, capsys):
    _run(capsys, "admin", "organisation", "add", "bestand", "Bestand")
    assert _run(capsys, "admin", "organisation", "rename", "bestand", "kreis-a", "Kreis A")[0] == 0
    assert (
        _run(capsys, "admin", "apikey", "add", "--organisation", "kreis-a", "--rolle", "leser", "--name", "n")[0] == 0
    )
