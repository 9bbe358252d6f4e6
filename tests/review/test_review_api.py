"""The review through the API, as a legal team uses it: submit, comment per clause, change voids
approvals, approvals by role refused while comments are open, the final gate, signature freezes."""

from __future__ import annotations

from api.audit.tables import AuditEntryRow
from tests.pdf_text import pdf_text
from tests.review.conftest import URL, YAML, A, B, ok

GEAENDERT = ("kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6")
C = "kreis-fremdland"


def _einreichen(client, rolle, fall):
    return ok(client.post(f"{URL}/{fall}/pruefung/einreichen", json={}, headers=rolle("sachbearbeitung")))


def _freigabe(client, rolle, fall, wer, entscheidung="erteilt", organisation=A):
    return client.post(
        f"{URL}/{fall}/freigaben",
        json={"rolle": wer, "entscheidung": entscheidung, "begruendung": "geprüft"},
        headers=rolle(wer, organisation),
    )


def _kommentar(client, rolle, fall, klausel, wer="rechtsamt", organisation=A):
    return client.post(
        f"{URL}/{fall}/kommentare",
        json={"dokument": "vereinbarung", "klausel": klausel, "text": "Frist zu lang?"},
        headers=rolle(wer, organisation),
    )


def _aendern(client, rolle, fall, personal_yaml):
    text = personal_yaml.replace(*GEAENDERT)
    assert text != personal_yaml
    return client.put(f"{URL}/{fall}", content=text, headers={**YAML, **rolle("sachbearbeitung")})


def test_a_new_case_is_a_draft_that_needs_the_tax_officer_the_legal_office_and_the_head(client, rolle, case_of_a):
    stand = ok(client.get(f"{URL}/{case_of_a}/pruefung", headers=rolle("leser")))
    assert stand["zustand"] == "entwurf"
    assert stand["erforderliche_rollen"] == ["steuer", "rechtsamt", "leitung"]
    assert stand["fehlende_freigaben"] == ["steuer", "rechtsamt", "leitung"]


def test_submitting_sets_the_deadline_of_an_existing_cooperation_to_1_january_2027(client, rolle, case_of_a):
    stand = _einreichen(client, rolle, case_of_a)
    assert stand["zustand"] == "in_pruefung" and stand["version"] == 1 and stand["frist"] == "2027-01-01"
    again = client.post(f"{URL}/{case_of_a}/pruefung/einreichen", json={}, headers=rolle("sachbearbeitung"))
    assert again.status_code == 409


def test_only_editors_submit(client, rolle, case_of_a):
    response = client.post(f"{URL}/{case_of_a}/pruefung/einreichen", json={}, headers=rolle("rechtsamt"))
    assert response.status_code == 403


def test_an_open_comment_blocks_the_approval_and_a_resolved_one_does_not(client, rolle, case_of_a, klausel):
    _einreichen(client, rolle, case_of_a)
    thread = ok(_kommentar(client, rolle, case_of_a, klausel("laufzeit.")), 201)
    refused = _freigabe(client, rolle, case_of_a, "rechtsamt")
    assert refused.status_code == 409 and "offen" in refused.json()["detail"]
    ok(
        client.patch(
            f"{URL}/{case_of_a}/kommentare/{thread['id']}", json={"status": "erledigt"}, headers=rolle("rechtsamt")
        )
    )
    assert ok(_freigabe(client, rolle, case_of_a, "rechtsamt"))["fehlende_freigaben"] == ["steuer", "leitung"]


def test_a_change_of_the_case_returns_it_to_draft_and_voids_the_approvals(client, rolle, case_of_a, personal_yaml):
    _einreichen(client, rolle, case_of_a)
    ok(_freigabe(client, rolle, case_of_a, "steuer"))
    ok(_aendern(client, rolle, case_of_a, personal_yaml))
    stand = ok(client.get(f"{URL}/{case_of_a}/pruefung", headers=rolle("rechtsamt")))
    assert stand["zustand"] == "entwurf" and stand["freigaben"] == []
    assert stand["fehlende_freigaben"] == ["steuer", "rechtsamt", "leitung"]
    assert _freigabe(client, rolle, case_of_a, "rechtsamt").status_code == 409


