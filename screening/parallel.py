"""Screening inventory rows in worker processes (the assessment is CPU-bound; 2 cores → ~2×).

Workers are forked from the loaded process, so the rule set and rate tables are inherited, not
re-read or pickled; each worker receives chunks of row jobs (small dataclasses) and returns the
screened rows in order. Only for command-line use: forking a multi-threaded server is unsafe, so
the web app screens in one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from advisor.screening.durchlauf import Abbilden, Berate, Zeilenauftrag, Zeilenresultat, screen_row

CHUNK = 100
_WORKER: dict[str, object] = {}


def default_jobs(anzahl_zeilen: int) -> int:
    """Worker processes worth starting: 1 for small inventories, else one per core (at most 4)."""
    if anzahl_zeilen < 400 or not hasattr(os, "fork"):
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _init(berate: Berate, stichtag: date) -> None:
    gc.disable()
    _WORKER["berate"], _WORKER["stichtag"] = berate, stichtag


def _screen_chunk(auftraege: Sequence[Zeilenauftrag]) -> list[Zeilenresultat]:
    berate, stichtag = _WORKER["berate"], _WORKER["stichtag"]
    return [screen_row(a, berate, stichtag) for a in auftraege]  # type: ignore[arg-type]


def _map(
    auftraege: Sequence[Zeilenauftrag],
    fortschritt: Callable[[int, int], None] | None,
    *,
    jobs: int,
    berate: Berate,
    stichtag: date,
) -> list[Zeilenresultat]:
    chunks = [auftraege[i : i + CHUNK] for i in range(0, len(auftraege), CHUNK)]
    ergebnis: list[Zeilenresultat] = []
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init, initargs=(berate, stichtag)) as pool:
        for teil in pool.imap(_screen_chunk, chunks):
            ergebnis.extend(teil)
            if fortschritt is not None:
                fortschritt(len(ergebnis), len(auftraege))
    return ergebnis


def process_pool_mapper(jobs: int, berate: Berate, stichtag: date) -> Abbilden | None:
    """An ``abbilden`` for ``screen_inventory`` using ``jobs`` forked workers (``None`` for 1 job)."""
    if jobs <= 1:
        return None
    return partial(_map, jobs=jobs, berate=berate, stichtag=stichtag)
