"""The schema as an explicit step (`ikz db upgrade`, `ikz db status`) and a start of several
processes at once against an empty database: each migration and each seeding happens once.
Run on SQLite and — with ``pytest --postgres`` — on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from api.app import create_app
from api.db.models import CaseRow
from api.db.schema import SchemaNichtAktuell, current_revision, head_revision
from api.db.session import make_engine
from api.db.startup import open_database, startup_lock
from api.identity.demo import DEMO_KENNUNG, DEMO_USERS
from api.identity.tables import OrganisationRow, UserRow
from api.settings import Settings
from cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = len(list((ROOT / "examples").glob("*.yaml")))


def _revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_ikz_db_upgrade_migrates_an_empty_database_and_status_tells_before_and_after(
    empty_database_url, monkeypatch, capsys
):
    monkeypatch.setenv("IKZ_DATABASE_URL", empty_database_url)
    assert main(["db", "status"]) == 1
    assert "ikz db upgrade" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"migriert: leer → {head_revision()}" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "aktuell" in capsys.readouterr().out
    assert main(["db", "status"]) == 0
    assert _revision(empty_database_url) == head_revision()


def test_ikz_db_names_an_unreachable_database_in_german(monkeypatch, capsys):
    monkeypatch.setenv("IKZ_DATABASE_URL", "postgresql+psycopg://ikz@127.0.0.1:1/keine")
    assert main(["db", "upgrade"]) == 2
    assert "nicht erreichbar" in capsys.readouterr().err


def _run_at_once(commands: list[list[str]], env: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(c, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


@pytest.mark.slow
def test_four_upgrades_at_once_of_an_empty_database_all_succeed(empty_database_url):
    env = {**os.environ, "IKZ_DATABASE_URL": empty_database_url}
    results = _run_at_once([[sys.executable, "-m", "cli.main", "db", "upgrade"]] * 4, env)
    assert [r.returncode for r in results] == [0] * 4, [r.stderr for r in results]
    assert sum("migriert" in r.stdout for r in results) == 1
    assert _revision(empty_database_url) == head_revision()


START = "from api.app import create_app; create_app()"


@pytest.mark.slow
def test_four_workers_starting_at_once_seed_the_demo_and_the_examples_once(empty_database_url, postgres_server):
    env = {**os.environ, "IKZ_DATABASE_URL": empty_database_url, "IKZ_DEMO": "true"}
    if postgres_server is not None:  # PostgreSQL: the migration is the deployment's step before the start
        assert main_with_env(["db", "upgrade"], empty_database_url) == 0
    results = _run_at_once([[sys.executable, "-c", START]] * 4, env)
    assert [r.returncode for r in results] == [0] * 4, [r.stderr[-2000:] for r in results]
    database = open_database(empty_database_url)
    try:
        with database.read_sessions() as session:
            organisations = session.execute(
                select(func.count()).select_from(OrganisationRow).where(OrganisationRow.kennung == DEMO_KENNUNG)
            ).scalar_one()
            users = session.execute(select(func.count()).select_from(UserRow)).scalar_one()
            cases = session.execute(select(func.count()).select_from(CaseRow)).scalar_one()
    finally:
        database.dispose()
    assert (organisations, users, cases) == (1, len(DEMO_USERS), EXAMPLES)


def main_with_env(argv: list[str], url: str) -> int:
    env = {**os.environ, "IKZ_DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "cli.main", *argv], env=env, cwd=ROOT, capture_output=True).returncode


def test_the_start_up_lock_admits_one_holder_at_a_time(database_url):
    database = open_database(database_url)
    order: list[str] = []
    first_holds = threading.Event()

    def second() -> None:
        first_holds.wait()
        with startup_lock(database):
            order.append("zweiter hat")

    thread = threading.Thread(target=second)
    thread.start()
    try:
        with startup_lock(database):
            first_holds.set()
            time.sleep(0.3)  # the second is waiting now
            order.append("erster gibt frei")
        thread.join(timeout=30)
    finally:
        database.dispose()
    assert order == ["erster gibt frei", "zweiter hat"]


@pytest.mark.postgres
def test_a_postgres_database_without_the_schema_is_refused_at_start_naming_the_upgrade(
    empty_database_url, monkeypatch, capsys
):
    with pytest.raises(SchemaNichtAktuell, match="ikz db upgrade"):
        create_app(Settings(database_url=empty_database_url))
    monkeypatch.setenv("IKZ_DATABASE_URL", empty_database_url)
    assert main(["serve", "--port", "8765"]) == 2
    assert "ikz db upgrade" in capsys.readouterr().err
    assert _revision(empty_database_url) is None  # the server did not migrate by itself


@pytest.mark.sqlite_only("migriert SQLite beim Start")
@pytest.mark.real_migrations
def test_serve_migrates_a_new_sqlite_database_by_itself(tmp_path, monkeypatch):
    from alembic import command

    runs: list[str] = []
    real_upgrade = command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda config, ziel: runs.append(ziel) or real_upgrade(config, ziel))
    app = create_app(Settings(data_dir=tmp_path / "daten"))
    assert runs == ["head"]  # the migrations ran, on the new file
    assert current_revision(app.state.engine) == head_revision()
    app.state.database.dispose()


def test_a_current_sqlite_database_is_not_migrated_again(tmp_path, monkeypatch):
    """Every app start opens its database; at the newest revision no migration script is run."""
    from alembic import command

    from api.db import schema

    engine = make_engine(f"sqlite:///{tmp_path / 'ikz.sqlite'}")
    try:
        assert schema.upgrade(engine) == (None, head_revision())

        def nicht_erwartet(*_args, **_kwargs):
            raise AssertionError("command.upgrade an einer aktuellen Datenbank")

        monkeypatch.setattr(command, "upgrade", nicht_erwartet)
        assert schema.upgrade(engine) == (head_revision(), head_revision())
    finally:
        engine.dispose()
