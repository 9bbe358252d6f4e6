"""A JSON inventory, read as a stream (ijson's C parser): ``{"stichtag": …, "zeilen": [{…}, …]}``.

Each row is an object ``{column title or field name: value}``. The rows are parsed event by event
(nothing is nested in Python, so a document nested 100,000 deep costs no recursion), each key is
looked up once in a dict (linear time however many distinct keys there are), and the rows go
to an ``Ablage`` as sparse ``{column index: value}`` — the whole body is never held as objects.
``NaN``/``Infinity`` are not JSON and are refused; a nested value in a cell is refused with its
path. Numbers arrive as ``int`` or ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

import ijson

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening.ablage import Ablage
from screening.grenzen import STANDARD, Grenzueberschreitung, Lesefrist, Lesegrenzen, zahl, zelle_zu_lang

TITEL = "Die Bestandsliste ist ungültig."
_SKALAR = {"string", "number", "boolean", "null"}
_KEIN_JSON = (
    "Kein gültiges JSON (NaN, Infinity, Zahlen mit mehr als 4.300 Stellen und Syntaxfehler sind nicht erlaubt)."
)


def _ungueltig(pfad: str, meldung: str) -> UngueltigeEingabe:
    return UngueltigeEingabe([Feldproblem(pfad, meldung)], TITEL)


class _Ereignisse:
    """ijson's events with a look at the next one; parser errors become German 422 problems."""

    def __init__(self, datei: IO[bytes], frist: Lesefrist) -> None:
        self._quelle = ijson.basic_parse(datei, use_float=False, buf_size=65_536)
        self._frist = frist
        self._n = 0

    def __next__(self) -> tuple[str, Any]:
        self._n += 1
        if self._n % 4096 == 0:
            self._frist.pruefe()
        try:
            return next(self._quelle)
        except StopIteration:
            raise _ungueltig("", "Das JSON-Dokument endet vorzeitig.") from None
        except (ijson.JSONError, ValueError, SystemError):
            raise _ungueltig("", _KEIN_JSON) from None

    def skip(self, ereignis: str) -> None:
        """Skip a value that began with ``ereignis`` (however deeply nested), building nothing."""
        tiefe = 1 if ereignis in ("start_map", "start_array") else 0
        while tiefe:
            art, _ = next(self)
            tiefe += art in ("start_map", "start_array")
            tiefe -= art in ("end_map", "end_array")


def read_json_table(
    datei: IO[bytes],
    ablage: Callable[[], Ablage[Any]],
    grenzen: Lesegrenzen = STANDARD,
    frist: Lesefrist | None = None,
) -> tuple[list[str], Ablage[Any], Any]:
    """(column keys in order of appearance, Ablage of (row number, {column index: value}), stichtag value).

    ``UngueltigeEingabe`` for a body of the wrong shape (with the field path), ``Grenzueberschreitung``
    for too many rows or columns, a too long cell or the deadline.
    """
    frist = frist or Lesefrist(grenzen.max_sekunden)
    zeilen = ablage()
    try:
        return _read(_Ereignisse(datei, frist), zeilen, grenzen)
    except (ValueError, SystemError):  # ijson's C parser on an integer beyond Python's 4,300 digits
        zeilen.close()
        raise _ungueltig("", _KEIN_JSON) from None
    except BaseException:
        zeilen.close()
        raise


def _read(ereignisse: _Ereignisse, zeilen: Ablage[Any], grenzen: Lesegrenzen) -> tuple[list[str], Ablage[Any], Any]:
    if next(ereignisse)[0] != "start_map":
        raise _ungueltig("zeilen", 'Erwartet: {"zeilen": [{Spalte: Wert, …}, …]}.')
    spalten: dict[str, int] = {}
    stichtag: Any = None
    gesehen: set[str] = set()
    while True:
        art, schluessel = next(ereignisse)
        if art == "end_map":
            break
        if schluessel in gesehen:
            raise _ungueltig(schluessel, "Dieses Feld kommt doppelt vor.")
        gesehen.add(schluessel)
        art, wert = next(ereignisse)
        if schluessel == "stichtag":
            if art not in _SKALAR:
                ereignisse.skip(art)
                raise _ungueltig("stichtag", "Erwartet: ein Datum im Format JJJJ-MM-TT.")
            stichtag = wert
        elif schluessel == "zeilen":
            if art != "start_array":
                ereignisse.skip(art)
                raise _ungueltig("zeilen", 'Erwartet: {"zeilen": [{Spalte: Wert, …}, …]}.')
            for nummer, zellen in _rows(ereignisse, spalten, grenzen):
                zeilen.append((nummer, zellen))
        else:
            raise _ungueltig(schluessel[:80], "Unbekanntes Feld (erlaubt: „stichtag“ und „zeilen“).")
    if "zeilen" not in gesehen:
        raise _ungueltig("zeilen", 'Erwartet: {"zeilen": [{Spalte: Wert, …}, …]}.')
    return list(spalten), zeilen, stichtag


def _rows(
    ereignisse: _Ereignisse, spalten: dict[str, int], grenzen: Lesegrenzen
) -> Iterator[tuple[int, dict[int, Any]]]:
    i = -1
    while True:
        art, _ = next(ereignisse)
        if art == "end_array":
            return
        i += 1
        if i >= grenzen.max_zeilen:
            raise Grenzueberschreitung(
                "zeilen", f"Zu viele Zeilen (höchstens {zahl(grenzen.max_zeilen)}); bitte die Liste aufteilen."
            )
        if art != "start_map":
            ereignisse.skip(art)
            raise _ungueltig(f"zeilen[{i}]", "Jede Zeile muss ein Objekt {Spalte: Wert} sein.")
        zellen: dict[int, Any] = {}
        while True:
            art, schluessel = next(ereignisse)
            if art == "end_map":
                break
            index = spalten.get(schluessel)
            if index is None:
                if len(spalten) >= grenzen.max_spalten:
                    raise Grenzueberschreitung(
                        "spalten", f"Zu viele verschiedene Spalten (höchstens {zahl(grenzen.max_spalten)})."
                    )
                index = spalten[schluessel] = len(spalten)
            art, wert = next(ereignisse)
            if art not in _SKALAR:
                ereignisse.skip(art)
                raise _ungueltig(
                    f"zeilen[{i}].{schluessel[:80]}", "Ein Zellwert muss Text, Zahl, true/false oder null sein."
                )
            if index in zellen:
                raise _ungueltig(f"zeilen[{i}].{schluessel[:80]}", "Dieses Feld kommt doppelt vor.")
            if isinstance(wert, str) and len(wert) > grenzen.max_zellzeichen:
                raise zelle_zu_lang(grenzen, f"zeilen[{i}].{schluessel[:80]}")
            if wert is not None:
                zellen[index] = wert
        yield i + 2, zellen
