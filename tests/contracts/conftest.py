"""Fixtures for the documents: advice (Beratung) for the shipped examples and hand-made ones, and
the documents of every example rendered once per session (read back with pypdf).

``echte_beratung`` is the real assessment and calculation of a case; ``beratung_mit_ergebnis``
forces an assessment result so that every VAT variant can be tested on the same case. Every
document is dated ``STAND`` unless a test says otherwise.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.bewertung import Bewertung, Empfehlung, Kriterium, Leistungsbewertung, OffeneFrage, Regelwerksstand
from advisor.fallakte import Fallakte
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from tests.conftest import EXAMPLES_DIR
from tests.pdf_text import pdf_seiten

STAND = date(2026, 12, 5)
NBSP = "\u00a0"
ARTEN = ("vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage")

_NORMEN = {
    "nicht_steuerbar": ("ustg_2b_abs3_nr1", "§ 2b Abs. 3 Nr. 1 UStG", "Gesetzlicher Vorbehalt für öffentliche Träger"),
    "steuerpflichtig": ("ustg_2b_abs1_wettbewerb", "§ 2b Abs. 1 Satz 2 UStG", "Größere Wettbewerbsverzerrung"),
    "steuerfrei": ("ustg_4_nr29", "§ 4 Nr. 29 UStG", "Kostenteilungsgemeinschaft"),
    "offen": (None, "§ 2b Abs. 1 Satz 2 UStG", "Größere Wettbewerbsverzerrung"),
}


@dataclass(frozen=True)
class Beratung:
    """Stand-in with the attributes of ``advisor.beratung.Beratung``."""

    fallakte: Fallakte
    bewertung: Bewertung
    kalkulation: Any


def example_fallakte(name: str) -> Fallakte:
    return parse_fallakte((EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def example_daten(name: str) -> dict[str, Any]:
    return yaml.safe_load(io.StringIO((EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8")))


def kalkulation_fuer(fallakte: Fallakte) -> Any:
    from advisor.kosten import calculate
    from rules_loader import load_rate_tables

    return calculate(fallakte, load_rate_tables(), Decimal("19"))


def bewertung_mit(fallakte: Fallakte, ergebnis: str | dict[str, str], *, risiko: str = "gering") -> Bewertung:
    """A hand-made assessment: every service (or each by id) gets the given result."""
    leistungen = []
    for leistung in fallakte.leistungen:
        e = ergebnis if isinstance(ergebnis, str) else ergebnis[leistung.id]
        regel, norm, titel = _NORMEN[e]
        kriterien = (
            Kriterium(
                regel or "ustg_2b_abs1_wettbewerb",
                norm,
                titel,
                "offen" if e == "offen" else "erfuellt",
                f"Begründung für {titel} mit <b>Markup</b> & Sonderzeichen.",
                {},
                (),
                ("BMF-Schreiben vom 16.12.2016, BStBl I 2016, 1451",),
            ),
            Kriterium(
                "ustg_2b_abs2_nr1",
                "§ 2b Abs. 2 Nr. 1 UStG",
                "Umsatzgrenze 17.500 €",
                "nicht_erfuellt",
                "Der Umsatz übersteigt 17.500 €.",
                {},
                (),
                ("§ 2b Abs. 2 Nr. 1 UStG",),
            ),
        )
        offene = (
            (
                OffeneFrage(
                    "private_anbieter_am_markt",
                    "Könnten private Anbieter diese Leistung realistisch erbringen?",
                    f"leistungen[{fallakte.leistungen.index(leistung)}].private_anbieter_am_markt",
                    ("ustg_2b_abs1_wettbewerb",),
                ),
            )
            if e == "offen"
            else ()
        )
        empfehlungen = (
            (
                Empfehlung(
                    "delegation",
                    "Delegierende statt mandatierender Vereinbarung",
                    {"rechtsform": "oerv_delegierend"},
                    "nicht_steuerbar",
                    "mittel",
                    None,
                    Decimal("1234.56"),
                ),
            )
            if e == "steuerpflichtig"
            else ()
        )
        leistungen.append(
            Leistungsbewertung(
                leistung=leistung.id,
                bezeichnung=leistung.bezeichnung,
                regime="ustg_2b",
                ergebnis=e,
                entscheidende_regel=regel,
                risiko=risiko,
                risikogruende=("Verwaltungsauffassung, keine gesetzliche Regel",) if risiko != "gering" else (),
                kriterien=kriterien,
                offene_fragen=offene,
                empfehlungen=empfehlungen,
            )
        )
    einzeln = [lb.ergebnis for lb in leistungen]
    return Bewertung(
        regelwerk=Regelwerksstand("test-1", "ab" * 32, fallakte.stichtag.isoformat(), "ustg_2b"),
        ergebnis=einzeln[0] if len(set(einzeln)) == 1 else "gemischt",
        leistungen=tuple(leistungen),
    )


def beratung_mit_ergebnis(fallakte: Fallakte, ergebnis: str | dict[str, str], **kw: Any) -> Beratung:
    return Beratung(fallakte, bewertung_mit(fallakte, ergebnis, **kw), kalkulation_fuer(fallakte))


def echte_beratung(fallakte: Fallakte) -> Any:
    """The real assessment and calculation of ``fallakte`` (``advisor.beratung.berate``)."""
    from advisor.beratung import berate
    from rules_loader import load_rate_tables, load_rules

    return berate(fallakte, load_rules(), load_rate_tables())


def aus_daten(daten: dict[str, Any]) -> Fallakte:
    return fallakte_aus_dict(copy.deepcopy(daten))


EXAMPLE_NAMES = sorted(p.stem for p in Path(EXAMPLES_DIR).glob("*.yaml"))


@pytest.fixture(scope="session")
def personal_beratung() -> Beratung:
    f = example_fallakte("personalabrechnung-mandatierend")
    return beratung_mit_ergebnis(f, "steuerpflichtig")


seiten = pdf_seiten  # the text of every page, non-breaking spaces as spaces (tests/pdf_text.py)


def flach(texte: list[str]) -> str:
    """All pages as one line: line breaks of the layout do not matter for a phrase."""
    return re.sub(r"\s+", " ", " ".join(texte))


@dataclass(frozen=True)
class Gerendert:
    """A document of an example: the built document, its PDF, its page texts, its DOCX."""

    dokument: Any
    pdf: bytes
    texte: list[str]
    docx: bytes

    @property
    def text(self) -> str:
        return flach(self.texte)


@pytest.fixture(scope="session")
def dokumente() -> dict[tuple[str, str], Gerendert | Exception]:
    """{(example, art): rendered document, or the error the case gives for it}."""
    from advisor.errors import UngueltigeEingabe
    from contracts.dokumente import als_docx, als_pdf, erstelle

    result: dict[tuple[str, str], Gerendert | Exception] = {}
    for name in EXAMPLE_NAMES:
        beratung = echte_beratung(example_fallakte(name))
        for art in ARTEN:
            try:
                dokument = erstelle(art, beratung, stand=STAND)
            except UngueltigeEingabe as e:
                result[(name, art)] = e
                continue
            pdf = als_pdf(dokument)
            result[(name, art)] = Gerendert(dokument, pdf, seiten(pdf), als_docx(dokument))
    return result
