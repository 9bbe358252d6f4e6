"""POST /api/v1/assessments: Fallakte (JSON or YAML) → Bewertung; every bad input → problem+json."""

from __future__ import annotations

import json

from advisor.beratung import berate
from advisor.bewertung import bewertung_als_dict
from advisor.parsing import parse_fallakte

URL = "/api/v1/assessments"
YAML = {"content-type": "application/yaml"}
JSON = {"content-type": "application/json"}


def test_a_yaml_case_gets_the_same_assessment_as_the_advisor_gives_directly(client, app, personal_yaml):
    response = client.post(URL, content=personal_yaml, headers=YAML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    direct = berate(parse_fallakte(personal_yaml), app.state.regelwerk, app.state.satztabellen)
    assert response.json() == json.loads(json.dumps(bewertung_als_dict(direct.bewertung)))
    assert response.json()["regelwerk"]["sha256"] == app.state.regelwerk.sha256


def test_json_and_yaml_of_the_same_case_give_byte_identical_answers(client, personal_yaml, personal_daten):
    from_yaml = client.post(URL, content=personal_yaml, headers=YAML)
    from_json = client.post(URL, content=json.dumps(personal_daten, default=str), headers=JSON)
    again = client.post(URL, content=personal_yaml, headers=YAML)
    assert from_yaml.status_code == from_json.status_code == 200
    assert from_yaml.content == from_json.content == again.content


def test_the_answer_has_sorted_keys_and_money_as_decimal_strings(client, personal_yaml):
    body = client.post(URL, content=personal_yaml, headers=YAML).content.decode()
    data = json.loads(body)
    assert body == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for leistung in data["leistungen"]:
        for empfehlung in leistung["empfehlungen"]:
            betrag = empfehlung["mehrbelastung_vermieden_eur"]
            assert betrag is None or isinstance(betrag, str)


def test_a_negative_allocation_weight_is_named_with_its_full_field_path(client, personal_yaml, problem):
    bad = personal_yaml.replace("werte: {stadt-a: 610", "werte: {stadt-a: -610")
    body = problem(
        client.post(URL, content=bad, headers=YAML), 422, pfad="leistungen[0].kosten.verteilung.werte.stadt-a"
    )
    assert body["type"] == "urn:ikz-berater:problem:ungueltige-eingabe"
    assert body["title"] == "Die Fallakte ist ungültig."
    assert "leistungen[0].kosten.verteilung.werte.stadt-a" in body["detail"]


def test_a_misspelt_field_is_refused_not_ignored(client, personal_yaml, problem):
    bad = personal_yaml.replace("rechtsform: oerv_mandatierend", "rechtsfrom: oerv_mandatierend")
    body = problem(client.post(URL, content=bad, headers=YAML), 422, pfad="rechtsfrom")
    assert "Unbekanntes Feld" in body["detail"]


def test_broken_json_is_reported_with_line_and_column(client, problem):
    body = problem(client.post(URL, content='{"format": "ikz-fallakte/1",', headers=JSON), 422)
    assert "Kein gültiges JSON" in body["detail"] and "Zeile 1" in body["detail"]


def test_a_duplicate_key_is_an_error(client, problem):
    body = problem(client.post(URL, content='{"bezeichnung": "a", "bezeichnung": "b"}', headers=JSON), 422)
    assert body["errors"][0]["pfad"] == "bezeichnung"


def test_an_empty_body_and_a_body_that_is_no_utf8_are_refused_in_german(client, problem):
    assert "leer" in problem(client.post(URL, content=b"", headers=JSON), 422)["detail"]
    assert "UTF-8" in problem(client.post(URL, content="ä".encode("latin-1"), headers=YAML), 422)["detail"]


def test_a_body_that_is_not_json_or_yaml_is_refused_with_415(client, personal_yaml, problem):
    for headers in ({"content-type": "text/plain"}, {"content-type": "application/x-www-form-urlencoded"}, {}):
        body = problem(client.post(URL, content=personal_yaml.encode(), headers=headers), 415)
        assert "application/yaml" in body["detail"]


def test_a_body_declared_larger_than_the_limit_is_refused_with_413_before_it_is_read(client, settings, problem):
    big = b"{" + b" " * settings.max_body_bytes + b"}"
    body = problem(client.post(URL, content=big, headers=JSON), 413)
    assert "zu groß" in body["detail"]


def test_a_chunked_body_is_stopped_at_the_limit_with_413(client, settings, problem):
    def chunks():
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b" " * 65536

    problem(client.post(URL, content=chunks(), headers=JSON), 413)


def test_more_than_500_partners_is_a_clear_422_naming_the_list(client, personal_daten, problem):
    personal_daten["beteiligte"] = [{"id": f"g{i}", "name": f"Gemeinde {i}", "art": "gemeinde"} for i in range(501)]
    body = problem(
        client.post(URL, content=json.dumps(personal_daten, default=str), headers=JSON), 422, pfad="beteiligte"
    )
    assert "500" in body["detail"]


def test_more_than_100_services_is_a_clear_422_naming_the_list(client, personal_daten, problem):
    leistung = personal_daten["leistungen"][0]
    personal_daten["leistungen"] = [{**leistung, "id": f"l{i}"} for i in range(101)]
    problem(client.post(URL, content=json.dumps(personal_daten, default=str), headers=JSON), 422, pfad="leistungen")


def test_a_yaml_alias_bomb_is_refused_without_expanding_it(client, problem):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 9)
    ]
    lines.append("bezeichnung: *a8")
    body = problem(client.post(URL, content="\n".join(lines), headers=YAML), 422)
    assert "zu viele Werte" in body["detail"]


def test_a_deeply_nested_document_is_refused_not_crashed(client, problem):
    problem(client.post(URL, content="[" * 100_000 + "]" * 100_000, headers=JSON), 422)


def test_an_unknown_format_version_is_named(client, personal_yaml, problem):
    bad = personal_yaml.replace("format: ikz-fallakte/1", "format: ikz-fallakte/9")
    problem(client.post(URL, content=bad, headers=YAML), 422, pfad="format")
