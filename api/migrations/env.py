"""Alembic environment: uses the connection handed over by ``run_migrations`` or, when run from
the command line, the URL from the server's settings (``IKZ_DATABASE_URL``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from api.audit import tables as _audit_tables  # noqa: F401  (registers the tables)
from api.db import screening_tables as _screening_tables  # noqa: F401
from api.db.models import Base
from api.identity import tables as _identity_tables  # noqa: F401
from api.register import tables as _register_tables  # noqa: F401
from api.review import tables as _review_tables  # noqa: F401

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from api.db.session import make_engine
    from api.settings import Settings

    engine = make_engine(Settings().resolved_database_url())
    with engine.connect() as connection:
        _run(connection)
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline-Migrationen (SQL-Skript) werden nicht unterstützt.")
run_migrations_online()
