"""POST /api/v1/documents/{art}: the four documents as PDF or DOCX, dated by ?stand (default
today), 422 naming the field for what a case cannot have, and /drafts still working."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

from api.routers.drafts import DOCX
from contracts.stand import heute

YAML = {"content-type": "application/yaml"}


@pytest.mark.parametrize("art", ["vereinbarung", "pruefvermerk", "auskunft", "beschlussvorlage"])
def test_each_document_is_a_pdf_by_default_and_a_docx_by_accept(client, example_texts, art):
    body = example_texts["standesamt-delegierend"]
    pdf = client.post(f"/api/v1/documents/{art}?stand=2026-12-05", content=body, headers=YAML)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith('attachment; filename="')
    assert PdfReader(io.BytesIO(pdf.content)).metadata["/CreationDate"].startswith("D:20261205")
    word = client.post(f"/api/v1/documents/{art}?stand=2026-12-05", content=body, headers={**YAML, "Accept": DOCX})
    assert word.status_code == 200 and word.headers["content-type"] == DOCX
    assert Document(io.BytesIO(word.content)).paragraphs


def test_the_same_body_and_stand_give_the_same_bytes(client, example_texts):
    body = example_texts["digitaler-zwilling"]
    a = client.post("/api/v1/documents/pruefvermerk?stand=2026-12-05", content=body, headers=YAML)
    b = client.post("/api/v1/documents/pruefvermerk?stand=2026-12-05", content=body, headers=YAML)
    assert a.content == b.content


def test_without_stand_the_document_is_dated_today(client, example_texts):
    r = client.post("/api/v1/documents/beschlussvorlage", content=example_texts["standesamt-delegierend"], headers=YAML)
    assert PdfReader(io.BytesIO(r.content)).metadata["/CreationDate"][2:10] in {
        heute().strftime("%Y%m%d"),
        heute().fromordinal(heute().toordinal() + 1).strftime("%Y%m%d"),
    }


def test_an_agreement_with_a_water_association_is_a_422_naming_the_party_and_the_instrument(
    client, example_texts, problem
):
    r = client.post("/api/v1/documents/vereinbarung", content=example_texts["hochwasserschutz-offen"], headers=YAML)
    body = problem(r, 422, pfad="beteiligte[0].art")
    assert "VwVfG NRW" in body["detail"] and "Wasserverband Obere Erft" in body["detail"]
    vorlage = client.post(
        "/api/v1/documents/beschlussvorlage?fuer=kreis-eu",
        content=example_texts["hochwasserschutz-offen"],
        headers=YAML,
    )
    assert vorlage.status_code == 200


def test_an_unknown_art_or_applicant_is_a_422_in_german(client, example_texts, problem):
    body = example_texts["standesamt-delegierend"]
    problem(client.post("/api/v1/documents/vertrag", content=body, headers=YAML), 422)
    r = client.post("/api/v1/documents/auskunft?antragsteller=gemeinde-cestadt", content=body, headers=YAML)
    problem(r, 422, pfad="antragsteller")


def test_a_format_nobody_offers_is_a_406(client, example_texts, problem):
    r = client.post(
        "/api/v1/documents/pruefvermerk",
        content=example_texts["standesamt-delegierend"],
        headers={**YAML, "Accept": "text/html"},
    )
    problem(r, 406)


def test_the_old_drafts_route_still_gives_the_agreement_and_takes_a_stand(client, example_texts):
    r = client.post("/api/v1/drafts?stand=2026-12-05", content=example_texts["standesamt-delegierend"], headers=YAML)
    assert r.status_code == 200
    assert PdfReader(io.BytesIO(r.content)).metadata["/CreationDate"].startswith("D:20261205")
    neu = client.post(
        "/api/v1/documents/vereinbarung?stand=2026-12-05", content=example_texts["standesamt-delegierend"], headers=YAML
    )
    assert neu.content == r.content
