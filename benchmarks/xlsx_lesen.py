"""Which XLSX reader? The hand-written streaming reader against openpyxl (read-only) and python-calamine.

    .venv/bin/python benchmarks/xlsx_lesen.py

Each reader runs in a fresh child process with an address-space limit of 2 GB and 60 s: first
a generated 6,250-row inventory (time to read every cell; the hand-written reader in the same run
is the baseline), then three hostile files of the corpus (a cell in column FXSHRX, 1.1 million
shared strings, a million rows). Printed per reader and file: outcome, seconds, peak memory.
python-calamine is measured only if installed (it is not a dependency). Nothing is asserted.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screening import generate_rows, write_xlsx  # noqa: E402
from screening.run import screening_context  # noqa: E402
from tests.hostile.corpus import FAELLE  # noqa: E402

HOSTIL = ("xlsx-spalte-fxshrx", "xlsx-geteilte-texte-zu-viele", "xlsx-million-zeilen")
SPEICHER = 2 * 1024**3


def _eigener(daten: bytes) -> int:
    from screening.xlsx_read import iter_rows

    _, zeilen = iter_rows(io.BytesIO(daten), "Bestand")
    return sum(len(z) for _, z in zeilen)


def _openpyxl(daten: bytes) -> int:
    from openpyxl import load_workbook

    mappe = load_workbook(io.BytesIO(daten), read_only=True, data_only=True)
    return sum(sum(1 for v in zeile if v is not None) for zeile in mappe.worksheets[0].iter_rows(values_only=True))


def _calamine(daten: bytes) -> int:
    from python_calamine import CalamineWorkbook

    mappe = CalamineWorkbook.from_filelike(io.BytesIO(daten))
    return sum(sum(1 for v in zeile if v not in (None, "")) for zeile in mappe.get_sheet_by_index(0).to_python())


LESER = {
    "eigener Leser (screening/xlsx_read.py)": _eigener,
    "openpyxl read-only": _openpyxl,
    "python-calamine": _calamine,
}


def _kind(name: str, daten: bytes, senden: Any) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (SPEICHER, SPEICHER))
    start = time.perf_counter()
    try:
        ergebnis = f"gelesen ({LESER[name](daten)} Zellen)"
    except MemoryError:
        ergebnis = "MemoryError (2 GB)"
    except ImportError:
        ergebnis = "nicht installiert"
    except Exception as e:  # the outcome is the figure
        ergebnis = f"abgelehnt: {type(e).__name__}: {str(e).splitlines()[-1][:50]}"
    senden.send((ergebnis, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def messen(name: str, daten: bytes) -> str:
    empfang, senden = multiprocessing.Pipe(duplex=False)
    prozess = multiprocessing.get_context("fork").Process(target=_kind, args=(name, daten, senden))
    prozess.start()
    if not empfang.poll(60):
        prozess.kill()
        prozess.join()
        return "nach 60 s abgebrochen"
    ergebnis, sekunden, mb = empfang.recv()
    prozess.join()
    return f"{ergebnis:<62} {sekunden:6.2f} s {mb:6.0f} MB"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pfad = Path(tmp) / "b.xlsx"
        write_xlsx(generate_rows(6250, sorted(screening_context().vorgaben.aufgabenfelder)), pfad)
        dateien = {"6.250 Zeilen (Inventar)": pfad.read_bytes()}
    dateien.update({f.name: f.inhalt for f in FAELLE if f.name in HOSTIL})
    for datei, daten in dateien.items():
        print(f"\n{datei} ({len(daten) / 1e6:.2f} MB)")
        for leser in LESER:
            print(f"  {leser:<40} {messen(leser, daten)}")
    print("\nHinweis: 2 Kerne, die mit anderen Prozessen geteilt werden; Zeiten schwanken, die Verhältnisse gelten.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
