"""Reads outside write transactions: a read-only session can never write, and on SQLite (WAL) a
request that only reads is answered while another process holds the write lock — the API-key
check, the case list, a case's shares, a screening download — whereas a write waits for the lock
and, past the busy timeout, is a 503 with Retry-After."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from api.app import create_app
from api.db.models import UnsavedResultRow, utc_now
from api.identity import api_keys
from api.settings import Settings
from tests.identity_helpers import add_key, add_organisation, bearer
from tests.screening.conftest import bauhof_zeilen, csv_bytes


def test_a_read_only_session_refuses_to_write(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "daten", seed_examples=False))
    with app.state.read_session_factory() as session, pytest.raises(DBAPIError):
        session.execute(
            insert(UnsavedResultRow).values(
                token="t" * 22, created_at=utc_now(), fallakte_json="{}", bewertung_json="{}"
            )
        )
        session.commit()
    with app.state.session_factory() as session:
        session.execute(
            insert(UnsavedResultRow).values(
                token="t" * 22, created_at=utc_now(), fallakte_json="{}", bewertung_json="{}"
            )
        )
        session.commit()
    app.state.database.dispose()


@pytest.fixture
def locked_app(tmp_path, monkeypatch):
    """An app on a SQLite file with a busy timeout of 1 s, and a function that holds the write lock."""
    monkeypatch.setattr("api.db.session.SQLITE_BUSY_TIMEOUT_S", 1)
    app = create_app(Settings(data_dir=tmp_path / "daten", seed_examples=False))
    add_organisation(app, "kreis", "Kreis")
    key = bearer(add_key(app, "kreis", "sachbearbeitung"))
    holder = sqlite3.connect(tmp_path / "daten" / "ikz.sqlite", isolation_level=None)
    yield app, key, holder
    holder.close()
    app.state.database.dispose()


@pytest.mark.sqlite_only("die Schreibsperre von SQLite")
def test_reads_are_answered_while_another_process_holds_the_write_lock(locked_app, example_texts):
    personal_yaml = example_texts["personalabrechnung-mandatierend"]
    app, key, holder = locked_app
    with TestClient(app) as client:
        case = client.post("/api/v1/cases", content=personal_yaml, headers={**key, "content-type": "application/yaml"})
        assert case.status_code == 201
        case_id = case.json()["fall"]
        client.get("/screening")  # as a browser: the result belongs to this browser's cookie
        page = client.post("/screening", files={"datei": ("bestand.csv", csv_bytes(bauhof_zeilen(2)), "text/csv")})
        link = page.text.split('href="/screening/')[1].split('"')[0]
        api_keys.clear_cache()

        holder.execute("BEGIN IMMEDIATE")
        try:
            assert client.get("/api/v1/cases", headers=key).json()["gesamt"] == 1
            assert client.get(f"/api/v1/cases/{case_id}/shares", headers=key).status_code == 200
            download = client.get(f"/screening/{link}")
            assert download.status_code == 200 and download.content.startswith(b"%PDF")
            # A write waits for the lock, then gives up: 503 with Retry-After, nothing half-written.
            blocked = client.post(
                "/api/v1/cases", content=personal_yaml, headers={**key, "content-type": "application/yaml"}
            )
            assert blocked.status_code == 503 and blocked.headers["retry-after"]
            assert blocked.headers["content-type"].startswith("application/problem+json")
        finally:
            holder.execute("ROLLBACK")
        assert client.get("/api/v1/cases", headers=key).json()["gesamt"] == 1
