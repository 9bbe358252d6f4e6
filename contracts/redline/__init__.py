"""Clause identity, clause-level comparison and Word tracked changes (issue 13).

- ``abschnitte(dokument)``: the units of a document with stable ids (``kostenerstattung.2``);
- ``vergleiche(alt, neu)``: how each unit changed between two versions (word-level diff);
- ``redline_docx(aenderungen, …)``: the comparison as DOCX with real ``w:ins``/``w:del``;
- ``abgleich(hochgeladen, generiert, abschnitte)``: the clauses a legal team changed in Word;
- ``textmarke(id)`` / ``lies_textmarken(docx)``: the ids as Word bookmarks, and reading them back.

All pure apart from python-docx building bytes in memory.
"""

from contracts.redline.abgleich import Abweichung, abgleich
from contracts.redline.abschnitte import Pruefabschnitt, abschnitte, klauseltexte
from contracts.redline.textmarken import DocxUnlesbar, lies_textmarken, textmarke
from contracts.redline.vergleich import Aenderung, text_nach, text_vor, vergleiche, zusammenfassung
from contracts.redline.word import redline_docx

__all__ = [
    "Pruefabschnitt",
    "Abweichung",
    "Aenderung",
    "DocxUnlesbar",
    "abgleich",
    "abschnitte",
    "klauseltexte",
    "lies_textmarken",
    "redline_docx",
    "text_nach",
    "text_vor",
    "textmarke",
    "vergleiche",
    "zusammenfassung",
]
