"""`ikz screen` — screen an inventory of cooperations for § 2b UStG (issue 6).

    ikz screen BESTAND.xlsx [-o bericht.pdf] [--xlsx ergebnis.xlsx] [--csv ergebnis.csv] [--json]
    ikz screen VERZEICHNIS/            (CSV/XLSX tables and Fallakte files)
    ikz screen --vorlage bestand.xlsx  (write the empty template: .xlsx or .csv)

Exit codes: 0 every row screened; 2 the inventory could not be read at all, or some rows/files
could not be read (they are listed; the outputs for the other rows are still written); 1 internal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO

from advisor.deutsch import euro
from advisor.errors import Feldproblem, UngueltigeEingabe
from cli.common import EXIT_INVALID, EXIT_OK, parse_date_option, run_guarded, write_bytes_atomically


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "screen",
        help="Bestandsliste aller Kooperationen auf § 2b UStG prüfen (CSV, XLSX oder Verzeichnis)",
        description="Prüft jede Leistungsbeziehung einer Bestandsliste nach § 2b UStG, ermittelt die Umsatzgrenze "
        "je Erbringer und Aufgabenfeld über alle gleichartigen Leistungen und erstellt Zusammenfassung, "
        "Handlungsliste und Exporte.",
    )
    p.add_argument("bestand", nargs="?", metavar="BESTAND", help="Bestandsliste (.csv, .xlsx) oder Verzeichnis")
    p.add_argument("-o", "--output", metavar="BERICHT.pdf", help="PDF-Bericht schreiben")
    p.add_argument("--xlsx", metavar="DATEI.xlsx", help="Ergebnis als XLSX schreiben")
    p.add_argument("--csv", metavar="DATEI.csv", help="Ergebnis als CSV schreiben")
    p.add_argument("--json", action="store_true", help="Ergebnis als JSON auf die Standardausgabe")
    p.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag der Prüfung (Standard: 2027-01-01)")
    p.add_argument("--jobs", type=int, metavar="N", help="Arbeitsprozesse für die Bewertung (Standard: 1)")
    p.add_argument("--vorlage", metavar="DATEI", help="Leere Vorlage (.xlsx oder .csv) schreiben und beenden")
    p.set_defaults(handler=lambda args: run_guarded(lambda: _run(args)))


def _stichtag(text: str | None) -> date:
    from advisor.screening import STICHTAG_STANDARD

    return parse_date_option(text, "--stichtag") or STICHTAG_STANDARD


def _write_template(ziel: str) -> int:
    from screening.run import screening_context
    from screening.template import template_csv, template_xlsx

    pfad = Path(ziel)
    if pfad.suffix.lower() not in (".xlsx", ".csv"):
        raise UngueltigeEingabe(
            [Feldproblem("--vorlage", "Die Vorlage gibt es als .xlsx oder .csv.")], "Aufruf fehlerhaft."
        )
    daten = template_csv() if pfad.suffix.lower() == ".csv" else template_xlsx(screening_context().vorgaben)
    write_bytes_atomically(pfad, daten)
    print(f"Vorlage geschrieben: {pfad}", file=sys.stderr)
    return EXIT_OK


class _Fortschrittsbalken:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self) -> None:
        self.aktiv = sys.stderr.isatty()

    def __call__(self, fertig: int, gesamt: int) -> None:
        if not self.aktiv or gesamt == 0:
            return
        breite = 30
        voll = breite * fertig // gesamt
        print(f"\rPrüfe Leistungen [{'#' * voll}{'.' * (breite - voll)}] {fertig}/{gesamt}", end="", file=sys.stderr)
        if fertig == gesamt:
            print(file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.vorlage:
        return _write_template(args.vorlage)
    if not args.bestand:
        raise UngueltigeEingabe(
            [Feldproblem("BESTAND", "Bitte eine Bestandsliste oder ein Verzeichnis angeben (oder --vorlage DATEI).")],
            "Aufruf fehlerhaft.",
        )
    from screening.run import screen_path, screening_context

    stichtag = _stichtag(args.stichtag)
    screening = screen_path(args.bestand, stichtag=stichtag, jobs=args.jobs or 1, fortschritt=_Fortschrittsbalken())
    if args.output:
        from screening.report import render_report_pdf

        titel = dict(screening_context(stichtag).vorgaben.aufgabenfelder)
        write_bytes_atomically(args.output, render_report_pdf(screening, titel, [Path(args.bestand).name]))
    if args.xlsx:
        from screening.export import write_xlsx_to

        _stream_atomically(args.xlsx, lambda f: write_xlsx_to(screening, f))
    if args.csv:
        from screening.export import iter_csv

        _stream_atomically(args.csv, lambda f: f.writelines(iter_csv(screening)))
    if args.json:
        from screening.json_export import iter_screening_json

        sys.stdout.flush()
        sys.stdout.buffer.writelines(iter_screening_json(screening))  # streamed: compact, keys sorted
        sys.stdout.buffer.write(b"\n")
        sys.stdout.buffer.flush()
    else:
        _print_summary(screening)
    for p in screening.probleme:
        print(f"Problem: {p}", file=sys.stderr)
    return EXIT_INVALID if screening.probleme else EXIT_OK


def _stream_atomically(path: str | Path, schreibe: Callable[[IO[bytes]], object]) -> None:
    """Write a file piece by piece so that a reader never sees half of it (temp file + rename)."""
    ziel = Path(path)
    tmp = ziel.with_name(f".{ziel.name}.tmp-{os.getpid()}")
    with tmp.open("wb") as f:
        schreibe(f)
    os.replace(tmp, ziel)


def _print_summary(screening) -> None:
    from screening.labels import ERGEBNISSE, label

    zf = screening.zusammenfassung
    print(f"Bestandsscreening § 2b UStG – Stichtag {date.fromisoformat(screening.stichtag):%d.%m.%Y}")
    print(f"Geprüft: {zf.anzahl_zeilen} Leistungen; nicht lesbar: {zf.anzahl_nicht_lesbar}")
    for key, g in zf.nach_ergebnis.items():
        print(f"  {label(ERGEBNISSE, key):<16} {g.anzahl:>6}   Jahresbetrag {euro(g.jahresbetrag_eur):>18}")
    print(f"Geschätzte Mehrbelastung durch Umsatzsteuer je Jahr: {euro(zf.mehrbelastung_gesamt_eur)}")
    print(f"Mögliche zusätzliche Mehrbelastung der offenen Leistungen: {euro(zf.potenzielle_mehrbelastung_offen_eur)}")
    if zf.handlungsliste:
        print(f"Zuerst bearbeiten ({len(zf.handlungsliste)} mit Handlungsbedarf, die ersten 10):")
        for rang, i in enumerate(zf.handlungsliste[:10], start=1):
            z = screening.zeilen[i]
            betrag = z.mehrbelastung_eur if z.mehrbelastung_eur is not None else z.potenzielle_mehrbelastung_eur
            text = "–" if betrag is None else euro(betrag) + ("" if z.mehrbelastung_eur is not None else " möglich")
            print(
                f"  {rang:>2}. {z.ort} [{z.kennung}] {z.bezeichnung} – {label(ERGEBNISSE, z.ergebnis)}, "
                f"Risiko {z.risiko}, {text}"
            )
