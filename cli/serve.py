"""`ikz serve` — start the web form and the JSON API (uvicorn; ``--workers N`` processes).

The database comes from ``IKZ_DATABASE_URL`` (default: SQLite file ``var/ikz.sqlite``, created on
first start); see api/settings.py for every setting. A SQLite database is migrated on start; a
PostgreSQL database must have been migrated with ``ikz db upgrade`` (else the start stops with a
German message saying so). Without any account it prints how to add the first admin; with
``IKZ_DEMO=true`` (``make run``) it names the demo sign-in.

With ``--workers N`` (N > 1) uvicorn starts N processes, each building the app from the
environment (``api.app:create_app``); every piece of state a later request needs is in the
database, so any worker can answer any request (docs/betrieb.md).
"""

from __future__ import annotations

import argparse
import sys

from cli.common import EXIT_INVALID, EXIT_OK, run_guarded


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Portnummer") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"Port {value} liegt nicht zwischen 1 und 65535")
    return value


MAX_WORKERS = 64


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Anzahl") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"{value} Worker: erlaubt sind 1 bis {MAX_WORKERS}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="Web-Formular und JSON-API starten",
        description="Startet Web-Formular (/) und JSON-API (/api/v1, Dokumentation /api/v1/docs). "
        "Datenbank: IKZ_DATABASE_URL (Standard: SQLite-Datei var/ikz.sqlite).",
    )
    p.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="Port (Standard: 8000)")
    p.add_argument(
        "--workers", type=_workers, default=1, help="Anzahl der Server-Prozesse (Standard: 1; Zustand in der Datenbank)"
    )
    p.set_defaults(handler=lambda args: run_guarded(lambda: _serve(args)))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from api.app import create_app
    from api.db.schema import SchemaNichtAktuell

    try:
        app = create_app()
    except SchemaNichtAktuell as e:
        print(e, file=sys.stderr)
        return EXIT_INVALID
    except (SQLAlchemyError, OSError) as e:
        first_line = (str(e).splitlines() or [""])[0]
        print(
            "Die Datenbank ist nicht erreichbar oder nicht nutzbar (IKZ_DATABASE_URL bzw. IKZ_DATA_DIR "
            f"prüfen): {type(e).__name__}: {first_line}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(f"IKZ-Berater: http://{args.host}:{args.port}/ (API-Dokumentation: /api/v1/docs)", file=sys.stderr)
    _tell_about_accounts(app)
    settings = app.state.settings
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=settings.trust_proxy_headers)
        return EXIT_OK
    # The start-up work (migration, seeding) is done; each worker opens the database anew.
    app.state.database.dispose()
    print(f"{args.workers} Worker-Prozesse.", file=sys.stderr)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="info",
        proxy_headers=settings.trust_proxy_headers,
    )
    return EXIT_OK


def _tell_about_accounts(app: object) -> None:
    """Without any account, say how to add the first admin; in demo mode, name the demo sign-in."""
    from api.identity.demo import DEMO_USERS, has_users

    settings = app.state.settings  # type: ignore[attr-defined]
    if settings.demo:
        zugaenge = "; ".join(f"{email} / {passwort}" for email, _rolle, passwort in DEMO_USERS)
        print(
            f"DEMO-BETRIEB (IKZ_DEMO=true), nicht produktiv nutzen. Anmeldung unter /anmelden: {zugaenge}",
            file=sys.stderr,
        )
        return
    if not has_users(app.state.session_factory):  # type: ignore[attr-defined]
        print(
            "Es gibt noch kein Konto. Gespeicherte Fälle und die API brauchen eine Anmeldung. Erstes Admin-Konto anlegen:\n"
            '  ikz admin organisation add KENNUNG "Name der Organisation"\n'
            "  ikz admin user add EMAIL --organisation KENNUNG --rolle admin --rolle sachbearbeitung --passwort-stdin\n"
            "(das Passwort als erste Zeile der Standardeingabe; API-Schlüssel: ikz admin apikey add …)",
            file=sys.stderr,
        )