def test_a_comment_is_marked_when_its_clause_changed_since_and_keeps_its_thread(
    client, rolle, case_of_a, klausel, personal_yaml
):
    _einreichen(client, rolle, case_of_a)
    laufzeit = klausel("laufzeit.", "12 Monaten")
    thread = ok(_kommentar(client, rolle, case_of_a, laufzeit), 201)
    andere = ok(_kommentar(client, rolle, case_of_a, "parteien"), 201)
    ok(
        client.patch(
            f"{URL}/{case_of_a}/kommentare/{thread['id']}",
            json={"antwort": "Auf 6 Monate verkürzt."},
            headers=rolle("sachbearbeitung"),
        )
    )
    ok(_aendern(client, rolle, case_of_a, personal_yaml))
    liste = ok(client.get(f"{URL}/{case_of_a}/kommentare", headers=rolle("rechtsamt")))["kommentare"]
    geaendert = {k["klausel"]: k["geaendert_seit"] for k in liste}
    assert geaendert == {laufzeit: True, "parteien": False}
    erster = next(k for k in liste if k["id"] == thread["id"])
    assert erster["status"] == "offen" and [a["text"] for a in erster["antworten"]] == ["Auf 6 Monate verkürzt."]
    assert "Stadt Aheim" in andere["klausel_text"]


def test_an_editor_replies_but_does_not_resolve_a_reviewers_comment(client, rolle, case_of_a, klausel):
    thread = ok(_kommentar(client, rolle, case_of_a, klausel("laufzeit.")), 201)
    response = client.patch(
        f"{URL}/{case_of_a}/kommentare/{thread['id']}", json={"status": "erledigt"}, headers=rolle("sachbearbeitung")
    )
    assert response.status_code == 403


def test_a_comment_on_an_unknown_clause_is_refused_naming_the_field(client, rolle, case_of_a):
    response = _kommentar(client, rolle, case_of_a, "gibt_es_nicht.9")
    assert response.status_code == 422 and response.json()["errors"][0]["pfad"] == "klausel"


def test_a_reader_cannot_comment(client, rolle, case_of_a, klausel):
    assert _kommentar(client, rolle, case_of_a, klausel("laufzeit."), wer="leser").status_code == 403


def test_partners_comment_only_on_cases_shared_with_them_for_review(client, rolle, case_of_a, klausel):
    laufzeit = klausel("laufzeit.")
    assert _kommentar(client, rolle, case_of_a, laufzeit, organisation=B).status_code == 404
    ok(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "lesen"}, headers=rolle("sachbearbeitung")), 201)
    assert _kommentar(client, rolle, case_of_a, laufzeit, organisation=B).status_code == 403
    ok(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "pruefen"}, headers=rolle("sachbearbeitung")))
    assert _kommentar(client, rolle, case_of_a, laufzeit, organisation=B).status_code == 201
    assert _kommentar(client, rolle, case_of_a, laufzeit, organisation=C).status_code == 404
    assert _freigabe(client, rolle, case_of_a, "rechtsamt", organisation=B).status_code in (403, 409)


def test_a_role_approves_only_in_its_own_name(client, rolle, case_of_a):
    _einreichen(client, rolle, case_of_a)
    response = client.post(
        f"{URL}/{case_of_a}/freigaben", json={"rolle": "leitung", "entscheidung": "erteilt"}, headers=rolle("rechtsamt")
    )
    assert response.status_code == 403


def test_a_refusal_returns_the_case_to_draft(client, rolle, case_of_a):
    _einreichen(client, rolle, case_of_a)
    assert ok(_freigabe(client, rolle, case_of_a, "steuer", "abgelehnt"))["zustand"] == "entwurf"


def test_the_final_document_is_refused_before_approval_naming_the_missing_ones_and_printed_after(
    client, rolle, case_of_a
):
    refused = client.get(f"{URL}/{case_of_a}/draft?final=true", headers=rolle("sachbearbeitung"))
    assert refused.status_code == 409 and refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["fehlende_freigaben"] == ["steuer", "rechtsamt", "leitung"]
    assert "USt-Freigabe" in refused.json()["detail"]
    _einreichen(client, rolle, case_of_a)
    for wer in ("steuer", "rechtsamt"):
        ok(_freigabe(client, rolle, case_of_a, wer))
    assert client.get(f"{URL}/{case_of_a}/draft?final=true", headers=rolle("sachbearbeitung")).json()[
        "fehlende_freigaben"
    ] == ["leitung"]
    assert ok(_freigabe(client, rolle, case_of_a, "leitung"))["zustand"] == "freigegeben"
    pdf = client.get(f"{URL}/{case_of_a}/draft?final=true", headers=rolle("sachbearbeitung"))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Ausfertigung – freigegeben am" in text and "(Version 1)" in text and "ungeprüft" not in text
    assert client.get(f"{URL}/{case_of_a}/draft", headers=rolle("sachbearbeitung")).status_code == 200


