"""`ikz admin` — organisations, users, API keys and the audit trail, from the command line.

    ikz admin organisation add KENNUNG NAME
    ikz admin organisation rename KENNUNG NEUE_KENNUNG NAME
    ikz admin user add EMAIL --organisation KENNUNG --rolle ROLLE [--rolle …] --passwort-stdin
    ikz admin user add EMAIL --organisation KENNUNG --rolle ROLLE --nur-sso
    ikz admin apikey add --organisation KENNUNG --rolle ROLLE --name NAME   (prints the key once)
    ikz admin apikey revoke NAME --organisation KENNUNG
    ikz admin audit verify                                                  (exit 0 intact, 1 broken)

The database is the server's (``IKZ_DATABASE_URL`` / ``IKZ_DATA_DIR``); its schema is brought to
the newest migration first. Every change is recorded in the audit trail with the actor
``cli:<login name>``. Errors are German sentences on stderr, exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, run_guarded


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "admin",
        help="Organisationen, Konten, API-Schlüssel, Prüfprotokoll verwalten",
        description="Verwaltung auf der Kommandozeile (Datenbank: IKZ_DATABASE_URL bzw. IKZ_DATA_DIR).",
    )
    bereiche = p.add_subparsers(dest="bereich", metavar="BEREICH", parser_class=type(p))
    bereiche.required = True

    org = bereiche.add_parser("organisation", help="Organisationen").add_subparsers(
        dest="aktion", metavar="AKTION", parser_class=type(p)
    )
    org.required = True
    add = org.add_parser("add", help="Organisation anlegen")
    add.add_argument("kennung", metavar="KENNUNG", help="z. B. kreis-musterland")
    add.add_argument("name", metavar="NAME", help="z. B. „Kreis Musterland“")
    add.set_defaults(handler=_guard(_organisation_add))
    rename = org.add_parser("rename", help="Kennung und Name ändern (z. B. „bestand“ nach der Migration)")
    rename.add_argument("kennung", metavar="KENNUNG")
    rename.add_argument("neue_kennung", metavar="NEUE_KENNUNG")
    rename.add_argument("name", metavar="NAME")
    rename.set_defaults(handler=_guard(_organisation_rename))

    user = bereiche.add_parser("user", help="Konten").add_subparsers(
        dest="aktion", metavar="AKTION", parser_class=type(p)
    )
    user.required = True
    uadd = user.add_parser("add", help="Konto anlegen")
    uadd.add_argument("email", metavar="EMAIL")
    uadd.add_argument("--organisation", required=True, metavar="KENNUNG")
    uadd.add_argument("--rolle", action="append", required=True, metavar="ROLLE", help="mehrfach möglich")
    art = uadd.add_mutually_exclusive_group(required=True)
    art.add_argument("--passwort-stdin", action="store_true", help="Passwort aus der ersten Zeile der Standardeingabe")
    art.add_argument("--nur-sso", action="store_true", help="ohne Passwort: Anmeldung nur per Single Sign-on")
    uadd.set_defaults(handler=_guard(_user_add))

    key = bereiche.add_parser("apikey", help="API-Schlüssel").add_subparsers(
        dest="aktion", metavar="AKTION", parser_class=type(p)
    )
    key.required = True
    kadd = key.add_parser("add", help="Schlüssel anlegen (wird einmal ausgegeben)")
    kadd.add_argument("--organisation", required=True, metavar="KENNUNG")
    kadd.add_argument("--rolle", required=True, metavar="ROLLE")
    kadd.add_argument("--name", required=True, metavar="NAME")
    kadd.set_defaults(handler=_guard(_apikey_add))
    krev = key.add_parser("revoke", help="Schlüssel widerrufen")
    krev.add_argument("name", metavar="NAME")
    krev.add_argument("--organisation", required=True, metavar="KENNUNG")
    krev.set_defaults(handler=_guard(_apikey_revoke))

    audit = bereiche.add_parser("audit", help="Prüfprotokoll").add_subparsers(
        dest="aktion", metavar="AKTION", parser_class=type(p)
    )
    audit.required = True
    verify = audit.add_parser("verify", help="Hash-Kette prüfen (Exit 0: intakt, 1: gebrochen)")
    verify.set_defaults(handler=_guard(_audit_verify))


def _guard(action: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from api.db.schema import SchemaNichtAktuell
        from api.identity.errors import IdentityError

        def inner() -> int:
            try:
                return action(args)
            except IdentityError as e:
                print(e.detail, file=sys.stderr)
                return EXIT_INVALID
            except SchemaNichtAktuell as e:
                print(e, file=sys.stderr)
                return EXIT_INVALID

        return run_guarded(inner)

    return run


def _session_factory() -> Any:
    from api.db.startup import open_database
    from api.settings import Settings

    return open_database(Settings().resolved_database_url()).sessions


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _record(session: Any, organisation_id: int | None, aktion: str, objekt: str, detail: str | None = None) -> None:
    from api.audit import Auditeintrag, record

    record(session, Auditeintrag(_actor(), organisation_id, aktion, objekt, "erfolg", detail))


def _organisation_add(args: argparse.Namespace) -> int:
    from api.identity import admin

    with _session_factory()() as session:
        row = admin.add_organisation(session, args.kennung, args.name)
        _record(session, row.id, "organisation_anlegen", f"organisation:{row.id}", row.kennung)
        session.commit()
    print(f"Organisation „{row.kennung}“ ({row.name}) angelegt.", file=sys.stderr)
    return EXIT_OK


def _organisation_rename(args: argparse.Namespace) -> int:
    from api.identity import admin

    with _session_factory()() as session:
        row = admin.rename_organisation(session, args.kennung, args.neue_kennung, args.name)
        _record(session, row.id, "organisation_aendern", f"organisation:{row.id}", f"{args.kennung} → {row.kennung}")
        session.commit()
    print(f"Organisation heißt jetzt „{row.kennung}“ ({row.name}).", file=sys.stderr)
    return EXIT_OK


def _user_add(args: argparse.Namespace) -> int:
    from api.identity import admin

    password = None
    if args.passwort_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            print("Kein Passwort auf der Standardeingabe.", file=sys.stderr)
            return EXIT_INVALID
    with _session_factory()() as session:
        row = admin.add_user(session, args.email, args.organisation, args.rolle, password)
        _record(session, row.organisation_id, "nutzer_anlegen", f"nutzer:{row.id}", row.rollen)
        session.commit()
    print(f"Konto {row.email} ({row.rollen}) angelegt.", file=sys.stderr)
    return EXIT_OK


def _apikey_add(args: argparse.Namespace) -> int:
    from api.identity import admin

    with _session_factory()() as session:
        row, key = admin.add_api_key(session, args.organisation, args.rolle, args.name)
        _record(session, row.organisation_id, "schluessel_anlegen", f"schluessel:{row.id}", row.name)
        session.commit()
    print(key)
    print(
        f"API-Schlüssel „{row.name}“ ({row.rolle}) angelegt. Er wird nur dieses eine Mal angezeigt; "
        "gespeichert ist nur sein Hash.",
        file=sys.stderr,
    )
    return EXIT_OK


def _apikey_revoke(args: argparse.Namespace) -> int:
    from api.identity import admin

    with _session_factory()() as session:
        row = admin.revoke_api_key(session, args.organisation, args.name)
        _record(session, row.organisation_id, "schluessel_widerrufen", f"schluessel:{row.id}", row.name)
        session.commit()
    print(f"API-Schlüssel „{row.name}“ widerrufen.", file=sys.stderr)
    return EXIT_OK


def _audit_verify(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from api.audit import verify
    from api.audit.tables import AuditEntryRow

    with _session_factory()() as session:
        total = session.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
        bruch = verify(session)
    if bruch is None:
        print(f"Prüfprotokoll intakt: {total} Einträge, Hash-Kette vollständig.")
        return EXIT_OK
    print(f"Prüfprotokoll GEBROCHEN bei Eintrag {bruch.position}: {bruch.grund}")
    return EXIT_INTERNAL
