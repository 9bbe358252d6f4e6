"""``pytest --postgres``: the same tests against PostgreSQL instead of SQLite.

Without the option nothing changes (SQLite files in temporary directories). With it:

- a throw-away cluster is started once (tests/throwaway_postgres.py) — or, if
  ``IKZ_TEST_POSTGRES_URL`` names a server (``postgresql+psycopg://user@host:port/postgres``, a
  user that may create databases), that server is used and no cluster is started;
- a template database is migrated once with ``ikz db upgrade`` (the real command, so every run
  also proves the migrations on PostgreSQL);
- every test gets a database of its own, copied from the template, in ``IKZ_DATABASE_URL`` — the
  variable an operator sets — so the apps the tests build, and the ``ikz`` processes they start,
  use it. The databases of a test module are dropped when the module is done (module-scoped apps
  keep theirs until then).

Markers: ``sqlite_only`` (checks SQLite itself, e.g. the file's mode: skipped with --postgres)
and ``postgres`` (needs PostgreSQL, e.g. the advisory locks: skipped without it).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.throwaway_postgres import ThrowawayPostgres, find_bindir

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "ikz_vorlage"
OPTION = "--postgres"


def add_option(parser: pytest.Parser) -> None:
    parser.addoption(
        OPTION,
        action="store_true",
        help="API-, Web- und Persistenztests gegen PostgreSQL (Wegwerf-Cluster oder IKZ_TEST_POSTGRES_URL)",
    )


@dataclass
class PostgresServer:
    """The server the tests use: its admin URL, and the cluster if the tests started it."""

    admin_url: str
    cluster: ThrowawayPostgres | None
    _numbers: Iterator[int] = field(default_factory=itertools.count)
    created: list[str] = field(default_factory=list)

    def url(self, database: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + "/" + database

    def _execute(self, *statements: str) -> None:
        import psycopg

        conninfo = self.admin_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(conninfo, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def new_database(self, template: str = TEMPLATE) -> str:
        """A fresh database copied from the migrated template (``template0``: an empty one); its URL."""
        name = f"ikz_t{os.getpid()}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        self.created.append(name)
        return self.url(name)

    def drop(self, names: list[str]) -> None:
        if names:
            self._execute(*(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names))

    def prepare_template(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)', f'CREATE DATABASE "{TEMPLATE}"')
        env = {**os.environ, "IKZ_DATABASE_URL": self.url(TEMPLATE)}
        result = subprocess.run(
            [sys.executable, "-m", "cli.main", "db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(f"ikz db upgrade auf PostgreSQL fehlgeschlagen:\n{result.stderr}")


def active(config: pytest.Config) -> bool:
    return bool(config.getoption(OPTION))


def configure(config: pytest.Config) -> None:
    """With --postgres: an app a test built and never shut down leaves its pooled connections to
    the garbage collector; psycopg warns about each (SQLite's driver does not). Not a leak of the
    server, which closes its pool on shutdown (api/app.py): that warning alone is not an error."""
    if active(config):
        config.addinivalue_line("filterwarnings", "ignore:.*was deleted while still open:ResourceWarning")


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer | None]:
    """The PostgreSQL server of a ``--postgres`` run (``None`` without the option)."""
    if not active(request.config):
        yield None
        return
    given = os.environ.get("IKZ_TEST_POSTGRES_URL")
    cluster = None
    if given:
        server = PostgresServer(given, None)
    else:
        bindir = find_bindir()
        if bindir is None:
            pytest.exit("--postgres: PostgreSQL ist nicht installiert (apt-get install postgresql)", returncode=4)
        cluster = ThrowawayPostgres(bindir)
        cluster.init()
        cluster.start()
        server = PostgresServer(cluster.url("postgres"), cluster)
    try:
        server.prepare_template()
        yield server
    finally:
        if cluster is not None:
            cluster.remove()
        else:
            server.drop(server.created)


@pytest.fixture(scope="module", autouse=True)
def _drop_module_databases(postgres_server: PostgresServer | None) -> Iterator[None]:
    if postgres_server is None:
        yield
        return
    before = len(postgres_server.created)
    yield
    postgres_server.drop(postgres_server.created[before:])


@pytest.fixture(autouse=True)
def _database_per_test(
    request: pytest.FixtureRequest, postgres_server: PostgresServer | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if postgres_server is None:
        if request.node.get_closest_marker("postgres"):
            pytest.skip("braucht PostgreSQL (pytest --postgres)")
        return
    marker = request.node.get_closest_marker("sqlite_only")
    if marker:
        pytest.skip(f"nur SQLite: {marker.args[0] if marker.args else 'prüft SQLite selbst'}")
    monkeypatch.setenv("IKZ_DATABASE_URL", postgres_server.new_database())


@pytest.fixture
def empty_database_url(tmp_path: Path, postgres_server: PostgresServer | None) -> str:
    """A database without any table: PostgreSQL with --postgres, else a SQLite file not yet created."""
    if postgres_server is not None:
        return postgres_server.new_database("template0")
    return f"sqlite:///{tmp_path}/leer/ikz.sqlite"


@pytest.fixture
def database_url(tmp_path: Path, postgres_server: PostgresServer | None) -> str:
    """The database of this test: its PostgreSQL database with --postgres, else a new SQLite file."""
    if postgres_server is not None:
        return os.environ["IKZ_DATABASE_URL"]
    return f"sqlite:///{tmp_path}/db/ikz.sqlite"
