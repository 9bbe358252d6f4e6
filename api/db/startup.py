"""Opening the database when a server process starts, safe for any number of processes at once.

``open_database(url)`` creates the engines and session factories (``Database``) and makes sure the
schema is current: SQLite is migrated (serialised by the write lock), PostgreSQL only checked —
there the migration is the explicit step ``ikz db upgrade`` (api/db/schema.py).

``startup_lock(database)`` serialises the seeding at start (the demo organisation, the examples):
PostgreSQL's session advisory lock ``STARTUP_LOCK``, or an exclusive ``flock`` on the file
``<sqlite file>.lock`` next to a SQLite database. Four workers starting together against an empty
database therefore seed once: the first inside the lock, the others find the rows there.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from api.db.schema import STARTUP_LOCK, require_current, upgrade
from api.db.session import is_sqlite, make_engine, make_read_engine, make_session_factory, sqlite_file


@dataclass(frozen=True)
class Database:
    """The engines of one database and their session factories (writing and read-only)."""

    engine: Engine
    read_engine: Engine
    sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session]

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


def open_database(url: str) -> Database:
    """Engines for ``url`` with a current schema (SQLite migrated, PostgreSQL checked).

    Raises ``SchemaNichtAktuell`` for a PostgreSQL database that needs ``ikz db upgrade`` and
    SQLAlchemy's ``OperationalError`` when the database cannot be reached.
    """
    engine = make_engine(url)
    try:
        if is_sqlite(engine):
            upgrade(engine)
        else:
            require_current(engine)
    except BaseException:
        engine.dispose()
        raise
    read_engine = make_read_engine(engine)
    return Database(engine, read_engine, make_session_factory(engine), make_session_factory(read_engine))


@contextmanager
def startup_lock(database: Database) -> Iterator[None]:
    """Hold the start-up lock of this database (blocks while another process holds it)."""
    engine = database.engine
    if not is_sqlite(engine):
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": STARTUP_LOCK})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": STARTUP_LOCK})
                connection.commit()
        return
    database_file = sqlite_file(engine.url)
    if database_file is None:
        yield  # a database of this process alone
        return
    lock_path = Path(f"{database_file}.lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
