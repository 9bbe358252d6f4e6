"""Sign-in, sessions and CSRF: the German sign-in page, Argon2id, no user enumeration, lock-out,
server-side sessions shared by workers, the session's CSRF token and the Origin check."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher, profiles
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.audit.tables import AuditEntryRow
from api.identity.signin import MELDUNG_ABGELEHNT
from api.identity.tables import UserRow
from tests.identity.conftest import YAML, A, B
from tests.identity_helpers import add_user

EMAIL, PASSWORT = "sb@musterland.example", "richtig-langes-passwort"
BASE = "http://testserver"


@pytest.fixture
def user(app) -> str:
    add_user(app, EMAIL, A, ["sachbearbeitung"], PASSWORT)
    return EMAIL


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html
    return match.group(1)


def _sign_in(client: TestClient, email: str, passwort: str, **headers: str):
    token = _token(client.get("/anmelden").text)
    return client.post(
        "/anmelden",
        data={"email": email, "passwort": passwort, "csrf_token": token, "weiter": "/faelle"},
        headers={"origin": BASE, **headers},
        follow_redirects=False,
    )


def test_the_sign_in_page_is_german_accessible_and_carries_a_csrf_field(client):
    page = client.get("/anmelden")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="de">' in html and "<h1>Anmelden</h1>" in html
    assert '<label for="f-email">E-Mail-Adresse</label>' in html and 'autocomplete="current-password"' in html
    assert 'name="csrf_token"' in html
    assert "ikz_formular=" in page.headers["set-cookie"] and "HttpOnly" in page.headers["set-cookie"]


def test_a_correct_sign_in_starts_a_server_side_session_with_a_safe_cookie(client, user, app):
    response = _sign_in(client, EMAIL, PASSWORT)
    assert response.status_code == 303 and response.headers["location"] == "/faelle"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("ikz_sitzung=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here; over TLS see the next test
    assert client.get("/api/v1/cases").status_code == 200
    with app.state.session_factory() as session:
        stored = session.execute(select(UserRow.password_hash).where(UserRow.email == EMAIL)).scalar_one()
    assert stored.startswith("$argon2id$")


#: How the production parameters (RFC 9106, second option) appear in a stored Argon2id hash.
RFC_9106_PREFIX = "$argon2id$v=19$m=65536,t=3,p=4$"


def _stored_hash(app) -> str:
    with app.state.session_factory() as session:
        return session.execute(select(UserRow.password_hash).where(UserRow.email == EMAIL)).scalar_one()


@pytest.mark.real_password_cost
def test_a_password_is_stored_as_argon2id_with_the_rfc_9106_parameters(app, user):
    assert _stored_hash(app).startswith(RFC_9106_PREFIX)


@pytest.mark.real_password_cost
def test_an_unknown_address_costs_a_verification_with_the_same_parameters():
    from api.identity import passwords

    assert not passwords.needs_rehash(passwords._DUMMY_HASH)
    assert passwords.verify_password(None, "kein Konto – nur für gleiche Antwortzeiten") is False


@pytest.mark.real_password_cost
def test_a_hash_with_weaker_parameters_is_replaced_at_the_next_sign_in(app, client, user):
    with app.state.session_factory() as session:
        row = session.execute(select(UserRow).where(UserRow.email == EMAIL)).scalar_one()
        row.password_hash = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORT)
        session.commit()
    assert _stored_hash(app).startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert _sign_in(client, EMAIL, PASSWORT).status_code == 303
    assert _stored_hash(app).startswith(RFC_9106_PREFIX)
    assert _sign_in(TestClient(app), EMAIL, "falsches-langes-passwort").status_code != 303


def test_behind_tls_the_cookie_is_secure_with_the_host_prefix(app, user):
    with TestClient(app, base_url="https://testserver") as client:
        token = _token(client.get("/anmelden").text)
        response = client.post(
            "/anmelden",
            data={"email": EMAIL, "passwort": PASSWORT, "csrf_token": token},
            headers={"origin": "https://testserver"},
            follow_redirects=False,
        )
    assert response.headers["set-cookie"].startswith("__Host-ikz_sitzung=")
    assert "Secure" in response.headers["set-cookie"]
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_wrong_password_and_unknown_address_get_the_same_answer(client, user):
    wrong = _sign_in(client, EMAIL, "falsches-passwort-x")
    unknown = _sign_in(client, "niemand@musterland.example", "falsches-passwort-x")
    assert wrong.status_code == unknown.status_code == 401
    assert MELDUNG_ABGELEHNT in wrong.text and MELDUNG_ABGELEHNT in unknown.text
    assert wrong.text.replace(EMAIL, "X") == unknown.text.replace("niemand@musterland.example", "X").replace(
        _token(unknown.text), _token(wrong.text)
    )


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(client, user, app):
    for _ in range(5):
        assert _sign_in(client, EMAIL, "falsches-passwort-x").status_code == 401
    locked = _sign_in(client, EMAIL, PASSWORT)
    assert locked.status_code == 401 and MELDUNG_ABGELEHNT in locked.text
    with app.state.session_factory() as session:
        gruende = (
            session.execute(select(AuditEntryRow.detail).where(AuditEntryRow.aktion == "anmelden")).scalars().all()
        )
    assert gruende == ["passwort_falsch"] * 4 + ["gesperrt", "gesperrt"]


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, user):
    for _ in range(4):
        _sign_in(client, EMAIL, "falsches-passwort-x")
    assert _sign_in(client, EMAIL, PASSWORT).status_code == 303
    for _ in range(4):
        _sign_in(client, EMAIL, "falsches-passwort-x")
    assert _sign_in(client, EMAIL, PASSWORT).status_code == 303


@pytest.mark.parametrize("settings_extra", [{"rate_limit_login": 3}])
def test_sign_in_attempts_per_client_address_are_limited(client, user):
    for _ in range(3):
        assert _sign_in(client, "x@musterland.example", "falsches-passwort-x").status_code == 401
    limited = _sign_in(client, EMAIL, PASSWORT)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert "Zu viele Anmeldeversuche" in limited.text


def test_a_sign_in_post_without_token_or_from_a_foreign_origin_is_refused_with_a_german_page(client, user):
    no_token = client.post("/anmelden", data={"email": EMAIL, "passwort": PASSWORT}, headers={"origin": BASE})
    assert no_token.status_code == 403 and "CSRF" in no_token.text and '<html lang="de">' in no_token.text
    token = _token(client.get("/anmelden").text)
    foreign = client.post(
        "/anmelden",
        data={"email": EMAIL, "passwort": PASSWORT, "csrf_token": token},
        headers={"origin": "https://boese.example"},
    )
    assert foreign.status_code == 403 and "abgewiesen" in foreign.text


def test_a_cookie_authenticated_api_change_needs_the_session_token_and_our_origin(client, user, personal_yaml):
    _sign_in(client, EMAIL, PASSWORT)
    no_token = client.post("/api/v1/cases", content=personal_yaml, headers={**YAML, "origin": BASE})
    assert no_token.status_code == 403 and no_token.headers["content-type"] == "application/problem+json"
    token = _token(client.get("/anmelden").text)  # the signed-in page shows the session's token
    ok = client.post("/api/v1/cases", content=personal_yaml, headers={**YAML, "origin": BASE, "x-csrf-token": token})
    assert ok.status_code == 201, ok.text
    forged = client.post(
        "/api/v1/cases",
        content=personal_yaml,
        headers={**YAML, "origin": "https://boese.example", "x-csrf-token": token},
    )
    assert forged.status_code == 403 and forged.json()["type"].endswith("csrf")
    no_origin = client.post("/api/v1/cases", content=personal_yaml, headers={**YAML, "x-csrf-token": token})
    assert no_origin.status_code == 403
    assert client.get("/api/v1/cases").json()["gesamt"] == 1


def test_a_forged_cross_site_post_to_the_open_web_form_is_refused(client):
    forged = client.post(
        "/formular",
        data={"aktion": "speichern", "bezeichnung": "Untergeschoben"},
        headers={"origin": "https://boese.example"},
    )
    assert forged.status_code == 403 and '<html lang="de">' in forged.text
    referer_only = client.post(
        "/formular", data={"aktion": "aktualisieren"}, headers={"referer": "https://boese.example/seite"}
    )
    assert referer_only.status_code == 403


def test_a_bearer_key_call_needs_no_csrf_token(client, key, personal_yaml):
    response = client.post(
        "/api/v1/cases",
        content=personal_yaml,
        headers={**YAML, **key(A, "sachbearbeitung"), "origin": "https://x.example"},
    )
    assert response.status_code == 201


def test_sign_out_ends_the_session_in_the_database(client, user):
    _sign_in(client, EMAIL, PASSWORT)
    cookie = client.cookies.get("ikz_sitzung")
    token = _token(client.get("/anmelden").text)
    out = client.post("/abmelden", data={"csrf_token": token}, headers={"origin": BASE}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/anmelden?abgemeldet=true"
    client.cookies.set("ikz_sitzung", cookie)  # a copy of the old cookie is worth nothing now
    assert client.get("/api/v1/cases").status_code == 401


def test_a_session_made_by_one_worker_is_honoured_by_another(client, user, settings_extra, tmp_path, app):
    _sign_in(client, EMAIL, PASSWORT)
    other_worker = create_app(app.state.settings)
    with TestClient(other_worker) as other:
        other.cookies.set("ikz_sitzung", client.cookies.get("ikz_sitzung"))
        assert other.get("/api/v1/cases").status_code == 200
    other_worker.state.engine.dispose()


def test_a_signed_in_user_of_b_sees_no_case_of_a(client, key, app, personal_yaml):
    client.post("/api/v1/cases", content=personal_yaml, headers={**YAML, **key(A, "sachbearbeitung")})
    add_user(app, "b@aheim.example", B, ["leitung"], PASSWORT)
    _sign_in(client, "b@aheim.example", PASSWORT)
    assert client.get("/api/v1/cases").json()["gesamt"] == 0
    assert client.get("/api/v1/cases/1").status_code == 404


def test_only_a_local_target_is_followed_after_sign_in(client, user):
    token = _token(client.get("/anmelden").text)
    response = client.post(
        "/anmelden",
        data={"email": EMAIL, "passwort": PASSWORT, "csrf_token": token, "weiter": "//boese.example/x"},
        headers={"origin": BASE},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"
