"""The calculation's warnings (``warnungen``: overhead possibly counted twice, rates of an earlier
year, assets …) are internal review notes: every one appears in the Prüfvermerk of each example,
none in the published agreement (neither its words nor a fragment of them). A case for which no
agreement can be made (hochwasserschutz-offen) still gets them in its Prüfvermerk."""

from __future__ import annotations

import re

import pytest

from contracts.merkmale import ohne_kennungen
from tests.contracts.conftest import EXAMPLE_NAMES, echte_beratung, example_fallakte


def _ohne_leerraum(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def _fliesstext(seiten: list[str]) -> str:
    """The pages' text without the running header and footer (a warning may cross a page break)."""
    zeilen = [
        z
        for seite in seiten
        for z in seite.splitlines()
        if z.strip() != "ENTWURF" and not z.startswith("Entwurf – Stand:") and not re.fullmatch(r"Seite \d+ von \d+", z)
    ]
    return _ohne_leerraum(" ".join(zeilen))


def warnungen_von(name: str) -> list[str]:
    """The calculation's warnings of an example, as the documents word them (table titles for keys)."""
    beratung = echte_beratung(example_fallakte(name))
    return [ohne_kennungen(w) for k in beratung.kalkulation.leistungen for w in getattr(k, "warnungen", ())]


def test_the_examples_have_warnings_to_check():
    assert all(warnungen_von(name) for name in EXAMPLE_NAMES), "each example's calculation warns of something"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_warning_is_in_the_pruefvermerk(dokumente, name):
    text = _fliesstext(dokumente[(name, "pruefvermerk")].texte)
    for warnung in warnungen_von(name):
        assert _ohne_leerraum(warnung) in text, warnung


@pytest.mark.parametrize("name", [n for n in EXAMPLE_NAMES if n != "hochwasserschutz-offen"])
def test_no_warning_is_in_the_published_agreement(dokumente, name):
    gerendert = dokumente[(name, "vereinbarung")]
    text = _ohne_leerraum(gerendert.text)
    for warnung in warnungen_von(name):
        # the first clause of the warning ("Gemeinkosten womöglich doppelt", "Die Sätze von … gelten für …")
        anfang = _ohne_leerraum(re.split(r"[:,;(]", warnung)[0])
        assert anfang not in text, warnung
    assert "Warnung" not in gerendert.text and "womöglich doppelt" not in gerendert.text
