"""Benchmark of `ikz screen` (issue 6): a generated inventory of 6,250 rows, screened end to end.

    .venv/bin/python benchmarks/screening.py [--zeilen 6250] [--jobs 2]

Phases (time.perf_counter): read the XLSX, check the rows, portfolio, build and validate the
Fallakten (pydantic), assess + calculate (``berate``), summarise, write the XLSX export. Peak
memory: the process's maximum resident set size (``resource.getrusage``), for the serial run and
(workers) for the parallel one. Baseline measured in the same run: ``berate`` alone over the same
Fallakten — the floor any screening pays; the ratio shows the screening's own overhead. Targets from
the issue: < 5 s end to end, < 500 MB peak. Figures are printed, never asserted.

The inventory mirrors the NRW survey: 6,250 cooperations of 371 municipalities and 31 Kreise,
deterministic (random.Random(2027)); about 1 % of rows carry an error that must be reported.
"""

from __future__ import annotations

import argparse
import gc
import io
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from advisor.errors import IkzFehler  # noqa: E402
from advisor.screening import screen_inventory  # noqa: E402
from advisor.screening.bestandszeile import parse_rows  # noqa: E402
from advisor.screening.bulk import paused_cyclic_gc  # noqa: E402
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile  # noqa: E402
from advisor.screening.portfolio import Portfoliowerte  # noqa: E402
from advisor.screening.spalten import SPALTEN  # noqa: E402
from screening.export import export_xlsx  # noqa: E402
from screening.parallel import process_pool_mapper  # noqa: E402
from screening.read import read_table_bytes  # noqa: E402
from screening.run import screening_context  # noqa: E402

RECHTSFORMEN = [
    "oerv_mandatierend",
    "oerv_delegierend",
    "zweckverband",
    "verwaltungsvereinbarung",
    "gemeinsames_kommunalunternehmen",
    "privatrechtlicher_vertrag",
]
ENTGELTE = ["kostenerstattung", "umlage_nach_nutzung", "pauschalpreis", "umlage_allgemein", None]


def generate_rows(anzahl: int, felder: list[str]) -> list[dict[str, object]]:
    """Deterministic rows: 371 Gemeinden/Städte and 31 Kreise, several services each."""
    zufall = random.Random(2027)
    kommunen = [(f"Gemeinde {i:03d}", "gemeinde") for i in range(371)] + [
        (f"Kreis {i:02d}", "kreis") for i in range(31)
    ]
    zeilen = []
    for n in range(anzahl):
        erbringer, art = zufall.choice(kommunen)
        empfaenger = [k for k in zufall.sample(kommunen, zufall.randint(1, 4)) if k[0] != erbringer] or [kommunen[0]]
        ja_nein = lambda: zufall.choice(["ja", "nein", "", ""])  # noqa: E731
        zeile = {
            "kennung": f"IKZ-{n + 1:05d}",
            "bezeichnung": f"Leistung {n + 1}",
            "erbringer": erbringer,
            "erbringer_art": art,
            "empfaenger": "; ".join(e[0] for e in empfaenger),
            "empfaenger_art": "; ".join(e[1] for e in empfaenger),
            "aufgabenfeld": zufall.choice(felder),
            "rechtsform": zufall.choice(RECHTSFORMEN),
            "entgelt": zufall.choice(ENTGELTE) or "",
            "jahresbetrag": f"{zufall.randint(2_000, 400_000)},{zufall.randint(0, 99):02d}"
            if zufall.random() > 0.05
            else "",
            "beginn": f"01.01.{zufall.randint(2005, 2026)}" if zufall.random() > 0.3 else "",
            "kuendigungsfrist_monate": "",
            "gewinnaufschlag_prozent": "",
            "aufgabenuebertragung_befreiend": ja_nein(),
            "gesetzlicher_vorbehalt_jpoer": ja_nein(),
            "privat_steuerfrei_ohne_option": ja_nein(),
            "oeffentliche_infrastruktur": ja_nein(),
            "gemeinsame_oeffentliche_aufgabe": ja_nein(),
            "hilfstaetigkeit": ja_nein(),
            "private_anbieter_am_markt": ja_nein(),
        }
        if zeile["jahresbetrag"]:
            zeile["gewinnaufschlag_prozent"] = zufall.choice(["0", "", "", "5"])
        if zeile["beginn"]:
            zeile["kuendigungsfrist_monate"] = str(zufall.choice([6, 12, 24]))
        if zufall.random() < 0.01:  # a malformed row, as real inventories have them
            zeile[zufall.choice(["erbringer", "aufgabenfeld", "jahresbetrag"])] = zufall.choice(["", "???"])
        zeilen.append(zeile)
    return zeilen


