"""A DOCX edited by the legal team in Word, compared with the generated one, clause by clause.

Both files are read the same way (``lies_textmarken``: the text under each clause bookmark as
"accept all changes" leaves it), so layout details of the renderer never show up as changes.
The result lists only clauses whose text differs, those whose bookmark is gone from the upload
(``fehlt``), and nothing is merged into the case: the reviewers decide what to take over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contracts.redline.abschnitte import Pruefabschnitt
from contracts.redline.textmarken import lies_textmarken, normalisiert, textmarke
from contracts.redline.vergleich import wortdiff

GEAENDERT, FEHLT = "geaendert", "fehlt"


@dataclass(frozen=True, slots=True)
class Abweichung:
    """A clause whose uploaded text differs from the generated one (``art`` "geaendert"), or
    whose bookmark the upload no longer has (``art`` "fehlt", ``hochgeladen`` None)."""

    id: str
    ueberschrift: str
    art: str
    generiert: str
    hochgeladen: str | None
    stuecke: tuple[tuple[str, str], ...]


def abgleich(hochgeladen: bytes, generiert: bytes, abschnitte: Sequence[Pruefabschnitt]) -> list[Abweichung]:
    """Clauses of ``abschnitte`` whose text in the uploaded DOCX differs from the generated DOCX,
    in document order. Raises ``DocxUnlesbar`` (German message) for a file that is no DOCX."""
    vorher = lies_textmarken(generiert)
    nachher = lies_textmarken(hochgeladen)
    result: list[Abweichung] = []
    for a in abschnitte:
        name = textmarke(a.id)
        original = vorher.get(name)
        if original is None:
            continue
        bearbeitet = nachher.get(name)
        if bearbeitet is None:
            result.append(Abweichung(a.id, a.ueberschrift, FEHLT, original, None, (("-", original),)))
        elif normalisiert(bearbeitet) != normalisiert(original):
            stuecke = wortdiff(normalisiert(original), normalisiert(bearbeitet))
            result.append(Abweichung(a.id, a.ueberschrift, GEAENDERT, original, bearbeitet, stuecke))
    return result
