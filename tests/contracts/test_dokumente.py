"""All four documents for every example (PDF and DOCX), their shared figures, determinism per
Stand, the Word structures, and the options of the registry."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import zipfile
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from advisor.errors import UngueltigeEingabe
from advisor.kosten import kalkulation_als_dict
from contracts.docx_basis import TITEL_HOECHSTLAENGE
from contracts.dokumente import DOKUMENTARTEN, als_docx, als_pdf, erstelle
from contracts.formatting import NBSP, format_money
from tests.conftest import ROOT
from tests.contracts.conftest import (
    ARTEN,
    EXAMPLE_NAMES,
    STAND,
    aus_daten,
    beratung_mit_ergebnis,
    echte_beratung,
    example_daten,
    example_fallakte,
)


@pytest.mark.parametrize("art", ARTEN)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_document_of_every_example_is_a_pdf_and_a_docx_or_a_named_refusal(dokumente, name, art):
    gerendert = dokumente[(name, art)]
    if (name, art) == ("hochwasserschutz-offen", "vereinbarung"):
        assert isinstance(gerendert, UngueltigeEingabe)
        return
    assert not isinstance(gerendert, Exception)
    assert gerendert.pdf.startswith(b"%PDF") and len(gerendert.texte) >= 1
    assert zipfile.is_zipfile(io.BytesIO(gerendert.docx))
    n = len(gerendert.texte)
    assert all(f"Seite {i} von {n}" in t and "ENTWURF" in t for i, t in enumerate(gerendert.texte, start=1))


@pytest.mark.parametrize("art", ARTEN)
def test_every_gap_of_a_document_is_listed_at_its_end_in_draft_mode(dokumente, art):
    name = "digitaler-zwilling"
    gerendert = dokumente[(name, art)]
    liste = gerendert.text[gerendert.text.rindex("Zu ergänzende Angaben") :]
    text = re.sub(r"-\s+", "-", liste)
    for p in gerendert.dokument.platzhalter:
        assert re.sub(r"\s+", " ", p.text.replace(NBSP, " "))[:25] in text


@pytest.mark.parametrize("name", ["personalabrechnung-mandatierend", "hochwasserschutz-offen"])
def test_the_shares_in_memo_and_council_paper_are_the_calculations_figures(dokumente, name):
    beratung = echte_beratung(example_fallakte(name))
    for kalk in kalkulation_als_dict(beratung.kalkulation)["leistungen"]:
        for anteil in kalk["anteile"]:
            betrag = format_money(anteil["nicht_steuerbar"]).replace(NBSP, " ")
            assert betrag in dokumente[(name, "pruefvermerk")].text
            assert betrag in dokumente[(name, "beschlussvorlage")].text


def test_the_memo_is_internal_and_the_agreement_is_not(dokumente):
    assert "nicht zur Veröffentlichung bestimmt" in dokumente[("standesamt-delegierend", "pruefvermerk")].text
    assert "Veröffentlichung bestimmt" not in dokumente[("standesamt-delegierend", "vereinbarung")].text


def test_the_ruling_request_says_when_no_ruling_is_needed_and_when_another_applicant_needs_its_own():
    beratung = beratung_mit_ergebnis(example_fallakte("abfall-zwei-kreise"), "nicht_steuerbar", risiko="gering")
    assert "ist ein Antrag nicht geboten" in (erstelle("auskunft", beratung, stand=STAND).hinweis or "")
    riskant = beratung_mit_ergebnis(example_fallakte("abfall-zwei-kreise"), "nicht_steuerbar", risiko="mittel")
    antrag = erstelle("auskunft", riskant, stand=STAND)
    assert "Für die Leistungen von Kreis Ostland ist ein eigener Antrag zu stellen." == antrag.hinweis
    zweiter = erstelle("auskunft", riskant, stand=STAND, antragsteller="kreis-ostland")
    assert dict(zweiter.kopfdaten)["Antragsteller"] == "Kreis Ostland"


def test_an_applicant_who_provides_nothing_is_a_german_field_error():
    beratung = echte_beratung(example_fallakte("standesamt-delegierend"))
    with pytest.raises(UngueltigeEingabe) as e:
        erstelle("auskunft", beratung, stand=STAND, antragsteller="gemeinde-cestadt")
    assert e.value.probleme[0].pfad == "antragsteller"


def test_a_council_paper_for_a_party_that_is_not_in_the_case_is_a_german_field_error():
    beratung = echte_beratung(example_fallakte("standesamt-delegierend"))
    with pytest.raises(UngueltigeEingabe) as e:
        erstelle("beschlussvorlage", beratung, stand=STAND, fuer="unbekannt")
    assert e.value.probleme[0].pfad == "fuer"


def test_an_option_a_document_does_not_have_is_a_programming_error():
    with pytest.raises(TypeError):
        erstelle("pruefvermerk", echte_beratung(example_fallakte("standesamt-delegierend")), fuer="stadt-aheim")


ANDERE_ARTEN = ("pruefvermerk", "auskunft", "beschlussvorlage")


def test_the_same_case_and_stand_give_the_same_bytes_in_another_process(dokumente):
    """One other process (another hash seed) renders the three documents beside the agreement
    (the agreement's own check: test_vereinbarung_pdf.py)."""
    code = (
        "import sys, hashlib, datetime; sys.path.insert(0, '.');"
        "from tests.contracts.conftest import echte_beratung, example_fallakte;"
        "from contracts.dokumente import erstelle, als_pdf, als_docx;"
        "b = echte_beratung(example_fallakte('standesamt-delegierend'));"
        "ds = [erstelle(art, b, stand=datetime.date(2026, 12, 5)) for art in sys.argv[1:]];"
        "print(' '.join(hashlib.sha256(als_pdf(d)).hexdigest() + ':' + hashlib.sha256(als_docx(d)).hexdigest() for d in ds))"
    )
    ergebnis = subprocess.run(
        [sys.executable, "-c", code, *ANDERE_ARTEN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "54321", "PATH": ""},
    )
    erwartet = [
        hashlib.sha256(dokumente[("standesamt-delegierend", art)].pdf).hexdigest()
        + ":"
        + hashlib.sha256(dokumente[("standesamt-delegierend", art)].docx).hexdigest()
        for art in ANDERE_ARTEN
    ]
    assert ergebnis.stdout.split() == erwartet


@pytest.mark.parametrize("art", ARTEN)
def test_a_final_version_has_no_draft_marks(art):
    beratung = echte_beratung(example_fallakte("personalabrechnung-mandatierend"))
    dokument = erstelle(art, beratung, final=True, stand=STAND)
    texte = [(s.extract_text() or "") for s in PdfReader(io.BytesIO(als_pdf(dokument))).pages]
    assert not any("ENTWURF" in t or "Entwurf – Stand" in t or "Zu ergänzende Angaben" in t for t in texte)
    word = docx.Document(io.BytesIO(als_docx(dokument)))
    assert "Entwurf" not in word.sections[0].header.paragraphs[0].text


@pytest.mark.parametrize("art", ARTEN)
def test_each_pdf_is_dated_by_its_stand_and_titled(dokumente, art):
    meta = PdfReader(io.BytesIO(dokumente[("personalabrechnung-mandatierend", art)].pdf)).metadata
    assert meta["/CreationDate"].startswith("D:20261205") and meta.author == "IKZ-Berater"
    assert DOKUMENTARTEN[art].titel.split()[0] in (meta.subject or "")


# --- DOCX ----------------------------------------------------------------------------------------


def _nummer_id(paragraph) -> str | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None:
        return None
    return ppr.numPr.numId.val


def test_the_agreement_docx_numbers_its_sections_and_restarts_paragraph_numbers_in_each(dokumente):
    gerendert = dokumente[("personalabrechnung-mandatierend", "vereinbarung")]
    dokument = docx.Document(io.BytesIO(gerendert.docx))
    ueberschriften = [p for p in dokument.paragraphs if p.style.name == "Heading 1"]
    titel = [k.titel for k in gerendert.dokument.klauseln]
    assert [p.text for p in ueberschriften][: len(titel)] == titel
    nummern = {_nummer_id(p) for p in ueberschriften[1 : len(titel)]}
    assert len(nummern) == 1 and None not in nummern and _nummer_id(ueberschriften[0]) is None
    numbering = zipfile.ZipFile(io.BytesIO(gerendert.docx)).read("word/numbering.xml").decode("utf-8")
    assert 'w:val="§ %1"' in numbering and 'w:val="(%1)"' in numbering


def test_the_docx_holds_the_annex_totals_and_every_placeholder(dokumente):
    gerendert = dokumente[("standesamt-delegierend", "vereinbarung")]
    dokument = docx.Document(io.BytesIO(gerendert.docx))
    zellen = {c.text for t in dokument.tables for r in t.rows for c in r.cells}
    assert format_money("42208.00") in zellen
    texte = "\n".join(p.text for p in dokument.paragraphs)
    for platzhalter in gerendert.dokument.platzhalter:
        assert platzhalter.text in texte or platzhalter.text in zellen


def test_the_docx_title_property_is_cut_to_words_limit():
    daten = example_daten("standesamt-delegierend")
    daten["bezeichnung"] = "Sehr lange Bezeichnung " + "x" * 270
    dokument = erstelle("pruefvermerk", beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar"), stand=STAND)
    titel = docx.Document(io.BytesIO(als_docx(dokument))).core_properties.title
    assert len(titel) == TITEL_HOECHSTLAENGE and titel.endswith("…")


def test_another_stand_gives_another_docx_and_pdf():
    beratung = echte_beratung(example_fallakte("standesamt-delegierend"))
    a = erstelle("beschlussvorlage", beratung, stand=STAND)
    b = erstelle("beschlussvorlage", beratung, stand=date(2026, 12, 6))
    assert als_pdf(a) != als_pdf(b) and als_docx(a) != als_docx(b)