def xlsx_bytes(zeilen: list[dict[str, object]]) -> bytes:
    mappe = Workbook()  # as Excel saves it: shared strings (a write-only workbook would inline them)
    blatt = mappe.active
    blatt.title = "Bestand"
    blatt.append([s.titel for s in SPALTEN])
    for z in zeilen:
        blatt.append([z.get(s.feld) or None for s in SPALTEN])
    aus = io.BytesIO()
    mappe.save(aus)
    return aus.getvalue()


def peak_mb(wer: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(wer).ru_maxrss / 1024


def run(daten: bytes, kontext, jobs: int) -> tuple[dict[str, float], object]:
    zeiten: dict[str, float] = {}
    start = letzte = time.perf_counter()

    def markiere(phase: str) -> None:
        nonlocal letzte
        jetzt = time.perf_counter()
        zeiten[phase] = jetzt - letzte
        letzte = jetzt

    with paused_cyclic_gc():
        tabelle = read_table_bytes(daten, "bestand.xlsx")
    markiere("lesen (XLSX)")
    mapper = process_pool_mapper(jobs, kontext.berate, kontext.vorgaben.stichtag)
    screening = screen_inventory([tabelle], [], kontext.vorgaben, kontext.berate, protokoll=markiere, abbilden=mapper)
    with paused_cyclic_gc():
        export = export_xlsx(screening)
    markiere("XLSX schreiben")
    zeiten["gesamt"] = time.perf_counter() - start
    return zeiten, (screening, len(export))


def baseline_berate(daten: bytes, kontext) -> float:
    """``berate`` alone over the same (valid) rows' Fallakten: the floor of any screening."""
    gelesen = parse_rows([read_table_bytes(daten, "bestand.xlsx")], kontext.vorgaben)
    leer = Portfoliowerte(None, None)
    akten = [
        a for a, _ in (fallakte_aus_bestandszeile(z, leer, kontext.vorgaben.stichtag) for z in gelesen.zeilen) if a
    ]
    gc.collect()
    start = time.perf_counter()
    with paused_cyclic_gc():
        for akte in akten:
            try:
                kontext.berate(akte)
            except IkzFehler:
                pass  # reported by the screening as a problem row
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zeilen", type=int, default=6250)
    parser.add_argument("--jobs", type=int, default=2, help="workers for the parallel run (1 = skip it)")
    args = parser.parse_args()
    kontext = screening_context()
    zeilen = generate_rows(args.zeilen, sorted(kontext.vorgaben.aufgabenfelder))
    daten = xlsx_bytes(zeilen)
    print(
        f"Bestandsliste: {args.zeilen} Zeilen, XLSX {len(daten) / 1e6:.1f} MB; Speicher vor dem Lauf {peak_mb():.0f} MB"
    )

    zeiten, (screening, groesse) = run(daten, kontext, jobs=1)
    zf = screening.zusammenfassung
    print(
        f"\nEin Prozess: {zf.anzahl_zeilen} geprüft, {zf.anzahl_nicht_lesbar} nicht lesbar, "
        f"{len(screening.probleme)} Meldungen, Export {groesse / 1e6:.1f} MB"
    )
    for phase, sekunden in zeiten.items():
        print(
            f"  {phase:<22} {sekunden:7.3f} s" + (f"   {sekunden / zeiten['gesamt']:5.1%}" if phase != "gesamt" else "")
        )
    print(f"  Spitzenspeicher (RSS)  {peak_mb():7.0f} MB   Ziel < 500 MB")
    print(f"  Ziel < 5 s: {'erreicht' if zeiten['gesamt'] < 5 else 'NICHT erreicht'} ({zeiten['gesamt']:.2f} s)")

    basis = baseline_berate(daten, kontext)
    print(
        f"\nBasislinie: berate allein über dieselben Fallakten {basis:.3f} s "
        f"({basis / zf.anzahl_zeilen * 1e6:.0f} µs je Leistung)"
    )
    print(
        f"  Screening gesamt / Basislinie = {zeiten['gesamt'] / basis:.2f}; "
        f"Anteil des Screenings selbst (ohne berate): {zeiten['gesamt'] - basis:.2f} s"
    )

    if args.jobs > 1:
        pzeiten, (pscreening, _) = run(daten, kontext, jobs=args.jobs)
        gleich = pscreening.zeilen == screening.zeilen
        print(
            f"\n{args.jobs} Arbeitsprozesse: gesamt {pzeiten['gesamt']:.3f} s "
            f"(Faktor {zeiten['gesamt'] / pzeiten['gesamt']:.2f} gegenüber einem Prozess), Ergebnis gleich: {gleich}"
        )
        for phase, sekunden in pzeiten.items():
            print(f"  {phase:<22} {sekunden:7.3f} s")
        print(f"  Spitzenspeicher je Arbeitsprozess (RSS) {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
        print(f"  Ziel < 5 s: {'erreicht' if pzeiten['gesamt'] < 5 else 'NICHT erreicht'}")
    print("\nHinweis: 2 Kerne, die mit anderen Prozessen geteilt werden; Zeiten schwanken, die Verhältnisse gelten.")


if __name__ == "__main__":
    main()
