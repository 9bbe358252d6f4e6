"""The garbage-collector handling of a bulk screening run — an adapter concern, kept out of advisor/.

``advisor.screening.durchlauf.screen_inventory`` takes a ``Speicherpflege``; the pure core passes
none (nothing happens), this adapter's ``GcPflege`` pauses the cyclic collector while thousands of
models are built and collects the youngest generation now and then. Measured with
``benchmarks/screening.py``: the cyclic collector adds about a third to bulk validation.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


@contextmanager
def paused_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of models are built.

    On exit the objects built so far are frozen (``gc.freeze``: never scanned again, still freed
    by reference counting) and the collector is re-enabled; so the first collection afterwards
    does not walk every model of the run. A long-running server calls ``gc.unfreeze()`` once the
    response is out.
    """
    war_an = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if war_an:
            gc.enable()


class GcPflege:
    """The ``Speicherpflege`` of a real run: the collector paused, generation 0 collected every
    ``alle`` rows.

    A run creates a little cyclic garbage per row (measured: about 20 objects, mostly caught
    exceptions with their frames); paused for a whole streamed run of 100,000 rows it would pile up
    to hundreds of MB. Collecting only generation 0 looks at the objects created since the last
    collection, so it costs little; the long-lived rule set is never walked.
    """

    def __init__(self, alle: int = 1000) -> None:
        self.alle, self.n = alle, 0

    def pausiert(self) -> AbstractContextManager[None]:
        return paused_cyclic_gc()

    def zwischendurch(self) -> None:
        self.n += 1
        if self.n % self.alle == 0:
            gc.collect(0)
