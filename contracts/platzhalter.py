"""Filling templates and collecting the gaps: every "[… ergänzen]" of a document, once per place.

``Sammler.fuelle`` replaces the ``{name}`` variables of a template by their values; a missing fact
(``Fehlt``) becomes the library's placeholder text. Every bracketed gap of the finished text is
registered with where it occurs and, where known, the missing field of the case file (its path,
and its name in the users' words for the documents).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contracts.entwurf import Platzhalter
from contracts.feldnamen import feld_bezeichnung
from contracts.formatting import format_citation
from contracts.klauselbibliothek import GROSS, fill_template, template_variables

PLATZHALTER_MUSTER = re.compile(r"\[[^\[\]]*ergänzen[^\[\]]*\]")


class Sammler:
    """Collects the placeholders of one document in document order, each once per place."""

    def __init__(self, bib: Any, fallakte: Any) -> None:
        self.bib = bib
        self.fallakte = fallakte
        self.eintraege: dict[tuple[str, str], Platzhalter] = {}

    def fuelle(self, vorlage: str, werte: Mapping[str, Any], fundstelle: str) -> str:
        """The template with its values; gaps are registered under ``fundstelle``."""
        texte: dict[str, str] = {}
        felder: dict[str, str] = {}
        for name in template_variables(vorlage):
            basis = name[len(GROSS) :] if name.startswith(GROSS) and name not in werte else name
            wert = werte[basis]
            if isinstance(wert, str):
                texte[basis] = wert
                continue
            text = self.bib.platzhalter[wert.platzhalter]
            if wert.feld:
                felder[format_citation(text)] = wert.feld
            texte[basis] = text
        return self.pruefe(format_citation(fill_template(vorlage, texte)), fundstelle, felder)

    def pruefe(self, text: str, fundstelle: str, felder: Mapping[str, str] | None = None) -> str:
        """Register every "[… ergänzen]" of a finished text, with the missing field where known."""
        for treffer in PLATZHALTER_MUSTER.findall(text):
            feld = (felder or {}).get(treffer)
            angabe = feld_bezeichnung(feld, self.fallakte) if feld else None
            self.eintraege.setdefault((treffer, fundstelle), Platzhalter(treffer, fundstelle, feld, angabe))
        return text

    def liste(self) -> tuple[Platzhalter, ...]:
        return tuple(self.eintraege.values())
