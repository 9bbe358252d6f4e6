"""``ikz rules [--check DIR] [--json]``: list the rule set, or validate a rule directory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from advisor import deutsch
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.regelwerk import regelwerk_als_dict
from cli.common import EXIT_OK, run_guarded


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="Regeln mit Norm und Geltung auflisten oder ein Regelverzeichnis prüfen")
    p.add_argument("--check", metavar="VERZEICHNIS", help="Regelverzeichnis prüfen und jedes Problem melden")
    p.add_argument("--json", action="store_true", help="Regelwerk als JSON ausgeben")
    p.set_defaults(handler=lambda args: run_guarded(lambda: _run(args)))


def _run(args: argparse.Namespace) -> int:
    import rules_loader

    if args.check:
        directory = Path(args.check)
        if not directory.is_dir():
            raise UngueltigeEingabe(
                [Feldproblem("--check", f"„{directory}“ ist kein Verzeichnis.")], "Aufruf fehlerhaft."
            )
        rw = rules_loader.load_rules(directory.resolve())
        print(
            f"Regelwerk in Ordnung: Version {rw.version}, {len(rw.regeln)} Regeln, "
            f"{len(rw.parameter)} Parameter, {len(rw.katalog)} Aufgabenfelder, sha256 {rw.sha256}."
        )
        return EXIT_OK
    rw = rules_loader.load_rules()
    if args.json:
        sys.stdout.write(json.dumps(regelwerk_als_dict(rw), sort_keys=True, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    print(
        f"{rw.titel}\nVersion {rw.version} · sha256 {rw.sha256} · zuletzt geprüft {deutsch.datum(rw.zuletzt_geprueft)}\n"
    )
    print("Regeln (Geltung: ab einschließlich, bis ausschließlich):")
    for r in sorted(rw.regeln, key=lambda r: (r.datei, r.id)):
        bis = deutsch.datum(r.gilt_bis) if r.gilt_bis else "offen"
        folge = f" → {r.folge}" if r.folge else " (Kriterium)"
        print(f"  {r.id:<48} {r.norm}{folge}\n  {'':<48} gilt {deutsch.datum(r.gilt_ab)} – {bis}; {r.datei}")
    print("\nParameter:")
    for p in rw.parameter.values():
        werte = "; ".join(
            f"{deutsch.wert(w.wert, p.einheit)} ab {deutsch.datum(w.gilt_ab)}"
            + (f" bis {deutsch.datum(w.gilt_bis)}" if w.gilt_bis else "")
            for w in p.werte
        )
        print(f"  {p.id:<32} {werte}{' (Annahme)' if p.annahme else ''} – {p.norm}")
    return EXIT_OK
