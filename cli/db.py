"""`ikz db upgrade` and `ikz db status` — the database schema as an explicit step of a deployment.

The database is the one the server uses (``IKZ_DATABASE_URL``, default: the SQLite file in
``IKZ_DATA_DIR``). ``upgrade`` migrates to the newest revision under the migration lock (any
number of calls at once are safe); ``status`` says where the schema stands (exit 0: current,
1: ``upgrade`` needed). On PostgreSQL the server starts only on a current schema; on SQLite
``ikz serve`` migrates by itself.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, run_guarded

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "db",
        help="Datenbankschema migrieren oder prüfen",
        description="Datenbank: IKZ_DATABASE_URL (Standard: SQLite-Datei var/ikz.sqlite).",
    )
    db = p.add_subparsers(dest="db_command", metavar="AKTION")
    db.required = True
    db.add_parser(
        "upgrade", help="Schema auf den neuesten Stand bringen (vor dem Start, bei PostgreSQL Pflicht)"
    ).set_defaults(handler=lambda args: run_guarded(_upgrade))
    db.add_parser("status", help="Stand des Schemas anzeigen (Exit 0: aktuell, 1: upgrade nötig)").set_defaults(
        handler=lambda args: run_guarded(_status)
    )


def _engine() -> Engine:
    from api.db.session import make_engine
    from api.settings import Settings

    return make_engine(Settings().resolved_database_url())


def _unreachable(e: Exception) -> int:
    first_line = (str(e).splitlines() or [""])[0]
    print(
        "Die Datenbank ist nicht erreichbar oder nicht nutzbar (IKZ_DATABASE_URL bzw. IKZ_DATA_DIR prüfen): "
        f"{type(e).__name__}: {first_line}",
        file=sys.stderr,
    )
    return EXIT_INVALID


def _upgrade() -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from api.db.schema import upgrade

    try:
        engine = _engine()
        try:
            before, after = upgrade(engine)
        finally:
            engine.dispose()
    except (SQLAlchemyError, OSError) as e:
        return _unreachable(e)
    if before == after:
        print(f"Datenbankschema ist aktuell ({after}).")
    else:
        print(f"Datenbankschema migriert: {before or 'leer'} → {after}.")
    return EXIT_OK


def _status() -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from api.db.schema import current_revision, head_revision

    try:
        engine = _engine()
        try:
            current = current_revision(engine)
        finally:
            engine.dispose()
    except (SQLAlchemyError, OSError) as e:
        return _unreachable(e)
    head = head_revision()
    if current == head:
        print(f"Datenbankschema ist aktuell ({head}).")
        return EXIT_OK
    print(f"Datenbankschema: {current or 'leer'}, benötigt {head}: „ikz db upgrade“ ausführen.")
    return EXIT_INTERNAL
