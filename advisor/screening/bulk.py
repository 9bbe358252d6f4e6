"""Plumbing of a bulk run: the memory hook its caller may pass, throttled progress reports."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol


class Speicherpflege(Protocol):
    """What a bulk run lets its caller do about memory: a context for the whole run and a call per
    row. The pure core does nothing (``KEINE_PFLEGE``); the adapter ``screening.speicher.GcPflege``
    pauses the cyclic garbage collector (measured: a third faster bulk validation)."""

    def pausiert(self) -> AbstractContextManager[None]: ...

    def zwischendurch(self) -> None: ...


class _KeinePflege:
    def pausiert(self) -> AbstractContextManager[None]:
        return nullcontext()

    def zwischendurch(self) -> None:
        return None


KEINE_PFLEGE: Speicherpflege = _KeinePflege()


class Fortschritt:
    """Reports progress every 50 services and at the end (``basis``: services done before)."""

    def __init__(self, melde: Callable[[int, int], None] | None, gesamt: int) -> None:
        self.melde, self.gesamt, self.basis = melde, gesamt, 0

    def __call__(self, fertig: int, _gesamt: int = 0) -> None:
        n = self.basis + fertig
        if self.melde is not None and (n % 50 == 0 or n == self.gesamt):
            self.melde(n, self.gesamt)
