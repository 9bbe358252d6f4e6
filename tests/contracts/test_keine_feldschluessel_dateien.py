"""No snake_case key in the four documents of the six examples as the files read: the PDF's text as
pdftotext extracts it (what a reader copies out of the file) and the DOCX's text (paragraphs,
tables, headers and footers, as Word shows it)."""

from __future__ import annotations

import io
import subprocess

import pytest
from docx import Document

from tests.contracts.conftest import ARTEN, EXAMPLE_NAMES
from tests.feldschluessel import schluessel_in


def pdftotext_text(pdf: bytes) -> str:
    """The PDF's text by pdftotext (poppler), non-breaking spaces as spaces."""
    aus = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return aus.stdout.decode("utf-8").replace("\u00a0", " ")


def docx_text(docx: bytes) -> str:
    """Every paragraph of the DOCX: body, table cells, headers and footers."""
    dokument = Document(io.BytesIO(docx))
    teile = [p.text for p in dokument.paragraphs]
    for tabelle in dokument.tables:
        teile += [zelle.text for zeile in tabelle.rows for zelle in zeile.cells]
    for abschnitt in dokument.sections:
        for bereich in (abschnitt.header, abschnitt.footer):
            teile += [p.text for p in bereich.paragraphs]
    return "\n".join(teile).replace("\u00a0", " ")


#: Every (example, document) but the agreement no party of hochwasserschutz-offen can conclude
#: (its German refusal is scanned by test_keine_feldschluessel.py; see the last test here).
DOKUMENTE = [(n, a) for n in EXAMPLE_NAMES for a in ARTEN if (n, a) != ("hochwasserschutz-offen", "vereinbarung")]


def _gerendert(dokumente, name: str, art: str):
    gerendert = dokumente[(name, art)]
    assert not isinstance(gerendert, Exception), gerendert
    return gerendert


@pytest.mark.parametrize(("name", "art"), DOKUMENTE)
def test_the_pdf_file_speaks_german_not_keys(dokumente, name, art):
    text = pdftotext_text(_gerendert(dokumente, name, art).pdf)
    assert len(text) > 500
    assert schluessel_in(text) == []


@pytest.mark.parametrize(("name", "art"), DOKUMENTE)
def test_the_docx_file_speaks_german_not_keys(dokumente, name, art):
    text = docx_text(_gerendert(dokumente, name, art).docx)
    assert len(text) > 500
    assert schluessel_in(text) == []


def test_only_the_open_flood_protection_case_lacks_a_document(dokumente):
    """The scan above covers every document but one: hochwasserschutz-offen's parties cannot form
    an agreement under § 23 GkG NRW (a German refusal, scanned by test_keine_feldschluessel.py)."""
    fehlend = sorted(k for k, v in dokumente.items() if isinstance(v, Exception))
    assert fehlend == [("hochwasserschutz-offen", "vereinbarung")]
