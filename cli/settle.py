"""`ikz settle FILE IST [--json]`: the year-end settlement (Spitzabrechnung) of a case.

IST is a YAML/JSON file in the format ``ikz-ist/1`` described in docs/kosten.md (actual costs,
actual key values, advances paid). Prints per recipient the actual share, the advances paid and
the Nachzahlung (negative = Erstattung) and the final invoices, or the JSON "ikz-abrechnung/1"
with ``--json``. The rate tables (``--satztabelle`` adds own ones) are needed to recompute a
planned unit price.
"""

from __future__ import annotations

import argparse
import sys

from cli.calculate import dump_json
from cli.common import EXIT_OK, read_text, run_guarded
from cli.satztabellen import add_option, satztabellen


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "settle",
        help="Spitzabrechnung: Ist-Anteile gegen gezahlte Abschläge (Nachzahlung/Erstattung)",
        description="Rechnet ein Jahr spitz ab: Ist-Kosten nach dem Schlüssel der Fallakte verteilt, "
        "abzüglich der gezahlten Abschläge.",
    )
    p.add_argument("datei", metavar="DATEI", help="Fallakte (YAML oder JSON)")
    p.add_argument("ist", metavar="IST", help="Ist-Daten (YAML oder JSON, Format ikz-ist/1, siehe docs/kosten.md)")
    p.add_argument("--json", action="store_true", help="Abrechnung als JSON (ikz-abrechnung/1) ausgeben")
    add_option(p)
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    def action() -> int:
        import rules_loader
        from advisor.kosten import abrechnung_als_dict, parse_ist, settle
        from advisor.kosten.text_abrechnung import render_settlement_text
        from advisor.parsing import parse_fallakte
        from advisor.steuersatz import umsatzsteuersaetze_je_jahr

        fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
        ist = parse_ist(read_text(args.ist, what="Ist-Datei"))
        regelwerk = rules_loader.load_rules()
        abrechnung = settle(fallakte, ist, umsatzsteuersaetze_je_jahr(regelwerk, fallakte), satztabellen(args))
        if args.json:
            sys.stdout.write(dump_json(abrechnung_als_dict(abrechnung)))
        else:
            sys.stdout.write(render_settlement_text(abrechnung, fallakte))
        return EXIT_OK

    return run_guarded(action)
