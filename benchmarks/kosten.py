"""Benchmark of the cost calculation. Prints figures and ratios; asserts nothing about time.

1. Allocation of 1,234,567.89 EUR among 53 partners (the size of the seed's IT Zweckverband):
   ``advisor.kosten.rundung.verteile`` (Decimal in/out, largest remainder) against a plain
   integer-cents implementation measured in the same run (the baseline).
2. The full calculation of the 6,250 shared generated cases (benchmarks/faelle.py: 2–12 partners,
   one case in 50 with 53): validation (parse), calculation, and the lead's ``assess`` with the
   calculation's figures, against the lead's target of < 2 s for all three.
3. A cost-heavy stress set (this module's generator: 2–53 partners, 1–3 services, every key incl.
   mixed keys, unit prices and fixed shares, provider shares, own-cost comparisons, an asset list
   in 30 % of the services, an indexation step), calculation only, per case and per payer.

4. With ``--vergleich DIR`` (a checkout of an earlier state, e.g. ``git archive main | tar -x -C
   /tmp/main``): the 6,250-case calculation with this code and with DIR's, in alternating child
   processes, CPU time (``time.process_time``: robust on a shared machine), best of 5 per process,
   and the ratio — "within 10 % of before" is measured in the same run.

Run: .venv/bin/python benchmarks/kosten.py [--faelle 6250] [--stress 1000] [--vergleich DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
import timeit
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import rules_loader
from advisor.kosten import calculate, kennzahlen
from advisor.kosten.rundung import verteile
from advisor.parsing import fallakte_aus_dict

GESAMT = Decimal("1234567.89")
PARTNER = 53


def verteile_int(gesamt_cent: int, gewichte: list[int]) -> list[int]:
    """Baseline: largest remainder on plain integers (cents and integer weights)."""
    summe = sum(gewichte)
    ganze, reste = [], []
    for w in gewichte:
        q, r = divmod(gesamt_cent * w, summe)
        ganze.append(q)
        reste.append(r)
    fehlend = gesamt_cent - sum(ganze)
    for i in sorted(range(len(gewichte)), key=lambda i: (reste[i], -i), reverse=True)[:fehlend]:
        ganze[i] += 1
    return ganze


def bench_verteilung() -> None:
    rnd = random.Random(53)
    einwohner = [rnd.randint(2_000, 400_000) for _ in range(PARTNER)]
    gewichte = [Decimal(e) for e in einwohner]
    ergebnis = verteile(GESAMT, gewichte)
    basis = verteile_int(123456789, einwohner)
    assert [int(a * 100) for a in ergebnis] == basis, "Decimal- und Ganzzahl-Verfahren weichen ab"
    assert sum(ergebnis) == GESAMT
    n = 2000
    t_dec = min(timeit.repeat(lambda: verteile(GESAMT, gewichte), number=n, repeat=5)) / n
    t_int = min(timeit.repeat(lambda: verteile_int(123456789, einwohner), number=n, repeat=5)) / n
    print(f"Verteilung {GESAMT} EUR auf {PARTNER} Partner (Einwohner), Ergebnis identisch, Summe centgenau")
    print(f"  Decimal (advisor.kosten.rundung.verteile): {t_dec * 1e6:8.1f} µs je Verteilung")
    print(f"  Ganzzahl-Cent (Basislinie, gleicher Lauf): {t_int * 1e6:8.1f} µs je Verteilung")
    print(f"  Verhältnis Decimal / Ganzzahl:             {t_dec / t_int:8.2f} ×")


GRUPPEN = ["E 6", "E 8", "E 9a", "E 9b", "E 9c", "E 10", "E 11", "E 12", "E 13", "A 9", "A 11", "A 13"]
SCHLUESSEL = [
    "einwohner", "fallzahlen", "nutzung", "gleiche_teile", "sockel_plus_variabel", "frei", "gemischt", "stueckpreis"
]  # fmt: skip
RHYTHMEN = ["monatlich", "vierteljaehrlich", "halbjaehrlich", "jaehrlich"]


def erzeuge_fall(rnd: random.Random, nr: int) -> dict:
    """One generated case: 2–53 partners, 1–3 services, grades × VZÄ and amounts, every key."""
    n = rnd.choice([2, 3, 4, 6, 9, 12, 20, 53])
    beteiligte = [
        {
            "id": f"p{i}",
            "name": f"Kommune {i}",
            "art": "gemeinde" if i else "kreis",
            "einwohner": rnd.randint(1_000, 300_000),
        }
        for i in range(n)
    ]
    leistungen = []
    for j in range(rnd.randint(1, 3)):
        empfaenger = [f"p{i}" for i in range(1, n)]
        schluessel = rnd.choice(SCHLUESSEL)
        traegt = rnd.random() < 0.2
        zahler = (["p0"] if traegt else []) + empfaenger
        verteilung: dict = {"schluessel": schluessel, "erbringer_traegt_anteil": traegt}
        if schluessel == "sockel_plus_variabel":
            verteilung.update(sockel_prozent=rnd.choice([10, 20, 30]), variabler_schluessel="einwohner")
        elif schluessel in ("fallzahlen", "nutzung", "frei", "stueckpreis"):
            verteilung["werte"] = {k: rnd.randint(1, 5000) for k in zahler}
        elif schluessel == "gemischt":
            verteilung["bestandteile"] = [
                {"id": "ew", "bezeichnung": "Einwohner", "gewicht_prozent": 50, "schluessel": "einwohner"},
                {"id": "f", "bezeichnung": "Fälle", "gewicht_prozent": 50, "schluessel": "fallzahlen",
                 "werte": {k: rnd.randint(0, 5000) for k in zahler}},
            ]  # fmt: skip
        if schluessel in ("einwohner", "sockel_plus_variabel", "gemischt"):
            verteilung["einwohner_stichtag"] = "2025-12-31"
        if schluessel != "stueckpreis" and len(zahler) > 2 and rnd.random() < 0.3:
            verteilung["festanteile"] = {zahler[0]: rnd.choice([10, 15, 30])}
        positionen = [
            {
                "art": "personal",
                "bezeichnung": f"Stelle {k}",
                "entgeltgruppe": rnd.choice(GRUPPEN),
                "vzae": str(Decimal(rnd.randint(1, 40)) / 10),
            }
            for k in range(rnd.randint(1, 4))
        ]
        sach = Decimal(rnd.randint(1_000_00, 900_000_00)) / 100
        positionen.append(
            {
                "art": "sachkosten",
                "bezeichnung": "Lizenzen",
                "betrag": str(sach),
                "vorsteuer": str((sach * Decimal("0.19")).quantize(Decimal("0.01"))),
            }
        )
        positionen.append({"art": "abschreibung", "bezeichnung": "Technik", "betrag": str(rnd.randint(0, 200_000))})
        leistungen.append(
            {
                "id": f"l{j}",
                "bezeichnung": f"Leistung {j}",
                "aufgabenfeld": "sonstiges",
                "erbringer": "p0",
                "empfaenger": empfaenger,
                "entgelt": "kostenerstattung",
                "kosten": {
                    "kalkulationsjahr": 2027,
                    "satzgrundlage": "kgst_2025_26",
                    "positionen": positionen,
                    "sachkostenpauschale_je_vzae": "9700.00",
                    "gemeinkostenzuschlag_prozent": 20,
                    "gewinnaufschlag_prozent": 0,
                    "verteilung": verteilung,
                    "abrechnung": {"verfahren": "spitzabrechnung", "abschlaege": rnd.choice(RHYTHMEN)},
                    "eigenerstellung": {k: str(rnd.randint(10_000, 900_000)) for k in empfaenger[:3]},
                    "anlagen": [
                        {
                            "bezeichnung": "Fahrzeug",
                            "anschaffungskosten": str(rnd.randint(10_000, 500_000)),
                            "anschaffung": f"{rnd.randint(2020, 2027)}-{rnd.randint(1, 12):02d}-01",
                            "nutzungsdauer_jahre": rnd.randint(3, 12),
                        }
                    ]
                    if rnd.random() < 0.3
                    else [],
                    "fortschreibung": [{"prozent": 3, "ab": "2026-04-01", "grundlage": "Tarif"}],
                },
            }
        )
    return {
        "format": "ikz-fallakte/1",
        "bezeichnung": f"Fall {nr}",
        "stichtag": "2027-01-01",
        "rechtsform": "oerv_mandatierend",
        "beteiligte": beteiligte,
        "leistungen": leistungen,
    }


def bench_faelle(daten: list[dict], titel: str) -> None:
    anzahl = len(daten)
    tabellen = rules_loader.load_rate_tables()
    ust = Decimal("19")
    from advisor.bewerten import assess

    regelwerk = rules_loader.load_rules()
    leistungen = sum(len(d["leistungen"]) for d in daten)
    zahler = sum(len(lei["empfaenger"]) for d in daten for lei in d["leistungen"])
    gc.collect()
    gc.freeze()
    t0 = time.perf_counter()
    faelle = [fallakte_aus_dict(d) for d in daten]
    t1 = time.perf_counter()
    kalkulationen = [calculate(f, tabellen, ust) for f in faelle]
    t2 = time.perf_counter()
    for f, k in zip(faelle, kalkulationen, strict=True):
        assess(f, regelwerk, kennzahlen(k))
    t3 = time.perf_counter()
    gc.unfreeze()
    print(f"{titel}: {anzahl} Fälle ({leistungen} Leistungen, {zahler} Empfängeranteile), GC eingefroren")
    print(f"  Validierung (fallakte_aus_dict): {t1 - t0:7.3f} s  ({(t1 - t0) / anzahl * 1e6:6.1f} µs je Fall)")
    print(f"  Kalkulation (calculate):          {t2 - t1:7.3f} s  ({(t2 - t1) / anzahl * 1e6:6.1f} µs je Fall)")
    if assess is not None:
        print(f"  Bewertung (assess mit Kennzahlen): {t3 - t2:6.3f} s  ({(t3 - t2) / anzahl * 1e6:6.1f} µs je Fall)")
    gesamt = t3 - t0
    print(
        f"  Zusammen:                         {gesamt:7.3f} s  (Ziel der Projektleitung: < 2 s; "
        f"Anteil der Kalkulation {(t2 - t1) / gesamt * 100:4.1f} %)"
    )


_KALKULATION_CPU = """
import gc, sys, time
sys.path.insert(0, sys.argv[1])
from decimal import Decimal
import rules_loader
from advisor.kosten import calculate
from advisor.parsing import fallakte_aus_dict
from benchmarks.faelle import faelle
akten = [fallakte_aus_dict(d) for d in faelle(int(sys.argv[2]))]
tabellen = rules_loader.load_rate_tables()
gc.collect(); gc.freeze(); gc.disable()
beste = float("inf")
for _ in range(5):
    t = time.process_time(); [calculate(a, tabellen, Decimal(19)) for a in akten]
    beste = min(beste, time.process_time() - t)
