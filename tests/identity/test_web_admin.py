"""The administration pages of an organisation's admin: users and roles, API keys shown once and
revocable — only within the admin's own organisation, every change audited (issue 12, point 3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from api.audit.tables import AuditEntryRow
from api.identity.tables import UserRow
from tests.identity.conftest import A, B
from tests.identity.web_browsers import Browsers, browsers_fixture


@pytest.fixture
def browsers(app) -> Iterator[Browsers]:
    yield from browsers_fixture(app)


def _user_id(app, email: str) -> int:
    with app.state.session_factory() as session:
        return session.query(UserRow).filter(UserRow.email == email).one().id


def _aktionen(app) -> list[tuple[str, str | None]]:
    with app.state.session_factory() as session:
        return [(e.aktion, e.detail) for e in session.query(AuditEntryRow).order_by(AuditEntryRow.id)]


def test_only_admins_reach_the_administration(browsers):
    for rolle in ("sachbearbeitung", "leitung", "leser"):
        response = browsers.user(A, rolle).get("/verwaltung/nutzer")
        assert response.status_code == 403 and "Ihre Rolle erlaubt das nicht" in response.text
    admin = browsers.user(A, "admin")
    assert admin.get("/verwaltung", follow_redirects=False).headers["location"] == "/verwaltung/nutzer"
    assert 'href="/verwaltung"' in admin.get("/").text
    assert 'href="/verwaltung"' not in browsers.user(A, "leser").get("/").text


def test_an_admin_adds_a_user_who_then_signs_in_with_the_roles_given(app, browsers):
    admin = browsers.user(A, "admin")
    added = admin.post(
        "/verwaltung/nutzer",
        data={
            "email": "neu@kreis-musterland.example",
            "rolle": ["leser", "rechtsamt"],
            "passwort": "ein gutes Passwort",
        },
    )
    assert added.status_code == 200 and "Das Konto ist angelegt." in added.text
    with app.state.session_factory() as session:
        row = session.query(UserRow).filter(UserRow.email == "neu@kreis-musterland.example").one()
        assert row.rollen == "leser,rechtsamt" and row.organisation_id is not None
    assert ("nutzer_anlegen", "web leser,rechtsamt") in _aktionen(app)


def test_a_bad_new_user_is_refused_with_a_german_message_and_the_entry_kept(browsers):
    admin = browsers.user(A, "admin")
    short = admin.post("/verwaltung/nutzer", data={"email": "kurz@x.example", "rolle": ["leser"], "passwort": "kurz"})
    assert short.status_code == 422 and "mindestens 12 Zeichen" in short.text and 'value="kurz@x.example"' in short.text
    unknown = admin.post("/verwaltung/nutzer", data={"email": "r@x.example", "rolle": ["kaiser"], "passwort": ""})
    assert unknown.status_code == 422 and "Unbekannte Rolle" in unknown.text


def test_roles_and_deactivation_apply_at_the_next_request(app, browsers):
    admin = browsers.user(A, "admin")
    person = browsers.user(A, "sachbearbeitung")
    person_id = _user_id(app, f"person{browsers.count}@{A}.example")
    assert person.get("/formular").status_code == 200
    admin.post(f"/verwaltung/nutzer/{person_id}/rollen", data={"rolle": ["leser"]})
    assert person.get("/verwaltung/nutzer").status_code == 403
    admin.post(f"/verwaltung/nutzer/{person_id}/aktiv", data={"aktiv": "nein"})
    gone = person.get("/faelle", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/anmelden")
    aktionen = _aktionen(app)
    assert ("nutzer_rollen_aendern", "web leser") in aktionen and ("nutzer_deaktivieren", "web") in aktionen


def test_the_last_admin_keeps_the_role_and_stays_active(app, browsers):
    admin = browsers.user(A, "admin")
    own = _user_id(app, f"person{browsers.count}@{A}.example")
    dropped = admin.post(f"/verwaltung/nutzer/{own}/rollen", data={"rolle": ["leser"]})
    assert dropped.status_code == 422 and "mindestens ein aktives Konto mit der Rolle admin" in dropped.text
    off = admin.post(f"/verwaltung/nutzer/{own}/aktiv", data={"aktiv": "nein"})
    assert off.status_code == 422
    assert admin.get("/verwaltung/nutzer").status_code == 200


def test_an_admin_cannot_see_or_change_users_or_keys_of_another_organisation(app, browsers, key):
    browsers.user(B, "sachbearbeitung")
    b_person = _user_id(app, f"person{browsers.count}@{B}.example")
    key(B, "leser")
    admin = browsers.user(A, "admin")
    assert f"@{B}.example" not in admin.get("/verwaltung/nutzer").text
    assert admin.post(f"/verwaltung/nutzer/{b_person}/rollen", data={"rolle": ["admin"]}).status_code == 404
    assert admin.post(f"/verwaltung/nutzer/{b_person}/aktiv", data={"aktiv": "nein"}).status_code == 404
    assert "leser-0" not in admin.get("/verwaltung/schluessel").text
    assert admin.post("/verwaltung/schluessel/1/widerrufen").status_code == 404


def test_a_key_is_shown_once_works_as_bearer_and_stops_when_revoked(app, browsers, client, personal_yaml):
    admin = browsers.user(A, "admin")
    created = admin.post("/verwaltung/schluessel", data={"name": "Haushaltssoftware", "rolle": "sachbearbeitung"})
    assert created.status_code == 200 and created.headers["cache-control"] == "no-store"
    found = re.search(r'id="f-neuer-schluessel"[^>]*value="([^"]+)"', created.text)
    assert found
    key = found.group(1)
    assert key not in admin.get("/verwaltung/schluessel").text
    bearer = {"authorization": f"Bearer {key}", "content-type": "application/yaml"}
    assert client.post("/api/v1/cases", content=personal_yaml, headers=bearer).status_code == 201
    key_id = re.search(r'action="/verwaltung/schluessel/(\d+)/widerrufen"', admin.get("/verwaltung/schluessel").text)
    assert key_id
    revoked = admin.post(f"/verwaltung/schluessel/{key_id.group(1)}/widerrufen")
    assert "Der Schlüssel ist widerrufen." in revoked.text and "widerrufen am" in revoked.text
    assert client.get("/api/v1/cases", headers=bearer).status_code == 401
    aktionen = _aktionen(app)
    assert ("schluessel_anlegen", "web Haushaltssoftware") in aktionen
    assert ("schluessel_widerrufen", "web Haushaltssoftware") in aktionen
