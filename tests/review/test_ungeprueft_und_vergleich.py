"""A final document of a bare file says "ungeprüft" (CLI and open API); the comparison endpoints
answer JSON, HTML and a DOCX with tracked changes; an upload edited in Word is compared, bounded."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from docx import Document
from pypdf import PdfReader

from tests.conftest import EXAMPLES_DIR, ROOT
from tests.pdf_text import pdf_text
from tests.review.conftest import URL, YAML, ok

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("befehl", ["draft", "vermerk"])
def test_a_final_document_of_a_bare_file_is_marked_unreviewed_in_footer_and_metadata(tmp_path, befehl):
    pdf, word = tmp_path / "f.pdf", tmp_path / "f.docx"
    args = [befehl, str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf), "--docx", str(word), "--final"]
    ergebnis = subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Ausfertigung – ungeprüft – Seite 1 von" in pdf_text(pdf.read_bytes())
    assert "ungeprüft" in PdfReader(pdf).metadata["/Subject"]
    doc = Document(str(word))
    assert "ungeprüft" in doc.core_properties.subject
    assert doc.sections[0].footer.paragraphs[0].text.startswith("Ausfertigung – ungeprüft – Seite")


def test_a_draft_carries_no_review_mark(tmp_path):
    pdf = tmp_path / "e.pdf"
    args = ["draft", str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf)]
    assert subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True).returncode == 0
    assert "ungeprüft" not in pdf_text(pdf.read_bytes()) and "ungeprüft" not in PdfReader(pdf).metadata["/Subject"]


def test_the_open_document_endpoint_marks_a_final_document_unreviewed(client, personal_yaml):
    response = client.post("/api/v1/documents/vereinbarung?final=true", content=personal_yaml, headers=YAML)
    assert response.status_code == 200
    assert "Ausfertigung – ungeprüft" in pdf_text(response.content)


@pytest.fixture
def zwei_versionen(client, rolle, case_of_a, personal_yaml) -> int:
    text = personal_yaml.replace("kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6")
    ok(client.put(f"{URL}/{case_of_a}", content=text, headers={**YAML, **rolle("sachbearbeitung")}))
    return case_of_a


def test_the_comparison_as_json_names_the_changed_clause_with_its_words(client, rolle, zwei_versionen):
    antwort = ok(client.get(f"{URL}/{zwei_versionen}/versionen/1/vergleich/2", headers=rolle("rechtsamt")))
    geaendert = [a for a in antwort["abschnitte"] if a["art"] == "geaendert"]
    assert [a["id"].split(".")[0] for a in geaendert] == ["laufzeit"]
    assert {"op": "-", "text": "12"} in geaendert[0]["stuecke"] and {"op": "+", "text": "6"} in geaendert[0]["stuecke"]
    assert antwort["zusammenfassung"]["geaendert"] == 1


def test_the_comparison_as_html_marks_insertions_and_deletions_and_folds_the_rest(client, rolle, zwei_versionen):
    response = client.get(
        f"{URL}/{zwei_versionen}/versionen/1/vergleich/2", headers={**rolle("rechtsamt"), "accept": "text/html"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<del>12</del>" in response.text and "<ins>6</ins>" in response.text and "<details>" in response.text


def test_the_comparison_as_docx_has_tracked_changes(client, rolle, zwei_versionen):
    response = client.get(
        f"{URL}/{zwei_versionen}/versionen/1/vergleich/2", headers={**rolle("rechtsamt"), "accept": DOCX}
    )
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    body = Document(io.BytesIO(response.content)).element.body
    assert [t.text for t in body.iter(f"{W}delText")] == ["12"]
    assert body.find(f".//{W}ins").get(f"{W}author").startswith("IKZ-Berater")


def test_a_docx_edited_in_word_is_compared_and_not_merged(client, rolle, case_of_a):
    erzeugt = client.get(f"{URL}/{case_of_a}/draft", headers={**rolle("rechtsamt"), "accept": DOCX})
    doc = Document(io.BytesIO(erzeugt.content))
    absatz = next(p for p in doc.paragraphs if "12 Monaten" in p.text)
    absatz.runs[0].text = absatz.text.replace("12 Monaten", "3 Monaten")
    for run in absatz.runs[1:]:
        run.text = ""
    puffer = io.BytesIO()
    doc.save(puffer)
    antwort = ok(
        client.post(
            f"{URL}/{case_of_a}/versionen/1/abgleich",
            content=puffer.getvalue(),
            headers={**rolle("rechtsamt"), "content-type": DOCX},
        )
    )
    assert antwort["uebernommen"] is False
    assert [a["id"].split(".")[0] for a in antwort["abweichungen"]] == ["laufzeit"]
    assert ok(client.get(f"{URL}/{case_of_a}/versions", headers=rolle("rechtsamt")))["versionen"][-1]["version"] == 1


def test_an_upload_that_is_no_docx_is_refused_in_german(client, rolle, case_of_a):
    kaputt = client.post(
        f"{URL}/{case_of_a}/versionen/1/abgleich",
        content=b"PK nicht",
        headers={**rolle("rechtsamt"), "content-type": DOCX},
    )
    assert kaputt.status_code == 422 and "Word-Dokument" in kaputt.json()["detail"]
    falsch = client.post(
        f"{URL}/{case_of_a}/versionen/1/abgleich",
        content=b"x",
        headers={**rolle("rechtsamt"), "content-type": "text/plain"},
    )
    assert falsch.status_code == 415
    gross = client.post(
        f"{URL}/{case_of_a}/versionen/1/abgleich",
        content=b"x" * (3 * 1024 * 1024),
        headers={**rolle("rechtsamt"), "content-type": DOCX},
    )
    assert gross.status_code == 413


def test_another_organisation_cannot_compare_a_case(client, rolle, zwei_versionen):
    response = client.get(
        f"{URL}/{zwei_versionen}/versionen/1/vergleich/2", headers=rolle("rechtsamt", "kreis-fremdland")
    )
    assert response.status_code == 404
