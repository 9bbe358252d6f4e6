"""``Dateiablage``: an ``Ablage`` on a temporary file (pickled records, offsets in an int array).

Memory per record: one 8-byte offset. Records are written with ``pickle.dumps`` one by one (no
shared memo, so nothing accumulates) and read back by offset with ``os.pread`` — indexing and
iteration do not disturb appending. The file disappears when the Ablage is closed or collected.
``raw_records`` and ``append_raw`` move the pickled bytes as they are (the screening store of
the upload page copies a run's records into the database and back: api/screening_store.py).

Handing over between processes: a worker process (api/worker_pool.py) creates its Ablage in a
directory (``Dateiablage(verzeichnis)``: a named file), fills it and passes ``uebergeben()`` — the
file's path and offsets, a few bytes per record — to the server process, whose
``Dateiablage.uebernehmen`` opens the file and removes its name at once. The records are never
copied; from then on the file is as anonymous as any other Ablage's.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from advisor.screening.ablage import gleiche_folgen


@dataclass(frozen=True)
class Ablageuebergabe:
    """A filled ``Dateiablage`` on its way to another process: its file and record offsets."""

    pfad: str
    anfaenge: bytes
    ende: int


class Dateiablage(Sequence[Any]):
    """An append-only sequence of picklable records kept in a temporary file (named, in
    ``verzeichnis``, when it is to be handed over to another process)."""

    def __init__(self, verzeichnis: str | None = None) -> None:
        self._pfad: str | None = None
        if verzeichnis is None:
            self._datei: IO[bytes] = tempfile.TemporaryFile(prefix="ikz-screening-")
        else:
            fd, self._pfad = tempfile.mkstemp(prefix="ikz-screening-", dir=verzeichnis)
            self._datei = os.fdopen(fd, "w+b")
        self._anfang = array("q")
        self._ende = 0
        self._ungeschrieben = False

    def uebergeben(self) -> Ablageuebergabe:
        """Close this Ablage and leave its file for ``uebernehmen`` in another process."""
        if self._pfad is None:
            raise TypeError("Nur eine Dateiablage in einem Verzeichnis lässt sich übergeben.")
        self._datei.flush()
        self._datei.close()
        uebergabe = Ablageuebergabe(self._pfad, self._anfang.tobytes(), self._ende)
        self._pfad = None  # no longer this object's to remove
        return uebergabe

    @classmethod
    def uebernehmen(cls, uebergabe: Ablageuebergabe) -> Dateiablage:
        """The Ablage another process handed over; its file's name is removed at once."""
        ablage = cls.__new__(cls)
        ablage._pfad = None
        ablage._datei = open(uebergabe.pfad, "r+b")  # closed by close() or __del__
        os.unlink(uebergabe.pfad)
        ablage._datei.seek(uebergabe.ende)  # appending goes on after the last record
        ablage._anfang = array("q")
        ablage._anfang.frombytes(uebergabe.anfaenge)
        ablage._ende = uebergabe.ende
        ablage._ungeschrieben = False
        return ablage

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
        self._entfernen()

    def _entfernen(self) -> None:
        if self._pfad is not None:
            pfad, self._pfad = self._pfad, None
            try:
                os.unlink(pfad)
            except FileNotFoundError:
                pass

    def __del__(self) -> None:
        try:
            self._datei.close()
            self._entfernen()
        except Exception:  # interpreter shutdown
            pass


def dateiablage() -> Dateiablage:
    return Dateiablage()