def test_a_signed_case_is_frozen_and_changes_become_an_amendment_case(client, rolle, case_of_a, personal_yaml):
    _einreichen(client, rolle, case_of_a)
    for wer in ("steuer", "rechtsamt", "leitung"):
        ok(_freigabe(client, rolle, case_of_a, wer))
    assert client.post(f"{URL}/{case_of_a}/nachtrag", headers=rolle("sachbearbeitung")).status_code == 409
    signatur = {"datum": "2026-12-10", "unterzeichnende": ["Landrätin Muster", "Bürgermeisterin Aheim"]}
    assert (
        client.post(f"{URL}/{case_of_a}/unterzeichnung", json=signatur, headers=rolle("sachbearbeitung")).status_code
        == 403
    )
    stand = ok(client.post(f"{URL}/{case_of_a}/unterzeichnung", json=signatur, headers=rolle("leitung")))
    assert stand["zustand"] == "unterzeichnet" and stand["unterzeichnet_am"] == "2026-12-10"
    assert stand["unterzeichnende"] == signatur["unterzeichnende"]
    frozen = _aendern(client, rolle, case_of_a, personal_yaml)
    assert frozen.status_code == 409 and frozen.json()["type"].endswith("fall-unterzeichnet")
    nachtrag = ok(client.post(f"{URL}/{case_of_a}/nachtrag", headers=rolle("sachbearbeitung")), 201)
    assert nachtrag["nachtrag_zu"] == case_of_a
    neu = ok(client.get(f"{URL}/{nachtrag['fall']}/pruefung", headers=rolle("sachbearbeitung")))
    assert neu["zustand"] == "entwurf" and neu["nachtrag_zu"] == case_of_a
    ok(_aendern(client, rolle, nachtrag["fall"], personal_yaml))


def test_the_inbox_shows_cases_under_review_with_open_comments_and_deadline_also_to_partners(
    client, rolle, case_of_a, klausel
):
    assert ok(client.get("/api/v1/pruefungen", headers=rolle("rechtsamt")))["pruefungen"] == []
    _einreichen(client, rolle, case_of_a)
    _kommentar(client, rolle, case_of_a, klausel("laufzeit."))
    eintrag = ok(client.get("/api/v1/pruefungen", headers=rolle("rechtsamt")))["pruefungen"]
    assert [(e["fall"], e["offene_kommentare"], e["frist"], e["eigene_organisation"]) for e in eintrag] == [
        (case_of_a, 1, "2027-01-01", True)
    ]
    assert ok(client.get("/api/v1/pruefungen", headers=rolle("rechtsamt", B)))["pruefungen"] == []
    ok(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "pruefen"}, headers=rolle("sachbearbeitung")), 201)
    partner = ok(client.get("/api/v1/pruefungen", headers=rolle("rechtsamt", B)))["pruefungen"]
    assert [(e["fall"], e["eigene_organisation"]) for e in partner] == [(case_of_a, False)]
    assert ok(client.get("/api/v1/pruefungen", headers=rolle("rechtsamt", C)))["pruefungen"] == []


def test_an_organisation_configures_which_roles_approve(client, rolle, case_of_a):
    assert (
        client.put(
            "/api/v1/pruefung/einstellungen", json={"rollen": ["rechtsamt"]}, headers=rolle("leitung")
        ).status_code
        == 403
    )
    bad = client.put("/api/v1/pruefung/einstellungen", json={"rollen": ["leser"]}, headers=rolle("admin"))
    assert bad.status_code == 422 and "leser" in bad.json()["detail"]
    ok(client.put("/api/v1/pruefung/einstellungen", json={"rollen": ["rechtsamt"]}, headers=rolle("admin")))
    _einreichen(client, rolle, case_of_a)
    assert _freigabe(client, rolle, case_of_a, "steuer").status_code == 409
    assert ok(_freigabe(client, rolle, case_of_a, "rechtsamt"))["zustand"] == "freigegeben"
    other = ok(client.get("/api/v1/pruefung/einstellungen", headers=rolle("leser", B)))
    assert other["rollen"] == ["steuer", "rechtsamt", "leitung"]


def test_every_review_step_is_in_the_audit_trail(app, client, rolle, case_of_a, klausel):
    _einreichen(client, rolle, case_of_a)
    thread = ok(_kommentar(client, rolle, case_of_a, klausel("laufzeit.")), 201)
    _freigabe(client, rolle, case_of_a, "rechtsamt")
    client.patch(
        f"{URL}/{case_of_a}/kommentare/{thread['id']}", json={"status": "erledigt"}, headers=rolle("rechtsamt")
    )
    ok(_freigabe(client, rolle, case_of_a, "rechtsamt"))
    with app.state.session_factory() as s:
        eintraege = [
            (e.aktion, e.ergebnis) for e in s.query(AuditEntryRow).filter(AuditEntryRow.objekt == f"fall:{case_of_a}")
        ]
    for erwartet in [
        ("pruefung_einreichen", "erfolg"),
        ("kommentar_anlegen", "erfolg"),
        ("freigabe", "abgelehnt"),
        ("kommentar_erledigt", "erfolg"),
        ("freigabe_erteilt", "erfolg"),
    ]:
        assert erwartet in eintraege
