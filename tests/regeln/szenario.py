"""The state one German § 2b scenario builds up, and the parser of its step texts (shared by the
step modules of tests/regeln)."""

from __future__ import annotations

from typing import Any

from pytest_bdd import parsers

from advisor.bewertung import Bewertung, Leistungsbewertung
from advisor.kosten import Kalkulation
from tests.regeln.faelle import TYPEN, grundfall


def muster(text: str) -> parsers.parse:
    """A step text with the German value types (Euro, Prozent, Datum, Zahl)."""
    return parsers.parse(text, extra_types=TYPEN)


class Szenario:
    """What one scenario builds up: the case data (or an example's text) and the assessment."""

    def __init__(self) -> None:
        self.daten: dict[str, Any] = grundfall()
        self.beispiel: str | None = None
        self.bewertung: Bewertung | None = None
        self.kalkulation: Kalkulation | None = None

    @property
    def leistung(self) -> dict[str, Any]:
        return self.daten["leistungen"][0]

    def ergebnis(self) -> Leistungsbewertung:
        assert self.bewertung is not None, "Der Schritt „Wenn … bewertet wird“ fehlt."
        assert len(self.bewertung.leistungen) == 1, "Der Fall hat mehrere Leistungen; bitte die Leistung nennen."
        return self.bewertung.leistungen[0]

    def leistung_namens(self, kennung: str) -> Leistungsbewertung:
        assert self.bewertung is not None
        return next(lb for lb in self.bewertung.leistungen if lb.leistung == kennung)
