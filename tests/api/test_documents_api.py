"""POST /calculations, /settlements, /drafts and GET /rules, /catalogue."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from docx import Document

from advisor.beratung import umsatzsteuersatz
from advisor.kosten import abrechnung_als_dict, calculate, kalkulation_als_dict, parse_ist, settle
from advisor.parsing import parse_fallakte
from advisor.regelwerk import katalog_als_dict, regelwerk_als_dict
from api.routers.drafts import DOCX, PDF, choose_media_type
from tests.pdf_text import pdf_text

YAML = {"content-type": "application/yaml"}
JSON = {"content-type": "application/json"}


def test_a_calculation_is_the_advisors_calculation_with_money_as_strings(client, app, personal_yaml):
    response = client.post("/api/v1/calculations", content=personal_yaml, headers=YAML)
    assert response.status_code == 200, response.text
    fallakte = parse_fallakte(personal_yaml)
    rate = umsatzsteuersatz(app.state.regelwerk, fallakte.stichtag)
    expected = kalkulation_als_dict(calculate(fallakte, app.state.satztabellen, rate))
    assert response.json() == json.loads(json.dumps(expected))
    anteil = response.json()["leistungen"][0]["anteile"][0]
    assert isinstance(anteil["nicht_steuerbar"], str) and anteil["nicht_steuerbar"].count(".") == 1


def _ist(fallakte_daten: dict) -> dict:
    leistung = fallakte_daten["leistungen"][0]
    return {
        "format": "ikz-ist/1",
        "leistungen": [
            {
                "leistung": leistung["id"],
                "jahr": 2027,
                "steuerpflichtig": False,
                "kosten_netto": "300000.00",
                "vorsteuer": "3000.00",
                "abschlaege_gezahlt": {z: "100000.00" for z in leistung["empfaenger"]},
            }
        ],
    }


def test_a_settlement_takes_the_case_and_the_actual_figures_in_one_document(client, app, personal_daten):
    body = {"fallakte": personal_daten, "ist": _ist(personal_daten)}
    response = client.post("/api/v1/settlements", content=json.dumps(body, default=str), headers=JSON)
    assert response.status_code == 200, response.text
    fallakte = parse_fallakte(json.dumps(personal_daten, default=str))
    ist = parse_ist(json.dumps(body["ist"]))
    expected = settle(fallakte, ist, lambda jahr: umsatzsteuersatz(app.state.regelwerk, date(jahr, 1, 1)))
    assert response.json() == json.loads(json.dumps(abrechnung_als_dict(expected)))


def test_settlement_errors_name_the_part_of_the_request_they_are_in(client, personal_daten, problem):
    ist = _ist(personal_daten)
    del ist["leistungen"][0]["abschlaege_gezahlt"]["stadt-a"]
    body = {"fallakte": personal_daten, "ist": ist}
    problem(
        client.post("/api/v1/settlements", content=json.dumps(body, default=str), headers=JSON),
        422,
        pfad="ist.leistungen[0].abschlaege_gezahlt.stadt-a",
    )
    personal_daten["stichtag"] = "2027-13-01"
    body = {"fallakte": personal_daten, "ist": _ist(personal_daten)}
    problem(
        client.post("/api/v1/settlements", content=json.dumps(body, default=str), headers=JSON),
        422,
        pfad="fallakte.stichtag",
    )
    problem(client.post("/api/v1/settlements", content=json.dumps({"fallakte": {}}), headers=JSON), 422)


def test_a_draft_is_a_pdf_by_default_that_names_the_case(client, personal_yaml):
    response = client.post("/api/v1/drafts", content=personal_yaml, headers=YAML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == PDF
    assert response.headers["content-disposition"].startswith('attachment; filename="Vereinbarung-Gemeinsame-Entgelt')
    text = pdf_text(response.content)
    assert "Stadt Aheim" in text and "ENTWURF" in text.upper()


def test_the_same_draft_request_gives_the_same_pdf_bytes(client, personal_yaml):
    first = client.post("/api/v1/drafts", content=personal_yaml, headers=YAML)
    second = client.post("/api/v1/drafts", content=personal_yaml, headers=YAML)
    assert first.content == second.content


def test_a_draft_is_a_docx_when_accept_asks_for_word(client, personal_yaml):
    response = client.post("/api/v1/drafts", content=personal_yaml, headers={**YAML, "Accept": DOCX})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Stadt Aheim" in text


def test_a_draft_in_a_format_nobody_offers_is_a_406_problem(client, personal_yaml, problem):
    problem(client.post("/api/v1/drafts", content=personal_yaml, headers={**YAML, "Accept": "text/html"}), 406)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, PDF),
        ("*/*", PDF),
        ("application/pdf", PDF),
        (DOCX, DOCX),
        (f"application/pdf;q=0.5, {DOCX}", DOCX),
        (f"{DOCX};q=0.2, application/*", PDF),
        ("text/html, */*;q=0.1", PDF),
        (f"application/pdf;q=0, {DOCX};q=0.3", DOCX),
    ],
)
def test_the_accept_header_chooses_between_pdf_and_docx(accept, expected):
    assert choose_media_type(accept) == expected


def test_the_rules_show_version_hash_and_every_rule_with_its_norm_and_validity(client, app):
    response = client.get("/api/v1/rules")
    assert response.status_code == 200
    body = response.json()
    assert body == json.loads(json.dumps(regelwerk_als_dict(app.state.regelwerk)))
    assert response.headers["etag"] == f'"{app.state.regelwerk.sha256}"'
    assert body["regeln"] and all({"id", "norm", "gilt_ab", "gilt_bis", "quellen"} <= set(r) for r in body["regeln"])


def test_the_catalogue_lists_the_aufgabenfelder_with_their_defaults(client, app):
    body = client.get("/api/v1/catalogue").json()
    assert body == json.loads(json.dumps(katalog_als_dict(app.state.regelwerk)))
    assert "personalabrechnung" in {f["id"] for f in body["aufgabenfelder"]}
