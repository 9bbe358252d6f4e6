"""Benchmark of `ikz draft`: time to draft each shared example, against a floor measured in the same run.

    .venv/bin/python benchmarks/draft.py [--runs 7]

Per example: the median time of assembly + PDF (``render_pdf``), the same with DOCX, and the floor:
reportlab laying out the same story without the annex tables. Then a 60-partner case. Targets (from
the issue): personnel example median < 150 ms; 60-partner draft < 1 s. Figures are printed, never
asserted: absolute times drift with the machine, the ratio to the floor holds.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.beratung import berate  # noqa: E402
from advisor.parsing import fallakte_aus_daten, parse_fallakte  # noqa: E402
from contracts import assemble, render_docx, render_pdf  # noqa: E402
from contracts.pdf_renderer import register_fonts, render_entwurf_pdf  # noqa: E402
from rules import load_rate_tables, load_rules  # noqa: E402

#: CPU time of this process (default) is robust on a machine shared with other jobs; ``--wall``
#: measures elapsed time instead.
UHR = time.process_time


def median_ms(aufgabe: Callable[[], object], runs: int) -> float:
    aufgabe()  # warm-up (fonts, caches)
    zeiten = []
    for _ in range(runs):
        start = UHR()
        aufgabe()
        zeiten.append((UHR() - start) * 1000)
    return statistics.median(zeiten)


def sechzig_partner() -> dict:
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

    beschleuniger = fp_str.__module__ == "_rl_accel"
    print(f"rl_accel (C-Beschleuniger) aktiv: {'ja' if beschleuniger else 'NEIN'}")
    register_fonts()
    rw, tabellen = load_rules(), load_rate_tables()

    print(
        f"\n{'Beispiel':34} {'Seiten':>6} {'Boden ms':>9} {'PDF ms':>8} {'×Boden':>7} {'DOCX ms':>8} {'berate ms':>9}"
    )
    ergebnisse = {}
    for pfad in sorted((ROOT / "examples").glob("*.yaml")):
        fallakte = parse_fallakte(pfad.read_text(encoding="utf-8"))
        beratung = berate(fallakte, rw, tabellen)
        entwurf = assemble(beratung)
        import io

        from pypdf import PdfReader

        seiten = len(PdfReader(io.BytesIO(render_pdf(beratung))).pages)
        boden = median_ms(lambda e=entwurf: render_entwurf_pdf(e, mit_anlagentabellen=False), args.runs)
        pdf = median_ms(lambda b=beratung: render_pdf(b), args.runs)
        word = median_ms(lambda b=beratung: render_docx(b), args.runs)
        rat = median_ms(lambda f=fallakte: berate(f, rw, tabellen), args.runs)
        ergebnisse[pfad.stem] = pdf
        print(f"{pfad.stem:34} {seiten:6d} {boden:9.1f} {pdf:8.1f} {pdf / boden:7.2f} {word:8.1f} {rat:9.1f}")

    fallakte = fallakte_aus_daten(copy.deepcopy(sechzig_partner()))
    beratung = berate(fallakte, rw, tabellen)
    entwurf = assemble(beratung)
    boden = median_ms(lambda: render_entwurf_pdf(entwurf, mit_anlagentabellen=False), max(3, args.runs // 2))
    sechzig = median_ms(lambda: render_pdf(beratung), max(3, args.runs // 2))
    print(f"{'60 Partner (monatliche Abschläge)':34} {'':6} {boden:9.1f} {sechzig:8.1f} {sechzig / boden:7.2f}")

    personal = ergebnisse["personalabrechnung-mandatierend"]
    print("\nZiele:")
    print(f"- Personalabrechnung, Median < 150 ms: {personal:.1f} ms → {'erfüllt' if personal < 150 else 'VERFEHLT'}")
    print(f"- 60 Partner < 1000 ms: {sechzig:.1f} ms → {'erfüllt' if sechzig < 1000 else 'VERFEHLT'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
