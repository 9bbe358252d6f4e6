"""The database schema's version: migrating it (``ikz db upgrade``) and checking it at start.

Migrations are Alembic revisions in api/migrations/versions/. ``upgrade`` runs them in one
transaction that first takes the migration lock — PostgreSQL: the transaction-scoped advisory
lock ``MIGRATION_LOCK``; SQLite: the write lock of ``BEGIN IMMEDIATE`` — so that any number of
processes may call it at once: the first migrates, the others wait and then find nothing to do.

On PostgreSQL the server never migrates by itself (several workers, several machines, a
deployment that decides when): it starts only on a current schema (``require_current``). On
SQLite ``ikz serve`` migrates on start (api/db/startup.py).
"""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from api.db.session import ALEMBIC_INI, MIGRATIONS_DIR, is_sqlite

#: Keys of PostgreSQL advisory locks (64-bit): migrating, and the seeding at start.
MIGRATION_LOCK = 0x494B5A_0001
STARTUP_LOCK = 0x494B5A_0002


class SchemaNichtAktuell(Exception):
    """The database's schema is not the one this version of the server needs; ``str`` is German."""

    def __init__(self, current: str | None, head: str) -> None:
        self.current = current
        self.head = head
        stand = f"Stand „{current}“" if current else "leer, ohne Tabellen"
        super().__init__(
            f"Das Datenbankschema ist nicht aktuell ({stand}, benötigt „{head}“). "
            "Vor dem Start einmal „ikz db upgrade“ ausführen (mit derselben IKZ_DATABASE_URL)."
        )


def _config() -> Config:
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def head_revision() -> str:
    """The newest revision this code knows (read once per process: the code does not change)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "keine Migrationen gefunden"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None``: no schema yet)."""
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return revision


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Migrate to the newest revision under the migration lock; returns (before, after)."""
    config = _config()
    with engine.begin() as connection:
        if not is_sqlite(engine):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        before = MigrationContext.configure(connection).get_current_revision()
        if before == head_revision():
            return before, before  # current: the migration scripts are not even loaded
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before, head_revision()


def require_current(engine: Engine) -> None:
    """Raise ``SchemaNichtAktuell`` unless the database is at the newest revision."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaNichtAktuell(current, head)
