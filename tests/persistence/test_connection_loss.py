"""The database goes away and comes back (PostgreSQL stopped and restarted): every request that
needs it is a 503 with Retry-After — problem+json for the API, the German page for the web —
the requests that need no database are still answered, and once the database is back the same
server process answers again without a restart."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.identity_helpers import add_key, add_organisation, bearer


@pytest.mark.postgres
@pytest.mark.slow
def test_a_lost_database_gives_503_with_retry_after_and_the_server_recovers(postgres_server, tmp_path, example_texts):
    cluster = postgres_server.cluster
    if cluster is None:
        pytest.skip("braucht den Wegwerf-Cluster der Tests (nicht IKZ_TEST_POSTGRES_URL)")
    app = create_app(Settings(data_dir=tmp_path, seed_examples=False, api_key_cache_seconds=0))
    add_organisation(app, "kreis", "Kreis")
    key = bearer(add_key(app, "kreis", "sachbearbeitung"))
    fall = example_texts["personalabrechnung-mandatierend"]
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/api/v1/cases", headers=key).status_code == 200
        client.get("/screening")  # as a browser: its cookie makes the download below ask the database
        cluster.stop()
        try:
            api = client.get("/api/v1/cases", headers=key)
            assert api.status_code == 503, api.text
            assert api.headers["content-type"].startswith("application/problem+json")
            assert int(api.headers["retry-after"]) > 0
            assert "Datenbank" in api.json()["detail"]
            web = client.get("/screening/" + "a" * 32 + "/bestandsscreening.pdf")
            assert web.status_code == 503 and web.headers["content-type"].startswith("text/html")
            assert "vorübergehend nicht erreichbar" in web.text and int(web.headers["retry-after"]) > 0
            stateless = client.post("/api/v1/assessments", content=fall, headers={"content-type": "application/yaml"})
            assert stateless.status_code == 200
        finally:
            cluster.start()
        assert client.get("/api/v1/cases", headers=key).status_code == 200
        saved = client.post("/api/v1/cases", content=fall, headers={**key, "content-type": "application/yaml"})
        assert saved.status_code == 201
