"""Access control on the API with several organisations: no credentials → 401, another
organisation's case → 404 (as if it did not exist), roles and shares decide the rest."""

from __future__ import annotations

import pytest

from tests.identity.conftest import YAML, A, B, C

URL = "/api/v1/cases"


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()


def _every_stored_data_route(case: int) -> list[tuple[str, str]]:
    return [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{case}"),
        ("PUT", f"{URL}/{case}"),
        ("GET", f"{URL}/{case}/versions"),
        ("GET", f"{URL}/{case}/versions/1"),
        ("GET", f"{URL}/{case}/draft"),
        ("GET", f"{URL}/{case}/shares"),
        ("PUT", f"{URL}/{case}/shares/{B}"),
        ("DELETE", f"{URL}/{case}/shares/{B}"),
        ("GET", "/api/v1/audit"),
        ("GET", "/api/v1/keys"),
        ("POST", "/api/v1/keys"),
        ("DELETE", "/api/v1/keys/irgendeiner"),
    ]


def test_every_route_with_stored_data_answers_401_problem_json_without_credentials(client, case_of_a, personal_yaml):
    for method, path in _every_stored_data_route(case_of_a):
        response = client.request(method, path, content=personal_yaml, headers=YAML)
        body = _problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer"), (method, path)
        assert "Anmeldung" in body["detail"], (method, path)


def test_an_unknown_or_malformed_key_is_401_even_on_an_open_endpoint(client, personal_yaml):
    for header in ("Bearer ikz_gibtesnichtgibtesnichtgibtesnicht", "Bearer ", "Basic abc"):
        body = _problem(
            client.post("/api/v1/assessments", content=personal_yaml, headers={**YAML, "authorization": header}), 401
        )
        assert body["type"].endswith("schluessel-ungueltig")


def test_organisation_b_cannot_list_read_change_export_or_share_a_case_of_a(client, key, case_of_a, personal_yaml):
    b = key(B, "sachbearbeitung")
    assert client.get(URL, headers=b).json() == {"faelle": [], "gesamt": 0, "limit": 50, "offset": 0}
    never_used = 999_999
    pairs = zip(_every_stored_data_route(case_of_a)[2:10], _every_stored_data_route(never_used)[2:10], strict=True)
    for (method, path), (_, path_missing) in pairs:
        foreign = client.request(method, path, content=personal_yaml, headers={**YAML, **b})
        missing = client.request(method, path_missing, content=personal_yaml, headers={**YAML, **b})
        assert foreign.status_code == missing.status_code == 404, (method, path, foreign.text)
        assert foreign.json()["detail"].replace(str(case_of_a), "N") == missing.json()["detail"].replace(
            str(never_used), "N"
        )
    a = key(A, "leser")
    assert client.get(f"{URL}/{case_of_a}/versions", headers=a).json()["versionen"][-1]["version"] == 1


def test_a_key_of_the_owner_reads_and_changes_its_case(client, key, case_of_a, personal_yaml):
    a = key(A, "sachbearbeitung")
    assert client.get(f"{URL}/{case_of_a}", headers=a).status_code == 200
    assert client.put(f"{URL}/{case_of_a}", content=personal_yaml, headers={**YAML, **a}).json()["version"] == 2
    assert client.get(URL, headers=a).json()["gesamt"] == 1


def test_roles_decide_within_the_organisation(client, key, case_of_a, personal_yaml):
    leser, admin = key(A, "leser"), key(A, "admin")
    assert client.get(f"{URL}/{case_of_a}", headers=leser).status_code == 200
    _problem(client.put(f"{URL}/{case_of_a}", content=personal_yaml, headers={**YAML, **leser}), 403)
    _problem(client.post(URL, content=personal_yaml, headers={**YAML, **leser}), 403)
    _problem(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "lesen"}, headers=leser), 403)
    # the administrator manages keys but does not read draft contracts by that role alone
    _problem(client.get(f"{URL}/{case_of_a}", headers=admin), 403)
    assert client.get("/api/v1/keys", headers=admin).status_code == 200
    _problem(client.get("/api/v1/keys", headers=key(A, "sachbearbeitung")), 403)


