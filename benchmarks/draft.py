"""Benchmark of the four documents: median render time per example and document, as a ratio to
the reportlab floor measured in the same run.

    .venv/bin/python benchmarks/draft.py [--runs 7] [--wall]

Per example and document (Vereinbarung, Prüfvermerk, Antrag auf verbindliche Auskunft,
Beschlussvorlage): the median time to build the document from the advice and lay it out as PDF
(the work of ``ikz draft|vermerk|auskunft|vorlage`` after the case is assessed), the same as DOCX,
and the floor — reportlab laying out the same document frame (title, headings, fonts, page
decoration) without its generated blocks. Then a 60-partner agreement. Targets (issue 10): every
document < 150 ms median; 60 partners < 1 s. Figures are printed, never asserted: absolute times
drift with the machine, the ratio to the floor holds.
"""

from __future__ import annotations

import argparse
import copy
import functools
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.beratung import berate  # noqa: E402
from advisor.errors import UngueltigeEingabe  # noqa: E402
from advisor.parsing import fallakte_aus_dict, parse_fallakte  # noqa: E402
from contracts.dokumente import DOKUMENTARTEN, Dokument, als_docx, als_pdf, erstelle  # noqa: E402
from contracts.entwurf import Entwurf  # noqa: E402
from contracts.pdf_basis import register_fonts  # noqa: E402
from contracts.pdf_renderer import render_entwurf_pdf  # noqa: E402
from contracts.pdf_schriftstueck import render_schriftstueck_pdf  # noqa: E402
from rules_loader import load_rate_tables, load_rules  # noqa: E402

STAND = date(2026, 12, 5)
ZIEL_MS = 150.0

#: CPU time of this process (default) is robust on a machine shared with other jobs; ``--wall``
#: measures elapsed time instead.
UHR: Callable[[], float] = time.process_time


def median_ms(aufgabe: Callable[[], object], runs: int) -> float:
    aufgabe()  # warm-up (fonts, caches)
    zeiten = []
    for _ in range(runs):
        start = UHR()
        aufgabe()
        zeiten.append((UHR() - start) * 1000)
    return statistics.median(zeiten)


def boden(dokument: Dokument) -> bytes:
    """The floor: reportlab lays out the document's frame without its generated blocks."""
    if isinstance(dokument, Entwurf):
        return render_entwurf_pdf(dokument, mit_anlagentabellen=False)
    return render_schriftstueck_pdf(dokument, mit_tabellen=False)


def _pdf(art: str, beratung: Any, regelwerk: Any) -> bytes:
    return als_pdf(erstelle(art, beratung, stand=STAND, regelwerk=regelwerk))


def _docx(art: str, beratung: Any, regelwerk: Any) -> bytes:
    return als_docx(erstelle(art, beratung, stand=STAND, regelwerk=regelwerk))


def sechzig_partner() -> dict[str, Any]:
    import yaml

    daten = yaml.safe_load((ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8"))
    erbringer = daten["beteiligte"][0]
    partner = [
        {
            "id": f"gemeinde-{i:02d}",
            "name": f"Gemeinde Nummer {i:02d} im Landkreis Beispiel-Süd",
            "art": "gemeinde",
            "einwohner": 5000 + i * 137,
            "vertreten_durch": "Der Bürgermeister",
        }
        for i in range(1, 60)
    ]
    daten["beteiligte"] = [erbringer, *partner]
    leistung = daten["leistungen"][0]
    leistung["empfaenger"] = [p["id"] for p in partner]
    leistung["kosten"]["verteilung"] = {
        "schluessel": "fallzahlen",
        "werte": {p["id"]: 10 + i for i, p in enumerate(partner)},
    }
    leistung["kosten"]["abrechnung"] = {"verfahren": "spitzabrechnung", "abschlaege": "monatlich"}
    del leistung["kosten"]["eigenerstellung"], leistung["kosten"]["remanenzkosten"]
    return daten


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--wall", action="store_true", help="Wanduhrzeit statt CPU-Zeit messen")
    args = parser.parse_args()
    global UHR
    if args.wall:
        UHR = time.perf_counter
    print(f"Zeitmessung: {'Wanduhr' if args.wall else 'CPU-Zeit des Prozesses'}, Median aus {args.runs} Läufen")

    from reportlab.lib.rl_accel import fp_str

    print(f"rl_accel (C-Beschleuniger) aktiv: {'ja' if fp_str.__module__ == '_rl_accel' else 'NEIN'}")
    register_fonts()
    rw, tabellen = load_rules(), load_rate_tables()
    from pypdf import PdfReader

    print(f"\n{'Beispiel':32} {'Dokument':17} {'Seiten':>6} {'Boden ms':>9} {'PDF ms':>8} {'×Boden':>7} {'DOCX ms':>8}")
    hoechst: dict[str, float] = {art: 0.0 for art in DOKUMENTARTEN}
    for pfad in sorted((ROOT / "examples").glob("*.yaml")):
        beratung = berate(parse_fallakte(pfad.read_text(encoding="utf-8")), rw, tabellen)
        for art in DOKUMENTARTEN:
            try:
                dokument = erstelle(art, beratung, stand=STAND, regelwerk=rw)
            except UngueltigeEingabe:
                print(f"{pfad.stem:32} {art:17} {'—':>6} (keine Vereinbarung nach § 23 GkG NRW möglich)")
                continue
            seiten = len(PdfReader(io.BytesIO(als_pdf(dokument))).pages)
            floor = median_ms(functools.partial(boden, dokument), args.runs)
            pdf = median_ms(functools.partial(_pdf, art, beratung, rw), args.runs)
            word = median_ms(functools.partial(_docx, art, beratung, rw), args.runs)
            hoechst[art] = max(hoechst[art], pdf)
            print(f"{pfad.stem:32} {art:17} {seiten:6d} {floor:9.1f} {pdf:8.1f} {pdf / floor:7.2f} {word:8.1f}")

    beratung = berate(fallakte_aus_dict(copy.deepcopy(sechzig_partner())), rw, tabellen)
    entwurf = erstelle("vereinbarung", beratung, stand=STAND)
    runs = max(3, args.runs // 2)
    floor = median_ms(lambda: boden(entwurf), runs)
    sechzig = median_ms(lambda: als_pdf(erstelle("vereinbarung", beratung, stand=STAND)), runs)
    print(
        f"{'60 Partner (monatliche Abschläge)':32} {'vereinbarung':17} {'':6} {floor:9.1f} {sechzig:8.1f} {sechzig / floor:7.2f}"
    )

    print("\nZiele (Median des langsamsten Beispiels je Dokument):")
    for art, ms in hoechst.items():
        print(
            f"- {DOKUMENTARTEN[art].titel} < {ZIEL_MS:.0f} ms: {ms:.1f} ms → {'erfüllt' if ms < ZIEL_MS else 'VERFEHLT'}"
        )
    print(f"- 60 Partner < 1000 ms: {sechzig:.1f} ms → {'erfüllt' if sechzig < 1000 else 'VERFEHLT'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
