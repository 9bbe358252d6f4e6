"""A migrated SQLite database copied for every app a test builds, instead of migrating each one.

Every test that builds an app gets a new SQLite file; migrating it (13 Alembic revisions,
SQLite's batch operations) took 60–80 ms, a quarter of a small API test. So once per test process
the real migrations build a template (``upgrade`` on an empty file — the same code the server
runs), and ``open_database`` (api/db/startup.py) copies that template into a new, still empty
SQLite file before it calls the real ``upgrade``, which then finds the schema current.

What stays real: the migrations themselves (the template; tests/persistence, tests/identity and
tests/api/test_case_store.py run them directly; the PostgreSQL run migrates with ``ikz db
upgrade``), any database that already has content, and every process a test starts. A test that
checks the server's own migration of a new file is marked ``real_migrations`` and gets no copy.
Not with ``--postgres``: there every test's database is copied from a migrated template already.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from api.db import startup
from api.db.schema import upgrade
from api.db.session import make_engine, sqlite_file

MARKER = "real_migrations"
_state: dict[str, bool] = {"real_migrations": False}


def add_marker(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}: the server migrates a new SQLite file itself (no migrated copy)")


def _new_sqlite_file(engine: Engine) -> Path | None:
    """The file of ``engine`` if it is a SQLite file that is still empty (just created)."""
    path = sqlite_file(engine.url)
    return path if path is not None and (not path.exists() or path.stat().st_size == 0) else None


@pytest.fixture(scope="session", autouse=True)
def _migrated_sqlite_template(
    tmp_path_factory: pytest.TempPathFactory, postgres_server: object | None
) -> Iterator[None]:
    if postgres_server is not None:
        yield
        return
    template = tmp_path_factory.mktemp("migrierte-vorlage") / "ikz.sqlite"
    engine = make_engine(f"sqlite:///{template}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()  # the last connection closes: the WAL is checkpointed into the file
    real_upgrade = startup.upgrade

    def upgrade_from_template(engine: Engine) -> tuple[str | None, str]:
        target = None if _state["real_migrations"] else _new_sqlite_file(engine)
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(template, target)  # into the file make_engine created: its mode stays
        return real_upgrade(engine)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(startup, "upgrade", upgrade_from_template)
        yield


@pytest.fixture(autouse=True)
def _real_migrations_when_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    _state["real_migrations"] = request.node.get_closest_marker(MARKER) is not None
    yield
    _state["real_migrations"] = False
