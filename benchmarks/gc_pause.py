"""Benchmark: bulk validation of the 6,250 shared generated cases with the cyclic garbage collector
running (the baseline, same run) and paused by the screening adapter (``screening.speicher``).

Prints times and the ratio; asserts nothing. Run: ``.venv/bin/python benchmarks/gc_pause.py``.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor.parsing import fallakte_aus_dict
from benchmarks.faelle import faelle
from screening.speicher import paused_cyclic_gc


def _lauf(daten: list[dict], pausiert: bool) -> float:
    gc.collect()
    gc.unfreeze()
    start = time.perf_counter()
    if pausiert:
        with paused_cyclic_gc():
            akten = [fallakte_aus_dict(d) for d in daten]
    else:
        akten = [fallakte_aus_dict(d) for d in daten]
    dauer = time.perf_counter() - start
    del akten
    gc.unfreeze()
    return dauer


def main() -> None:
    daten = faelle(6250)
    laeufe: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(5):  # alternating, so that load on a shared machine hits both alike
        for pausiert in (False, True):
            laeufe[pausiert].append(_lauf(daten, pausiert))
    mit, ohne = statistics.median(laeufe[False]), statistics.median(laeufe[True])
    print(f"Validierung von {len(daten)} Fällen, Median aus 5 Läufen je Variante:")
    print(f"  Garbage Collector läuft (Basislinie):   {mit:.3f} s")
    print(f"  Garbage Collector pausiert (Adapter):   {ohne:.3f} s")
    print(f"  Verhältnis pausiert / läuft:             {ohne / mit:.2f} ×")


if __name__ == "__main__":
    main()
