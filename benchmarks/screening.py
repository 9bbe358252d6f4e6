"""Benchmark of `ikz screen` (issues 6 and 14): 6,250 rows against 100,000 rows, end to end.

    .venv/bin/python benchmarks/screening.py [--zeilen 6250 100000] [--jobs 2]

For each size a generated XLSX inventory (shared strings, as Excel saves it) is written to a
temporary file by a child process; then a fresh child process screens it as ``ikz screen`` does —
streamed from the file, rows and problems in temporary files — and writes every output: the XLSX
export, the CSV export, the JSON answer and the PDF report. Printed per size: time per phase and
the child's peak resident memory (``ru_maxrss``, its own, not the generator's). Then the ratio
100,000 / 6,250 of the times (issue 14: ≤ 18×, i.e. linear: the rows alone are 16×) and whether
the peak stays below 600 MB and independent of the row count. Baseline measured in the same run:
``berate`` alone over the first 6,250 rows' Fallakten — the floor any screening pays. With
``--jobs 2`` the 6,250 rows are also screened by two worker processes. Nothing is asserted.

The inventory mirrors the NRW survey: cooperations of 371 municipalities and 31 Kreise,
deterministic (random.Random(2027)); about 1 % of rows carry an error that must be reported.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.errors import IkzFehler  # noqa: E402
from advisor.screening.bestandszeile import parse_rows  # noqa: E402
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile  # noqa: E402
from advisor.screening.portfolio import Portfoliowerte  # noqa: E402
from advisor.screening.spalten import SPALTEN  # noqa: E402
from screening.read import read_inventory, read_table_bytes  # noqa: E402
from screening.run import screening_context  # noqa: E402
from screening.speicher import paused_cyclic_gc  # noqa: E402

ZIEL_VERHAELTNIS = 18.0
ZIEL_SPEICHER_MB = 600.0

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
        zeile: dict[str, object] = {
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


def write_xlsx(zeilen: list[dict[str, object]], ziel: Path) -> None:
    """The inventory as Excel saves it: every text in the shared-string table, cells refer to it."""
    texte: dict[str, int] = {}

    def zelle(spalte: int, zeile: int, wert: object) -> str:
        if wert in (None, ""):
            return ""
        nummer = texte.setdefault(str(wert), len(texte))
        return f'<c r="{_buchstaben(spalte)}{zeile}" t="s"><v>{nummer}</v></c>'

    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    kopf = [s.titel for s in SPALTEN]
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv:
        with archiv.open("xl/worksheets/sheet1.xml", "w") as blatt:
            blatt.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'.encode())
            tabelle: list[list[object]] = [list(kopf), *([z.get(s.feld) for s in SPALTEN] for z in zeilen)]
            for n, werte in enumerate(tabelle, start=1):
                zellen = "".join(zelle(i, n, w) for i, w in enumerate(werte))
                blatt.write(f'<row r="{n}">{zellen}</row>'.encode())
            blatt.write(b"</sheetData></worksheet>")
        sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in texte)
        archiv.writestr("xl/sharedStrings.xml", f'<sst xmlns="{ns}" count="{len(texte)}">{sst}</sst>')
        archiv.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Bestand" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        archiv.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archiv.writestr("[Content_Types].xml", CONTENT_TYPES)
        archiv.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def _buchstaben(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name


def peak_mb(wer: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(wer).ru_maxrss / 1024


def _generate(anzahl: int, ziel: str) -> None:
    kontext = screening_context()
    write_xlsx(generate_rows(anzahl, sorted(kontext.vorgaben.aufgabenfelder)), Path(ziel))


def _screen(datei: str, jobs: int, ausgabe: Any) -> None:
    """In a fresh process: screen ``datei`` as ``ikz screen`` does and write every output."""
    from screening.export import iter_csv, write_xlsx_to
    from screening.json_export import iter_screening_json
    from screening.report import render_report_pdf
    from screening.run import screen_tables

    zeiten: dict[str, float] = {}
    start = letzte = time.perf_counter()

    def markiere(phase: str) -> None:
        nonlocal letzte
        jetzt = time.perf_counter()
        zeiten[phase] = jetzt - letzte
        letzte = jetzt

    kontext = screening_context()
    markiere("Regelwerk laden")
    tabellen, _, _ = read_inventory(datei)
    screening = screen_tables(tabellen, kontext=kontext, jobs=jobs, protokoll=markiere)
    with tempfile.TemporaryDirectory() as tmp:
        with open(Path(tmp) / "e.xlsx", "wb") as f:
            write_xlsx_to(screening, f)
        markiere("XLSX schreiben")
        with open(Path(tmp) / "e.csv", "wb") as f:
            for teil in iter_csv(screening):
                f.write(teil)
        markiere("CSV schreiben")
        with open(Path(tmp) / "e.json", "wb") as f:
            for teil in iter_screening_json(screening):
                f.write(teil)
        markiere("JSON schreiben")
        (Path(tmp) / "e.pdf").write_bytes(render_report_pdf(screening, dict(kontext.vorgaben.aufgabenfelder)))
        markiere("PDF-Bericht")
    zeiten["gesamt"] = time.perf_counter() - start
    zf = screening.zusammenfassung
    ausgabe.send(
        {
            "zeiten": zeiten,
            "geprueft": zf.anzahl_zeilen,
            "nicht_lesbar": zf.anzahl_nicht_lesbar,
            "meldungen": len(screening.probleme),
            "speicher_mb": peak_mb(),
            "kinder_mb": peak_mb(resource.RUSAGE_CHILDREN),
        }
    )
    screening.close()


def _in_child(ziel: Any, *args: Any) -> Any:
    empfang, senden = multiprocessing.Pipe(duplex=False)
    prozess = multiprocessing.get_context("fork").Process(target=ziel, args=(*args, senden))
    prozess.start()
    ergebnis = empfang.recv() if ziel is _screen else None
    prozess.join()
    if prozess.exitcode != 0:
        raise SystemExit(f"Kindprozess endete mit Code {prozess.exitcode}")
    return ergebnis


def _generate_child(anzahl: int, ziel: str, _senden: Any) -> None:
    _generate(anzahl, ziel)


def baseline_berate(datei: str, anzahl: int) -> float:
    """``berate`` alone over the first ``anzahl`` valid rows' Fallakten: the floor of any screening."""
    kontext = screening_context()
    gelesen = parse_rows([read_table_bytes(Path(datei).read_bytes(), "bestand.xlsx")], kontext.vorgaben)
    leer = Portfoliowerte(None, None)
    akten = [
        a
        for a, _ in (fallakte_aus_bestandszeile(z, leer, kontext.vorgaben.stichtag) for z in gelesen.zeilen[:anzahl])
        if a
    ]
    gc.collect()
    start = time.perf_counter()
    with paused_cyclic_gc():
        for akte in akten:
            try:
                kontext.berate(akte)
            except IkzFehler:
                pass  # reported by the screening as a problem row
    return (time.perf_counter() - start) / max(1, len(akten))


