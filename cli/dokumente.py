"""`ikz draft|vermerk|auskunft|vorlage DATEI -o F.pdf [--docx F.docx] [--final] [--stand JJJJ-MM-TT]`.

One handler for the four documents of a case (contracts.dokumente): the case is read, assessed
and calculated once (``advisor.beratung.berate``), the document is built with the Stand (today
unless ``--stand``; never the case's Stichtag) and written atomically as PDF and, on request, as
DOCX. The same input and Stand give the same bytes. On stderr the command lists every place the
reviewers still have to fill. Invalid input — also a party that § 23 GkG NRW does not admit to an
agreement — ends with a German message naming the field and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from cli.common import EXIT_OK, parse_date_option, read_text, run_guarded, write_bytes_atomically
from cli.satztabellen import add_option, satztabellen

#: command → (document art, help, description, extra options)
BEFEHLE: dict[str, tuple[str, str, str]] = {
    "draft": (
        "vereinbarung",
        "Vereinbarung (bzw. Verbandssatzung) als PDF und DOCX erstellen",
        "Erstellt aus der Fallakte, der steuerlichen Würdigung und der Kostenkalkulation die öffentlich-rechtliche "
        "Vereinbarung (beim Zweckverband die Verbandssatzung) – nur Vertragstext, mit Anlagen.",
    ),
    "vermerk": (
        "pruefvermerk",
        "Steuerlichen Prüfvermerk (intern) als PDF und DOCX erstellen",
        "Erstellt den internen Steuerlichen Prüfvermerk: jedes Kriterium mit Norm, Status, Begründung und Quelle, "
        "Risiken, offene Fragen, Regelwerksstand, Umsatzsteuerwirkung je Beteiligtem, Eigenerstellung.",
    ),
    "auskunft": (
        "auskunft",
        "Antrag auf verbindliche Auskunft (§ 89 Abs. 2 AO) als PDF und DOCX erstellen",
        "Erstellt den Entwurf eines Antrags auf verbindliche Auskunft nach § 89 Abs. 2 AO mit den Angaben nach "
        "§ 1 Abs. 1 StAuskV; was nur der Antragsteller weiß, bleibt als Platzhalter sichtbar.",
    ),
    "vorlage": (
        "beschlussvorlage",
        "Beschlussvorlage für Rat oder Kreistag als PDF und DOCX erstellen",
        "Erstellt die Beschlussvorlage: Beschlussvorschlag, Zweck, Rechtsform, Kosten je Jahr und Beteiligtem, "
        "steuerliches Ergebnis mit Risiko, Zeitplan bis Genehmigung und Bekanntmachung.",
    ),
}


def register(sub: argparse._SubParsersAction) -> None:
    for befehl, (art, hilfe, beschreibung) in BEFEHLE.items():
        p = sub.add_parser(befehl, help=hilfe, description=beschreibung)
        p.add_argument("datei", metavar="DATEI", help="Fallakte (YAML oder JSON)")
        p.add_argument("-o", "--ausgabe", metavar="PDF", required=True, help="Zieldatei für das PDF")
        p.add_argument("--docx", metavar="DOCX", help="zusätzlich als Word-Dokument (DOCX) speichern")
        p.add_argument("--final", action="store_true", help="Ausfertigung ohne Entwurfskennzeichnung")
        add_option(p)
        p.add_argument(
            "--stand", metavar="DATUM", help="Stand-Datum (JJJJ-MM-TT); Vorgabe: heute (nie der Stichtag der Fallakte)"
        )
        if art == "auskunft":
            p.add_argument("--antragsteller", metavar="KENNUNG", help="Kennung des Beteiligten, der den Antrag stellt")
        if art == "beschlussvorlage":
            p.add_argument(
                "--fuer", metavar="KENNUNG", help="Kennung des Beteiligten, für dessen Gremium die Vorlage ist"
            )
        p.set_defaults(handler=_handler(art))


def _handler(art: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        def action() -> int:
            from advisor.beratung import berate
            from advisor.parsing import parse_fallakte
            from contracts.dokumente import als_docx, als_pdf, erstelle
            from rules_loader import load_rules

            stand = parse_date_option(args.stand, "--stand")
            fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
            regelwerk = load_rules()
            beratung = berate(fallakte, regelwerk, satztabellen(args))
            optionen = {k: getattr(args, k) for k in ("antragsteller", "fuer") if hasattr(args, k)}
            dokument = erstelle(art, beratung, final=args.final, stand=stand, regelwerk=regelwerk, **optionen)
            write_bytes_atomically(args.ausgabe, als_pdf(dokument))
            print(f"PDF geschrieben: {args.ausgabe}", file=sys.stderr)
            if args.docx:
                write_bytes_atomically(args.docx, als_docx(dokument))
                print(f"DOCX geschrieben: {args.docx}", file=sys.stderr)
            if dokument.platzhalter:
                hinweis = "Achtung, Ausfertigung mit Lücken: " if args.final else ""
                print(f"{hinweis}{len(dokument.platzhalter)} Stellen sind noch zu ergänzen:", file=sys.stderr)
                for p in dokument.platzhalter:
                    print(f"- {p.fundstelle}: {p.text}" + (f" (Feld: {p.feld})" if p.feld else ""), file=sys.stderr)
            return EXIT_OK

        return run_guarded(action)

    return handler
