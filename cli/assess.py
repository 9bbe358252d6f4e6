"""``ikz assess FILE [--json] [--stichtag YYYY-MM-DD]``: the § 2b UStG assessment of a case file.

On a terminal a German report (result per service, risk, criteria, open questions, advice); with
``--json`` the Bewertung JSON of the public contract (keys sorted: same input, same bytes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from datetime import date

from advisor import deutsch
from advisor.beratung import berate
from advisor.bewertung import Bewertung, Leistungsbewertung, bewertung_als_dict
from advisor.bezeichnungen import ERGEBNISSE_GROSS, ERGEBNISSE_KLEIN, FAKTEN, RISIKEN, STATUS
from advisor.parsing import parse_fallakte
from cli.common import EXIT_OK, parse_date_option, read_text, run_guarded
from cli.satztabellen import add_option, satztabellen

_STATUS = {**STATUS, "nicht_anwendbar": "n. a."}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assess", help="Fallakte nach § 2b UStG bewerten")
    p.add_argument("datei", metavar="FALLAKTE", help="Fallakte als YAML oder JSON")
    p.add_argument("--json", action="store_true", help="Bewertung als JSON ausgeben")
    p.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag abweichend von der Fallakte")
    add_option(p)
    p.set_defaults(handler=lambda args: run_guarded(lambda: _run(args)))


def _run(args: argparse.Namespace) -> int:
    import rules_loader

    stichtag = parse_date_option(args.stichtag, "--stichtag")
    fallakte = parse_fallakte(read_text(args.datei, what="Fallakte"))
    beratung = berate(fallakte, rules_loader.load_rules(), satztabellen(args), stichtag=stichtag)
    if args.json:
        sys.stdout.write(
            json.dumps(bewertung_als_dict(beratung.bewertung), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
        )
    else:
        sys.stdout.write(report(beratung.bewertung, fallakte.bezeichnung))
    return EXIT_OK


def _wrap(text: str, indent: str, width: int) -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=" " * len(indent))


def report(bewertung: Bewertung, titel: str, width: int | None = None) -> str:
    """The German terminal report of an assessment."""
    width = width or max(60, min(110, shutil.get_terminal_size((100, 24)).columns))
    stand = bewertung.regelwerk
    out = [
        f"{bewertung.titel or 'Bewertung nach § 2b UStG'}: {titel}",
        f"Stichtag {deutsch.datum(date.fromisoformat(stand.stichtag))} · Regelwerk {stand.version} "
        f"(sha256 {stand.sha256[:12]}…) · Ergebnis: {ERGEBNISSE_GROSS[bewertung.ergebnis]}",
        "",
    ]
    for lb in bewertung.leistungen:
        out.extend(_leistung(lb, width))
    out.append(
        "Hinweis: Automatisierte Ersteinschätzung auf Grundlage der angegebenen Tatsachen; sie ersetzt "
        "keine steuerliche Beratung oder verbindliche Auskunft (§ 89 AO)."
    )
    return "\n".join(out) + "\n"


def _leistung(lb: Leistungsbewertung, width: int) -> list[str]:
    entscheidend = next((k for k in lb.kriterien if k.regel == lb.entscheidende_regel), None)
    out = [
        "=" * min(width, 80),
        f"Leistung „{lb.bezeichnung}“ ({lb.leistung})",
        f"  Ergebnis: {ERGEBNISSE_GROSS[lb.ergebnis]}   Risiko: {RISIKEN.get(lb.risiko, lb.risiko)}",
    ]
    if entscheidend is not None:
        out.append(_wrap(f"Entscheidend: {entscheidend.titel} ({entscheidend.norm})", "  ", width))
    for g in lb.risikogruende:
        out.append(_wrap(f"Risiko: {g}", "  ! ", width))
    for h in lb.hinweise:
        out.append(_wrap(h, "  i ", width))
    out.append("")
    out.append("  Kriterien:")
    for k in lb.kriterien:
        out.append(f"  [{_STATUS[k.status]:>13}] {k.norm} – {k.titel}")
        out.append(_wrap(k.begruendung, " " * 18, width))
        if k.fakten_aus_katalog:
            katalog = ", ".join(FAKTEN.get(f, f) for f in k.fakten_aus_katalog)
            out.append(_wrap("Aus dem Katalog: " + katalog, " " * 18, width))
        out.append(_wrap("Quellen: " + "; ".join(k.quellen), " " * 18, width))
    if lb.offene_fragen:
        out.append("")
        out.append("  Offene Fragen (entscheiden das Ergebnis):")
        for q in lb.offene_fragen:
            out.append(_wrap(f"{q.frage} [{FAKTEN.get(q.fakt, q.fakt)}]", "  ? ", width))
    if lb.empfehlungen:
        out.append("")
        out.append("  Empfehlungen (jeweils neu bewertet):")
        for e in lb.empfehlungen:
            betrag = (
                f"; vermeidet {deutsch.euro(e.mehrbelastung_vermieden_eur)} Mehrbelastung im Jahr"
                if e.mehrbelastung_vermieden_eur is not None
                else ""
            )
            out.append(
                _wrap(
                    f"{e.massnahme} → danach {ERGEBNISSE_KLEIN.get(e.ergebnis_danach, e.ergebnis_danach)} "
                    f"(Risiko {RISIKEN.get(e.risiko_danach, e.risiko_danach)}){betrag}",
                    "  + ",
                    width,
                )
            )
    out.append("")
    return out
