"""Migration 0002 on a database from before sign-in: existing cases get the owner ``bestand``
deliberately, nobody sees them until the operator hands that organisation over."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.app import create_app
from api.db.session import ALEMBIC_INI, MIGRATIONS_DIR, make_engine
from api.identity import admin
from api.settings import Settings
from tests.identity_helpers import add_key, bearer


def _database_at_0001_with_one_case(url: str) -> None:
    engine = make_engine(url)
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO cases (id, bezeichnung, latest_version, created_at, updated_at) "
                "VALUES (1, 'Alter Fall', 1, '2026-11-01 10:00:00', '2026-11-01 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO case_versions (case_id, number, created_at, fallakte_json, bewertung_json, "
                "kalkulation_json, ergebnis, regelwerk_version, regelwerk_sha256) VALUES "
                "(1, 1, '2026-11-01 10:00:00', '{}', '{}', '{}', 'offen', 'alt', :sha)"
            ),
            {"sha": "0" * 64},
        )
        connection.execute(
            text("INSERT INTO idempotency_keys VALUES ('alt', :sha, 1, 1, '2026-11-01 10:00:00')"), {"sha": "0" * 64}
        )
    engine.dispose()


def test_existing_cases_go_to_bestand_and_become_visible_when_it_is_handed_over(tmp_path):
    url = f"sqlite:///{tmp_path / 'alt.sqlite'}"
    _database_at_0001_with_one_case(url)
    app = create_app(Settings(data_dir=tmp_path, database_url=url))
    with app.state.session_factory() as session:
        owner = session.execute(
            text("SELECT o.kennung FROM cases c JOIN organisations o ON o.id = c.organisation_id")
        ).all()
        assert owner == [("bestand",)]
        # the stored versions survive the migration (a table copy would have cascade-deleted them)
        assert session.execute(text("SELECT COUNT(*) FROM case_versions")).scalar_one() == 1
        admin.add_organisation(session, "kreis-a", "Kreis A")
        session.commit()
    with TestClient(app) as client:
        assert client.get("/api/v1/cases", headers=bearer(add_key(app, "kreis-a", "leser"))).json()["gesamt"] == 0
        with app.state.session_factory() as session:
            admin.rename_organisation(session, "bestand", "kreis-musterland", "Kreis Musterland")
            session.commit()
        listed = client.get("/api/v1/cases", headers=bearer(add_key(app, "kreis-musterland", "leser"))).json()
        assert [f["bezeichnung"] for f in listed["faelle"]] == ["Alter Fall"], listed
    app.state.engine.dispose()


def test_a_new_database_has_no_bestand_organisation(tmp_path):
    app = create_app(Settings(data_dir=tmp_path))
    with app.state.session_factory() as session:
        assert session.execute(text("SELECT COUNT(*) FROM organisations")).scalar_one() == 0
    app.state.engine.dispose()


def test_the_migration_can_be_undone(tmp_path):
    url = f"sqlite:///{tmp_path / 'rueck.sqlite'}"
    _database_at_0001_with_one_case(url)
    engine = make_engine(url)
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "0001")
        assert connection.execute(text("SELECT bezeichnung FROM cases")).all() == [("Alter Fall",)]
        assert connection.execute(text("SELECT COUNT(*) FROM case_versions")).scalar_one() == 1
        command.upgrade(config, "head")  # and up again
        assert connection.execute(text("SELECT COUNT(*) FROM case_versions")).scalar_one() == 1
    engine.dispose()
