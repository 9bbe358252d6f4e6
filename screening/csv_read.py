"""A bounded, streaming CSV table reader (the standard library's ``csv``, row by row).

Encoding: UTF-8 (with or without BOM) or, as German Excel saves it, Windows-1252 — decided by a
first pass that only decodes (in 64 KB steps) before any row is built. Separator ``;``, ``,`` or
tab: the one most frequent in the header line. While the rows are read: at most
``max_zeilen`` data rows, ``max_spalten`` columns per row, ``max_zellzeichen`` characters per
cell, and the reading deadline — each checked before the row is handed on.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from screening.grenzen import STANDARD, Lesefrist, Lesegrenzen, zelle_zu_lang, zu_viele_spalten, zu_viele_zeilen

_CHUNK = 65_536


class CsvFehler(ValueError):
    """The file is no readable CSV table (message in German)."""


def detect_encoding(datei: IO[bytes], frist: Lesefrist) -> str:
    """``utf-8-sig`` if the whole file decodes as UTF-8, else ``cp1252``; the file is rewound."""
    datei.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := datei.read(_CHUNK):
            decoder.decode(chunk)
            frist.pruefe()
        decoder.decode(b"", final=True)
        kodierung = "utf-8-sig"
    except UnicodeDecodeError:
        kodierung = "cp1252"
    datei.seek(0)
    return kodierung


def _separator(datei: IO[bytes], kodierung: str) -> str:
    anfang = datei.read(_CHUNK).decode(kodierung, errors="ignore")
    datei.seek(0)
    kopfzeile = anfang.lstrip("\ufeff").split("\n", 1)[0]
    return max((";", ",", "\t"), key=kopfzeile.count)


def iter_csv(
    datei: IO[bytes], grenzen: Lesegrenzen = STANDARD, frist: Lesefrist | None = None
) -> Iterator[tuple[int, list[Any]]]:
    """(record number, cells) of every record, the header being number 1; blank records are skipped.

    ``CsvFehler``: not readable as CSV; ``Grenzueberschreitung``: a bound crossed.
    """
    frist = frist or Lesefrist(grenzen.max_sekunden)
    kodierung = detect_encoding(datei, frist)
    trenner = _separator(datei, kodierung)
    text = io.TextIOWrapper(datei, encoding=kodierung, errors="replace", newline="")
    nummer, gezaehlt = 0, 0
    try:
        for datensatz in csv.reader(text, delimiter=trenner):
            nummer += 1
            frist.pruefe()
            if not datensatz:
                continue
            gezaehlt += 1
            if gezaehlt > grenzen.max_zeilen + 1:
                raise zu_viele_zeilen(grenzen)
            if len(datensatz) > grenzen.max_spalten:
                raise zu_viele_spalten(grenzen, nummer)
            if any(len(z) > grenzen.max_zellzeichen for z in datensatz):
                raise zelle_zu_lang(grenzen, f"Zeile {nummer}")
            yield nummer, datensatz
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            raise zelle_zu_lang(grenzen, f"Zeile {nummer + 1}") from None
        raise CsvFehler(f"Keine gültige CSV-Datei (Datensatz {nummer + 1}).") from None
    finally:
        with contextlib.suppress(ValueError):  # the file may already be closed by its owner
            text.detach()  # the caller owns the file
