"""`ikz draft DATEI -o entwurf.pdf [--final] [--docx entwurf.docx] [--stand JJJJ-MM-TT]`.

Builds the draft of the öffentlich-rechtliche Vereinbarung (or the Zweckverband statute part) from
the case, its assessment and its calculation (``advisor.beratung.berate``), and writes the PDF and,
on request, the DOCX. Prints on stderr how many places the reviewers still have to fill.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import EXIT_OK, parse_date_option, read_text, run_guarded, write_bytes_atomically
from cli.satztabellen import add_option, satztabellen


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "draft",
        help="Vereinbarungsentwurf als PDF (und DOCX) erstellen",
        description="Erstellt aus der Fallakte, der steuerlichen Würdigung und der Kostenkalkulation den "
        "Entwurf einer öffentlich-rechtlichen Vereinbarung (bzw. der Satzungsregelung eines "
        "Zweckverbands) als PDF und auf Wunsch als DOCX.",
    )
    p.add_argument("datei", metavar="DATEI", help="Fallakte (YAML oder JSON)")
    p.add_argument("-o", "--ausgabe", metavar="PDF", required=True, help="Zieldatei für das PDF")
    p.add_argument("--docx", metavar="DOCX", help="zusätzlich als Word-Dokument (DOCX) speichern")
    p.add_argument("--final", action="store_true", help="Ausfertigung ohne Entwurfskennzeichnung")
    p.add_argument("--stand", metavar="DATUM", help="Stand-Datum (JJJJ-MM-TT); Vorgabe: Stichtag der Fallakte")
    add_option(p)
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    def action() -> int:
        from advisor.beratung import berate
        from advisor.parsing import parse_fallakte
        from contracts import assemble
        from contracts.docx_renderer import render_entwurf_docx
        from contracts.pdf_renderer import render_entwurf_pdf
        from rules import load_rules

        stand = parse_date_option(args.stand, "--stand")
        fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
        beratung = berate(fallakte, load_rules(), satztabellen(args))
        entwurf = assemble(beratung, final=args.final, stand=stand)
        write_bytes_atomically(args.ausgabe, render_entwurf_pdf(entwurf))
        print(f"PDF geschrieben: {args.ausgabe}", file=sys.stderr)
        if args.docx:
            write_bytes_atomically(args.docx, render_entwurf_docx(entwurf))
            print(f"DOCX geschrieben: {args.docx}", file=sys.stderr)
        if entwurf.platzhalter:
            hinweis = "Achtung, Ausfertigung mit Lücken: " if args.final else ""
            print(f"{hinweis}{len(entwurf.platzhalter)} Stellen sind noch zu ergänzen:", file=sys.stderr)
            for p in entwurf.platzhalter:
                print(f"- {p.fundstelle}: {p.text}" + (f" (Feld: {p.feld})" if p.feld else ""), file=sys.stderr)
        return EXIT_OK

    return run_guarded(action)
