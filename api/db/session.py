"""The database engine: SQLite in a local file by default, PostgreSQL through ``IKZ_DATABASE_URL``.

SQLite is configured for several writers in one process or several: WAL journal, a busy timeout,
foreign keys on, and every transaction opened with ``BEGIN IMMEDIATE`` — a writer takes the write
lock at the start, so two writers queue instead of one failing with "database is locked" when it
upgrades a read lock. PostgreSQL gets row locks (``SELECT … FOR UPDATE``) from api/cases.py.
The schema is brought to the newest Alembic revision on start (``run_migrations``).

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

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

API_DIR = Path(__file__).resolve().parents[1]
ALEMBIC_INI = API_DIR / "alembic.ini"
MIGRATIONS_DIR = API_DIR / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30
log = logging.getLogger("ikz.db")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its directory is created first."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        create_private_file(Path(database))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


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


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded rows usable after commit (responses are built after it)."""
    return sessionmaker(engine, expire_on_commit=False)


def run_migrations(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates the tables in a new database)."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
