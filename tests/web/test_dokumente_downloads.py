"""The result page offers the four documents of the case (PDF and DOCX); unsaved and saved cases
download them; a document a case cannot have is a German error page, never a 500."""

from __future__ import annotations

import html
import re

import pytest

from tests.pdf_text import pdf_text
from tests.web.helpers import FORM, encoded, form_items

DATEIEN = [
    f"{art}.{endung}"
    for art in ("vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage")
    for endung in ("pdf", "docx")
]


def _ergebnis(client, text: str) -> str:
    r = client.post("/formular", content=encoded([*form_items(text), ("aktion", "pruefen")]), headers=FORM)
    assert r.status_code == 200 and r.url.path.startswith("/ergebnis/")
    return r.text


def _link(page: str, datei: str) -> str:
    """The href of the download link of ``datei`` on a result page (unsaved: /ergebnis/<token>/…)."""
    return html.unescape(re.search(rf'href="([^"]+/download/{re.escape(datei)}[^"]*)"', page).group(1))


def test_the_result_page_offers_all_four_documents_as_pdf_and_docx(client, example_texts):
    page = _ergebnis(client, example_texts["standesamt-delegierend"])
    for datei in DATEIEN:
        assert _link(page, datei).startswith("/ergebnis/")
    for text in ("Steuerlicher Prüfvermerk (PDF)", "Antrag auf verbindliche Auskunft (DOCX)", "Beschlussvorlage (PDF)"):
        assert text in page


@pytest.mark.parametrize("datei", ["pruefvermerk.pdf", "auskunft.docx", "beschlussvorlage.pdf"])
def test_an_unsaved_result_downloads_each_document(client, example_texts, datei):
    r = client.get(_link(_ergebnis(client, example_texts["standesamt-delegierend"]), datei))
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert r.content.startswith(b"%PDF" if datei.endswith(".pdf") else b"PK")


def test_a_saved_case_downloads_its_council_paper(client, example_texts):
    items = form_items(example_texts["personalabrechnung-mandatierend"])
    r = client.post(
        "/formular", content=encoded([*items, ("aktion", "speichern")]), headers=FORM, follow_redirects=False
    )
    fall = r.headers["location"].split("?")[0]
    pdf = client.get(f"{fall}/download/beschlussvorlage.pdf")
    assert pdf.status_code == 200
    assert "Beschlussvorschlag" in pdf_text(pdf.content)


def test_the_agreement_of_a_water_association_case_is_a_german_error_page_not_a_500(client, example_texts):
    page = _ergebnis(client, example_texts["hochwasserschutz-offen"])
    r = client.get(_link(page, "vereinbarung.pdf"))
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "Wasserverband Obere Erft" in r.text and "VwVfG NRW" in html.unescape(r.text).replace("\u00a0", " ")
    vermerk = client.get(_link(page, "pruefvermerk.pdf"))
    assert vermerk.status_code == 200
