"""The DOCX (Word structures that survive editing) and the `ikz draft` command."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from decimal import Decimal

import docx
import pytest
from pypdf import PdfReader

from advisor.kosten import kalkulation_als_dict
from contracts import assemble, render_docx
from contracts.formatting import format_money
from tests.conftest import EXAMPLES_DIR, ROOT
from tests.contracts.conftest import beratung_mit_ergebnis, example_fallakte


@pytest.fixture(scope="module")
def personal_docx() -> tuple[object, bytes]:
    beratung = beratung_mit_ergebnis(example_fallakte("personalabrechnung-mandatierend"), "steuerpflichtig")
    return beratung, render_docx(beratung)


def _nummer_id(paragraph) -> str | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None:
        return None
    return ppr.numPr.numId.val


def test_the_docx_has_every_section_as_a_numbered_heading_1(personal_docx):
    beratung, daten = personal_docx
    dokument = docx.Document(io.BytesIO(daten))
    ueberschriften = [p for p in dokument.paragraphs if p.style.name == "Heading 1"]
    titel = [k.titel for k in assemble(beratung).klauseln]
    assert [p.text for p in ueberschriften] == titel
    nummern = {_nummer_id(p) for p in ueberschriften[1:]}
    assert len(nummern) == 1 and None not in nummern  # one auto-numbering "§ n" for all sections
    assert _nummer_id(ueberschriften[0]) is None  # the Präambel is not numbered


def test_the_section_numbering_and_paragraph_numbering_are_word_list_definitions(personal_docx):
    _, daten = personal_docx
    numbering = zipfile.ZipFile(io.BytesIO(daten)).read("word/numbering.xml").decode("utf-8")
    assert 'w:val="§ %1"' in numbering and 'w:val="(%1)"' in numbering
    assert numbering.count("<w:startOverride") >= 12  # paragraph numbers restart in every section


def test_the_paragraphs_of_a_section_are_one_numbered_list_restarting_per_section(personal_docx):
    _, daten = personal_docx
    dokument = docx.Document(io.BytesIO(daten))
    absaetze: dict[str, list[str]] = {}
    aktuell = None
    for p in dokument.paragraphs:
        if p.style.name == "Heading 1":
            aktuell = p.text
        elif aktuell and _nummer_id(p) is not None and p.style.name == "Normal":
            absaetze.setdefault(aktuell, []).append(_nummer_id(p))
    assert len(set(absaetze["Umsatzsteuer"])) == 1
    assert set(absaetze["Umsatzsteuer"]) != set(absaetze["Kostenerstattung"])


def test_the_docx_contains_the_annex_tables_and_the_placeholders(personal_docx):
    beratung, daten = personal_docx
    dokument = docx.Document(io.BytesIO(daten))
    zellen = {c.text for t in dokument.tables for r in t.rows for c in r.cells}
    kalk = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]
    assert format_money(Decimal(kalk["kosten_netto"])) in zellen
    assert all(format_money(Decimal(a["nicht_steuerbar"])) in zellen for a in kalk["anteile"])
    texte = "\n".join(p.text for p in dokument.paragraphs)
    for platzhalter in assemble(beratung).platzhalter:
        assert platzhalter.text in texte or platzhalter.text in zellen


def test_the_docx_is_byte_identical_for_the_same_input_and_dated_from_the_case(personal_docx):
    beratung, daten = personal_docx
    assert render_docx(beratung) == daten
    dokument = docx.Document(io.BytesIO(daten))
    assert dokument.core_properties.created.year == 2027
    assert "Entwurf – Stand: 01.01.2027" in dokument.sections[0].header.paragraphs[0].text


def test_the_final_docx_has_no_draft_header_and_no_review_sheet():
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    dokument = docx.Document(io.BytesIO(render_docx(beratung, final=True)))
    assert "Entwurf" not in dokument.sections[0].header.paragraphs[0].text
    assert not any("Hinweise zur Prüfung" in p.text for p in dokument.paragraphs)


def _ikz(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True)


def test_ikz_draft_writes_pdf_and_docx_and_lists_the_gaps(tmp_path):
    pdf, word = tmp_path / "entwurf.pdf", tmp_path / "entwurf.docx"
    ergebnis = _ikz("draft", str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf), "--docx", str(word))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "noch zu ergänzen" in ergebnis.stderr and "[Ziele der Zusammenarbeit ergänzen]" in ergebnis.stderr
    assert PdfReader(pdf).pages and zipfile.is_zipfile(word)


def test_ikz_draft_final_drops_the_draft_marks_and_honours_the_stand_date(tmp_path):
    pdf = tmp_path / "final.pdf"
    ergebnis = _ikz(
        "draft", str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf), "--final", "--stand", "2026-11-25"
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "ENTWURF" not in text and "Seite 1 von" in text
    assert PdfReader(pdf).metadata["/CreationDate"].startswith("D:20261125")


def test_ikz_draft_reports_an_invalid_case_in_german_with_exit_code_2(tmp_path):
    kaputt = tmp_path / "fall.yaml"
    kaputt.write_text(
        (EXAMPLES_DIR / "standesamt-delegierend.yaml")
        .read_text(encoding="utf-8")
        .replace("rechtsform: oerv_delegierend", "rechtsform: privatrechtlicher_vertrag"),
        encoding="utf-8",
    )
    ergebnis = _ikz("draft", str(kaputt), "-o", str(tmp_path / "x.pdf"))
    assert ergebnis.returncode == 2
    assert "rechtsform:" in ergebnis.stderr and "keine Vertragsvorlage" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.pdf").exists()