print(beste)
"""


def bench_vergleich(verzeichnis: Path, anzahl: int, runden: int = 3) -> None:
    """This code's 6,250-case calculation against ``verzeichnis``'s, CPU time, alternating."""
    import subprocess

    hier = Path(__file__).resolve().parents[1]
    zeiten: dict[str, list[float]] = {"hier": [], "vorher": []}
    for _ in range(runden):
        for name, ort in (("vorher", verzeichnis), ("hier", hier)):
            aus = subprocess.run(
                [sys.executable, "-c", _KALKULATION_CPU, str(ort), str(anzahl)],
                cwd=ort,
                capture_output=True,
                text=True,
                check=True,
            )
            zeiten[name].append(float(aus.stdout.strip().splitlines()[-1]))
    vorher, hier_t = min(zeiten["vorher"]), min(zeiten["hier"])
    print(f"Vergleich der Kalkulation ({anzahl} Fälle, CPU-Zeit, je bestes von {5 * runden} Läufen, abwechselnd):")
    print(f"  vorher:       {vorher:7.3f} s  ({verzeichnis})")
    print(f"  dieser Stand: {hier_t:7.3f} s")
    print(f"  Verhältnis:   {hier_t / vorher:7.3f} × (Ziel ≤ 1,10)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark der Kostenkalkulation")
    parser.add_argument("--faelle", type=int, default=6250)
    parser.add_argument("--stress", type=int, default=1000)
    parser.add_argument("--vergleich", type=Path, help="Checkout eines früheren Stands für den Zeitvergleich")
    args = parser.parse_args()
    from benchmarks.faelle import faelle

    last = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"Systemlast (1/5/15 min): {last} bei {os.cpu_count()} Kernen – absolute Zeiten schwanken, Verhältnisse gelten"
    )
    print()
    bench_verteilung()
    print()
    bench_faelle(faelle(args.faelle), "Gemeinsamer Fallgenerator (benchmarks/faelle.py)")
    print()
    rnd = random.Random(6250)
    bench_faelle([erzeuge_fall(rnd, i) for i in range(args.stress)], "Kosten-Stresstest (benchmarks/kosten.py)")
    if args.vergleich is not None:
        print()
        bench_vergleich(args.vergleich.resolve(), args.faelle)


if __name__ == "__main__":
    main()