def test_a_read_share_lets_the_partner_read_and_export_but_not_change_or_reshare(client, key, case_of_a, personal_yaml):
    a, b, c = key(A, "leitung"), key(B, "sachbearbeitung"), key(C, "sachbearbeitung")
    shared = client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "lesen"}, headers=a)
    assert shared.status_code == 201, shared.text
    assert shared.json()["freigaben"] == [{"organisation": B, "name": "Stadt Aheim", "art": "lesen"}]
    assert client.get(URL, headers=b).json()["gesamt"] == 1
    assert client.get(f"{URL}/{case_of_a}", headers=b).status_code == 200
    draft = client.get(f"{URL}/{case_of_a}/draft", headers=b)
    assert draft.status_code == 200 and draft.content.startswith(b"%PDF")
    _problem(client.put(f"{URL}/{case_of_a}", content=personal_yaml, headers={**YAML, **b}), 403)
    _problem(client.put(f"{URL}/{case_of_a}/shares/{C}", json={"art": "lesen"}, headers=b), 403)
    _problem(client.get(f"{URL}/{case_of_a}", headers=c), 404)
    assert len(client.get(f"{URL}/{case_of_a}/versions", headers=key(A, "leser")).json()["versionen"]) == 1


def test_a_case_is_shared_only_with_organisations_named_in_it(client, key, case_of_a):
    a = key(A, "sachbearbeitung")
    body = _problem(client.put(f"{URL}/{case_of_a}/shares/{C}", json={"art": "lesen"}, headers=a), 422)
    assert "nicht als Beteiligte genannt" in body["detail"]
    _problem(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "alles"}, headers=a), 422)
    _problem(client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "lesen", "mehr": 1}, headers=a), 422)


def test_withdrawing_a_share_hides_the_case_again(client, key, case_of_a):
    a, b = key(A, "sachbearbeitung"), key(B, "leser")
    client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "pruefen"}, headers=a)
    assert client.get(f"{URL}/{case_of_a}", headers=b).status_code == 200
    assert client.delete(f"{URL}/{case_of_a}/shares/{B}", headers=a).status_code == 204
    _problem(client.get(f"{URL}/{case_of_a}", headers=b), 404)
    assert client.get(f"{URL}/{case_of_a}/shares", headers=a).json()["freigaben"] == []


def test_a_revoked_key_stops_working_at_once(client, key, app):
    admin = key(A, "admin")
    created = client.post("/api/v1/keys", json={"name": "Haushaltssoftware", "rolle": "leser"}, headers=admin)
    assert created.status_code == 201 and created.headers["cache-control"] == "no-store"
    neu = {"authorization": f"Bearer {created.json()['schluessel']}"}
    assert client.get(URL, headers=neu).status_code == 200
    listed = client.get("/api/v1/keys", headers=admin).json()["schluessel"]
    assert all(k["schluessel"] is None for k in listed)  # shown once, never again
    assert client.delete("/api/v1/keys/Haushaltssoftware", headers=admin).json()["widerrufen"]
    _problem(client.get(URL, headers=neu), 401)


@pytest.mark.parametrize("settings_extra", [{"offene_berechnung": False}])
def test_without_open_computation_the_stateless_endpoints_need_a_key(client, key, personal_yaml):
    for path in ("/api/v1/assessments", "/api/v1/calculations", "/api/v1/drafts"):
        _problem(client.post(path, content=personal_yaml, headers=YAML), 401)
    _problem(client.get("/api/v1/rules"), 401)
    _problem(client.get("/api/v1/catalogue"), 401)
    assert (
        client.post("/api/v1/assessments", content=personal_yaml, headers={**YAML, **key(C, "leser")}).status_code
        == 200
    )


def test_with_open_computation_the_stateless_endpoints_answer_without_a_key(client, personal_yaml):
    assert client.post("/api/v1/assessments", content=personal_yaml, headers=YAML).status_code == 200
    assert client.get("/api/v1/rules").status_code == 200


def test_the_openapi_document_names_the_key_and_where_it_is_required(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["apiSchluessel"]["scheme"] == "bearer"
    assert document["paths"]["/api/v1/cases"]["get"]["security"] == [{"apiSchluessel": []}]
    assert document["paths"]["/api/v1/audit"]["get"]["security"] == [{"apiSchluessel": []}]
    assert document["paths"]["/api/v1/assessments"]["post"]["security"] == [{}, {"apiSchluessel": []}]
