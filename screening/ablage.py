"""``Dateiablage``: an ``Ablage`` on a temporary file (pickled records, offsets in an int array).

Memory per record: one 8-byte offset. Records are written with ``pickle.dumps`` one by one (no
shared memo, so nothing accumulates) and read back by offset with ``os.pread`` — indexing and
iteration do not disturb appending. The file disappears when the Ablage is closed or collected.
``raw_records`` and ``append_raw`` move the pickled bytes as they are (the screening store of
the upload page copies a run's records into the database and back: api/screening_store.py).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

from advisor.screening.ablage import gleiche_folgen


class Dateiablage(Sequence[Any]):
    """An append-only sequence of picklable records kept in a temporary file."""

    def __init__(self) -> None:
        self._datei = tempfile.TemporaryFile(prefix="ikz-screening-")
        self._anfang = array("q")
        self._ende = 0
        self._ungeschrieben = False

    def append(self, obj: Any) -> None:
        self.append_raw(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def append_raw(self, daten: bytes) -> None:
        """Append one record already pickled (and checked by the caller)."""
        self._anfang.append(self._ende)
        self._datei.write(daten)
        self._ende += len(daten)
        self._ungeschrieben = True

    def raw_records(self) -> Iterator[bytes]:
        """The pickled bytes of every record, in order."""
        for i in range(len(self)):
            yield self._bytes(i)

    def __len__(self) -> int:
        return len(self._anfang)

    def _bytes(self, i: int) -> bytes:
        if self._ungeschrieben:
            self._datei.flush()
            self._ungeschrieben = False
        ende = self._anfang[i + 1] if i + 1 < len(self._anfang) else self._ende
        return os.pread(self._datei.fileno(), ende - self._anfang[i], self._anfang[i])

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError(index)
        return pickle.loads(self._bytes(i))

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield pickle.loads(self._bytes(i))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and gleiche_folgen(self, other)

    __hash__ = None  # type: ignore[assignment]

    def close(self) -> None:
        self._datei.close()

    def __del__(self) -> None:
        try:
            self._datei.close()
        except Exception:  # interpreter shutdown
            pass


def dateiablage() -> Dateiablage:
    return Dateiablage()
