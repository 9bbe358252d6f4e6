"""The database engines: SQLite in a local file by default, PostgreSQL through ``IKZ_DATABASE_URL``.

Two ways into the same database:

- ``make_engine(url)`` — for transactions that write. SQLite: WAL journal, a busy timeout,
  foreign keys on, and every transaction opened with ``BEGIN IMMEDIATE``: a writer takes the
  write lock at its start, so two writers queue instead of one failing with "database is locked"
  when it upgrades a read lock, and a read-then-write (the next version number, the audit head)
  is atomic. PostgreSQL gets row locks (``SELECT … FOR UPDATE``) from the code that writes.
- ``make_read_engine(engine)`` — for transactions that only read. SQLite: its own connections
  with a plain (deferred) ``BEGIN`` — in WAL mode a reader neither waits for nor blocks a writer —
  and ``PRAGMA query_only``, so an accidental write fails at once instead of racing. PostgreSQL:
  the same pool with ``SET TRANSACTION READ ONLY`` (psycopg's read-only connection option).

The schema is migrated by api/db/schema.py; what happens at start is in api/db/startup.py.

A SQLite file holds other bodies' draft contracts: it is created readable and writable by the
server's user only (0600, its directory 0700; SQLite gives its -wal and -shm files the same
mode), and an existing file readable by others is narrowed to 0600 with a warning.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

API_DIR = Path(__file__).resolve().parents[1]
ALEMBIC_INI = API_DIR / "alembic.ini"
MIGRATIONS_DIR = API_DIR / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30
#: Connections per worker process and engine (PostgreSQL): requests beyond it wait up to
#: ``POOL_TIMEOUT_S`` for one, then get 503. docs/betrieb.md sizes ``max_connections`` with it.
POOL_SIZE = 5
POOL_OVERFLOW = 5
POOL_TIMEOUT_S = 10
log = logging.getLogger("ikz.db")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite database at ``url``; ``None`` for another backend, an in-memory database
    or a ``file:`` URI (a database of this process alone)."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: str) -> Engine:
    """The engine for writing transactions at ``url``; for a SQLite file, its directory is created first."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_pre_ping=True,  # a connection the server dropped (restart) is replaced, not used
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
            pool_timeout=POOL_TIMEOUT_S,
        )
    database_file = sqlite_file(parsed)
    if database_file is not None:
        create_private_file(database_file)
    engine = _sqlite_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def make_read_engine(engine: Engine) -> Engine:
    """An engine for read-only transactions on the database of ``engine`` (see the module docstring).

    An in-memory SQLite database exists once per connection, so there the writing engine serves.
    """
    if not is_sqlite(engine):
        return engine.execution_options(postgresql_readonly=True)
    if sqlite_file(engine.url) is None:
        return engine
    reader = _sqlite_engine(engine.url.render_as_string(hide_password=False))
    event.listen(reader, "connect", _configure_sqlite_reader)
    event.listen(reader, "begin", _begin_deferred)
    return reader


def _sqlite_engine(url: str) -> Engine:
    return create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S})


def create_private_file(path: Path) -> None:
    """Create the SQLite file with mode 0600 (its new directory 0700), or narrow an existing one."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            log.warning("Datenbankdatei %s war für andere lesbar (%o); jetzt 0600.", path, mode)
            path.chmod(0o600)
        return
    os.close(fd)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred and late).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _configure_sqlite_reader(dbapi_connection: Any, _record: Any) -> None:
    # The journal mode is the file's (the writing engine set WAL); a reader only reads.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_deferred(connection: Any) -> None:
    # One snapshot for all reads of the transaction, taken at its first SELECT; no lock.
    connection.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded rows usable after commit (responses are built after it)."""
    return sessionmaker(engine, expire_on_commit=False)


def run_migrations(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates the tables in a new database); see
    ``api.db.schema.upgrade``."""
    from api.db.schema import upgrade

    upgrade(engine)
