"""Clause-level comparison of two versions of a document (pure).

Units are matched by their stable id (``contracts.redline.abschnitte``), in the order of the
newer version with removed units kept at their old place. A unit is ``gleich`` (same text),
``geaendert`` (same id, other text: a word-level diff in ``stuecke``), ``neu`` (only in the newer
version) or ``entfallen`` (only in the older). ``stuecke`` is a list of (``"="``|``"+"``|``"-"``,
text) whose "=" and "+" parts give the newer text and whose "=" and "-" parts give the older.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from contracts.redline.abschnitte import Pruefabschnitt

GLEICH, GEAENDERT, NEU, ENTFALLEN = "gleich", "geaendert", "neu", "entfallen"

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class Aenderung:
    """How one unit differs between the versions (see the module docstring)."""

    id: str
    ueberschrift: str
    art: str
    stil: str
    alt: str | None
    neu: str | None
    stuecke: tuple[tuple[str, str], ...]


def _woerter(alt: str, neu: str, result: list[tuple[str, str]]) -> None:
    a, b = _TOKEN.findall(alt), _TOKEN.findall(neu)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _anhaengen(result, "=", "".join(a[i1:i2]))
        else:
            _anhaengen(result, "-", "".join(a[i1:i2]))
            _anhaengen(result, "+", "".join(b[j1:j2]))


def _anhaengen(result: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if result and result[-1][0] == op:
        result[-1] = (op, result[-1][1] + text)
    else:
        result.append((op, text))


def wortdiff(alt: str, neu: str) -> tuple[tuple[str, str], ...]:
    """Word-level differences: ("=", same), ("-", removed), ("+", inserted), in reading order.

    Lines (table rows, list items) are matched first and words only inside changed lines, so a
    long annex table with one changed row costs a line comparison, not a quadratic word one."""
    result: list[tuple[str, str]] = []
    a, b = alt.splitlines(keepends=True), neu.splitlines(keepends=True)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _anhaengen(result, "=", "".join(a[i1:i2]))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                _woerter(x, y, result)
        elif tag == "replace":
            _woerter("".join(a[i1:i2]), "".join(b[j1:j2]), result)
        else:
            _anhaengen(result, "-", "".join(a[i1:i2]))
            _anhaengen(result, "+", "".join(b[j1:j2]))
    return tuple(result)


def vergleiche(alt: Sequence[Pruefabschnitt], neu: Sequence[Pruefabschnitt]) -> list[Aenderung]:
    """Every unit of both versions with how it changed, in the newer version's order."""
    alt_ids, neu_ids = [a.id for a in alt], [n.id for n in neu]
    result: list[Aenderung] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, alt_ids, neu_ids, autojunk=False).get_opcodes():
        if tag == "equal":
            for a, n in zip(alt[i1:i2], neu[j1:j2], strict=True):
                if a.text == n.text:
                    result.append(Aenderung(n.id, n.ueberschrift, GLEICH, n.art, a.text, n.text, (("=", n.text),)))
                else:
                    stuecke = wortdiff(a.text, n.text)
                    result.append(Aenderung(n.id, n.ueberschrift, GEAENDERT, n.art, a.text, n.text, stuecke))
            continue
        for a in alt[i1:i2]:
            result.append(Aenderung(a.id, a.ueberschrift, ENTFALLEN, a.art, a.text, None, (("-", a.text),)))
        for n in neu[j1:j2]:
            result.append(Aenderung(n.id, n.ueberschrift, NEU, n.art, None, n.text, (("+", n.text),)))
    return result


def text_nach(aenderungen: Sequence[Aenderung]) -> list[str]:
    """The newer version's unit texts, rebuilt from the differences (accept all changes)."""
    return ["".join(t for op, t in a.stuecke if op != "-") for a in aenderungen if a.art != ENTFALLEN]


def text_vor(aenderungen: Sequence[Aenderung]) -> list[str]:
    """The older version's unit texts, rebuilt from the differences (reject all changes)."""
    return ["".join(t for op, t in a.stuecke if op != "+") for a in aenderungen if a.art != NEU]


def zusammenfassung(aenderungen: Sequence[Aenderung]) -> dict[str, int]:
    """How many units are gleich / geaendert / neu / entfallen."""
    zaehler = {GLEICH: 0, GEAENDERT: 0, NEU: 0, ENTFALLEN: 0}
    for a in aenderungen:
        zaehler[a.art] += 1
    return zaehler
