"""The review pages: sign-in required, comments beside the clauses, approvals by the signed-in
person's roles, the clause comparison, the Word upload, the gated Ausfertigung and the inbox."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from fastapi.testclient import TestClient

from tests.identity_helpers import add_user
from tests.review.conftest import URL, YAML, A, ok

BASE = "http://testserver"
PASSWORT = "ein-langes-passwort-2027"


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


@pytest.fixture
def browser_von(app):
    """``browser_von(rolle, organisation=A)`` → a TestClient signed in as a new user with that role."""
    clients = []

    def make(rolle: str, organisation: str = A) -> TestClient:
        email = f"{rolle}-{len(clients)}@{organisation}.example"
        add_user(app, email, organisation, [rolle], PASSWORT)
        c = TestClient(app, base_url=BASE)
        token = _token(c.get("/anmelden").text)
        r = c.post(
            "/anmelden",
            data={"email": email, "passwort": PASSWORT, "csrf_token": token, "weiter": "/"},
            headers={"origin": BASE},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


def _post(c: TestClient, seite: str, ziel: str, **daten: str):
    token = _token(c.get(seite).text)
    return c.post(ziel, data={**daten, "csrf_token": token}, headers={"origin": BASE}, follow_redirects=False)


def test_the_review_page_needs_a_sign_in_and_hides_other_organisations_cases(client, case_of_a, browser_von):
    r = client.get(f"/faelle/{case_of_a}/pruefung", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/anmelden?weiter=/faelle/{case_of_a}/pruefung"
    fremd = browser_von("rechtsamt", "kreis-fremdland").get(f"/faelle/{case_of_a}/pruefung")
    assert fremd.status_code == 404 and "<html" in fremd.text


def test_a_reviewer_comments_beside_a_clause_and_an_open_comment_blocks_the_approval(case_of_a, browser_von):
    seite = f"/faelle/{case_of_a}/pruefung"
    sb, ra = browser_von("sachbearbeitung"), browser_von("rechtsamt")
    assert "Zur Prüfung einreichen" in sb.get(seite).text and "Kommentieren" not in sb.get(seite).text
    assert _post(sb, seite, f"{seite}/einreichen").status_code == 303
    html = ra.get(seite).text
    assert "zur Prüfung" in html and 'id="k-laufzeit.1"' in html and "Freigeben als rechtsamt" in html
    klausel = re.search(r'id="k-(laufzeit\.\d+)"[^§]*?12 Monaten', html, re.S)
    assert klausel
    r = _post(
        ra, seite, f"{seite}/kommentare", klausel=klausel.group(1), text="Frist abstimmen", dokument="vereinbarung"
    )
    assert r.status_code == 303 and r.headers["location"].endswith(f"#k-{klausel.group(1)}")
    html = ra.get(seite).text
    assert "Frist abstimmen" in html and 'id="offene-kommentare">1<' in html
    refused = _post(ra, seite, f"{seite}/freigabe", rolle="rechtsamt", entscheidung="erteilt")
    assert refused.status_code == 409 and "offen" in refused.text and "<html" in refused.text


def test_the_ausfertigung_downloads_only_after_all_approvals(app, client, rolle, case_of_a, browser_von):
    seite = f"/faelle/{case_of_a}/pruefung"
    sb = browser_von("sachbearbeitung")
    assert sb.get(f"/faelle/{case_of_a}/ausfertigung").status_code == 409
    _post(sb, seite, f"{seite}/einreichen")
    for wer in ("steuer", "rechtsamt", "leitung"):
        person = browser_von(wer)
        assert (
            _post(person, seite, f"{seite}/freigabe", rolle=wer, entscheidung="erteilt", begruendung="ok").status_code
            == 303
        )
    assert "Ausfertigung herunterladen" in sb.get(seite).text
    pdf = sb.get(f"/faelle/{case_of_a}/ausfertigung")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"


def test_the_clause_comparison_page_marks_the_changed_words_and_offers_word(
    client, rolle, case_of_a, personal_yaml, browser_von
):
    text = personal_yaml.replace("kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6")
    ok(client.put(f"{URL}/{case_of_a}", content=text, headers={**YAML, **rolle("sachbearbeitung")}))
    ra = browser_von("rechtsamt")
    html = ra.get(f"/faelle/{case_of_a}/klauselvergleich?a=1&b=2").text
    assert "<del>12</del><ins>6</ins>" in html.replace(" ", "") or ("<del>12</del>" in html and "<ins>6</ins>" in html)
    assert "unveränderte Abschnitte" in html
    docx = ra.get(f"/faelle/{case_of_a}/klauselvergleich?a=1&b=2&format=docx")
    assert docx.status_code == 200 and b"w:delText" in __import__("zipfile").ZipFile(io.BytesIO(docx.content)).read(
        "word/document.xml"
    )


def test_a_word_upload_shows_the_changed_clause_against_the_generated_one(client, rolle, case_of_a, browser_von):
    erzeugt = client.get(
        f"{URL}/{case_of_a}/draft",
        headers={
            **rolle("rechtsamt"),
            "accept": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        },
    )
    doc = Document(io.BytesIO(erzeugt.content))
    absatz = next(p for p in doc.paragraphs if "12 Monaten" in p.text)
    absatz.runs[0].text = absatz.text.replace("12 Monaten", "9 Monaten")
    for run in absatz.runs[1:]:
        run.text = ""
    puffer = io.BytesIO()
    doc.save(puffer)
    ra = browser_von("rechtsamt")
    seite = f"/faelle/{case_of_a}/pruefung"
    token = _token(ra.get(seite).text)
    r = ra.post(
        f"{seite}/abgleich",
        data={"csrf_token": token, "dokument": "vereinbarung"},
        files={"datei": ("bearbeitet.docx", puffer.getvalue(), "application/octet-stream")},
        headers={"origin": BASE},
    )
    assert r.status_code == 200 and "<del>12</del>" in r.text and "<ins>9</ins>" in r.text
    assert "Nichts wurde in den Fall übernommen" in r.text


def test_the_inbox_lists_cases_under_review_with_deadline(case_of_a, browser_von):
    seite = f"/faelle/{case_of_a}/pruefung"
    ra = browser_von("rechtsamt")
    assert "kein Fall zur Prüfung" in ra.get("/pruefungen").text
    _post(browser_von("sachbearbeitung"), seite, f"{seite}/einreichen")
    html = ra.get("/pruefungen").text
    assert f'href="/faelle/{case_of_a}/pruefung"' in html and "01.01.2027" in html


def test_a_form_post_without_the_csrf_token_is_refused(case_of_a, browser_von):
    sb = browser_von("sachbearbeitung")
    r = sb.post(f"/faelle/{case_of_a}/pruefung/einreichen", data={}, headers={"origin": BASE}, follow_redirects=False)
    assert r.status_code == 403
