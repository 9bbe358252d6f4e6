"""Stable clause ids: every document of a case as a flat list of reviewable units.

A unit (``Pruefabschnitt``) is what a reviewer comments on, what a redline compares and what an
approval refers to. Its id stays the same across versions as long as the place exists:

| document part                         | id                          | example                  |
|---------------------------------------|-----------------------------|--------------------------|
| agreement: heading of a clause        | the clause's library id     | ``kostenerstattung``     |
| agreement: paragraph n of a clause    | ``<clause>.<n>``            | ``kostenerstattung.2``   |
| agreement: the parties' block         | ``parteien``                | ``parteien``             |
| annex: heading / block n              | ``anlage.<annex id>[.<n>]`` | ``anlage.kalkulation.1`` |
| other documents: key facts table      | ``kopfdaten``               | ``kopfdaten``            |
| other documents: part heading / block | ``<slug>[.<n>]``            | ``sachverhalt.2``        |

A part's slug is its heading without the leading number ("2. Rechtliche Würdigung" →
``rechtliche_wuerdigung``), so renumbering parts keeps the ids. Ids are unique within a document
(a repeated slug gets ``_2``, ``_3``). Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contracts.entwurf import Absatz, Block, Entwurf, Schriftstueck, Tabelle, Text, Zwischentitel

UEBERSCHRIFT = "ueberschrift"
ABSATZ = "absatz"

_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


@dataclass(frozen=True, slots=True)
class Pruefabschnitt:
    """One reviewable unit: its stable ``id``, the clause ``ueberschrift`` it belongs to (for
    display), its ``art`` (``UEBERSCHRIFT`` or ``ABSATZ``) and its plain ``text``."""

    id: str
    ueberschrift: str
    art: str
    text: str


def slug(text: str) -> str:
    """A heading as an id part: without a leading number, ASCII, lower case, words joined by "_"."""
    ohne_nummer = re.sub(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[A-Z]\.|[IVX]+\.)\s+", "", text)
    ascii_text = ohne_nummer.translate(_UMLAUTE).lower()
    woerter = re.findall(r"[a-z0-9]+", ascii_text)
    return "_".join(woerter[:6]) or "teil"


def _absatz_text(eintrag: Absatz) -> str:
    return "\n".join((eintrag.text, *eintrag.aufzaehlung)) if eintrag.aufzaehlung else eintrag.text


def block_text(block: Block) -> str:
    """A block as plain text: a table row per line with cells separated by " | "."""
    if isinstance(block, Zwischentitel):
        return block.text
    if isinstance(block, Tabelle):
        zeilen = [block.spalten, *block.zeilen, *block.summen]
        kopf = [block.titel] if block.titel else []
        return "\n".join([*kopf, *(" | ".join(z) for z in zeilen)])
    if isinstance(block, Text):
        return "\n".join(t for t in (block.text, *block.liste) if t)
    raise TypeError(type(block))


def _vereinbarung(entwurf: Entwurf) -> list[Pruefabschnitt]:
    result: list[Pruefabschnitt] = []
    parteien = "\n".join(f"{p.im_dativ}, {p.vertretung} – „{p.kurzbezeichnung}“" for p in entwurf.parteien)
    result.append(Pruefabschnitt("parteien", "Vertragsparteien", ABSATZ, parteien))
    for klausel in entwurf.klauseln:
        result.append(Pruefabschnitt(klausel.id, klausel.ueberschrift, UEBERSCHRIFT, klausel.ueberschrift))
        for n, eintrag in enumerate(klausel.absaetze, start=1):
            result.append(Pruefabschnitt(f"{klausel.id}.{n}", klausel.ueberschrift, ABSATZ, _absatz_text(eintrag)))
    for anlage in entwurf.anlagen:
        basis = f"anlage.{anlage.id}"
        result.append(Pruefabschnitt(basis, anlage.ueberschrift, UEBERSCHRIFT, anlage.ueberschrift))
        for n, block in enumerate(anlage.bloecke, start=1):
            result.append(Pruefabschnitt(f"{basis}.{n}", anlage.ueberschrift, ABSATZ, block_text(block)))
    return result


def teil_kennungen(s: Schriftstueck) -> list[str]:
    """The id of each part of a document, in order (slug of its heading, repeated ones numbered)."""
    vergeben: dict[str, int] = {}
    result = []
    for teil in s.teile:
        basis = slug(teil.ueberschrift)
        vergeben[basis] = vergeben.get(basis, 0) + 1
        result.append(basis if vergeben[basis] == 1 else f"{basis}_{vergeben[basis]}")
    return result


def _schriftstueck(s: Schriftstueck) -> list[Pruefabschnitt]:
    result: list[Pruefabschnitt] = []
    if s.kopfdaten:
        result.append(Pruefabschnitt("kopfdaten", s.titel, ABSATZ, "\n".join(f"{k} | {v}" for k, v in s.kopfdaten)))
    for basis, teil in zip(teil_kennungen(s), s.teile, strict=True):
        result.append(Pruefabschnitt(basis, teil.ueberschrift, UEBERSCHRIFT, teil.ueberschrift))
        for n, block in enumerate(teil.bloecke, start=1):
            result.append(Pruefabschnitt(f"{basis}.{n}", teil.ueberschrift, ABSATZ, block_text(block)))
    return result


def abschnitte(dokument: Entwurf | Schriftstueck) -> tuple[Pruefabschnitt, ...]:
    """The document's units in reading order, each with its stable id (see the module docstring)."""
    if isinstance(dokument, Entwurf):
        return tuple(_vereinbarung(dokument))
    return tuple(_schriftstueck(dokument))


def klauseltexte(dokument: Entwurf | Schriftstueck) -> dict[str, str]:
    """id → text of every unit of the document."""
    return {a.id: a.text for a in abschnitte(dokument)}
