"""`ikz auswirkungen --von VERSION --regeln-alt DIR FILE...`: what a rule change changes.

Assesses each case file under the old rule set (the directory ``DIR``, whose version must be
``VERSION``; e.g. ``git archive <commit> rules | tar -x -C /tmp/alt``) and under the current one,
and prints per case the services whose result, risk or open questions change, with the rules that
made the difference (norm, sources) and the changelog's words on them; then the changelog
sections between the two versions. ``--json`` prints the same as data. Stored cases are
re-assessed by the server (``POST /api/v1/auswirkungen``), not by this command.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import EXIT_OK, read_text, run_guarded


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "auswirkungen",
        help="Auswirkungen einer Regeländerung auf Fallakten (vorher/nachher mit Regel, Quelle, Änderungsvermerk)",
        description="Bewertet Fallakten mit einem früheren und dem aktuellen Regelwerk und zeigt, was sich ändert.",
    )
    p.add_argument("dateien", metavar="DATEI", nargs="*", help="Fallakten (YAML oder JSON); ohne: gespeicherte Fälle")
    p.add_argument("--von", required=True, metavar="VERSION", help="Version des früheren Regelwerks")
    p.add_argument(
        "--organisation",
        metavar="KENNUNG",
        help="ohne DATEI: Bericht der Neubewertung dieser Organisation aus der Datenbank (IKZ_DATABASE_URL)",
    )
    quelle = p.add_mutually_exclusive_group()
    quelle.add_argument("--regeln-alt", metavar="VERZEICHNIS", help="Regelverzeichnis dieser Version")
    quelle.add_argument(
        "--vorher",
        metavar="VERZEICHNIS",
        help="gespeicherte Bewertungen (ikz-bewertung/1) als <Dateiname der Fallakte>.json, z. B. aus einer früheren Version",
    )
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    def action() -> int:
        if not args.dateien:
            return _aus_datenbank(args)
        import rules_loader
        from advisor.auswirkungen import auswirkung_als_dict, parse_changelog, vergleiche, zwischen
        from advisor.auswirkungen.text import render_text
        from advisor.beratung import berate
        from advisor.bewertung import bewertung_als_dict
        from advisor.errors import Feldproblem, UngueltigeEingabe
        from advisor.parsing import parse_fallakte

        if not (args.regeln_alt or args.vorher):
            raise UngueltigeEingabe(
                [Feldproblem("--regeln-alt", "Mit Fallakten bitte --regeln-alt oder --vorher angeben.")],
                "Der Aufruf ist unvollständig.",
            )
        alt = None
        if args.regeln_alt:
            verzeichnis = Path(args.regeln_alt)
            if not (verzeichnis / "regelwerk.yaml").is_file() and (verzeichnis / "rules" / "regelwerk.yaml").is_file():
                verzeichnis = verzeichnis / "rules"
            if not (verzeichnis / "regelwerk.yaml").is_file():
                raise UngueltigeEingabe([Feldproblem("--regeln-alt", f"{verzeichnis} enthält kein regelwerk.yaml.")])
            alt = rules_loader.load_rules(verzeichnis.resolve())
            if alt.version != args.von:
                raise UngueltigeEingabe(
                    [Feldproblem("--von", f"Das Verzeichnis enthält Version {alt.version}, nicht {args.von}.")]
                )
        neu = rules_loader.load_rules()
        changelog = parse_changelog((rules_loader.RULES_DIR / "CHANGELOG.md").read_text(encoding="utf-8"))
        abschnitte = zwischen(changelog, args.von, neu.version)
        tabellen = rules_loader.load_rate_tables()
        faelle = []
        for datei in args.dateien:
            fallakte = parse_fallakte(read_text(datei, what="Fallakte"))
            if alt is not None:
                vorher = bewertung_als_dict(berate(fallakte, alt, tabellen, mit_empfehlungen=False).bewertung)
            else:
                gespeichert = Path(args.vorher) / (Path(datei).stem + ".json")
                if not gespeichert.is_file():
                    sys.stderr.write(f"{datei}: keine gespeicherte Bewertung {gespeichert} – übersprungen.\n")
                    continue
                try:
                    vorher = json.loads(read_text(gespeichert, what="Bewertung"))
                except json.JSONDecodeError as e:
                    raise UngueltigeEingabe([Feldproblem(str(gespeichert), f"kein gültiges JSON ({e.msg})")]) from None
                if not isinstance(vorher, dict):
                    raise UngueltigeEingabe([Feldproblem(str(gespeichert), "keine Bewertung (ikz-bewertung/1)")])
                stand = vorher.get("regelwerk", {}).get("version")
                if stand != args.von:
                    raise UngueltigeEingabe(
                        [Feldproblem(str(gespeichert), f"Die Bewertung nennt Regelwerk {stand}, nicht {args.von}.")]
                    )
            nachher = bewertung_als_dict(berate(fallakte, neu, tabellen, mit_empfehlungen=False).bewertung)
            faelle.append((datei, fallakte.bezeichnung, vergleiche(vorher, nachher, abschnitte)))
        if args.json:
            daten = {
                "von": {"version": args.von},
                "nach": {"version": neu.version, "sha256": neu.sha256},
                "faelle": [{"datei": d, "bezeichnung": b, **auswirkung_als_dict(a)} for d, b, a in faelle],
                "changelog": [{"version": e.version, "titel": e.titel, "text": e.text} for e in abschnitte],
            }
            sys.stdout.write(json.dumps(daten, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        else:
            sys.stdout.write(render_text(args.von, neu.version, faelle, abschnitte))
        return EXIT_OK

    return run_guarded(action)


def _aus_datenbank(args: argparse.Namespace) -> int:
    """The stored report of the organisation's run under the current rule set, limited to the
    cases whose previous assessment used ``--von``."""
    from sqlalchemy.exc import SQLAlchemyError

    import rules_loader
    from advisor.errors import Feldproblem, UngueltigeEingabe
    from api.db.session import make_engine, make_session_factory
    from api.identity.tables import OrganisationRow
    from api.register.auswirkungen_routes import bericht
    from api.settings import Settings

    if not args.organisation:
        raise UngueltigeEingabe(
            [Feldproblem("--organisation", "Ohne Fallakten bitte die Organisation (Kennung) angeben.")],
            "Der Aufruf ist unvollständig.",
        )
    engine = make_engine(Settings().resolved_database_url())
    try:
        with make_session_factory(engine)() as session:
            org = session.query(OrganisationRow).filter_by(kennung=args.organisation).one_or_none()
            if org is None:
                raise UngueltigeEingabe(
                    [Feldproblem("--organisation", f"Unbekannte Organisation „{args.organisation}“.")],
                    "Der Aufruf ist ungültig.",
                )
            daten = bericht(session, org.id, None, rules_loader.load_rules().version)
    except SQLAlchemyError:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "IKZ_DATABASE_URL", "Datenbank nicht erreichbar oder ohne aktuelles Schema (ikz db upgrade)."
                )
            ],
            "Der Bericht kann nicht gelesen werden.",
        ) from None
    finally:
        engine.dispose()
    if daten is None:
        sys.stdout.write("Für das aktuelle Regelwerk gibt es noch keine Neubewertung dieser Organisation.\n")
        return EXIT_OK
    geaendert = [f for f in daten["geaendert"] if f["regelwerk_vorher"] == args.von]
    if args.json:
        sys.stdout.write(
            json.dumps({**daten, "geaendert": geaendert}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
        return EXIT_OK
    zeilen = [
        f"Neubewertung {args.von} → {daten['regelwerk']['version']} ({daten['status']}, "
        f"{daten['faelle_geprueft']} von {daten['faelle_gesamt']} Fällen geprüft): {len(geaendert)} geändert.",
        "",
    ]
    for f in geaendert:
        zeilen.append(f"* Fall {f['fall']}: {f['bezeichnung']} – Version {f['version_vorher']} → {f['version_neu']}")
        for lc in f["leistungen"]:
            if not lc["geaendert"]:
                continue
            zeilen.append(
                f"    {lc['bezeichnung']}: {lc['ergebnis']['vorher']} → {lc['ergebnis']['nachher']}, "
                f"Risiko {lc['risiko']['vorher']} → {lc['risiko']['nachher']}"
            )
            for r in lc["regeln"]:
                zeilen.append(f"      Regel {r['regel']} ({r['norm']}): {r['status_vorher']} → {r['status_nachher']}")
    for c in daten["changelog"]:
        zeilen += ["", f"## {c['version']} – {c['titel']}", c["text"]]
    sys.stdout.write("\n".join(zeilen) + "\n")
    return EXIT_OK
