"""`ikz haushalt FILE [--von J] [--bis J] [--json|--csv F|--xlsx F]`: budget lines of a case file.

Each partner's expected payments per year (net, VAT, gross, advances by due date) with the
indexation assumptions shown; default years: the calculation year and three planning years
(§ 84 GO NRW). Own assumptions: ``--personal P`` / ``--sachkosten P`` (percent per year from
01.01.) or ``--annahmen DATEI`` (YAML/JSON list of dated increases); the account assignment with
``--produkt``, ``--aufwandskonto``, ``--ertragskonto``. See docs/haushalt.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli.common import EXIT_OK, read_text, run_guarded, write_bytes_atomically
from cli.satztabellen import add_option, satztabellen


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "haushalt",
        help="Haushaltsansätze je Beteiligtem und Jahr (netto, USt, brutto, Abschläge) für die Haushaltsplanung",
        description="Berechnet für Haushaltsjahr und Planjahre (§ 84 GO NRW) je Beteiligtem die erwarteten "
        "Zahlungen mit ausgewiesenen, datierten Fortschreibungsannahmen.",
    )
    p.add_argument("datei", metavar="DATEI", help="Fallakte (YAML oder JSON)")
    p.add_argument("--von", type=int, metavar="JAHR", help="erstes Jahr (Standard: Kalkulationsjahr)")
    p.add_argument("--bis", type=int, metavar="JAHR", help="letztes Jahr (Standard: von + 3)")
    ausgabe = p.add_mutually_exclusive_group()
    ausgabe.add_argument("--json", action="store_true", help="als JSON (ikz-haushalt/1) ausgeben")
    ausgabe.add_argument("--csv", metavar="DATEI", help="als CSV in DATEI schreiben")
    ausgabe.add_argument("--xlsx", metavar="DATEI", help="als XLSX in DATEI schreiben")
    p.add_argument("--personal", metavar="PROZENT", help="eigene Personalkostensteigerung je Jahr (ab 01.01.)")
    p.add_argument("--sachkosten", metavar="PROZENT", help="eigene Sachkostensteigerung je Jahr (ab 01.01.)")
    p.add_argument("--annahmen", metavar="DATEI", help="datierte Steigerungen: Liste {gruppe, prozent, ab, grundlage}")
    p.add_argument("--produkt", metavar="PRODUKT", help="Produkt (NKF) für alle Zeilen")
    p.add_argument("--aufwandskonto", metavar="KONTO", help="Aufwandskonto der Zahler")
    p.add_argument("--ertragskonto", metavar="KONTO", help="Ertragskonto des Erbringers")
    add_option(p)
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    def action() -> int:
        import rules_loader
        from advisor.beratung import berate
        from advisor.errors import Feldproblem, UngueltigeEingabe
        from advisor.haushalt import (
            SPALTEN,
            Kontierung,
            haushaltsplan,
            haushaltsplan_als_dict,
            jaehrliche_steigerung,
            pruefe_zeitraum,
            standardzeitraum,
            steigerungen_aus_daten,
            tabellenzeilen,
        )
        from advisor.haushalt.annahmen import pruefe_prozent
        from advisor.haushalt.text import render_text
        from advisor.parsing import parse_fallakte
        from advisor.strict_yaml import load_strict
        from api.register.tabellen_export import csv_bytes, xlsx_bytes

        fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
        beratung = berate(fallakte, rules_loader.load_rules(), satztabellen(args), mit_empfehlungen=False)
        von, bis = standardzeitraum(fallakte, beratung.kalkulation)
        von = args.von if args.von is not None else von
        bis = args.bis if args.bis is not None else (von + 3 if args.von is not None else bis)
        pruefe_zeitraum(von, bis, "--von", "--bis")
        eigene: tuple = ()
        if args.annahmen:
            eigene = steigerungen_aus_daten(load_strict(read_text(args.annahmen, what="Annahmen")), "--annahmen")
        for gruppe, wert in (("personal", args.personal), ("sachkosten", args.sachkosten)):
            if wert is None:
                continue
            probleme: list[Feldproblem] = []
            p = pruefe_prozent(wert, f"--{gruppe}", probleme)
            if p is None:
                raise UngueltigeEingabe(probleme, "Die Fortschreibungsannahmen sind ungültig.")
            if any(s.gruppe == gruppe for s in eigene):
                raise UngueltigeEingabe(
                    [Feldproblem(f"--{gruppe}", "Schon in --annahmen angegeben; bitte nur eines von beiden.")]
                )
            eigene = (*eigene, *jaehrliche_steigerung(gruppe, p, von, bis))  # type: ignore[arg-type]
        ergebnisse = {b.leistung: (b.ergebnis, b.regime) for b in beratung.bewertung.leistungen}
        kontierung = Kontierung(args.produkt, args.aufwandskonto, args.ertragskonto)
        plan = haushaltsplan(
            fallakte,
            beratung.kalkulation,
            ergebnisse,
            von,
            bis,
            rules_loader.load_budget_defaults(),
            eigene,
            kontierung,
        )
        if args.json:
            daten = haushaltsplan_als_dict(plan)
            sys.stdout.write(json.dumps(daten, sort_keys=True, ensure_ascii=False, indent=2) + "\n")
        elif args.csv:
            write_bytes_atomically(args.csv, csv_bytes(SPALTEN, tabellenzeilen(plan)))
        elif args.xlsx:
            write_bytes_atomically(args.xlsx, xlsx_bytes("Haushalt", SPALTEN, tabellenzeilen(plan)))
        else:
            sys.stdout.write(render_text(plan))
        return EXIT_OK

    return run_guarded(action)
