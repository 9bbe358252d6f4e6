"""The web pages with two organisations: sign-in before stored data, the organisation's own and
shared cases only, a foreign case is the German 404 page by every web route, sharing from the
case page, and the audit trail of web reads, changes, exports and shares (issue 12)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from api.audit import verify
from api.audit.tables import AuditEntryRow
from tests.identity.conftest import A, B, C
from tests.identity.web_browsers import Browsers, browsers_fixture, check_case, post_form, save_case
from tests.identity_helpers import form_token

NOT_FOUND = "Seite nicht gefunden"


@pytest.fixture
def browsers(app) -> Iterator[Browsers]:
    yield from browsers_fixture(app)


@pytest.fixture
def web_case_of_a(browsers, personal_yaml) -> tuple[int, object]:
    """A case saved through the web form by a Sachbearbeitung user of A, and that browser."""
    a = browsers.user(A, "sachbearbeitung")
    return save_case(a, personal_yaml), a


def _audit(app, aktion: str) -> list[AuditEntryRow]:
    with app.state.session_factory() as session:
        return list(session.query(AuditEntryRow).filter(AuditEntryRow.aktion == aktion).order_by(AuditEntryRow.id))


@pytest.mark.parametrize(
    "path",
    [
        "/faelle",
        "/faelle/1",
        "/faelle/1/versionen",
        "/faelle/1/vergleich?a=1&b=1",
        "/faelle/1/bearbeiten",
        "/faelle/1/download/entwurf.pdf",
        "/verwaltung/nutzer",
        "/verwaltung/schluessel",
    ],
)
def test_pages_with_stored_data_send_an_anonymous_browser_to_sign_in_and_back(browsers, path):
    response = browsers.anonymous().get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/anmelden?weiter=" + path.replace("?", "%3F").replace("&", "%26").replace(
        "=", "%3D"
    )


def test_after_sign_in_the_browser_returns_to_the_page_it_asked_for(browsers, app):
    anonymous = browsers.anonymous()
    first = anonymous.get("/faelle?seite=1")
    assert first.url.path == "/anmelden" and 'name="weiter" value="/faelle?seite=1"' in first.text


def test_a_case_saved_through_the_web_belongs_to_the_organisation_of_who_saved_it(browsers, web_case_of_a):
    case_id, a = web_case_of_a
    colleague = browsers.user(A, "leser")
    assert f'href="/faelle/{case_id}"' in colleague.get("/faelle").text
    assert colleague.get(f"/faelle/{case_id}").status_code == 200
    assert f'href="/faelle/{case_id}"' not in browsers.user(B, "leitung").get("/faelle").text


def test_organisation_b_cannot_list_read_change_export_or_share_a_case_of_a_by_any_web_route(
    app, browsers, web_case_of_a, personal_yaml
):
    case_id, a = web_case_of_a
    b = browsers.user(B, "sachbearbeitung", "leitung")
    never = 999_999
    assert f"/faelle/{case_id}" not in b.get("/faelle").text
    assert f"/faelle/{case_id}" not in b.get("/").text
    for path in [
        "",
        "/versionen",
        "/vergleich?a=1&b=1",
        "/bearbeiten",
        "/download/entwurf.pdf",
        "/download/fallakte.json",
        "/download/bewertung.json",
    ]:
        foreign = b.get(f"/faelle/{case_id}{path}")
        unknown = b.get(f"/faelle/{never}{path}")
        assert foreign.status_code == unknown.status_code == 404, path
        assert NOT_FOUND in foreign.text and "Stadt Aheim" not in foreign.text, path
        same = re.compile(rf"\b({case_id}|{never})\b")
        assert same.sub("N", foreign.text) == same.sub("N", unknown.text), path
    # change: a new version through the form, naming A's case
    changed = post_form(b, personal_yaml, "speichern", fall_id=str(case_id), fall_version="1")
    assert changed.status_code == 409 and "unbekannt" in changed.text
    assert "Version 2" not in a.get(f"/faelle/{case_id}/versionen").text
    # share, withdraw
    assert b.post(f"/faelle/{case_id}/freigaben", data={"organisation": B, "art": "lesen"}).status_code == 404
    assert b.post(f"/faelle/{case_id}/freigaben/{B}/zuruecknehmen").status_code == 404
    # the refusals are in the audit trail, under B
    refused = [e for e in _audit(app, "fall_lesen") if e.ergebnis == "nicht_gefunden"]
    assert refused and all(e.objekt in (f"fall:{case_id}", f"fall:{never}") for e in refused)


def test_an_unsaved_result_opens_only_for_the_organisation_that_made_it(browsers, personal_yaml):
    a = browsers.user(A, "sachbearbeitung")
    ergebnis = check_case(a, personal_yaml)
    assert a.get(ergebnis).status_code == 200
    assert browsers.user(A, "leser").get(ergebnis).status_code == 200  # a colleague, before it is saved
    b = browsers.user(B, "sachbearbeitung")
    for path in ("", "/bearbeiten", "/download/fallakte.json"):
        response = b.get(ergebnis + path)
        assert response.status_code == 404 and "nicht (mehr) vorhanden" in response.text
    assert b.post(ergebnis + "/speichern", data={"notiz": "fremd"}).status_code == 404
    assert browsers.anonymous().get(ergebnis).status_code == 404


def test_on_the_open_form_a_result_belongs_to_the_browser_that_made_it(browsers, personal_yaml):
    anonymous = browsers.anonymous()
    anonymous.get("/formular")  # a browser loads the form (and its pre-sign-in token) first
    anonymous.headers["origin"] = "http://testserver"
    anonymous.headers["x-csrf-token"] = ""
    ergebnis = check_case(anonymous, personal_yaml)
    assert anonymous.get(ergebnis).status_code == 200
    assert anonymous.get(ergebnis + "/download/fallakte.json").status_code == 200
    assert browsers.anonymous().get(ergebnis).status_code == 404
    assert browsers.user(A, "sachbearbeitung").get(ergebnis).status_code == 404
    # saving needs sign-in
    saving = anonymous.post(ergebnis + "/speichern", data={"notiz": ""}, follow_redirects=False)
    assert saving.status_code == 303 and saving.headers["location"].startswith("/anmelden?weiter=")


def test_saving_without_sign_in_keeps_the_entries_and_the_sign_in_leads_back_to_save_them(app, browsers, personal_yaml):
    from tests.identity.web_browsers import PASSWORT
    from tests.identity_helpers import add_user, sign_in

    anonymous = browsers.anonymous()
    anonymous.get("/formular")
    saving = post_form(anonymous, personal_yaml, "speichern")
    found = re.match(r"^/anmelden\?weiter=(/ergebnis/[A-Za-z0-9_-]+)$", saving.headers["location"])
    assert saving.status_code == 303 and found, saving.headers.get("location")
    add_user(app, "spaet@kreis-musterland.example", A, ["sachbearbeitung"], PASSWORT)
    sign_in(anonymous, "spaet@kreis-musterland.example", PASSWORT)
    saved = anonymous.post(found.group(1) + "/speichern", data={"notiz": "nach der Anmeldung"}, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].startswith("/faelle/")
    assert browsers.user(A, "leser").get(saved.headers["location"]).status_code == 200


def test_the_owner_shares_from_the_case_page_and_the_partner_reads_but_cannot_change(
    app, browsers, web_case_of_a, personal_yaml
):
    case_id, a = web_case_of_a
    page = a.get(f"/faelle/{case_id}").text
    assert 'id="freigaben"' in page and f'<option value="{B}">' in page and C not in page
    shared = a.post(f"/faelle/{case_id}/freigaben", data={"organisation": B, "art": "lesen"}, follow_redirects=False)
    assert shared.status_code == 303
    assert "Der Fall ist freigegeben." in a.get(shared.headers["location"]).text
    b = browsers.user(B, "sachbearbeitung")
    assert f'href="/faelle/{case_id}"' in b.get("/faelle").text
    assert b.get(f"/faelle/{case_id}").status_code == 200
    assert b.get(f"/faelle/{case_id}/download/fallakte.json").status_code == 200
    assert 'id="freigaben"' not in b.get(f"/faelle/{case_id}").text  # the partner does not manage shares
    assert b.get(f"/faelle/{case_id}/bearbeiten").status_code == 403
    assert post_form(b, personal_yaml, "speichern", fall_id=str(case_id), fall_version="1").status_code == 403
    assert b.post(f"/faelle/{case_id}/freigaben", data={"organisation": B, "art": "pruefen"}).status_code == 403
    # C is named nowhere in the case: refused with the field named
    refused = a.post(f"/faelle/{case_id}/freigaben", data={"organisation": C, "art": "lesen"})
    assert refused.status_code == 422 and "nicht als Beteiligte genannt" in refused.text
    # withdrawn: B no longer sees it
    a.post(f"/faelle/{case_id}/freigaben/{B}/zuruecknehmen")
    assert b.get(f"/faelle/{case_id}").status_code == 404
    aktionen = {(e.aktion, e.detail) for e in _audit(app, "fall_freigeben") + _audit(app, "freigabe_zuruecknehmen")}
    assert aktionen == {("fall_freigeben", f"web {B} lesen"), ("freigabe_zuruecknehmen", f"web {B}")}


def test_web_reads_changes_and_exports_are_in_the_audit_trail_and_the_chain_holds(app, browsers, web_case_of_a):
    case_id, a = web_case_of_a
    a.get(f"/faelle/{case_id}")
    a.get(f"/faelle/{case_id}/download/vereinbarung.pdf")
    objekt = f"fall:{case_id}"
    assert [(e.objekt, e.detail) for e in _audit(app, "fall_anlegen")] == [(objekt, "web version 1")]
    assert (objekt, "web version 1") in [(e.objekt, e.detail) for e in _audit(app, "fall_lesen")]
    assert [(e.objekt, e.detail) for e in _audit(app, "dokument_exportieren")] == [
        (objekt, "web version 1 vereinbarung.pdf")
    ]
    with app.state.session_factory() as session:
        assert verify(session) is None


def test_a_reader_sees_cases_but_the_save_and_edit_routes_refuse_with_a_german_403_page(browsers, web_case_of_a):
    case_id, _a = web_case_of_a
    leser = browsers.user(A, "leser")
    refused = leser.get(f"/faelle/{case_id}/bearbeiten")
    assert refused.status_code == 403 and "Ihre Rolle erlaubt das nicht" in refused.text


@pytest.mark.parametrize("settings_extra", [{"offene_berechnung": False}])
def test_without_open_computation_the_form_needs_sign_in_too(browsers, personal_yaml):
    anonymous = browsers.anonymous()
    for path in ("/formular", "/import", "/screening", "/satztabellen"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == f"/anmelden?weiter={path}", path
    live = anonymous.post("/formular/live", data={"bezeichnung": "x"}, headers={"accept": "application/json"})
    assert live.status_code == 401 and live.headers["content-type"].startswith("application/problem+json")
    assert browsers.user(A, "leser").get("/formular").status_code == 200


def test_with_open_computation_the_form_stays_open_and_the_start_page_lists_no_cases(browsers, web_case_of_a):
    anonymous = browsers.anonymous()
    assert anonymous.get("/formular").status_code == 200
    start = anonymous.get("/").text
    assert "/faelle/" not in start and "nach der" in start


def test_a_session_post_without_the_token_or_from_another_site_is_a_german_403_page(browsers, personal_yaml):
    a = browsers.user(A, "sachbearbeitung")
    token = a.headers.pop("x-csrf-token")
    missing = post_form(a, personal_yaml, "pruefen")
    assert missing.status_code == 403 and "CSRF" in missing.text and "<html" in missing.text
    wrong = post_form(a, personal_yaml, "pruefen", csrf_token="x" * 43)
    assert wrong.status_code == 403
    forged = post_form(a, personal_yaml, "pruefen", csrf_token="gefälscht")  # non-ASCII: refused, not a 500
    assert forged.status_code == 403 and "CSRF" in forged.text
    in_the_form = post_form(a, personal_yaml, "pruefen", csrf_token=token)  # the hidden field, as browsers send it
    assert in_the_form.status_code == 303
    a.headers["origin"] = "https://boese.example"
    foreign = post_form(a, personal_yaml, "pruefen", csrf_token=token)
    assert foreign.status_code == 403 and "CSRF" in foreign.text


def test_every_state_changing_web_form_carries_the_token(browsers, web_case_of_a, personal_yaml):
    case_id, a = web_case_of_a
    admin = browsers.user(A, "admin")
    token = a.headers["x-csrf-token"]
    pages = [a.get(p).text for p in ("/formular", "/import", "/screening", "/satztabellen", f"/faelle/{case_id}")]
    pages.append(a.get(check_case(a, personal_yaml)).text)
    pages += [admin.get(p).text for p in ("/verwaltung/nutzer", "/verwaltung/schluessel")]
    for html in pages:
        forms = html.split('method="post"')[1:]
        assert forms
        for form in forms:
            body = form.split("</form>")[0]
            assert (
                f'name="csrf_token" value="{token}"' in body
                or f'name="csrf_token" value="{admin.headers["x-csrf-token"]}"' in body
            )
    assert form_token(pages[0]) == token


def test_a_sign_in_post_with_a_non_ascii_token_is_refused_not_a_500(browsers):
    anonymous = browsers.anonymous()
    anonymous.get("/anmelden")
    response = anonymous.post(
        "/anmelden",
        data={"email": "x@example.org", "passwort": "y", "csrf_token": "gefälscht"},
        headers={"origin": "http://testserver"},
    )
    assert response.status_code == 403 and "CSRF" in response.text


@pytest.mark.parametrize("fall_id", ["²", "9" * 20, "-1"])
def test_a_forged_case_number_in_the_form_is_a_new_case_not_a_500(browsers, personal_yaml, fall_id):
    a = browsers.user(A, "sachbearbeitung")
    response = post_form(a, personal_yaml, "speichern", fall_id=fall_id)
    assert response.status_code == 303 and re.match(r"^/faelle/\d+\?gespeichert=1$", response.headers["location"])
