"""Where a screening run keeps its rows: an append-only sequence ("Ablage") the adapter chooses.

The pure run writes every screened row and every problem to an ``Ablage`` as soon as it has it
and keeps only aggregates (summary, ranking keys) itself, so that its memory does not grow with
the inventory. ``Listenablage`` keeps the objects in memory (tests, small runs); the adapters use
a temporary file (``screening.ablage.Dateiablage``) for large inventories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

T = TypeVar("T")


@runtime_checkable
class Ablage(Protocol[T]):
    """An append-only sequence: ``append``, ``len``, indexing and iteration in order, ``close``."""

    def append(self, obj: T) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> T: ...
    def __iter__(self) -> Any: ...
    def close(self) -> None: ...


class Listenablage(list[T]):
    """An ``Ablage`` in memory (a list); ``close`` does nothing."""

    def close(self) -> None:
        return None


#: Makes a new, empty Ablage for each kind of record of a run.
AblageFabrik = Callable[[], Ablage[Any]]


def listenablage() -> Ablage[Any]:
    return Listenablage()


def gleiche_folgen(a: Iterable[Any], b: Sequence[Any]) -> bool:
    """Element-wise equality of two sequences of any kind (a file-backed one compares like a tuple)."""
    if len(a) != len(b):  # type: ignore[arg-type]
        return False
    return all(x == y for x, y in zip(a, b, strict=True))
