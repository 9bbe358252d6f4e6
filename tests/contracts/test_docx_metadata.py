"""Word's document properties hold 255 characters: a long Bezeichnung is shortened there only."""

from __future__ import annotations

import io

import docx

from contracts import render_docx
from contracts.docx_basis import TITEL_HOECHSTLAENGE as METADATEN_ZEICHEN
from tests.contracts.conftest import aus_daten, echte_beratung, example_daten


def _mit_bezeichnung(laenge: int) -> bytes:
    daten = example_daten("personalabrechnung-mandatierend")
    daten["bezeichnung"] = ("Interkommunale Personalabrechnung " * 10)[: laenge - 1].rstrip() + "Ä"
    daten["bezeichnung"] = daten["bezeichnung"].ljust(laenge, "x")[:laenge]
    return render_docx(echte_beratung(aus_daten(daten)))


def test_a_300_character_bezeichnung_renders_and_only_the_title_property_is_shortened():
    dokument = docx.Document(io.BytesIO(_mit_bezeichnung(300)))
    titel = dokument.core_properties.title
    assert len(titel) == METADATEN_ZEICHEN and titel.endswith("…")
    text = "\n".join(p.text for p in dokument.paragraphs)
    assert "Interkommunale Personalabrechnung Interkommunale" in text


def test_a_short_title_property_is_kept_as_it_is():
    titel = docx.Document(io.BytesIO(_mit_bezeichnung(40))).core_properties.title
    assert len(titel) < METADATEN_ZEICHEN and not titel.endswith("…")
