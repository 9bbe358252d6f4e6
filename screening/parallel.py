"""Screening inventory rows in worker processes (the assessment is CPU-bound; 2 cores → ~2×).

Workers are forked from the loaded process, so the rule set and rate tables are inherited, not
re-read or pickled; each worker receives chunks of row jobs (small dataclasses) and returns the
screened rows in order. The jobs are taken from the run's stream a window at a time, so memory
does not grow with the inventory. Only for command-line use: forking a multi-threaded server is unsafe, so
the web app screens in one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from typing import Any

from advisor.screening.durchlauf import Abbilden, Berate, Zeilenauftrag, Zeilenresultat, screen_row

CHUNK = 100
FENSTER = 4  # chunks in flight per worker
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
    try:
        return [screen_row(a, berate, stichtag) for a in auftraege]  # type: ignore[arg-type]
    finally:
        gc.collect(0)  # the worker's collector is off: free this chunk's cyclic garbage


def _chunks(auftraege: Iterable[Zeilenauftrag]) -> Iterator[list[Zeilenauftrag]]:
    chunk: list[Zeilenauftrag] = []
    for a in auftraege:
        chunk.append(a)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _map(
    auftraege: Iterable[Zeilenauftrag],
    fortschritt: Callable[[int, int], None] | None,
    *,
    jobs: int,
    berate: Berate,
    stichtag: date,
) -> Iterator[Zeilenresultat]:
    """Screen the jobs in order, with at most ``FENSTER × jobs`` chunks in flight (bounded memory)."""
    fertig = 0
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init, initargs=(berate, stichtag)) as pool:
        unterwegs: deque[Any] = deque()
        for chunk in _chunks(auftraege):
            unterwegs.append(pool.apply_async(_screen_chunk, (chunk,)))
            while len(unterwegs) >= FENSTER * jobs:
                teil = unterwegs.popleft().get()
                yield from teil
                fertig += len(teil)
                if fortschritt is not None:
                    fortschritt(fertig, 0)
        while unterwegs:
            teil = unterwegs.popleft().get()
            yield from teil
            fertig += len(teil)
            if fortschritt is not None:
                fortschritt(fertig, 0)


def process_pool_mapper(jobs: int, berate: Berate, stichtag: date) -> Abbilden | None:
    """An ``abbilden`` for ``screen_inventory`` using ``jobs`` forked workers (``None`` for 1 job)."""
    if jobs <= 1:
        return None
    return partial(_map, jobs=jobs, berate=berate, stichtag=stichtag)
