"""Plumbing of a bulk run: pausing the cyclic garbage collector, throttled progress reports."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def paused_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of models are built.

    On exit the objects built so far are frozen (``gc.freeze``: never scanned again, still freed
    by reference counting) and the collector is re-enabled; so the first collection afterwards
    does not walk every model of the run. A long-running server calls ``gc.unfreeze()`` once the
    response is out. Design note: the cyclic collector adds about a third to bulk validation.
    """
    war_an = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if war_an:
            gc.enable()


class Zwischenaufraeumen:
    """While the collector is paused, collect its youngest generation every ``alle`` calls.

    A run creates a little cyclic garbage per row (measured: about 20 objects, mostly caught
    exceptions with their frames); paused for a whole streamed run of 100,000 rows it would pile up
    to hundreds of MB. Collecting only generation 0 looks at the objects created since the last
    collection, so it costs little; the long-lived rule set is never walked.
    """

    def __init__(self, alle: int = 1000) -> None:
        self.alle, self.n = alle, 0

    def __call__(self) -> None:
        self.n += 1
        if self.n % self.alle == 0:
            gc.collect(0)


class Fortschritt:
    """Reports progress every 50 services and at the end (``basis``: services done before)."""

    def __init__(self, melde: Callable[[int, int], None] | None, gesamt: int) -> None:
        self.melde, self.gesamt, self.basis = melde, gesamt, 0

    def __call__(self, fertig: int, _gesamt: int = 0) -> None:
        n = self.basis + fertig
        if self.melde is not None and (n % 50 == 0 or n == self.gesamt):
            self.melde(n, self.gesamt)
