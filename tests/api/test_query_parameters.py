"""Unknown query parameters are refused with a 422 naming them (found by schemathesis in CI)."""

from __future__ import annotations


def test_an_unknown_query_parameter_is_named_in_a_422(key_client, problem):
    antwort = key_client.get("/api/v1/cases?limt=5")
    body = problem(antwort, 422, pfad="limt")
    meldung = body["errors"][0]["meldung"]
    assert "Unbekannter Abfrageparameter" in meldung and "limit" in meldung and "offset" in meldung


def test_documented_query_parameters_still_work(key_client):
    antwort = key_client.get("/api/v1/cases?limit=5&offset=0")
    assert antwort.status_code == 200, antwort.text
    assert antwort.json()["limit"] == 5


def test_a_route_without_query_parameters_refuses_any(client, problem):
    body = problem(client.get("/api/v1/rules?x=1"), 422, pfad="x")
    assert "kennt keine Abfrageparameter" in body["errors"][0]["meldung"]


def test_a_hostile_parameter_name_is_shortened_and_never_breaks_the_answer(key_client, problem):
    name = "%C3%89%19%F0%BA%BA%B6" + "x" * 500
    body = problem(key_client.get(f"/api/v1/cases?{name}=1&Klausel+kommentieren=null"), 422)
    assert all(len(e["pfad"]) <= 80 for e in body["errors"])


def test_a_parameter_documented_by_hand_is_accepted(key_client):
    """The screening's ``stichtag`` is documented in ``openapi_extra``, not by the handler."""
    antwort = key_client.post(
        "/api/v1/screenings?stichtag=2027-01-01",
        content="Erbringer;Empfänger;Leistung\n".encode(),
        headers={"content-type": "text/csv"},
    )
    assert antwort.status_code != 422 or "Abfrageparameter" not in antwort.text, antwort.text
