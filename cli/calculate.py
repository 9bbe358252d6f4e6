"""`ikz calculate FILE [--json]`: the cost calculation of a case file.

German tables on the terminal (with the § 2b result that says which column applies), or the
Kalkulation JSON ("ikz-kalkulation/1", sorted keys) with ``--json``. Runs ``berate``: the VAT
rate is the dated rule-set parameter ``regelsteuersatz`` on the case's ``stichtag``; the rate
tables come from rules/tarife/ plus the own tables given with ``--satztabelle``.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli.common import EXIT_OK, read_text, run_guarded
from cli.satztabellen import add_option, satztabellen


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "calculate",
        help="Kostenerstattung berechnen: Kosten, Anteile mit/ohne USt, Wirtschaftlichkeit, Abschläge",
        description="Berechnet je Leistung die Jahreskosten, die Anteile der Beteiligten ohne und mit "
        "Umsatzsteuer, den Vergleich mit der Eigenerstellung und den Abschlagsplan.",
    )
    p.add_argument("datei", metavar="DATEI", help="Fallakte (YAML oder JSON)")
    p.add_argument("--json", action="store_true", help="Kalkulation als JSON (ikz-kalkulation/1) ausgeben")
    add_option(p)
    p.set_defaults(handler=_handler)


def dump_json(daten: dict) -> str:
    return json.dumps(daten, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def _handler(args: argparse.Namespace) -> int:
    def action() -> int:
        import rules_loader
        from advisor.beratung import berate
        from advisor.kosten import kalkulation_als_dict
        from advisor.kosten.text_report import render_text
        from advisor.parsing import parse_fallakte

        fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
        tabellen = satztabellen(args)
        beratung = berate(fallakte, rules_loader.load_rules(), tabellen, mit_empfehlungen=False)
        if args.json:
            sys.stdout.write(dump_json(kalkulation_als_dict(beratung.kalkulation)))
        else:
            ergebnisse = {b.leistung: b.ergebnis for b in beratung.bewertung.leistungen}
            titel = {kennung: t.titel for kennung, t in tabellen.tabellen.items()}
            sys.stdout.write(render_text(beratung.kalkulation, fallakte, ergebnisse, titel))
        return EXIT_OK

    return run_guarded(action)
