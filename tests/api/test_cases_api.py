"""Saved cases over HTTP: POST/GET/PUT /cases, versions, Idempotency-Key, If-Match, re-assessment.

Saved cases need credentials since issue 12: every test here calls as organisation "kreis-a" with
a sachbearbeitung key (``client`` below); access control itself is tested in tests/identity/."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from tests.identity_helpers import bearer

URL = "/api/v1/cases"
YAML = {"content-type": "application/yaml"}


@pytest.fixture
def client(key_client):
    return key_client


def _create(client, text: str, **headers: str):
    return client.post(URL, content=text, headers={**YAML, **headers})


def test_posting_a_case_stores_version_one_with_its_assessment_and_the_rule_set(client, app, personal_yaml):
    response = _create(client, personal_yaml)
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"{URL}/{body['fall']}"
    assert response.headers["etag"] == '"1"'
    assert body["version"] == 1
    assert body["regelwerk"] == {"version": app.state.regelwerk.version, "sha256": app.state.regelwerk.sha256}
    assert body["bewertung"]["regelwerk"]["sha256"] == app.state.regelwerk.sha256
    assert body["ergebnis"] == body["bewertung"]["ergebnis"]
    assert body["kalkulation"]["format"] == "ikz-kalkulation/1"
    assert body["fallakte"]["bezeichnung"] == "Gemeinsame Entgelt- und Besoldungsabrechnung im Kreis Musterland"
    assert client.get(response.headers["location"]).json() == body


def test_every_put_is_a_new_version_and_old_versions_stay_readable(client, personal_yaml):
    case = _create(client, personal_yaml).json()["fall"]
    changed = personal_yaml.replace("rechtsform: oerv_mandatierend", "rechtsform: oerv_delegierend")
    put = client.put(f"{URL}/{case}", content=changed, headers={**YAML, "Notiz": "delegierend"})
    assert put.status_code == 200, put.text
    assert (put.json()["version"], put.json()["notiz"], put.headers["etag"]) == (2, "delegierend", '"2"')
    versions = client.get(f"{URL}/{case}/versions").json()
    assert [v["version"] for v in versions["versionen"]] == [1, 2]
    assert client.get(f"{URL}/{case}").json()["fallakte"]["rechtsform"] == "oerv_delegierend"
    assert client.get(f"{URL}/{case}/versions/1").json()["fallakte"]["rechtsform"] == "oerv_mandatierend"


def test_the_case_list_pages_through_the_saved_cases(client, personal_yaml):
    ids = [_create(client, personal_yaml).json()["fall"] for _ in range(3)]
    first = client.get(f"{URL}?limit=2").json()
    second = client.get(f"{URL}?limit=2&offset=2").json()
    assert first["gesamt"] == 3 and len(first["faelle"]) == 2 and len(second["faelle"]) == 1
    assert {f["fall"] for f in first["faelle"] + second["faelle"]} == set(ids)
    assert first["faelle"][0]["aktuelle_version"] == 1


def test_a_page_size_beyond_the_bound_is_a_422_naming_the_parameter(client, problem):
    problem(client.get(f"{URL}?limit=100000"), 422, pfad="limit")
    problem(client.get(f"{URL}?offset=-1"), 422, pfad="offset")


def test_unknown_cases_and_versions_are_404_problems(client, personal_yaml, problem):
    case = _create(client, personal_yaml).json()["fall"]
    assert "999" in problem(client.get(f"{URL}/999"), 404)["detail"]
    problem(client.get(f"{URL}/999/versions"), 404)
    problem(client.put(f"{URL}/999", content=personal_yaml, headers=YAML), 404)
    body = problem(client.get(f"{URL}/{case}/versions/5"), 404)
    assert body["type"] == "urn:ikz-berater:problem:version-unbekannt"


def test_an_invalid_case_is_not_stored(client, personal_yaml, problem):
    bad = personal_yaml.replace("erbringer: kreis-musterland", "erbringer: kreis-unbekannt")
    problem(_create(client, bad), 422, pfad="leistungen[0].erbringer")
    assert client.get(URL).json()["gesamt"] == 0


def test_a_retry_with_the_same_idempotency_key_returns_the_first_answer_and_stores_nothing_new(client, personal_yaml):
    first = _create(client, personal_yaml, **{"Idempotency-Key": "haushalt-2027-0815"})
    retry = _create(client, personal_yaml, **{"Idempotency-Key": "haushalt-2027-0815"})
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.content == first.content
    assert retry.headers["idempotent-replayed"] == "true"
    assert client.get(URL).json()["gesamt"] == 1


def test_the_same_idempotency_key_for_a_different_case_is_refused(client, personal_yaml, problem):
    _create(client, personal_yaml, **{"Idempotency-Key": "k-1"})
    other = personal_yaml.replace("bezeichnung: Gemeinsame Entgelt", "bezeichnung: Andere Entgelt")
    body = problem(_create(client, other, **{"Idempotency-Key": "k-1"}), 422)
    assert body["type"] == "urn:ikz-berater:problem:idempotency-key-wiederverwendet"
    assert client.get(URL).json()["gesamt"] == 1


def test_parallel_retries_with_one_idempotency_key_create_exactly_one_case(app, personal_yaml, sachbearbeitung_key):
    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=bearer(sachbearbeitung_key)
        ) as ac:
            return await asyncio.gather(
                *(ac.post(URL, content=personal_yaml, headers={**YAML, "Idempotency-Key": "gleich"}) for _ in range(6))
            )

    responses = asyncio.run(run())
    assert sorted(r.status_code for r in responses) == [200] * 5 + [201]
    assert len({r.json()["fall"] for r in responses}) == 1


def test_parallel_puts_to_one_case_each_become_a_version_none_is_lost(app, personal_yaml, sachbearbeitung_key):
    writers = 10

    async def run() -> tuple[int, list[httpx.Response], httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=bearer(sachbearbeitung_key)
        ) as ac:
            case = (await ac.post(URL, content=personal_yaml, headers=YAML)).json()["fall"]
            puts = await asyncio.gather(
                *(
                    ac.put(f"{URL}/{case}", content=personal_yaml, headers={**YAML, "Notiz": f"w{i}"})
                    for i in range(writers)
                )
            )
            return case, puts, await ac.get(f"{URL}/{case}/versions")

    case, puts, versions = asyncio.run(run())
    assert [r.status_code for r in puts] == [200] * writers
    assert sorted(r.json()["version"] for r in puts) == list(range(2, writers + 2))
    listed = versions.json()["versionen"]
    assert [v["version"] for v in listed] == list(range(1, writers + 2))
    assert sorted(v["notiz"] for v in listed[1:]) == sorted(f"w{i}" for i in range(writers))


def test_if_match_with_an_outdated_version_is_a_412_and_stores_nothing(client, personal_yaml, problem):
    case = _create(client, personal_yaml).json()["fall"]
    assert client.put(f"{URL}/{case}", content=personal_yaml, headers={**YAML, "If-Match": '"1"'}).status_code == 200
    body = problem(client.put(f"{URL}/{case}", content=personal_yaml, headers={**YAML, "If-Match": '"1"'}), 412)
    assert "aktuell ist Version 2" in body["detail"]
    problem(client.put(f"{URL}/{case}", content=personal_yaml, headers={**YAML, "If-Match": "morgen"}), 400)
    assert len(client.get(f"{URL}/{case}/versions").json()["versionen"]) == 2


def test_a_stored_assessment_is_shown_as_saved_and_re_run_only_on_request(client, app, personal_yaml):
    case = _create(client, personal_yaml).json()["fall"]
    with app.state.session_factory() as session:  # simulate a version saved under an older rule set
        from api.db.models import CaseVersionRow

        row = session.query(CaseVersionRow).filter_by(case_id=case, number=1).one()
        old = json.loads(row.bewertung_json)
        old["ergebnis"] = "offen"
        row.bewertung_json, row.ergebnis = json.dumps(old), "offen"
        row.regelwerk_version, row.regelwerk_sha256 = "2025.01", "0" * 64
        session.commit()
    stored = client.get(f"{URL}/{case}").json()
    assert (stored["ergebnis"], stored["regelwerk"]["sha256"]) == ("offen", "0" * 64)
    assert "neubewertung" not in stored
    rerun = client.get(f"{URL}/{case}?neu_bewerten=true").json()
    neu = rerun["neubewertung"]
    assert neu["regelwerk"]["sha256"] == app.state.regelwerk.sha256
    assert neu["regelwerk_geaendert"] is True
    assert neu["ergebnis"] == neu["bewertung"]["ergebnis"] != "offen"
    assert neu["ergebnis_geaendert"] is True
    assert rerun["ergebnis"] == "offen"  # the stored result itself is untouched
    assert client.get(f"{URL}/{case}/versions/1?neu_bewerten=true").json()["neubewertung"] == neu


def test_a_case_id_that_is_no_number_is_a_422_naming_the_parameter(client, problem):
    problem(client.get(f"{URL}/abc"), 422, pfad="case_id")


def test_the_same_case_sent_once_as_yaml_and_once_as_json_counts_as_the_same_request(
    client, personal_yaml, personal_daten
):
    first = _create(client, personal_yaml, **{"Idempotency-Key": "format-egal"})
    retry = client.post(
        URL,
        content=json.dumps(personal_daten, default=str),
        headers={"content-type": "application/json", "Idempotency-Key": "format-egal"},
    )
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json()["fall"] == first.json()["fall"]
