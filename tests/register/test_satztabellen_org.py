"""Rate tables stored per organisation: used by the organisation's calculations and saved cases,
invisible and unusable for another organisation, versioned, audited."""

from __future__ import annotations

import json

from tests.kosten.conftest import fall_daten
from tests.kosten.test_eigene_satztabellen import E9B_EIGEN, EIGENE
from tests.register.conftest import A, C

URL = "/api/v1/organisation/rate-tables"


def _fall() -> dict:
    return fall_daten(
        satzgrundlage="kgst_2026_27_stadt",
        positionen=[{"art": "personal", "bezeichnung": "Sachbearbeitung", "entgeltgruppe": "E 9b", "vzae": "1"}],
    )


def test_a_stored_table_is_used_by_the_organisations_cases_and_not_by_another(client, key):
    r = client.post(URL, content=EIGENE, headers={**key(A, "sachbearbeitung"), "content-type": "application/yaml"})
    assert r.status_code == 201, r.text
    assert [(t["id"], t["version"]) for t in r.json()["satztabellen"]] == [("kgst_2026_27_stadt", 1)]
    body = json.dumps(_fall())
    h = {**key(A, "sachbearbeitung"), "content-type": "application/json"}
    saved = client.post("/api/v1/cases", content=body, headers=h)
    assert saved.status_code == 201, saved.text
    positionen = saved.json()["kalkulation"]["leistungen"][0]["positionen"]
    assert positionen[0]["betrag"] == str(E9B_EIGEN)
    # C does not have the table: its case naming it is rejected with the field
    other = client.post(
        "/api/v1/cases", content=body, headers={**key(C, "sachbearbeitung"), "content-type": "application/json"}
    )
    assert other.status_code == 422
    assert "satzgrundlage" in other.text
    assert client.get(URL, headers=key(C, "leser")).json() == {"satztabellen": []}


def test_a_new_upload_is_a_new_version_and_deleting_retires_it(client, key):
    h = {**key(A, "sachbearbeitung"), "content-type": "application/yaml"}
    client.post(URL, content=EIGENE, headers=h)
    r = client.post(URL, content=EIGENE.replace("stundensatz: 70.03", "stundensatz: 70.03 "), headers=h)
    assert [t["version"] for t in r.json()["satztabellen"]] == [2]
    assert client.delete(f"{URL}/kgst_2026_27_stadt", headers=key(C, "sachbearbeitung")).status_code == 404
    assert client.delete(f"{URL}/kgst_2026_27_stadt", headers=key(A, "sachbearbeitung")).json() == {"satztabellen": []}


def test_only_roles_that_prepare_cases_store_tables_and_a_wrong_table_names_the_field(client, key):
    assert (
        client.post(URL, content=EIGENE, headers={**key(A, "leser"), "content-type": "application/yaml"}).status_code
        == 403
    )
    assert client.post(URL, content=EIGENE).status_code == 401
    r = client.post(
        URL,
        content=EIGENE.replace("kgst_2026_27_stadt", "kgst_2025_26"),
        headers={**key(A, "sachbearbeitung"), "content-type": "application/yaml"},
    )
    assert r.status_code == 422 and "mitgelieferte" in r.text