def _print(groesse: int, daten: dict[str, Any], mb: float) -> None:
    print(
        f"\n{_zahl(groesse)} Zeilen (XLSX {mb:.1f} MB): {_zahl(daten['geprueft'])} geprüft, "
        f"{daten['nicht_lesbar']} nicht lesbar, {daten['meldungen']} Meldungen"
    )
    for phase, sekunden in daten["zeiten"].items():
        anteil = f"   {sekunden / daten['zeiten']['gesamt']:5.1%}" if phase != "gesamt" else ""
        print(f"  {phase:<22} {sekunden:8.3f} s{anteil}")
    print(f"  Spitzenspeicher (RSS)  {daten['speicher_mb']:8.0f} MB   Ziel < {ZIEL_SPEICHER_MB:.0f} MB")


def _zahl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zeilen", type=int, nargs="+", default=[6250, 100_000])
    parser.add_argument("--jobs", type=int, default=2, help="workers for a parallel run of the smallest size")
    args = parser.parse_args()
    ergebnisse: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        dateien = {}
        for groesse in args.zeilen:
            dateien[groesse] = str(Path(tmp) / f"bestand-{groesse}.xlsx")
            _in_child(_generate_child, groesse, dateien[groesse])
        for groesse in args.zeilen:
            ergebnisse[groesse] = _in_child(_screen, dateien[groesse], 1)
            _print(groesse, ergebnisse[groesse], Path(dateien[groesse]).stat().st_size / 1e6)
        klein, gross = min(args.zeilen), max(args.zeilen)
        je_leistung = baseline_berate(dateien[klein], klein)
        print(f"\nBasislinie: berate allein {je_leistung * 1e6:.0f} µs je Leistung")
        for groesse, daten in ergebnisse.items():
            boden = je_leistung * daten["geprueft"]
            print(
                f"  {_zahl(groesse):>7} Zeilen: Screening gesamt / berate allein = {daten['zeiten']['gesamt'] / boden:.2f}"
            )
        if gross != klein:
            t = ergebnisse[gross]["zeiten"]["gesamt"] / ergebnisse[klein]["zeiten"]["gesamt"]
            m_klein, m_gross = ergebnisse[klein]["speicher_mb"], ergebnisse[gross]["speicher_mb"]
            print(
                f"\n{gross:,} gegenüber {klein:,} Zeilen ({gross / klein:.0f}× so viele): Zeit {t:.1f}× "
                f"(Ziel ≤ {ZIEL_VERHAELTNIS:.0f}×: {'erreicht' if t <= ZIEL_VERHAELTNIS else 'NICHT erreicht'}); "
                f"Spitzenspeicher {m_klein:.0f} → {m_gross:.0f} MB "
                f"(Ziel < {ZIEL_SPEICHER_MB:.0f} MB: {'erreicht' if m_gross < ZIEL_SPEICHER_MB else 'NICHT erreicht'})".replace(
                    ",", "."
                )
            )
        if args.jobs > 1:
            parallel = _in_child(_screen, dateien[klein], args.jobs)
            print(
                f"\n{args.jobs} Arbeitsprozesse, {_zahl(klein)} Zeilen: gesamt {parallel['zeiten']['gesamt']:.2f} s "
                f"(Faktor {ergebnisse[klein]['zeiten']['gesamt'] / parallel['zeiten']['gesamt']:.2f}), "
                f"Spitzenspeicher Hauptprozess {parallel['speicher_mb']:.0f} MB, je Arbeitsprozess "
                f"{parallel['kinder_mb']:.0f} MB"
            )
    print("\nHinweis: 2 Kerne, die mit anderen Prozessen geteilt werden; Zeiten schwanken, die Verhältnisse gelten.")


if __name__ == "__main__":
    main()
