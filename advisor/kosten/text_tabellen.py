"""Plain-text tables for the terminal (``ikz calculate``, ``ikz settle``): columns, widths, sums.

Pure: returns strings. Every money column ends with its sum row, so the reader can check that it
adds up.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.fallakte import Fallakte

_MAX_TEXT = 46


def kurz(text: str, breite: int = _MAX_TEXT) -> str:
    return text if len(text) <= breite else text[: breite - 1] + "…"


def tabelle(
    kopf: Sequence[str], zeilen: Sequence[Sequence[str]], rechts: set[int], summe: Sequence[str] | None = None
) -> list[str]:
    alle = [list(kopf), *[list(z) for z in zeilen], *([list(summe)] if summe else [])]
    breiten = [max(len(z[i]) for z in alle) for i in range(len(kopf))]

    def zeile(z: Sequence[str]) -> str:
        return (
            "  "
            + "  ".join(
                z[i].rjust(breiten[i]) if i in rechts else z[i].ljust(breiten[i]) for i in range(len(z))
            ).rstrip()
        )

    linie = "  " + "  ".join("-" * b for b in breiten)
    text = [zeile(kopf), linie, *(zeile(z) for z in zeilen)]
    if summe:
        text += [linie, zeile(summe)]
    return text


def name(fallakte: Fallakte | None, kennung: str) -> str:
    if fallakte is None:
        return kennung
    try:
        return kurz(f"{fallakte.beteiligter(kennung).name}", 30)
    except KeyError:
        return kennung
